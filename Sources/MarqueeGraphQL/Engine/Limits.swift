/// Limits that protect the engine from hostile documents; each answers with a
/// clear GraphQL error.
public struct GraphQLLimits: Sendable {
    /// Longest document text, in UTF-8 bytes.
    public var maxDocumentBytes: Int = 1_000_000
    /// Most tokens the lexer produces before parsing stops.
    public var maxTokens: Int = 100_000
    /// Deepest nesting of brackets the parser accepts.
    public var maxParseDepth: Int = 256
    /// Deepest selection nesting of an operation, through fragments.
    public var maxSelectionDepth: Int = 64
    /// Most aliased fields in one document.
    public var maxAliases: Int = 1_000

    public init() {}
}

enum DocumentLimits {
    /// Errors for a document that exceeds the selection depth or alias limits.
    static func check(_ document: Document, _ limits: GraphQLLimits) -> [GraphQLError] {
        var fragments: [String: FragmentDefinition] = [:]
        for fragment in document.fragments { fragments[fragment.name.value] = fragment }
        var aliases = 0
        var errors: [GraphQLError] = []
        var depthCache: [String: Int] = [:]
        for definition in document.definitions {
            switch definition {
            case .operation(let operation):
                var visiting: Set<String> = []
                let depth = selectionDepth(operation.selectionSet, fragments, &depthCache, &visiting)
                if depth > limits.maxSelectionDepth {
                    errors.append(GraphQLError("Operation \(operation.name.map { "\"\($0.value)\" " } ?? "")exceeds the maximum selection depth of \(limits.maxSelectionDepth) (it nests \(depth) levels).", at: operation.loc, extensions: ["code": "QUERY_TOO_DEEP"]))
                }
                aliases += countAliases(operation.selectionSet)
            case .fragment(let fragment):
                aliases += countAliases(fragment.selectionSet)
            default:
                continue
            }
        }
        if aliases > limits.maxAliases {
            errors.append(GraphQLError("Document uses \(aliases) aliases, more than the maximum of \(limits.maxAliases).", extensions: ["code": "TOO_MANY_ALIASES"]))
        }
        return errors
    }

    private static func selectionDepth(_ selectionSet: SelectionSet, _ fragments: [String: FragmentDefinition],
                                       _ cache: inout [String: Int], _ visiting: inout Set<String>) -> Int {
        var deepest = 0
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if let sub = field.selectionSet {
                    deepest = max(deepest, 1 + selectionDepth(sub, fragments, &cache, &visiting))
                } else {
                    deepest = max(deepest, 1)
                }
            case .inlineFragment(let fragment):
                deepest = max(deepest, selectionDepth(fragment.selectionSet, fragments, &cache, &visiting))
            case .fragmentSpread(let spread):
                let name = spread.name.value
                if let cached = cache[name] {
                    deepest = max(deepest, cached)
                } else if let fragment = fragments[name], !visiting.contains(name) {
                    visiting.insert(name)
                    let depth = selectionDepth(fragment.selectionSet, fragments, &cache, &visiting)
                    visiting.remove(name)
                    cache[name] = depth
                    deepest = max(deepest, depth)
                }
            }
        }
        return deepest
    }

    private static func countAliases(_ selectionSet: SelectionSet) -> Int {
        var count = 0
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if field.alias != nil { count += 1 }
                if let sub = field.selectionSet { count += countAliases(sub) }
            case .inlineFragment(let fragment):
                count += countAliases(fragment.selectionSet)
            case .fragmentSpread:
                continue
            }
        }
        return count
    }
}
