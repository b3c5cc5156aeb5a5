/// Turns GraphQL source text into tokens (spec section 2.1), one at a time, over the
/// text's UTF-8 bytes. Token values are not built while lexing: `value(of:)` builds
/// one String from the token's bytes when the parser asks for it.
///
/// Errors are `GraphQLError`s worded as graphql-js 16 words them, located at the
/// offending character.
public struct Lexer {
    let source: SourceBytes
    /// The source bytes, followed by `SourceBytes.padding` zero bytes.
    let bytes: UnsafePointer<UInt8>
    /// The number of source bytes.
    let count: Int
    /// Byte offset at which lexing resumes.
    var position = 0
    /// 1-based line of `position`.
    var line = 1
    /// Byte offset at which the current line begins.
    var lineStart = 0
    /// UTF-8 continuation bytes between `lineStart` and `position`, so that columns
    /// count Unicode scalars rather than bytes.
    var lineContinuations = 0

    public init(_ source: Source) {
        self.init(source.body)
    }

    public init(_ body: String) {
        source = SourceBytes(body)
        bytes = UnsafePointer(source.base)
        count = source.count
    }

    /// The next significant token: comments are skipped, as the parser wants. After
    /// the end of the source, returns `<EOF>` again and again.
    public mutating func next() throws(GraphQLError) -> Token {
        while true {
            let token = try nextIncludingComments()
            if token.kind != .comment { return token }
        }
    }

    /// The token after the next significant one, without moving on.
    public func lookahead() throws(GraphQLError) -> Token {
        var copy = self
        return try copy.next()
    }

    /// The next token, comments included.
    public mutating func nextIncludingComments() throws(GraphQLError) -> Token {
        var offset = position
        while offset < count {
            let byte = bytes[offset]
            switch byte {
            // Ignored :: UnicodeBOM | WhiteSpace | LineTerminator | Comment | Comma
            case 0x09, 0x20, 0x2C:  // \t, space, comma
                offset += 1
                continue
            case 0x0A:  // \n
                offset += 1
                startLine(at: offset)
                continue
            case 0x0D:  // \r, or \r\n
                offset += bytes[offset + 1] == 0x0A ? 2 : 1
                startLine(at: offset)
                continue
            case 0xEF where bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF:  // U+FEFF
                offset += 3
                lineContinuations += 2
                continue
            case 0x23:  // #
                return readComment(at: offset)
            // Punctuator :: one of ! $ & ( ) ... : = @ [ ] { | }
            case 0x21: return makeToken(.bang, offset, offset + 1)
            case 0x24: return makeToken(.dollar, offset, offset + 1)
            case 0x26: return makeToken(.amp, offset, offset + 1)
            case 0x28: return makeToken(.parenL, offset, offset + 1)
            case 0x29: return makeToken(.parenR, offset, offset + 1)
            case 0x2E where bytes[offset + 1] == 0x2E && bytes[offset + 2] == 0x2E:
                return makeToken(.spread, offset, offset + 3)
            case 0x3A: return makeToken(.colon, offset, offset + 1)
            case 0x3D: return makeToken(.equals, offset, offset + 1)
            case 0x40: return makeToken(.at, offset, offset + 1)
            case 0x5B: return makeToken(.bracketL, offset, offset + 1)
            case 0x5D: return makeToken(.bracketR, offset, offset + 1)
            case 0x7B: return makeToken(.braceL, offset, offset + 1)
            case 0x7C: return makeToken(.pipe, offset, offset + 1)
            case 0x7D: return makeToken(.braceR, offset, offset + 1)
            // StringValue
            case 0x22:
                if bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22 {
                    return try readBlockString(at: offset)
                }
                return try readString(at: offset)
            // IntValue | FloatValue
            case 0x2D, 0x30...0x39:
                return try readNumber(at: offset)
            default:
                if byte.isNameStart { return readName(at: offset) }
            }
            throw unexpectedCharacter(at: offset)
        }
        position = count
        return makeToken(.eof, count, count)
    }

    /// Name :: NameStart NameContinue* [lookahead != NameContinue]
    mutating func readName(at start: Int) -> Token {
        var end = start + 1
        while bytes[end].isNameContinue { end += 1 }
        return makeToken(.name, start, end)
    }

    /// Comment :: # CommentChar* [lookahead != CommentChar]
    ///
    /// CommentChar :: SourceCharacter but not LineTerminator
    mutating func readComment(at start: Int) -> Token {
        var end = start + 1
        var continuations = 0
        while end < count {
            let byte = bytes[end]
            if byte == 0x0A || byte == 0x0D { break }
            if byte.isUTF8Continuation { continuations += 1 }
            end += 1
        }
        let token = makeToken(.comment, start, end)
        lineContinuations += continuations
        return token
    }

    @inline(__always)
    mutating func makeToken(_ kind: TokenKind, _ start: Int, _ end: Int, hasEscapes: Bool = false) -> Token {
        position = end
        let column = 1 + start - lineStart - lineContinuations
        return Token(kind: kind, start: start, end: end, line: line, column: column, hasEscapes: hasEscapes)
    }

    @inline(__always)
    mutating func startLine(at offset: Int) {
        line += 1
        lineStart = offset
        lineContinuations = 0
    }
}
