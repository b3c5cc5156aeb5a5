/// Limits that protect the parser from hostile documents.
public struct ParseOptions: Sendable, Hashable {
    /// The most tokens (comments excluded) a document may have; beyond it parsing
    /// stops with `Syntax Error: Document contains more than N tokens. Parsing aborted.`,
    /// as graphql-js's `maxTokens` option does.
    public var maxTokens: Int

    /// The deepest nesting of selection sets, list and object values, and list type
    /// wrappers, counted together; beyond it parsing stops with
    /// `Syntax Error: Document nesting exceeds the maximum depth of N.` at the
    /// opening bracket. This bounds the parser's recursion, and so its stack use,
    /// and the recursion of everything that walks the AST afterwards.
    public var maxDepth: Int

    public init(maxTokens: Int = 100_000, maxDepth: Int = 256) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
    }
}
