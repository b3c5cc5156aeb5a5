// Syntax errors raised while lexing, worded as graphql-js 16 words them.

extension Lexer {
    /// A `Syntax Error: …` located at a byte offset of the source.
    func syntaxError(_ description: String, at offset: Int) -> GraphQLError {
        GraphQLError("Syntax Error: " + description, locations: [source.sourceLocation(at: offset)])
    }

    /// The code point at a byte offset as error messages show it: printable ASCII
    /// quoted (`"a"`, or `'"'`), anything else as `U+XXXX`, and `<EOF>` past the end.
    func printCodePoint(at offset: Int) -> String {
        guard offset < count else { return TokenKind.eof.description }
        let code = source.scalar(at: offset)
        if code >= 0x20 && code <= 0x7E {
            return code == 0x22 ? "'\"'" : "\"\(Character(Unicode.Scalar(UInt8(code))))\""
        }
        let hex = String(code, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The error for a character that starts no token.
    func unexpectedCharacter(at offset: Int) -> GraphQLError {
        if bytes[offset] == 0x27 {
            return syntaxError("Unexpected single quote character ('), did you mean to use a double quote (\")?", at: offset)
        }
        if bytes[offset] == 0x2E {  // graphql-js 17's hints for a stray `.`
            if bytes[offset + 1] == 0x2E { return syntaxError("Unexpected \"..\", did you mean \"...\"?", at: offset) }
            if bytes[offset + 1].isDigit {
                var end = offset + 1
                while bytes[end].isDigit { end += 1 }
                let digits = String(decoding: (offset + 1..<end).map { bytes[$0] }, as: UTF8.self)
                return syntaxError("Invalid number, expected digit before \".\", did you mean \"0.\(digits)\"?", at: offset)
            }
        }
        return syntaxError("Unexpected character: \(printCodePoint(at: offset)).", at: offset)
    }
}
