/// What the rules of one validation share: the schema and document, the ``TypeInfo``
/// of the traversal, the errors reported so far, and cached facts about the
/// document's fragments and variables (graphql-js `ValidationContext`).
public final class ValidationContext {
    public let schema: GraphQLSchema
    public let document: Document
    public let typeInfo: TypeInfo
    @exclusivity(unchecked) public private(set) var errors: [GraphQLError] = []
    /// Set once validation stops early; later reports are dropped.
    @exclusivity(unchecked) public private(set) var isAborted = false
    /// Whether the traversal is inside a type system definition (SDL).
    @exclusivity(unchecked) public internal(set) var isInTypeSystemDefinition = false

    let maxErrors: Int
    /// Whether the document defines directives (in SDL).
    let hasDirectiveDefinitions: Bool
    /// The fragment definitions by name (the last one wins, as in graphql-js).
    let fragmentsByName: [String: FragmentDefinition]
    /// Fragment names in the order they are first defined.
    let fragmentNames: [String]

    /// Whether any operation or fragment uses a variable (most documents use none).
    private(set) lazy var documentHasVariables: Bool = document.definitions.contains { definition in
        switch definition {
        case .operation(let operation): return hasVariables(operation.directives) || hasVariables(operation.selectionSet)
        case .fragment(let fragment): return hasVariables(fragment.directives) || hasVariables(fragment.selectionSet)
        default: return false
        }
    }

    @exclusivity(unchecked) private var spreadsBySelectionSet: [Int: [FragmentSpread]] = [:]
    @exclusivity(unchecked) private var referencedFragments: [Set<String>: [FragmentDefinition]] = [:]
    @exclusivity(unchecked) var variableUsagesByDefinition: [DefinitionKey: [VariableUsage]] = [:]
    @exclusivity(unchecked) var recursiveVariableUsagesByOperation: [DefinitionKey: [VariableUsage]] = [:]
    @exclusivity(unchecked) var fragmentVariableUsages: [Set<String>: [VariableUsage]] = [:]
    /// Work allowed on fragments shared by operations (graphql-core `MAX_FRAGMENT_WORK`).
    @exclusivity(unchecked) private var remainingFragmentWork = 50_000

    init(schema: GraphQLSchema, document: Document, maxErrors: Int) {
        self.schema = schema
        self.document = document
        self.typeInfo = TypeInfo(schema: schema)
        self.maxErrors = maxErrors
        var fragments: [String: FragmentDefinition] = [:]
        var names: [String] = []
        for case .fragment(let fragment) in document.definitions {
            if fragments.updateValue(fragment, forKey: fragment.name.value) == nil { names.append(fragment.name.value) }
        }
        fragmentsByName = fragments
        fragmentNames = names
        hasDirectiveDefinitions = document.definitions.contains { if case .directive = $0 { true } else { false } }
    }

    /// Reports a validation error. Past the error limit, validation is aborted.
    public func report(_ error: GraphQLError) {
        guard !isAborted else { return }
        guard errors.count < maxErrors else {
            errors.append(GraphQLError("Too many validation errors, error limit reached. Validation aborted."))
            isAborted = true
            return
        }
        errors.append(error)
    }

    /// Stops validation: too much work or too deep fragments.
    func abort() {
        guard !isAborted else { return }
        errors.append(GraphQLError("Validation aborted."))
        isAborted = true
    }

    /// Spends work on shared fragments; aborts validation when the budget is gone.
    func spendFragmentWork(_ cost: Int) {
        remainingFragmentWork -= cost
        if remainingFragmentWork < 0 { abort() }
    }

    public func fragment(named name: String) -> FragmentDefinition? { fragmentsByName[name] }

    /// The fragment spreads in a selection set, nested ones included, but not those
    /// inside the spread fragments.
    public func fragmentSpreads(in selectionSet: SelectionSet) -> [FragmentSpread] {
        let key = selectionSet.identity
        if let key, let cached = spreadsBySelectionSet[key] { return cached }
        var spreads: [FragmentSpread] = []
        var setsToVisit = [selectionSet]
        while let set = setsToVisit.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): spreads.append(spread)
                case .field(let field): if let nested = field.selectionSet { setsToVisit.append(nested) }
                case .inlineFragment(let fragment): setsToVisit.append(fragment.selectionSet)
                }
            }
        }
        if let key { spreadsBySelectionSet[key] = spreads }
        return spreads
    }

    /// The fragments the operations use, directly or through other fragments, in the
    /// order they are first spread.
    public func recursivelyReferencedFragments(_ operations: [OperationDefinition]) -> [FragmentDefinition] {
        referencedFragmentsWithKey(operations).fragments
    }

    func referencedFragmentsWithKey(_ operations: [OperationDefinition]) -> (key: Set<String>, fragments: [FragmentDefinition]) {
        var names: [String] = []
        var collected: Set<String> = []
        for operation in operations {
            for spread in fragmentSpreads(in: operation.selectionSet) where collected.insert(spread.name.value).inserted {
                names.append(spread.name.value)
            }
        }
        let key = collected
        if let cached = referencedFragments[key] { return (key, cached) }
        var fragments: [FragmentDefinition] = []
        spendFragmentWork(names.count)
        var index = 0
        while index < names.count, !isAborted {
            if let fragment = fragmentsByName[names[index]] {
                fragments.append(fragment)
                let spreads = fragmentSpreads(in: fragment.selectionSet)
                spendFragmentWork(spreads.count)
                for spread in spreads where collected.insert(spread.name.value).inserted {
                    names.append(spread.name.value)
                }
            }
            index += 1
        }
        referencedFragments[key] = fragments
        return (key, fragments)
    }
}

extension SelectionSet {
    /// The identity of this selection set within its document: the address of its
    /// selections' storage, shared by every copy of the node (nil when empty).
    var identity: Int? {
        if selections.isEmpty { return nil }
        return selections.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
    }
}
