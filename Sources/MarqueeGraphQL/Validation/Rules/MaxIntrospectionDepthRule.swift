/// Maximum introspection depth (no spec section; graphql-js recommends it): an
/// introspection query nests the list fields of `__Type` (`fields`, `interfaces`,
/// `possibleTypes`, `inputFields`) fewer than three deep, fragments included.
public final class MaxIntrospectionDepthRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterField, .leaveField] }
    private static let maxListDepth = 3
    private let context: ValidationContext
    /// For each fragment, the greatest entry depth at which its check completed
    /// without reaching the limit (shared across checks).
    private var checkedFragments: [String: Int] = [:]
    /// For each fragment, the smallest entry depth at which its check reached the limit.
    private var exceededFragments: [String: Int] = [:]
    /// Fields entered since a check failed (their subtree is not checked again).
    @exclusivity(unchecked) private var skippedDepth = 0

    public init(context: ValidationContext) { self.context = context }

    public func enterField(_ node: Field) {
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        let name = node.name.value
        guard name == "__schema" || name == "__type" else { return }
        if exceedsDepth(node) {
            context.report(GraphQLError("Maximum introspection depth exceeded", at: node.loc))
            skippedDepth = 1
        }
    }

    public func leaveField(_ node: Field) {
        if skippedDepth > 0 { skippedDepth -= 1 }
    }

    private struct Frame {
        var selections: [Selection]
        var next: Int
        var depth: Int
        var fragment: String?
    }

    /// Depth-first, with an explicit stack, in the order of a recursive walk.
    private func exceedsDepth(_ root: Field) -> Bool {
        var visitedFragments: [String: Int] = [:]
        var stack = [Frame(selections: [.field(root)], next: 0, depth: 0, fragment: nil)]
        while let top = stack.last {
            if top.next == top.selections.count {
                stack.removeLast()
                if let fragment = top.fragment { checkedFragments[fragment] = top.depth }
                continue
            }
            let selection = top.selections[top.next]
            stack[stack.count - 1].next += 1
            var depth = top.depth
            switch selection {
            case .fragmentSpread(let spread):
                let name = spread.name.value
                if let exceeded = exceededFragments[name], exceeded <= depth {
                    markExceeded(stack)
                    return true
                }
                if visitedFragments[name, default: -1] >= depth || checkedFragments[name, default: -1] >= depth { continue }
                // Unknown fragments are reported by KnownFragmentNames.
                guard let fragment = context.fragment(named: name) else { continue }
                visitedFragments[name] = depth
                stack.append(Frame(selections: fragment.selectionSet.selections, next: 0, depth: depth, fragment: name))
            case .field(let field):
                switch field.name.value {
                case "fields", "interfaces", "possibleTypes", "inputFields":
                    depth += 1
                    if depth >= Self.maxListDepth {
                        markExceeded(stack)
                        return true
                    }
                default: break
                }
                if let selectionSet = field.selectionSet {
                    stack.append(Frame(selections: selectionSet.selections, next: 0, depth: depth, fragment: nil))
                }
            case .inlineFragment(let fragment):
                stack.append(Frame(selections: fragment.selectionSet.selections, next: 0, depth: depth, fragment: nil))
            }
        }
        return false
    }

    /// Records that every fragment being checked reached the limit, innermost first.
    private func markExceeded(_ stack: [Frame]) {
        for frame in stack.reversed() {
            if let fragment = frame.fragment { exceededFragments[fragment] = frame.depth }
        }
    }
}
