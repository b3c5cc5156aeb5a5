/// The rules of one validation, called by visitor method (graphql-js
/// `ParallelVisitor`): for each node, the rules that implement its method are called
/// in the order they were given, and no others.
final class RuleDispatch {
    let rules: [any ValidationRule]
    private let plan: DispatchPlan

    init(_ rules: [any ValidationRule]) {
        self.rules = rules
        let types = rules.map { type(of: $0) as any ValidationRule.Type }
        plan = DispatchPlan.specified.isPlan(for: types) ? DispatchPlan.specified : DispatchPlan(types)
    }

    /// The dispatch of the variable usage collector alone.
    init(collector: VariableUsageCollector) {
        rules = [collector]
        plan = DispatchPlan.variableCollector
    }

    /// Whether any rule looks at values (otherwise the walker skips them).
    var visitsValues: Bool { plan.visitsValues }

    func enterDocument(_ node: Document) { for i in plan.enterDocument { rules[i].enterDocument(node) } }
    func leaveDocument(_ node: Document) { for i in plan.leaveDocument { rules[i].leaveDocument(node) } }
    func enterOperationDefinition(_ node: OperationDefinition) {
        for i in plan.enterOperationDefinition { rules[i].enterOperationDefinition(node) }
    }
    func leaveOperationDefinition(_ node: OperationDefinition) {
        for i in plan.leaveOperationDefinition { rules[i].leaveOperationDefinition(node) }
    }
    func enterFragmentDefinition(_ node: FragmentDefinition) {
        for i in plan.enterFragmentDefinition { rules[i].enterFragmentDefinition(node) }
    }
    func leaveFragmentDefinition(_ node: FragmentDefinition) {
        for i in plan.leaveFragmentDefinition { rules[i].leaveFragmentDefinition(node) }
    }
    func enterVariableDefinition(_ node: VariableDefinition) {
        for i in plan.enterVariableDefinition { rules[i].enterVariableDefinition(node) }
    }
    func leaveVariableDefinition(_ node: VariableDefinition) {
        for i in plan.leaveVariableDefinition { rules[i].leaveVariableDefinition(node) }
    }
    func enterSelectionSet(_ node: SelectionSet, parent: SelectionSetParent) {
        for i in plan.enterSelectionSet { rules[i].enterSelectionSet(node, parent: parent) }
    }
    func leaveSelectionSet(_ node: SelectionSet, parent: SelectionSetParent) {
        for i in plan.leaveSelectionSet { rules[i].leaveSelectionSet(node, parent: parent) }
    }
    func enterField(_ node: Field) { for i in plan.enterField { rules[i].enterField(node) } }
    func leaveField(_ node: Field) { for i in plan.leaveField { rules[i].leaveField(node) } }
    func enterFragmentSpread(_ node: FragmentSpread) { for i in plan.enterFragmentSpread { rules[i].enterFragmentSpread(node) } }
    func leaveFragmentSpread(_ node: FragmentSpread) { for i in plan.leaveFragmentSpread { rules[i].leaveFragmentSpread(node) } }
    func enterInlineFragment(_ node: InlineFragment) { for i in plan.enterInlineFragment { rules[i].enterInlineFragment(node) } }
    func leaveInlineFragment(_ node: InlineFragment) { for i in plan.leaveInlineFragment { rules[i].leaveInlineFragment(node) } }
    func enterDirective(_ node: Directive, location: DirectiveLocation) {
        for i in plan.enterDirective { rules[i].enterDirective(node, location: location) }
    }
    func leaveDirective(_ node: Directive, location: DirectiveLocation) {
        for i in plan.leaveDirective { rules[i].leaveDirective(node, location: location) }
    }
    func enterArgument(_ node: Argument, parent: ArgumentParent) {
        for i in plan.enterArgument { rules[i].enterArgument(node, parent: parent) }
    }
    func leaveArgument(_ node: Argument, parent: ArgumentParent) {
        for i in plan.leaveArgument { rules[i].leaveArgument(node, parent: parent) }
    }
    func enterValue(_ node: Value) { for i in plan.enterValue { rules[i].enterValue(node) } }
    func leaveValue(_ node: Value) { for i in plan.leaveValue { rules[i].leaveValue(node) } }
    func enterObjectField(_ node: ObjectField) { for i in plan.enterObjectField { rules[i].enterObjectField(node) } }
    func leaveObjectField(_ node: ObjectField) { for i in plan.leaveObjectField { rules[i].leaveObjectField(node) } }
    func enterNamedType(_ node: Name) { for i in plan.enterNamedType { rules[i].enterNamedType(node) } }
    func enterTypeSystemNode(_ node: TypeSystemNode) {
        for i in plan.enterTypeSystemNode { rules[i].enterTypeSystemNode(node) }
    }
}

/// For each visitor method, the positions of the rules that implement it. Computed
/// once for the specified rules.
private final class DispatchPlan: Sendable {
    static let specified = DispatchPlan(specifiedRules)
    static let variableCollector = DispatchPlan([VariableUsageCollector.self])

    let ruleTypes: [ObjectIdentifier]
    let enterDocument: [Int], leaveDocument: [Int]
    let enterOperationDefinition: [Int], leaveOperationDefinition: [Int]
    let enterFragmentDefinition: [Int], leaveFragmentDefinition: [Int]
    let enterVariableDefinition: [Int], leaveVariableDefinition: [Int]
    let enterSelectionSet: [Int], leaveSelectionSet: [Int]
    let enterField: [Int], leaveField: [Int]
    let enterFragmentSpread: [Int], leaveFragmentSpread: [Int]
    let enterInlineFragment: [Int], leaveInlineFragment: [Int]
    let enterDirective: [Int], leaveDirective: [Int]
    let enterArgument: [Int], leaveArgument: [Int]
    let enterValue: [Int], leaveValue: [Int]
    let enterObjectField: [Int], leaveObjectField: [Int]
    let enterNamedType: [Int]
    let enterTypeSystemNode: [Int]
    let visitsValues: Bool

    init(_ types: [any ValidationRule.Type]) {
        ruleTypes = types.map { ObjectIdentifier($0) }
        let visits = types.map { $0.visits }
        func positions(_ visit: ValidationVisits) -> [Int] { visits.indices.filter { visits[$0].contains(visit) } }
        enterDocument = positions(.enterDocument)
        leaveDocument = positions(.leaveDocument)
        enterOperationDefinition = positions(.enterOperationDefinition)
        leaveOperationDefinition = positions(.leaveOperationDefinition)
        enterFragmentDefinition = positions(.enterFragmentDefinition)
        leaveFragmentDefinition = positions(.leaveFragmentDefinition)
        enterVariableDefinition = positions(.enterVariableDefinition)
        leaveVariableDefinition = positions(.leaveVariableDefinition)
        enterSelectionSet = positions(.enterSelectionSet)
        leaveSelectionSet = positions(.leaveSelectionSet)
        enterField = positions(.enterField)
        leaveField = positions(.leaveField)
        enterFragmentSpread = positions(.enterFragmentSpread)
        leaveFragmentSpread = positions(.leaveFragmentSpread)
        enterInlineFragment = positions(.enterInlineFragment)
        leaveInlineFragment = positions(.leaveInlineFragment)
        enterDirective = positions(.enterDirective)
        leaveDirective = positions(.leaveDirective)
        enterArgument = positions(.enterArgument)
        leaveArgument = positions(.leaveArgument)
        enterValue = positions(.enterValue)
        leaveValue = positions(.leaveValue)
        enterObjectField = positions(.enterObjectField)
        leaveObjectField = positions(.leaveObjectField)
        enterNamedType = positions(.enterNamedType)
        enterTypeSystemNode = positions(.enterTypeSystemNode)
        visitsValues = visits.contains { !$0.isDisjoint(with: [.enterValue, .leaveValue, .enterObjectField, .leaveObjectField]) }
    }

    func isPlan(for types: [any ValidationRule.Type]) -> Bool {
        types.count == ruleTypes.count && zip(types, ruleTypes).allSatisfy { ObjectIdentifier($0) == $1 }
    }
}
