/// The kinds of lexical token of the GraphQL language (spec section 2.1.6), plus the
/// start-of-file and end-of-file markers the parser works with.
public enum TokenKind: UInt8, Sendable, Hashable, CustomStringConvertible {
    case sof, eof
    case bang, dollar, amp, parenL, parenR, spread, colon, equals, at, bracketL, bracketR, braceL, pipe, braceR
    case name, int, float, string, blockString, comment

    /// The kind as graphql-js spells it in error messages.
    public var description: String {
        switch self {
        case .sof: return "<SOF>"
        case .eof: return "<EOF>"
        case .bang: return "!"
        case .dollar: return "$"
        case .amp: return "&"
        case .parenL: return "("
        case .parenR: return ")"
        case .spread: return "..."
        case .colon: return ":"
        case .equals: return "="
        case .at: return "@"
        case .bracketL: return "["
        case .bracketR: return "]"
        case .braceL: return "{"
        case .pipe: return "|"
        case .braceR: return "}"
        case .name: return "Name"
        case .int: return "Int"
        case .float: return "Float"
        case .string: return "String"
        case .blockString: return "BlockString"
        case .comment: return "Comment"
        }
    }

    /// Punctuator :: one of ! $ & ( ) ... : = @ [ ] { | }
    public var isPunctuator: Bool {
        switch self {
        case .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at,
            .bracketL, .bracketR, .braceL, .pipe, .braceR:
            return true
        default:
            return false
        }
    }

    /// The kind as an error message names it: punctuators quoted, others bare.
    var errorDescription: String { isPunctuator ? "\"\(description)\"" : description }
}

/// One lexical token: its kind, UTF-8 byte range, and the 1-based line and column
/// (in Unicode scalars) where it starts. Its text and value are read from the `Lexer`
/// that produced it (`Lexer.value(of:)`), so a token owns no memory.
public struct Token: Sendable, Hashable {
    public let kind: TokenKind
    /// A string token with escape sequences, whose value must be decoded.
    let hasEscapes: Bool
    public let start: Int
    public let end: Int
    public let line: Int
    public let column: Int

    init(kind: TokenKind, start: Int, end: Int, line: Int, column: Int, hasEscapes: Bool = false) {
        self.kind = kind
        self.hasEscapes = hasEscapes
        self.start = start
        self.end = end
        self.line = line
        self.column = column
    }

    /// The token before the first one, as graphql-js's lexer starts.
    static let startOfFile = Token(kind: .sof, start: 0, end: 0, line: 0, column: 0)

    /// Where the token sits, as a node location.
    public var location: Location { Location(start: start, end: end, line: line, column: column) }
}
