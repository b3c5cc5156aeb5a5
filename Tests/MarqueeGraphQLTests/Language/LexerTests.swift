// The lexer: token kinds, positions, ignored tokens, numbers, and the errors
// (graphql-js src/language/__tests__/lexer-test.ts, with byte offsets for `start`
// and `end`, and columns in Unicode scalars).
import Testing

@testable import MarqueeGraphQL

@Suite("Lexer")
struct LanguageLexerTests {
    @Test func ignoresByteOrderMark() throws {
        #expect(try lexOne("\u{FEFF} foo") == LexedToken(.name, 4, 7, column: 3, value: "foo"))
    }

    @Test func tracksLineBreaks() throws {
        #expect(try lexOne("foo") == LexedToken(.name, 0, 3, line: 1, column: 1, value: "foo"))
        #expect(try lexOne("\nfoo") == LexedToken(.name, 1, 4, line: 2, column: 1, value: "foo"))
        #expect(try lexOne("\rfoo") == LexedToken(.name, 1, 4, line: 2, column: 1, value: "foo"))
        #expect(try lexOne("\r\nfoo") == LexedToken(.name, 2, 5, line: 2, column: 1, value: "foo"))
        #expect(try lexOne("\n\rfoo") == LexedToken(.name, 2, 5, line: 3, column: 1, value: "foo"))
        #expect(try lexOne("\r\r\n\nfoo") == LexedToken(.name, 4, 7, line: 4, column: 1, value: "foo"))
        #expect(try lexOne("\n\n\r\rfoo") == LexedToken(.name, 4, 7, line: 5, column: 1, value: "foo"))
    }

    @Test func recordsLineAndColumn() throws {
        #expect(try lexOne("\n \r\n \r  foo\n") == LexedToken(.name, 8, 11, line: 4, column: 3, value: "foo"))
    }

    @Test func countsColumnsInUnicodeScalars() throws {
        // "é" is two UTF-8 bytes, "😀" four; each is one column.
        #expect(try lexSecond("\"é😀\" foo") == LexedToken(.name, 9, 12, column: 6, value: "foo"))
        #expect(try lexSecond("\"\"\"a\n b😀é\"\"\" foo") == LexedToken(.name, 17, 20, line: 2, column: 9, value: "foo"))
        #expect(try lexSecond("\u{FEFF}\u{FEFF}a b") == LexedToken(.name, 8, 9, column: 5, value: "b"))
        expectLexError("\"é\" ~", "Unexpected character: \"~\".", 5)
    }

    @Test func skipsWhitespaceAndComments() throws {
        #expect(try lexOne("\n\n    foo\n\n\n") == LexedToken(.name, 6, 9, line: 3, column: 5, value: "foo"))
        #expect(try lexOne("\t\tfoo\t\t") == LexedToken(.name, 2, 5, column: 3, value: "foo"))
        #expect(try lexOne("\n    #comment\n    foo#comment\n") == LexedToken(.name, 18, 21, line: 3, column: 5, value: "foo"))
        #expect(try lexOne(",,,foo,,,") == LexedToken(.name, 3, 6, column: 4, value: "foo"))
    }

    @Test func errorsRespectWhitespace() {
        expectLexError("\n\n ~\n", "Unexpected character: \"~\".", at: 3, 2)
    }

    @Test func lexesPunctuators() throws {
        let punctuators: [(String, TokenKind)] = [
            ("!", .bang), ("$", .dollar), ("&", .amp), ("(", .parenL), (")", .parenR), (":", .colon), ("=", .equals),
            ("@", .at), ("[", .bracketL), ("]", .bracketR), ("{", .braceL), ("|", .pipe), ("}", .braceR),
        ]
        for (text, kind) in punctuators {
            #expect(try lexOne(text) == LexedToken(kind, 0, 1, column: 1), "\(text)")
            #expect(kind.isPunctuator)
        }
        #expect(try lexOne("...") == LexedToken(.spread, 0, 3, column: 1))
        #expect(TokenKind.spread.isPunctuator)
        for kind in [TokenKind.name, .int, .float, .string, .blockString, .comment, .sof, .eof] {
            #expect(!kind.isPunctuator)
        }
    }

    @Test func lexesNames() throws {
        #expect(try lexOne("_foo_Bar9") == LexedToken(.name, 0, 9, column: 1, value: "_foo_Bar9"))
        #expect(try lexOne("  a1 ") == LexedToken(.name, 2, 4, column: 3, value: "a1"))
    }

    @Test func reportsDashesInNames() throws {
        var lexer = Lexer("a-b")
        let first = try lexer.next()
        #expect(LexedToken(first, lexer) == LexedToken(.name, 0, 1, column: 1, value: "a"))
        let error = caughtError { () throws(GraphQLError) in _ = try lexer.next() }
        #expect(error == GraphQLError("Syntax Error: Invalid number, expected digit but got: \"b\".", locations: [.init(line: 1, column: 3)]))
    }

    @Test func lexesNumbers() throws {
        let cases: [(String, TokenKind)] = [
            ("4", .int), ("4.123", .float), ("-4", .int), ("9", .int), ("0", .int), ("-4.123", .float),
            ("0.123", .float), ("123e4", .float), ("123E4", .float), ("123e-4", .float), ("123e+4", .float),
            ("-1.123e4", .float), ("-1.123E4", .float), ("-1.123e-4", .float), ("-1.123e+4", .float),
            ("-1.123e4567", .float), ("-0", .int), ("0e0", .float),
        ]
        for (text, kind) in cases {
            #expect(try lexOne(text) == LexedToken(kind, 0, text.utf8.count, column: 1, value: text), "\(text)")
        }
    }

    @Test func reportsNumberErrors() {
        expectLexError("00", "Invalid number, unexpected digit after 0: \"0\".", 2)
        expectLexError("01", "Invalid number, unexpected digit after 0: \"1\".", 2)
        expectLexError("01.23", "Invalid number, unexpected digit after 0: \"1\".", 2)
        expectLexError("+1", "Unexpected character: \"+\".", 1)
        expectLexError("1.", "Invalid number, expected digit but got: <EOF>.", 3)
        expectLexError("1e", "Invalid number, expected digit but got: <EOF>.", 3)
        expectLexError("1E", "Invalid number, expected digit but got: <EOF>.", 3)
        expectLexError("1.e1", "Invalid number, expected digit but got: \"e\".", 3)
        expectLexError(".123", "Unexpected character: \".\".", 1)
        expectLexError("1.A", "Invalid number, expected digit but got: \"A\".", 3)
        expectLexError("-A", "Invalid number, expected digit but got: \"A\".", 2)
        expectLexError("1.0e", "Invalid number, expected digit but got: <EOF>.", 5)
        expectLexError("1.0eA", "Invalid number, expected digit but got: \"A\".", 5)
        expectLexError("1.0e\"", "Invalid number, expected digit but got: '\"'.", 5)
        expectLexError("1.2e3e", "Invalid number, expected digit but got: \"e\".", 6)
        expectLexError("1.2e3.4", "Invalid number, expected digit but got: \".\".", 6)
        expectLexError("1.23.4", "Invalid number, expected digit but got: \".\".", 5)
        expectLexError("- 1", "Invalid number, expected digit but got: \" \".", 2)
        expectLexError("1.é", "Invalid number, expected digit but got: U+00E9.", 3)
    }

    @Test func rejectsNameStartAfterNumber() {
        expectLexError("0xF1", "Invalid number, expected digit but got: \"x\".", 2)
        expectLexError("0b10", "Invalid number, expected digit but got: \"b\".", 2)
        expectLexError("123abc", "Invalid number, expected digit but got: \"a\".", 4)
        expectLexError("1_234", "Invalid number, expected digit but got: \"_\".", 2)
        expectLexError("1\u{DF}", "Unexpected character: U+00DF.", 2)
        expectLexError("1.23f", "Invalid number, expected digit but got: \"f\".", 5)
        expectLexError("1.234_5", "Invalid number, expected digit but got: \"_\".", 6)
    }

    @Test func reportsUnknownCharacters() {
        expectLexError("..", "Unexpected character: \".\".", 1)
        expectLexError("~", "Unexpected character: \"~\".", 1)
        expectLexError("\u{0}", "Unexpected character: U+0000.", 1)
        expectLexError("\u{8}", "Unexpected character: U+0008.", 1)
        expectLexError("\u{AA}", "Unexpected character: U+00AA.", 1)
        expectLexError("\u{AAA}", "Unexpected character: U+0AAA.", 1)
        expectLexError("\u{203B}", "Unexpected character: U+203B.", 1)
        expectLexError("\u{1F600}", "Unexpected character: U+1F600.", 1)
        expectLexError("\u{10000}", "Unexpected character: U+10000.", 1)
        expectLexError("\u{10FFFF}", "Unexpected character: U+10FFFF.", 1)
        expectLexError("^", "Unexpected character: \"^\".", 1)
        expectLexError("'single quotes'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1)
    }

    @Test func lexesComments() throws {
        var lexer = Lexer("# Comment\nAnother line")
        let comment = try lexer.nextIncludingComments()
        #expect(LexedToken(comment, lexer) == LexedToken(.comment, 0, 9, column: 1, value: " Comment"))
        #expect(try LexedToken(lexer.nextIncludingComments(), lexer) == LexedToken(.name, 10, 17, line: 2, column: 1, value: "Another"))

        lexer = Lexer("# Comment\r\nAnother line")
        #expect(try LexedToken(lexer.nextIncludingComments(), lexer) == LexedToken(.comment, 0, 9, column: 1, value: " Comment"))

        lexer = Lexer("# Comment 😀")
        #expect(try LexedToken(lexer.nextIncludingComments(), lexer) == LexedToken(.comment, 0, 14, column: 1, value: " Comment 😀"))
    }

    @Test func skipsCommentsButListsThemWhenAsked() throws {
        let text = "\n  {\n    #comment\n    field\n  }\n"
        var significant = Lexer(text)
        var kinds: [TokenKind] = []
        repeat { kinds.append(try significant.next().kind) } while kinds.last != .eof
        #expect(kinds == [.braceL, .name, .braceR, .eof])

        var all = Lexer(text)
        kinds = []
        repeat { kinds.append(try all.nextIncludingComments().kind) } while kinds.last != .eof
        #expect(kinds == [.braceL, .comment, .name, .braceR, .eof])
    }

    @Test func returnsEndOfFileRepeatedly() throws {
        var lexer = Lexer(" a ")
        _ = try lexer.next()
        let end = try lexer.next()
        #expect(LexedToken(end, lexer) == LexedToken(.eof, 3, 3, column: 4))
        #expect(try lexer.next() == end)
        #expect(try lexOne("") == LexedToken(.eof, 0, 0, column: 1))
    }

    @Test func looksAheadWithoutMoving() throws {
        var lexer = Lexer("a b c")
        _ = try lexer.next()
        let ahead = try lexer.lookahead()
        #expect(lexer.value(of: ahead) == "b")
        #expect(try lexer.next() == ahead)
    }

    @Test func describesTokenKindsAsGraphQLJS() {
        #expect(TokenKind.eof.description == "<EOF>")
        #expect(TokenKind.sof.description == "<SOF>")
        #expect(TokenKind.blockString.description == "BlockString")
        #expect(TokenKind.spread.errorDescription == "\"...\"")
        #expect(TokenKind.name.errorDescription == "Name")
    }
}
