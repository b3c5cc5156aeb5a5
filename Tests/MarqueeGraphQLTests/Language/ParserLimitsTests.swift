// ParseOptions: maxDepth bounds nesting (so hostile documents get an error, never a
// stack overflow) and maxTokens bounds size, as graphql-js's maxTokens does.
import Testing

@testable import MarqueeGraphQL

@Suite("Parser: limits")
struct LanguageParserLimitsTests {
    let depthError = "Document nesting exceeds the maximum depth of 256."

    @Test func rejectsDeeplyNestedSelectionSets() {
        expectParseError(String(repeating: "{", count: 100_000), depthError, 257)
    }

    @Test func rejectsDeeplyNestedBracketsAsADocument() {
        // `[` cannot start a document and `{{` is no selection set, but the nesting is
        // reported in preference to those syntax errors.
        expectParseError(String(repeating: "[", count: 100_000), depthError, 257)
        expectParseError("{ a }\n" + String(repeating: "{", count: 100_000), depthError, at: 2, 257)
        expectParseError(String(repeating: "{a:[", count: 100_000), depthError, 4 * 128 + 1)
    }

    @Test func countsOnlyBracketsOutsideStringsAndComments() throws {
        let brackets = String(repeating: "[{", count: 300)
        let document = try Parser.parse(
            "# \(brackets)\n{ a(s: \"\(brackets)\", b: \"\"\"\(brackets)\"\"\") }")
        #expect(document.tokenCount == 11)
        // Without the nesting violation, the first syntax error is reported.
        expectParseError("{ a(s: \"\(brackets)\") } }", "Unexpected \"}\".", 614)
    }

    @Test func countsTypeSystemBlocks() throws {
        let options = ParseOptions(maxDepth: 2)
        _ = try Parser.parse("type T { f(a: [Int]): [String] }", options: options)
        expectParseError("type T { f(a: [[Int]]): Int }", "Document nesting exceeds the maximum depth of 2.", 16, options: options)
        expectParseError("enum E { A } input I { f: [[Int]] }", "Document nesting exceeds the maximum depth of 2.", 28, options: options)
    }

    @Test func rejectsDeeplyNestedListValues() {
        // The selection set is the first level, so the 256th `[` is one too many.
        expectParseError("{ f(a: " + String(repeating: "[", count: 100_000), depthError, 8 + 255)
    }

    @Test func rejectsDeeplyNestedObjectValues() {
        expectParseError("{ f(a: " + String(repeating: "{a:", count: 100_000), depthError, 8 + 255 * 3)
    }

    @Test func rejectsDeeplyNestedVariableTypes() {
        expectParseError("query ($a: " + String(repeating: "[", count: 100_000), depthError, 12 + 256)
    }

    @Test func rejectsDeeplyNestedDefaultValues() {
        expectParseError("query ($a: Int = " + String(repeating: "[", count: 100_000), depthError, 18 + 256)
    }

    @Test func rejectsDeeplyNestedValuesAlone() {
        expectError("Syntax Error: " + depthError, at: 1, 257) { () throws(GraphQLError) in
            _ = try Parser.parseValue(String(repeating: "[", count: 100_000))
        }
        expectError("Syntax Error: " + depthError, at: 1, 257) { () throws(GraphQLError) in
            _ = try Parser.parseType(String(repeating: "[", count: 100_000))
        }
    }

    @Test func acceptsNestingUpToTheLimitAndWalksIt() throws {
        let depth = 256
        let text = String(repeating: "{a", count: depth) + String(repeating: "}", count: depth)
        let document = try Parser.parse(text)
        // Printing and visiting recurse as deep as parsing did.
        let printed = printAST(document)
        #expect(printed.utf8.count > 2 * depth)
        #expect(try printAST(Parser.parse(printed)) == printed)
        var counter = FieldCounter()
        visit(document, &counter)
        #expect(counter.fields == depth)
        #expect(counter.deepest == depth)

        let list = try Parser.parseValue(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        #expect(printValue(list).utf8.count == 2 * depth)
        let type = try Parser.parseType(String(repeating: "[", count: depth) + "T" + String(repeating: "]!", count: depth))
        #expect(printType(type).utf8.count == 3 * depth + 1)
    }

    @Test func honoursACustomMaxDepth() throws {
        let options = ParseOptions(maxDepth: 3)
        _ = try Parser.parse("{ a { b { c } } }", options: options)
        expectParseError("{ a { b { c { d } } } }", "Document nesting exceeds the maximum depth of 3.", 13, options: options)
        expectParseError("{ a(x: [[[1]]]) }", "Document nesting exceeds the maximum depth of 3.", 10, options: options)
        _ = try Parser.parse("query ($a: [[Int]]) { a(x: [1]) }", options: options)
    }

    @Test func limitsTheNumberOfTokens() throws {
        _ = try Parser.parse("{ foo }", options: .init(maxTokens: 3))
        expectParseError("{ foo }", "Document contains more than 2 tokens. Parsing aborted.", 7, options: .init(maxTokens: 2))
        _ = try Parser.parse("{ foo(bar: \"baz\") }", options: .init(maxTokens: 8))
        expectParseError(
            "{ foo(bar: \"baz\") }", "Document contains more than 7 tokens. Parsing aborted.", 19,
            options: .init(maxTokens: 7))
        // Comments are not tokens.
        _ = try Parser.parse("# one\n{ foo # two\n}", options: .init(maxTokens: 3))
    }

    @Test func limitsTokensTo100000ByDefault() throws {
        let allowed = "{ " + String(repeating: "a ", count: 99_998) + "}"
        #expect(try Parser.parse(allowed).tokenCount == 100_000)
        let tooMany = "{ " + String(repeating: "a ", count: 99_999) + "}"
        expectParseError(tooMany, "Document contains more than 100000 tokens. Parsing aborted.", 3 + 2 * 99_999)
    }
}

/// Counts fields and the deepest selection set.
private struct FieldCounter: ASTVisitor {
    var fields = 0
    var depth = 0
    var deepest = 0

    mutating func enter(_ node: Field) -> VisitAction {
        fields += 1
        return .continue
    }

    mutating func enter(_ node: SelectionSet) -> VisitAction {
        depth += 1
        deepest = max(deepest, depth)
        return .continue
    }

    mutating func leave(_ node: SelectionSet) {
        depth -= 1
    }
}
