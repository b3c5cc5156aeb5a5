/// One use of a variable in an argument or input field, with the type expected there.
public struct VariableUsage {
    /// The variable (its location covers the `$`).
    public let node: Name
    /// The input type expected where the variable is used, if known.
    public let type: GraphQLType?
    /// The input type of the enclosing position (a list or input object), if any.
    public let parentType: GraphQLType?
    /// Whether the position has a default value of its own.
    public let hasDefaultValue: Bool
}

extension ValidationContext {
    /// The variables used in an operation, outside its variable definitions.
    public func variableUsages(in operation: OperationDefinition) -> [VariableUsage] {
        guard hasVariables(operation.directives) || hasVariables(operation.selectionSet) else { return [] }
        return cachedUsages(DefinitionKey(operation)) { walker in walker.walkOperation(operation) }
    }

    /// The variables used in a fragment definition.
    public func variableUsages(in fragment: FragmentDefinition) -> [VariableUsage] {
        guard hasVariables(fragment.directives) || hasVariables(fragment.selectionSet) else { return [] }
        return cachedUsages(DefinitionKey(fragment)) { walker in walker.walkFragmentDefinition(fragment) }
    }

    /// The variables used by an operation, including through the fragments it uses.
    public func recursiveVariableUsages(of operation: OperationDefinition) -> [VariableUsage] {
        guard documentHasVariables else { return [] }
        let key = DefinitionKey(operation)
        if let cached = recursiveVariableUsagesByOperation[key] { return cached }
        let (fragmentsKey, fragments) = referencedFragmentsWithKey([operation])
        let fragmentUsages: [VariableUsage]
        if let cached = fragmentVariableUsages[fragmentsKey] {
            fragmentUsages = cached
        } else {
            spendFragmentWork(fragments.count)
            var usages: [VariableUsage] = []
            for fragment in fragments {
                let local = variableUsages(in: fragment)
                spendFragmentWork(local.count)
                usages += local
            }
            fragmentVariableUsages[fragmentsKey] = usages
            fragmentUsages = usages
        }
        spendFragmentWork(fragmentUsages.count)
        let usages = variableUsages(in: operation) + fragmentUsages
        recursiveVariableUsagesByOperation[key] = usages
        return usages
    }

    private func cachedUsages(_ key: DefinitionKey, walk: (DocumentWalker) -> Void) -> [VariableUsage] {
        if let cached = variableUsagesByDefinition[key] { return cached }
        let collector = VariableUsageCollector(context: self)
        let walker = DocumentWalker(context: self, typeInfo: collector.typeInfo, rules: RuleDispatch(collector: collector),
                                    collectsVariables: true)
        walk(walker)
        variableUsagesByDefinition[key] = collector.usages
        return collector.usages
    }
}

/// An operation or fragment definition as the variable caches know it: a fragment
/// by its name (a spread means the last fragment of that name), an operation by
/// where it is and its selections.
struct DefinitionKey: Hashable {
    private let fragmentName: String?
    private let start: Int32
    private let selections: Int?

    init(_ operation: OperationDefinition) {
        fragmentName = nil
        start = operation.loc.start
        selections = operation.selectionSet.identity
    }

    init(_ fragment: FragmentDefinition) {
        fragmentName = fragment.name.value
        start = 0
        selections = nil
    }
}

/// Collects the variables of a definition with a `TypeInfo` of its own (graphql-js
/// `getVariableUsages`, which visits the definition again).
final class VariableUsageCollector: ValidationRule {
    static var visits: ValidationVisits { .enterValue }
    let typeInfo: TypeInfo
    var usages: [VariableUsage] = []

    init(context: ValidationContext) {
        typeInfo = TypeInfo(schema: context.schema)
    }

    func enterValue(_ node: Value) {
        guard case .variable(let name) = node else { return }
        usages.append(VariableUsage(node: name, type: typeInfo.inputType, parentType: typeInfo.parentInputType,
                                    hasDefaultValue: typeInfo.hasDefaultValue))
    }
}

// A quick scan for variables, without types, so that definitions and subtrees
// without any are not walked again.

func hasVariables(_ selectionSet: SelectionSet) -> Bool {
    selectionSet.selections.contains { selection in
        switch selection {
        case .field(let field): return field.hasVariables
        case .fragmentSpread(let spread): return hasVariables(spread.directives)
        case .inlineFragment(let fragment): return hasVariables(fragment.directives) || hasVariables(fragment.selectionSet)
        }
    }
}

func hasVariables(_ directives: [Directive]) -> Bool {
    directives.contains { hasVariables($0.arguments) }
}

func hasVariables(_ arguments: [Argument]) -> Bool {
    arguments.contains { hasVariables($0.value) }
}

func hasVariables(_ value: Value) -> Bool {
    switch value {
    case .variable: return true
    case .list(let items, _): return items.contains(where: hasVariables)
    case .object(let fields, _): return fields.contains { hasVariables($0.value) }
    default: return false
    }
}

extension Field {
    var hasVariables: Bool {
        MarqueeGraphQL.hasVariables(arguments) || MarqueeGraphQL.hasVariables(directives)
            || (selectionSet.map(MarqueeGraphQL.hasVariables) ?? false)
    }
}
