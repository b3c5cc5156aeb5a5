// maxDepth: how deeply `{` and `[` may nest. The parser counts nesting as it goes,
// which bounds its recursion (and so the recursion of everything that walks the
// AST). A syntax error would otherwise hide a nesting violation further on (`{{{…`
// fails at the second `{`), so on any syntax error the rest of the source is
// scanned for one: a document nested too deeply always gets the depth error.

extension Parser {
    /// Runs `body` on a new parser for `source`, preferring the depth error on failure.
    static func run<T>(
        _ source: Source, _ options: ParseOptions, _ body: (inout Parser) throws(GraphQLError) -> T
    ) throws(GraphQLError) -> T {
        var parser = Parser(source, options: options)
        do {
            return try body(&parser)
        } catch {
            guard !parser.limitExceeded,
                let offset = parser.lexer.source.firstBracket(deeperThan: options.maxDepth)
            else { throw error }
            throw parser.lexer.syntaxError(nestingMessage(options.maxDepth), at: offset)
        }
    }

    /// Enters one more level of nesting at the opening token `open`.
    mutating func descend(at open: Token) throws(GraphQLError) {
        depth += 1
        if depth > options.maxDepth {
            limitExceeded = true
            throw syntaxError(Self.nestingMessage(options.maxDepth), at: open)
        }
    }

    mutating func ascend() {
        depth -= 1
    }

    static func nestingMessage(_ maxDepth: Int) -> String {
        "Document nesting exceeds the maximum depth of \(maxDepth)."
    }
}

extension SourceBytes {
    /// The byte offset of the first `{` or `[` nested more than `maxDepth` deep,
    /// counting as the parser does and skipping strings and comments, or nil.
    func firstBracket(deeperThan maxDepth: Int) -> Int? {
        var depth = 0
        var offset = 0
        while offset < count {
            switch base[offset] {
            case 0x7B, 0x5B:  // { [
                depth += 1
                if depth > maxDepth { return offset }
                offset += 1
            case 0x7D, 0x5D:  // } ]
                depth = max(0, depth - 1)
                offset += 1
            case 0x23:  // # comment, to the end of the line
                while offset < count && base[offset] != 0x0A && base[offset] != 0x0D { offset += 1 }
            case 0x22 where base[offset + 1] == 0x22 && base[offset + 2] == 0x22:  // """
                offset = endOfBlockString(from: offset + 3)
            case 0x22:  // "
                offset = endOfString(from: offset + 1)
            default:
                offset += 1
            }
        }
        return nil
    }

    /// The offset after the `"` that closes a string, or of the line end or source end
    /// that leaves it unterminated.
    private func endOfString(from start: Int) -> Int {
        var offset = start
        while offset < count {
            switch base[offset] {
            case 0x22: return offset + 1
            case 0x5C: offset += 2
            case 0x0A, 0x0D: return offset
            default: offset += 1
            }
        }
        return count
    }

    /// The offset after the `"""` that closes a block string, or the source end.
    private func endOfBlockString(from start: Int) -> Int {
        var offset = start
        while offset < count {
            if base[offset] == 0x22 && base[offset + 1] == 0x22 && base[offset + 2] == 0x22 { return offset + 3 }
            let escaped = base[offset] == 0x5C && base[offset + 1] == 0x22 && base[offset + 2] == 0x22 && base[offset + 3] == 0x22
            offset += escaped ? 4 : 1
        }
        return count
    }
}
