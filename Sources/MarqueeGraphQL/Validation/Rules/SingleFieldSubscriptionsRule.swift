/// Single Root Field (spec 5.2.4.1): a subscription selects exactly one root field,
/// not an introspection field, and without `@skip` or `@include` at the top level.
public final class SingleFieldSubscriptionsRule: ValidationRule {
    public static var visits: ValidationVisits { .enterOperationDefinition }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ node: OperationDefinition) {
        guard node.operation == .subscription, let subscriptionType = context.schema.subscriptionType else { return }
        var collector = RootFieldCollector(context: context, runtimeType: subscriptionType)
        collector.visit(node.selectionSet)
        if context.isAborted { return }
        let subject = node.name.map { "Subscription \"\($0.value)\"" } ?? "Anonymous Subscription"
        if !collector.forbiddenDirectives.isEmpty {
            context.report(GraphQLError(subject + " must not use `@skip` or `@include` directives in the top level selection.",
                                        nodes: collector.forbiddenDirectives.map(\.loc)))
            return
        }
        let groups = collector.responseKeys.map { collector.fieldsByResponseKey[$0]! }
        if groups.isEmpty {
            context.report(GraphQLError(subject + " must select one top level field.", at: node.selectionSet.loc))
        } else if groups.count > 1 {
            let extra = groups.dropFirst().flatMap { $0.map(\.loc) }
            context.report(GraphQLError(subject + " must select only one top level field.", nodes: extra))
        }
        for fields in groups where fields[0].name.value.hasPrefix("__") {
            context.report(GraphQLError(subject + " must not select an introspection top level field.", nodes: fields.map(\.loc)))
        }
    }
}

/// CollectFields() of the root selection set, as validation runs it: with no
/// variables, and with `@skip`/`@include` recorded as forbidden instead of evaluated.
private struct RootFieldCollector {
    let context: ValidationContext
    let runtimeType: GraphQLObjectType
    var responseKeys: [String] = []
    var fieldsByResponseKey: [String: [Field]] = [:]
    var forbiddenDirectives: [Directive] = []
    var visitedFragments: Set<String> = []

    init(context: ValidationContext, runtimeType: GraphQLObjectType) {
        self.context = context
        self.runtimeType = runtimeType
    }

    mutating func visit(_ selectionSet: SelectionSet) {
        spendWork(selectionSet)
        for selection in selectionSet.selections {
            if context.isAborted { return }
            switch selection {
            case .field(let field):
                guard shouldInclude(field.directives) else { continue }
                let key = field.responseKey
                if fieldsByResponseKey[key] == nil {
                    responseKeys.append(key)
                    fieldsByResponseKey[key] = [field]
                } else {
                    fieldsByResponseKey[key]!.append(field)
                }
            case .inlineFragment(let fragment):
                guard shouldInclude(fragment.directives), conditionMatches(fragment.typeCondition) else { continue }
                visit(fragment.selectionSet)
            case .fragmentSpread(let spread):
                guard shouldInclude(spread.directives), let fragment = context.fragment(named: spread.name.value),
                      conditionMatches(fragment.typeCondition) else { continue }
                guard visitedFragments.insert(spread.name.value).inserted else { continue }
                visit(fragment.selectionSet)
            }
        }
    }

    private mutating func shouldInclude(_ directives: [Directive]) -> Bool {
        if let skip = directives.first(where: { $0.name.value == "skip" }) {
            forbiddenDirectives.append(skip)
            return false
        }
        if let include = directives.first(where: { $0.name.value == "include" }) {
            forbiddenDirectives.append(include)
            return false
        }
        return true
    }

    private func conditionMatches(_ typeCondition: Name?) -> Bool {
        guard let typeCondition else { return true }
        guard let conditionType = context.schema.type(named: typeCondition.value) else { return false }
        if conditionType === runtimeType { return true }
        return isAbstractType(conditionType) && context.schema.isSubType(conditionType, runtimeType)
    }

    /// graphql-core charges the selections and their directives to the fragment work.
    private func spendWork(_ selectionSet: SelectionSet) {
        context.spendFragmentWork(selectionSet.selections.count)
        for selection in selectionSet.selections {
            let directives = selection.directives
            guard !directives.isEmpty else { continue }
            context.spendFragmentWork(directives.count)
            if let deferDirective = directives.first(where: { $0.name.value == "defer" }), !deferDirective.arguments.isEmpty {
                context.spendFragmentWork(deferDirective.arguments.count)
            }
        }
    }
}
