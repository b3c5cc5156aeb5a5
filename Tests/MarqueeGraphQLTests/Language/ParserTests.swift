// Parsing executable documents (graphql-js src/language/__tests__/parser-test.ts).
import Testing

@testable import MarqueeGraphQL

@Suite("Parser")
struct LanguageParserTests {
    @Test func providesUsefulErrors() {
        expectParseError("{", "Expected Name, found <EOF>.", 2)
        expectParseError("\n      { ...MissingOn }\n      fragment MissingOn Type\n", "Expected \"on\", found Name \"Type\".", at: 3, 26)
        expectParseError("{ field: {} }", "Expected Name, found \"{\".", 10)
        expectParseError("notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1)
        expectParseError("...", "Unexpected \"...\".", 1)
        expectParseError("{ \"\"", "Expected Name, found String \"\".", 3)
        expectParseError("query", "Expected \"{\", found <EOF>.", 6)
        expectParseError("", "Unexpected <EOF>.", 1)
        expectParseError("{ a } }", "Unexpected \"}\".", 7)
        expectParseError("fragment", "Expected Name, found <EOF>.", 9)
        expectParseError("query Foo($a Int) { a }", "Expected \":\", found Name \"Int\".", 14)
        expectParseError("{ a(b: ) }", "Unexpected \")\".", 8)
        expectParseError("{ a(b: 1 }", "Expected Name, found \"}\".", 10)
        expectParseError("{ a ^ }", "Unexpected character: \"^\".", 5)
        expectParseError("extend fragment F on T { a }", "Unexpected Name \"fragment\".", 8)
        expectParseError("{ a(b: 1.) }", "Invalid number, expected digit but got: \")\".", 10)
    }

    @Test func parsesVariableInlineValues() throws {
        let document = try Parser.parse("{ field(complex: { a: { b: [ $var ] } }) }")
        guard case .operation(let operation) = document.definitions.first,
            case .field(let field) = operation.selectionSet.selections.first,
            case .object(let outer, _) = field.arguments.first?.value,
            case .object(let inner, _) = outer.first?.value,
            case .list(let items, _) = inner.first?.value,
            case .variable(let variable) = items.first
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(variable.value == "var")
        #expect(variable.loc == Location(start: 29, end: 33, line: 1, column: 30))
    }

    @Test func rejectsVariablesInConstantValues() {
        expectParseError(
            "query Foo($x: Complex = { a: { b: [ $var ] } }) { field }",
            "Unexpected variable \"$var\" in constant value.", 37)
        expectParseError("query Foo($x: Int = $) { field }", "Unexpected \"$\".", 21)
        expectParseError("type T { f(a: Int = $v): Int }", "Unexpected variable \"$v\" in constant value.", 21)
    }

    @Test func parsesVariableDefinitionDirectives() throws {
        let document = try Parser.parse("query Foo($x: Boolean = false @bar) { field }")
        #expect(document.operations.first?.variableDefinitions.first?.directives.first?.name.value == "bar")
    }

    @Test func rejectsFragmentsNamedOn() {
        expectParseError("fragment on on on { on }", "Unexpected Name \"on\".", 10)
        expectParseError("{ ...on }", "Expected Name, found \"}\".", 9)
        expectParseError("fragment on on T { a }", "Unexpected Name \"on\".", 10)
    }

    @Test func rejectsFragmentVariables() {
        expectParseError("fragment Foo($a: Int) on T { a }", "Expected \"on\", found \"(\".", 13)
    }

    @Test func rejectsDescriptionsOnExecutableDefinitions() {
        expectParseError(
            "\"Desc\" query { a }", "Unexpected description, descriptions are supported only on type definitions.", 1)
        expectParseError(
            "\"\"\"Desc\"\"\"\nfragment F on T { a }",
            "Unexpected description, descriptions are supported only on type definitions.", 1)
        expectParseError("\"Desc\" { a }", "Unexpected \"{\".", 8)
    }

    @Test func parsesMultiByteCharacters() throws {
        let document = try Parser.parse(
            "\n      # This comment has a \u{0A0A} multi-byte character.\n      { field(arg: \"Has a \u{0A0A} multi-byte character.\") }\n")
        guard case .field(let field) = document.operations.first?.selectionSet.selections.first,
            case .string(let value, let block, _) = field.arguments.first?.value
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(value == "Has a \u{0A0A} multi-byte character.")
        #expect(!block)
    }

    @Test func parsesKitchenSink() throws {
        let document = try Parser.parse(kitchenSinkQuery)
        #expect(document.definitions.count == 6)
        #expect(document.operations.map(\.operation) == [.query, .mutation, .subscription, .query, .query])
        #expect(document.operations.map { $0.name?.value } == ["queryName", "likeStory", "StoryLikeSubscription", nil, nil])
        #expect(document.fragments.map(\.name.value) == ["frag"])
        #expect(document.fragments.first?.typeCondition.value == "Friend")
        #expect(document.loc == Location(start: 0, end: kitchenSinkQuery.utf8.count, line: 1, column: 1))
    }

    @Test func allowsNonKeywordsAnywhereANameIsAllowed() throws {
        for keyword in ["on", "fragment", "query", "mutation", "subscription", "true", "false"] {
            // A fragment named `on` can't be defined or spread.
            let fragmentName = keyword != "on" ? keyword : "a"
            let document = try Parser.parse(
                """
                query \(keyword) {
                  ... \(fragmentName)
                  ... on \(keyword) { field }
                }
                fragment \(fragmentName) on Type {
                  \(keyword)(\(keyword): $\(keyword))
                    @\(keyword)(\(keyword): \(keyword))
                }
                """)
            #expect(document.definitions.count == 2, "\(keyword)")
            #expect(document.operations.first?.name?.value == keyword)
        }
    }

    @Test func parsesOperationKinds() throws {
        #expect(try Parser.parse("mutation { mutationField }").operations.first?.operation == .mutation)
        #expect(try Parser.parse("subscription { subscriptionField }").operations.first?.operation == .subscription)
        #expect(try Parser.parse("mutation Foo { mutationField }").operations.first?.name?.value == "Foo")
        #expect(try Parser.parse("subscription Foo { subscriptionField }").operations.first?.name?.value == "Foo")
        expectParseError("mutationx { a }", "Unexpected Name \"mutationx\".", 1)
    }

    @Test func createsAST() throws {
        let text = "{\n  node(id: 4) {\n    id,\n    name\n  }\n}\n"
        let document = try Parser.parse(text)
        #expect(document.loc == Location(start: 0, end: 41, line: 1, column: 1))
        #expect(document.tokenCount == 12)
        guard case .operation(let operation) = document.definitions.first else {
            Issue.record("not an operation")
            return
        }
        #expect(operation.loc == Location(start: 0, end: 40, line: 1, column: 1))
        #expect(operation.operation == .query)
        #expect(operation.name == nil)
        #expect(operation.selectionSet.loc == Location(start: 0, end: 40, line: 1, column: 1))
        guard case .field(let node) = operation.selectionSet.selections.first else {
            Issue.record("not a field")
            return
        }
        #expect(node.loc == Location(start: 4, end: 38, line: 2, column: 3))
        #expect(node.alias == nil)
        #expect(node.name == Name(value: "node", loc: Location(start: 4, end: 8, line: 2, column: 3)))
        #expect(node.arguments.count == 1)
        #expect(node.arguments[0].name.value == "id")
        #expect(node.arguments[0].loc == Location(start: 9, end: 14, line: 2, column: 8))
        guard case .int(let text, let loc) = node.arguments[0].value else {
            Issue.record("not an int")
            return
        }
        #expect(text == "4")
        #expect(loc == Location(start: 13, end: 14, line: 2, column: 12))
        #expect(node.selectionSet?.loc == Location(start: 16, end: 38, line: 2, column: 15))
        let names = node.selectionSet?.selections.compactMap { selection -> Name? in
            if case .field(let field) = selection { return field.name }
            return nil
        }
        #expect(
            names == [
                Name(value: "id", loc: Location(start: 22, end: 24, line: 3, column: 5)),
                Name(value: "name", loc: Location(start: 30, end: 34, line: 4, column: 5)),
            ])
    }

    @Test func parsesAliasesFragmentsAndDirectives() throws {
        let document = try Parser.parse("query Q($v: [Int!]! = [1]) @q { a: b(x: $v) @d ...F @s ... on T @i { c } ... { d } }")
        let operation = try #require(document.operations.first)
        #expect(operation.variableDefinitions.first?.variable == Name(value: "v", loc: Location(start: 8, end: 10, line: 1, column: 9)))
        #expect(printType(operation.variableDefinitions[0].type) == "[Int!]!")
        let selections = operation.selectionSet.selections
        #expect(selections.count == 4)
        guard case .field(let field) = selections[0], case .fragmentSpread(let spread) = selections[1],
            case .inlineFragment(let inline) = selections[2], case .inlineFragment(let bare) = selections[3]
        else {
            Issue.record("unexpected selections")
            return
        }
        #expect(field.alias?.value == "a")
        #expect(field.name.value == "b")
        #expect(field.responseKey == "a")
        #expect(field.directives.map(\.name.value) == ["d"])
        #expect(spread.name.value == "F")
        #expect(spread.directives.map(\.name.value) == ["s"])
        #expect(inline.typeCondition?.value == "T")
        #expect(inline.directives.map(\.name.value) == ["i"])
        #expect(bare.typeCondition == nil)
    }

    @Test func parsesTokenCountWithoutComments() throws {
        #expect(try Parser.parse("{ foo }").tokenCount == 3)
        #expect(try Parser.parse("# a comment\n{ foo # another\n }").tokenCount == 3)
        #expect(try Parser.parse("{ foo(bar: \"baz\") }").tokenCount == 8)
    }
}

@Suite("Parser: values and types")
struct LanguageParseValueTests {
    @Test func parsesNullValue() throws {
        guard case .null(let loc) = try Parser.parseValue("null") else {
            Issue.record("not null")
            return
        }
        #expect(loc == Location(start: 0, end: 4, line: 1, column: 1))
    }

    @Test func parsesListValues() throws {
        let value = try Parser.parseValue("[123 \"abc\"]")
        guard case .list(let items, let loc) = value, items.count == 2,
            case .int("123", let intLoc) = items[0], case .string("abc", false, let stringLoc) = items[1]
        else {
            Issue.record("unexpected \(value)")
            return
        }
        #expect(loc == Location(start: 0, end: 11, line: 1, column: 1))
        #expect(intLoc == Location(start: 1, end: 4, line: 1, column: 2))
        #expect(stringLoc == Location(start: 5, end: 10, line: 1, column: 6))
    }

    @Test func parsesBlockStrings() throws {
        let value = try Parser.parseValue("[\"\"\"long\"\"\" \"short\"]")
        #expect(printValue(value) == "[\"\"\"long\"\"\", \"short\"]")
        guard case .list(let items, _) = value, case .string("long", true, _) = items[0] else {
            Issue.record("unexpected \(value)")
            return
        }
    }

    @Test func parsesScalarsAndEnums() throws {
        #expect(printValue(try Parser.parseValue("true")) == "true")
        #expect(printValue(try Parser.parseValue("false")) == "false")
        #expect(printValue(try Parser.parseValue("-1.5e3")) == "-1.5e3")
        #expect(printValue(try Parser.parseValue("RED")) == "RED")
        guard case .enumValue("RED", _) = try Parser.parseValue("RED") else {
            Issue.record("not an enum")
            return
        }
        guard case .boolean(true, _) = try Parser.parseValue("true") else {
            Issue.record("not a boolean")
            return
        }
    }

    @Test func allowsVariablesOnlyInNonConstantValues() throws {
        guard case .object(let fields, _) = try Parser.parseValue("{ a: $var }"), case .variable(let name) = fields[0].value else {
            Issue.record("no variable")
            return
        }
        #expect(name.value == "var")
        expectError("Syntax Error: Unexpected variable \"$var\" in constant value.", at: 1, 6) { () throws(GraphQLError) in
            _ = try Parser.parseConstValue("{ a: $var }")
        }
        expectError("Syntax Error: Unexpected \"$\".", at: 1, 1) { () throws(GraphQLError) in
            _ = try Parser.parseConstValue("$")
        }
        expectError("Syntax Error: Expected <EOF>, found Int \"2\".", at: 1, 3) { () throws(GraphQLError) in
            _ = try Parser.parseValue("1 2")
        }
    }

    @Test func parsesTypes() throws {
        guard case .named(let name) = try Parser.parseType("String") else {
            Issue.record("not named")
            return
        }
        #expect(name == Name(value: "String", loc: Location(start: 0, end: 6, line: 1, column: 1)))

        let list = try Parser.parseType("[MyType]")
        guard case .list(.named(let inner), let listLoc) = list else {
            Issue.record("not a list")
            return
        }
        #expect(listLoc == Location(start: 0, end: 8, line: 1, column: 1))
        #expect(inner.loc == Location(start: 1, end: 7, line: 1, column: 2))

        guard case .nonNull(.list(.nonNull(.named(let core), let innerLoc), _), let outerLoc) = try Parser.parseType("[MyType!]!")
        else {
            Issue.record("not [MyType!]!")
            return
        }
        #expect(core.value == "MyType")
        #expect(innerLoc == Location(start: 1, end: 8, line: 1, column: 2))
        #expect(outerLoc == Location(start: 0, end: 10, line: 1, column: 1))
        expectError("Syntax Error: Expected Name, found \"!\".", at: 1, 1) { () throws(GraphQLError) in
            _ = try Parser.parseType("!")
        }
        expectError("Syntax Error: Expected <EOF>, found \"!\".", at: 1, 8) { () throws(GraphQLError) in
            _ = try Parser.parseType("String!!")
        }
    }
}
