/// Stops validation before rules recurse too deeply through fragments (graphql-core
/// `FragmentNestingVisitor`): the parser bounds the nesting of each definition, but
/// fragments spread into each other can nest without bound. A definition whose
/// nesting, fragments included, exceeds ``maxDepth`` aborts validation.
struct FragmentNesting {
    static let maxDepth = 200

    private struct Nesting {
        var depth: Int
        var spreads: [(name: String, depth: Int)]
    }

    /// Whether a document may nest too deeply: a nesting level takes a `{` and a `}`
    /// token, and a definition's nesting, fragments included, never goes through one
    /// selection set twice.
    static func canBeTooDeep(_ document: Document) -> Bool {
        document.tokenCount == 0 || document.tokenCount / 2 > maxDepth
    }

    /// The nesting depth of each fragment, fragments it spreads included.
    private var depths: [String: Int] = [:]

    init(_ context: ValidationContext) {
        var nestings: [String: Nesting] = [:]
        for name in context.fragmentNames {
            nestings[name] = Self.nesting(of: context.fragmentsByName[name]!.selectionSet)
        }
        // Depth-first through the spreads without recursion; a spread closing a
        // cycle adds nothing here (cycles are reported by the rules).
        for root in context.fragmentNames where depths[root] == nil {
            var path: [(name: String, next: Int)] = [(root, 0)]
            var onPath: Set<String> = [root]
            while let (name, next) = path.last {
                let spreads = nestings[name]!.spreads
                var index = next
                var descended = false
                while index < spreads.count {
                    let spread = spreads[index].name
                    index += 1
                    if nestings[spread] != nil, depths[spread] == nil, !onPath.contains(spread) {
                        path[path.count - 1].next = index
                        path.append((spread, 0))
                        onPath.insert(spread)
                        descended = true
                        break
                    }
                }
                if !descended {
                    path.removeLast()
                    onPath.remove(name)
                    depths[name] = depth(of: nestings[name]!)
                }
            }
        }
    }

    func isTooDeep(_ operation: OperationDefinition) -> Bool {
        depth(of: Self.nesting(of: operation.selectionSet)) > Self.maxDepth
    }

    func isTooDeep(_ fragment: FragmentDefinition) -> Bool {
        (depths[fragment.name.value] ?? 0) > Self.maxDepth
    }

    private func depth(of nesting: Nesting) -> Int {
        var depth = nesting.depth
        for spread in nesting.spreads { depth = max(depth, spread.depth + (depths[spread.name] ?? 0)) }
        return depth
    }

    /// The depth of a selection set's own nesting, and its spreads with their depth.
    private static func nesting(of selectionSet: SelectionSet) -> Nesting {
        var result = Nesting(depth: 0, spreads: [])
        var stack: [(SelectionSet, Int)] = [(selectionSet, 1)]
        while let (set, depth) = stack.popLast() {
            result.depth = max(result.depth, depth)
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): result.spreads.append((spread.name.value, depth))
                case .field(let field): if let nested = field.selectionSet { stack.append((nested, depth + 1)) }
                case .inlineFragment(let fragment): stack.append((fragment.selectionSet, depth + 1))
                }
            }
        }
        return result
    }
}
