// graphql-core's `print_for_error`, which validation messages use to show values:
// expected outputs from graphql-core 3.3.2.

import Testing
@testable import MarqueeGraphQL

@Suite("printForError") struct ValidationPrintForErrorTests {
    @Test func emptyObject() throws {
        let value = try Parser.parseValue("{}")
        #expect(printForError(value) == "{  }")
    }

    @Test func emptyList() throws {
        let value = try Parser.parseValue("[]")
        #expect(printForError(value) == "[]")
    }

    @Test func shortObject() throws {
        let value = try Parser.parseValue("{ a: 1 }")
        #expect(printForError(value) == "{ a: 1 }")
    }

    @Test func shortList() throws {
        let value = try Parser.parseValue("[1, \"two\", THREE, null, true, 1.5, $var]")
        #expect(printForError(value) == "[1, \"two\", THREE, null, true, 1.5, $var]")
    }

    @Test func longObjectIsBrokenIntoLines() throws {
        let value = try Parser.parseValue("{aaaaaaaaaa: 1, bbbbbbbbbbbbbb: \"xxxxxxxxxxxxxxxxxxxxxxxx\", cccccccccccccc: [1,2,3,4,5,6,7,8,9,10,11,12,13], d: {e: 1}}")
        #expect(printForError(value) == "{\n  aaaaaaaaaa: 1\n  bbbbbbbbbbbbbb: \"xxxxxxxxxxxxxxxxxxxxxxxx\"\n  cccccccccccccc: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]\n  d: { e: 1 }\n}")
    }

    @Test func nestedLongListsAreIndented() throws {
        let value = try Parser.parseValue("[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\", [\"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\", 1]]")
        #expect(printForError(value) == "[\n  \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n  \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"\n  [\n    \"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\"\n    1\n  ]\n]")
    }

    @Test func blockString() throws {
        let value = try Parser.parseValue("\"\"\"block\n  string\"\"\"")
        #expect(printForError(value) == "\"\"\"\nblock\nstring\n\"\"\"")
    }

    @Test func blockStringsInsideValues() throws {
        let value = try Parser.parseValue("{ s: \"\"\"multi\nline\"\"\", t: [{u: \"\"\"x\ny\"\"\"}] }")
        #expect(printForError(value) == "{ s: \"\"\"\nmulti\nline\n\"\"\", t: [{ u: \"\"\"\nx\ny\n\"\"\" }] }")
    }

    @Test func escapedString() throws {
        let value = try Parser.parseValue("\"esc \\\" \\\\ \\n é\"")
        #expect(printForError(value) == "\"esc \\\" \\\\ \\n é\"")
    }
}
