// Strings, escape sequences and block strings
// (graphql-js src/language/__tests__/lexer-test.ts and blockString-test.ts).
import Testing

@testable import MarqueeGraphQL

@Suite("Lexer: strings")
struct LanguageLexerStringTests {
    /// Expects `text` (one string token, all of it) to have `value`.
    func expectString(
        _ text: String, _ value: String, kind: TokenKind = .string,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(
            (try? lexOne(text)) == LexedToken(kind, 0, text.utf8.count, column: 1, value: value),
            sourceLocation: sourceLocation)
    }

    @Test func lexesStrings() {
        expectString(#""""#, "")
        expectString(#""simple""#, "simple")
        expectString(#"" white space ""#, " white space ")
        expectString(#""quote \"""#, "quote \"")
        expectString(#""escaped \n\r\b\t\f""#, "escaped \n\r\u{8}\t\u{C}")
        expectString(#""slashes \\ \/""#, "slashes \\ /")
        expectString("\"unescaped unicode outside BMP \u{1F600}\"", "unescaped unicode outside BMP \u{1F600}")
        expectString("\"unescaped maximal unicode outside BMP \u{10FFFF}\"", "unescaped maximal unicode outside BMP \u{10FFFF}")
        expectString("\"unescaped control \u{7} character\"", "unescaped control \u{7} character")
    }

    @Test func lexesUnicodeEscapes() {
        expectString(#""unicode \u1234\u5678\u90AB\uCDEF""#, "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}")
        expectString(#""unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}""#, "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}")
        expectString(#""string with unicode escape outside BMP \u{1F600}""#, "string with unicode escape outside BMP \u{1F600}")
        expectString(#""string with minimal unicode escape \u{0}""#, "string with minimal unicode escape \u{0}")
        expectString(#""string with maximal unicode escape \u{10FFFF}""#, "string with maximal unicode escape \u{10FFFF}")
        expectString(#""string with maximal minimal unicode escape \u{00000000}""#, "string with maximal minimal unicode escape \u{0}")
        expectString(#""string with unicode surrogate pair escape \uD83D\uDE00""#, "string with unicode surrogate pair escape \u{1F600}")
        expectString(#""string with minimal surrogate pair escape \uD800\uDC00""#, "string with minimal surrogate pair escape \u{10000}")
        expectString(#""string with maximal surrogate pair escape \uDBFF\uDFFF""#, "string with maximal surrogate pair escape \u{10FFFF}")
        expectString(#""lower case \u00e9 and \u{1f600}""#, "lower case é and \u{1F600}")
    }

    @Test func reportsStringErrors() {
        expectLexError("\"", "Unterminated string.", 2)
        expectLexError("\"no end quote", "Unterminated string.", 14)
        expectLexError("\"multi\nline\"", "Unterminated string.", 7)
        expectLexError("\"multi\rline\"", "Unterminated string.", 7)
        expectLexError("\"é\n\"", "Unterminated string.", 3)
        expectLexError(#""bad \z esc""#, #"Invalid character escape sequence: "\z"."#, 6)
        expectLexError(#""bad \x esc""#, #"Invalid character escape sequence: "\x"."#, 6)
        expectLexError(#""bad \é esc""#, #"Invalid character escape sequence: "\é"."#, 6)
        expectLexError(#""bad \"#, #"Invalid character escape sequence: "\"."#, 6)
    }

    @Test func reportsUnicodeEscapeErrors() {
        expectLexError(#""bad \u1 esc""#, #"Invalid Unicode escape sequence: "\u1 es"."#, 6)
        expectLexError(#""bad \u0XX1 esc""#, #"Invalid Unicode escape sequence: "\u0XX1"."#, 6)
        expectLexError(#""bad \uXXXX esc""#, #"Invalid Unicode escape sequence: "\uXXXX"."#, 6)
        expectLexError(#""bad \uFXXX esc""#, #"Invalid Unicode escape sequence: "\uFXXX"."#, 6)
        expectLexError(#""bad \uXXXF esc""#, #"Invalid Unicode escape sequence: "\uXXXF"."#, 6)
        expectLexError(#""bad \u{} esc""#, #"Invalid Unicode escape sequence: "\u{}"."#, 6)
        expectLexError(#""bad \u{FXXX} esc""#, #"Invalid Unicode escape sequence: "\u{FX"."#, 6)
        expectLexError(#""bad \u{FFFF esc""#, #"Invalid Unicode escape sequence: "\u{FFFF "."#, 6)
        expectLexError(#""bad \u{FFFF""#, #"Invalid Unicode escape sequence: "\u{FFFF""."#, 6)
        expectLexError(#""too high \u{110000} esc""#, #"Invalid Unicode escape sequence: "\u{110000}"."#, 11)
        expectLexError(#""way too high \u{12345678} esc""#, #"Invalid Unicode escape sequence: "\u{12345678}"."#, 15)
        expectLexError(#""too long \u{000000000} esc""#, #"Invalid Unicode escape sequence: "\u{000000000"."#, 11)
        expectLexError(#""bad surrogate \uDEAD esc""#, #"Invalid Unicode escape sequence: "\uDEAD"."#, 16)
        expectLexError(#""bad surrogate \u{DEAD} esc""#, #"Invalid Unicode escape sequence: "\u{DEAD}"."#, 16)
        expectLexError(
            #""cannot use braces for surrogate pair \u{D83D}\u{DE00} esc""#,
            #"Invalid Unicode escape sequence: "\u{D83D}"."#, 39)
        expectLexError(#""bad high surrogate pair \uDEAD\uDEAD esc""#, #"Invalid Unicode escape sequence: "\uDEAD"."#, 26)
        expectLexError(#""bad low surrogate pair \uD800\uD800 esc""#, #"Invalid Unicode escape sequence: "\uD800"."#, 25)
        expectLexError(#""bad \uD83D\not an escape""#, #"Invalid Unicode escape sequence: "\uD83D"."#, 6)
        expectLexError(#""bad \u{1é}""#, #"Invalid Unicode escape sequence: "\u{1é"."#, 6)
        expectLexError(#""\u12"#, #"Invalid Unicode escape sequence: "\u12"."#, 2)
    }

    @Test func lexesBlockStrings() {
        expectString(#""""""""#, "", kind: .blockString)
        expectString(#""""simple""""#, "simple", kind: .blockString)
        expectString(#"""" white space """"#, " white space ", kind: .blockString)
        expectString(#""""contains " quote""""#, "contains \" quote", kind: .blockString)
        expectString(#""""contains \""" triple quote""""#, "contains \"\"\" triple quote", kind: .blockString)
        expectString("\"\"\"multi\nline\"\"\"", "multi\nline", kind: .blockString)
        expectString("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized", kind: .blockString)
        expectString(#""""unescaped \n\r\b\t\f\u1234""""#, #"unescaped \n\r\b\t\f\u1234"#, kind: .blockString)
        expectString("\"\"\"unescaped unicode outside BMP \u{1F600}\"\"\"", "unescaped unicode outside BMP \u{1F600}", kind: .blockString)
        expectString(#""""slashes \\ \/""""#, #"slashes \\ \/"#, kind: .blockString)
        expectString(
            "\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"",
            "spans\n  multiple\n    lines", kind: .blockString)
    }

    @Test func advancesLinesAfterMultilineBlockString() throws {
        #expect(
            try lexSecond("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \n \"\"\" second_token")
                == LexedToken(.name, 71, 83, line: 8, column: 6, value: "second_token"))
        #expect(
            try lexSecond(["\"\"\" \n", "spans \r\n", "multiple \n\r", "lines \n\n", "\"\"\"\n second_token"].joined())
                == LexedToken(.name, 37, 49, line: 8, column: 2, value: "second_token"))
    }

    @Test func reportsBlockStringErrors() {
        expectLexError("\"\"\"", "Unterminated string.", 4)
        expectLexError("\"\"\"\"", "Unterminated string.", 5)
        expectLexError(#""""no end quote"#, "Unterminated string.", 16)
        expectLexError("\"\"\"a\nbé\\\"\"\"", "Unterminated string.", at: 2, 7)
    }

    /// The value of a block string whose raw lines are `rawLines`.
    func blockValue(_ rawLines: [String]) -> [String]? {
        let text = "\"\"\"" + rawLines.joined(separator: "\n") + "\"\"\""
        guard let value = try? lexOne(text).value else { return nil }
        return value.isEmpty ? [] : value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func blockStringValueDedents() {
        #expect(blockValue([""]) == [])
        #expect(blockValue(["  a"]) == ["  a"])
        #expect(blockValue([" a", "  b"]) == [" a", "b"])
        #expect(blockValue(["", " a", "  b"]) == ["a", " b"])
        #expect(blockValue(["", "  a", " b"]) == [" a", "b"])
        #expect(blockValue(["", "  a", " b", "c"]) == ["  a", " b", "c"])
        #expect(blockValue(["", "\ta", "          b"]) == ["a", "         b"])
        #expect(blockValue(["", "\t a", "          b"]) == ["a", "        b"])
        #expect(blockValue(["", " \t a", "          b"]) == ["a", "       b"])
        #expect(blockValue(["a", "", " b"]) == ["a", "", "b"])
        #expect(blockValue(["a", " ", "  b"]) == ["a", "", "b"])
    }

    @Test func blockStringValueRemovesUniformIndentationAndBlankLines() {
        let expected = ["Hello,", "  World!", "", "Yours,", "  GraphQL."]
        #expect(blockValue(["", "    Hello,", "      World!", "", "    Yours,", "      GraphQL."]) == expected)
        #expect(blockValue(["", "", "    Hello,", "      World!", "", "    Yours,", "      GraphQL.", "", ""]) == expected)
        #expect(
            blockValue(["  ", "        ", "    Hello,", "      World!", "", "    Yours,", "      GraphQL.", "        ", "  "])
                == expected)
        #expect(
            blockValue(["    Hello,", "      World!", "", "    Yours,", "      GraphQL."])
                == ["    Hello,", "  World!", "", "Yours,", "  GraphQL."])
        #expect(
            blockValue([
                "               ", "    Hello,     ", "      World!   ", "               ", "    Yours,     ",
                "      GraphQL. ", "               ",
            ]) == ["Hello,     ", "  World!   ", "           ", "Yours,     ", "  GraphQL. "])
    }

    @Test func blockStringValueKeepsEscapedQuotesOutOfIndentation() {
        #expect(blockValue(["", "  \\\"\"\"a", "    b"]) == ["\"\"\"a", "  b"])
    }
}
