// The parser's token utilities, after graphql-js's Parser: peeking, expecting,
// the list forms of the grammar, node locations and the errors they raise.

extension Parser {
    /// Moves to the next token, counting it against `maxTokens`.
    mutating func advance() throws(GraphQLError) {
        lastEnd = token.end
        token = try lexer.next()
        if token.kind != .eof {
            tokenCount += 1
            if tokenCount > options.maxTokens {
                limitExceeded = true
                throw syntaxError("Document contains more than \(options.maxTokens) tokens. Parsing aborted.", at: token)
            }
        }
    }

    /// The location of a node that began at `start` and ended with the last token.
    @inline(__always)
    func loc(_ start: Token) -> Location {
        Location(start: start.start, end: lastEnd, line: start.line, column: start.column)
    }

    /// Consumes a token of the given kind, or throws `Expected …, found …`.
    @discardableResult
    mutating func expect(_ kind: TokenKind) throws(GraphQLError) -> Token {
        let current = token
        guard current.kind == kind else {
            throw syntaxError("Expected \(kind.errorDescription), found \(describe(current)).", at: current)
        }
        try advance()
        return current
    }

    /// Consumes a token of the given kind if it is next.
    mutating func expectOptional(_ kind: TokenKind) throws(GraphQLError) -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    /// Consumes the given keyword (a Name), or throws `Expected "…", found …`.
    mutating func expectKeyword(_ keyword: StaticString) throws(GraphQLError) {
        guard token.kind == .name && lexer.matches(token, keyword) else {
            throw syntaxError("Expected \"\(keyword)\", found \(describe(token)).", at: token)
        }
        try advance()
    }

    /// Consumes the given keyword if it is next.
    mutating func expectOptionalKeyword(_ keyword: StaticString) throws(GraphQLError) -> Bool {
        guard token.kind == .name && lexer.matches(token, keyword) else { return false }
        try advance()
        return true
    }

    /// A non-empty list between `open` and `close` (e.g. `{ FieldDefinition+ }`); a
    /// `{` or `[` is one more level of nesting.
    mutating func many<T>(
        _ open: TokenKind, _ close: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        let start = try expect(open)
        let nests = open == .braceL || open == .bracketL
        if nests { try descend(at: start) }
        var items: [T] = []
        repeat { items.append(try item(&self)) } while try !expectOptional(close)
        if nests { ascend() }
        return items
    }

    /// Like `many`, but the whole list may be absent: then it is empty.
    mutating func optionalMany<T>(
        _ open: TokenKind, _ close: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        guard token.kind == open else { return [] }
        return try many(open, close, item)
    }

    /// A non-empty list separated by `delimiter`, which may also lead (e.g. `= | A | B`).
    mutating func delimitedMany<T>(
        _ delimiter: TokenKind, _ item: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> [T] {
        _ = try expectOptional(delimiter)
        var items: [T] = []
        repeat { items.append(try item(&self)) } while try expectOptional(delimiter)
        return items
    }

    /// `Unexpected …` at a token (by default the current one).
    func unexpected(_ at: Token? = nil) -> GraphQLError {
        let token = at ?? self.token
        return syntaxError("Unexpected \(describe(token)).", at: token)
    }

    func syntaxError(_ description: String, at token: Token) -> GraphQLError {
        lexer.syntaxError(description, at: token.start)
    }

    /// A token as error messages describe it: its kind, then its value if it has one
    /// (`Name "fragment"`, `"{"`, `<EOF>`).
    func describe(_ token: Token) -> String {
        guard let value = lexer.value(of: token) else { return token.kind.errorDescription }
        return "\(token.kind.errorDescription) \"\(value)\""
    }

    /// Whether the current token's value (a Name's, or a String's) is `word`.
    func currentValueIs(_ word: StaticString) -> Bool {
        switch token.kind {
        case .name: return lexer.matches(token, word)
        case .string, .blockString: return lexer.value(of: token) == word.description
        default: return false
        }
    }
}
