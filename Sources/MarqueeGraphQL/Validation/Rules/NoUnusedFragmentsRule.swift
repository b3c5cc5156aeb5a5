/// Fragments Must Be Used (spec 5.5.1.4): every fragment is spread by an operation,
/// directly or through other fragments.
public final class NoUnusedFragmentsRule: ValidationRule {
    public static var visits: ValidationVisits {
        [.enterOperationDefinition, .enterFragmentDefinition, .enterFragmentSpread, .leaveDocument]
    }
    private let context: ValidationContext
    private var fragments: [FragmentDefinition] = []
    /// The names spread by the operations, and by each fragment (its last definition).
    private var operationSpreads: [String] = []
    private var fragmentSpreads: [String: [String]] = [:]
    private var currentFragment: String?

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ node: OperationDefinition) { currentFragment = nil }

    public func enterFragmentDefinition(_ node: FragmentDefinition) {
        fragments.append(node)
        currentFragment = node.name.value
        fragmentSpreads[node.name.value] = []
    }

    public func enterFragmentSpread(_ node: FragmentSpread) {
        if let currentFragment {
            fragmentSpreads[currentFragment]!.append(node.name.value)
        } else {
            operationSpreads.append(node.name.value)
        }
    }

    public func leaveDocument(_ node: Document) {
        // The fragments reachable from the operations, charged to the fragment work
        // as graphql-js's getRecursivelyReferencedFragments is.
        var used = Set(operationSpreads)
        var pending = Array(used)
        context.spendFragmentWork(pending.count)
        while let name = pending.popLast(), !context.isAborted {
            guard let spreads = fragmentSpreads[name] else { continue }
            context.spendFragmentWork(spreads.count)
            for spread in spreads where used.insert(spread).inserted { pending.append(spread) }
        }
        if context.isAborted { return }
        for fragment in fragments where !used.contains(fragment.name.value) {
            context.report(GraphQLError("Fragment \"\(fragment.name.value)\" is never used.", at: fragment.loc))
        }
    }
}
