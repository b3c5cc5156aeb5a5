// Parsing the type system language (graphql-js src/language/__tests__/schema-parser-test.ts).
import Testing

@testable import MarqueeGraphQL

@Suite("Parser: type system")
struct LanguageSchemaParserTests {
    func onlyDefinition(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Definition {
        let document = try Parser.parse(text)
        return try #require(document.definitions.first, sourceLocation: sourceLocation)
    }

    func objectType(_ text: String) throws -> (ObjectTypeDefinition, isExtension: Bool) {
        switch try onlyDefinition(text) {
        case .type(.object(let object)), .type(.interface(let object)): return (object, false)
        case .typeExtension(.object(let object)), .typeExtension(.interface(let object)): return (object, true)
        default: throw GraphQLError("not an object or interface type")
        }
    }

    @Test func parsesKitchenSink() throws {
        let document = try Parser.parse(kitchenSinkSDL)
        #expect(document.definitions.count == 38)
        #expect(document.definitions.allSatisfy { !$0.isExecutable })
    }

    @Test func parsesSimpleType() throws {
        let (type, isExtension) = try objectType("\ntype Hello {\n  world: String\n}")
        #expect(!isExtension)
        #expect(type.loc == Location(start: 1, end: 31, line: 2, column: 1))
        #expect(type.name == Name(value: "Hello", loc: Location(start: 6, end: 11, line: 2, column: 6)))
        #expect(type.description == nil)
        #expect(type.interfaces.isEmpty && type.directives.isEmpty)
        let field = try #require(type.fields.first)
        #expect(field.loc == Location(start: 16, end: 29, line: 3, column: 3))
        #expect(field.name.value == "world")
        #expect(printType(field.type) == "String")
        #expect(field.type.loc == Location(start: 23, end: 29, line: 3, column: 10))
    }

    @Test func parsesDescriptions() throws {
        let (type, _) = try objectType("\n\"Description\"\ntype Hello {\n  world: String\n}")
        #expect(type.description?.value == "Description")
        #expect(type.description?.block == false)
        #expect(type.description?.loc == Location(start: 1, end: 14, line: 2, column: 1))
        #expect(type.loc.start == 1)

        let (block, _) = try objectType("\n\"\"\"\nDescription\n\"\"\"\n# Even with comments between them\ntype Hello {\n  world: String\n}")
        #expect(block.description?.value == "Description")
        #expect(block.description?.block == true)

        let field = try objectType("type Hello {\n  \"The world\" world(\"An arg\" a: Int): String\n}").0.fields[0]
        #expect(field.description?.value == "The world")
        #expect(field.arguments.first?.description?.value == "An arg")
    }

    @Test func parsesExtensions() throws {
        let (type, isExtension) = try objectType("extend type Hello {\n  world: String\n}")
        #expect(isExtension)
        #expect(type.fields.map(\.name.value) == ["world"])
        #expect(type.loc == Location(start: 0, end: 37, line: 1, column: 1))

        let (implementing, _) = try objectType("extend type Hello implements Greeting")
        #expect(implementing.interfaces.map(\.value) == ["Greeting"])
        #expect(try objectType("extend interface Hello implements Greeting").1)
        #expect(try objectType("extend type Hello @dir").0.directives.map(\.name.value) == ["dir"])

        guard case .schemaExtension(let schema) = try onlyDefinition("extend schema @directive") else {
            Issue.record("not a schema extension")
            return
        }
        #expect(schema.directives.map(\.name.value) == ["directive"])
        #expect(schema.operationTypes.isEmpty)

        guard case .schemaExtension(let withTypes) = try onlyDefinition("extend schema { mutation: Mutation }") else {
            Issue.record("not a schema extension")
            return
        }
        #expect(withTypes.operationTypes.map(\.operation) == [.mutation])
        #expect(withTypes.operationTypes.map(\.type.value) == ["Mutation"])
    }

    @Test func requiresAPartInEveryExtension() {
        expectParseError("extend scalar Hello", "Unexpected <EOF>.", 20)
        expectParseError("extend type Hello", "Unexpected <EOF>.", 18)
        expectParseError("extend interface Hello", "Unexpected <EOF>.", 23)
        expectParseError("extend union Hello", "Unexpected <EOF>.", 19)
        expectParseError("extend enum Hello", "Unexpected <EOF>.", 18)
        expectParseError("extend input Hello", "Unexpected <EOF>.", 19)
        expectParseError("extend schema", "Unexpected <EOF>.", 14)
        expectParseError("extend schema\nscalar Foo", "Unexpected Name \"scalar\".", at: 2, 1)
        expectParseError("extend type Hello { }", "Expected Name, found \"}\".", 21)
        expectParseError("extend foo Hello", "Unexpected Name \"foo\".", 8)
        expectParseError("extend", "Unexpected <EOF>.", 7)
    }

    @Test func rejectsDescriptionsOnExtensions() {
        expectParseError(
            "\"Description\" extend type Hello { world: String }",
            "Unexpected description, descriptions are supported only on type definitions.", 1)
        expectParseError("extend \"Description\" type Hello { world: String }", "Unexpected String \"Description\".", 8)
        expectParseError(
            "\"Description\" extend schema @d",
            "Unexpected description, descriptions are supported only on type definitions.", 1)
    }

    @Test func parsesSchemaDefinitions() throws {
        guard case .schema(let schema) = try onlyDefinition("\"The schema\" schema @d { query: Q, subscription: S }") else {
            Issue.record("not a schema")
            return
        }
        #expect(schema.description?.value == "The schema")
        #expect(schema.directives.map(\.name.value) == ["d"])
        #expect(schema.operationTypes.map(\.operation) == [.query, .subscription])
        #expect(schema.operationTypes.map(\.type.value) == ["Q", "S"])
        expectParseError("schema {}", "Expected Name, found \"}\".", 9)
        expectParseError("schema @d", "Expected \"{\", found <EOF>.", 10)
        expectParseError("schema { subscriptions: S }", "Unexpected Name \"subscriptions\".", 10)
    }

    @Test func parsesImplementedInterfaces() throws {
        #expect(try objectType("type Hello implements World { field: String }").0.interfaces.map(\.value) == ["World"])
        #expect(try objectType("type Hello implements Wo & rld { field: String }").0.interfaces.map(\.value) == ["Wo", "rld"])
        #expect(try objectType("type Hello implements & Wo & rld { field: String }").0.interfaces.map(\.value) == ["Wo", "rld"])
        #expect(try objectType("interface Hello implements World { field: String }").0.interfaces.map(\.value) == ["World"])
        #expect(try objectType("interface Hello implements & A & B").0.interfaces.map(\.value) == ["A", "B"])
        expectParseError("type Hello implements Wo rld { field: String }", "Unexpected Name \"rld\".", 26)
        expectParseError("type Hello implements Wo, rld { field: String }", "Unexpected Name \"rld\".", 27)
        expectParseError("type Hello implements & & Wo { field: String }", "Expected Name, found \"&\".", 25)
        expectParseError("type Hello implements { field: String }", "Expected Name, found \"{\".", 23)
    }

    @Test func parsesTypesWithoutFields() throws {
        let (type, _) = try objectType("type Hello")
        #expect(type.fields.isEmpty)
        expectParseError("type Hello {}", "Expected Name, found \"}\".", 13)
        expectParseError("type Hello { world }", "Expected \":\", found \"}\".", 20)
        expectParseError("type Hello { world(): String }", "Expected Name, found \")\".", 20)
    }

    @Test func parsesArgumentsAndDefaults() throws {
        let field = try objectType("type Hello { world(flag: Boolean = true, list: [String!]! = [\"a\"] @d): String }").0.fields[0]
        #expect(field.arguments.map(\.name.value) == ["flag", "list"])
        #expect(field.arguments.map { printType($0.type) } == ["Boolean", "[String!]!"])
        #expect(field.arguments.map { $0.defaultValue.map(printValue) } == ["true", "[\"a\"]"])
        #expect(field.arguments[1].directives.map(\.name.value) == ["d"])
    }

    @Test func parsesUnions() throws {
        func members(_ text: String) throws -> [String] {
            switch try onlyDefinition(text) {
            case .type(.union(let union)), .typeExtension(.union(let union)): return union.types.map(\.value)
            default: throw GraphQLError("not a union")
            }
        }
        #expect(try members("union Hello = World") == ["World"])
        #expect(try members("union Hello = Wo | Rld") == ["Wo", "Rld"])
        #expect(try members("union Hello = | Wo | Rld") == ["Wo", "Rld"])
        #expect(try members("union Hello") == [])
        #expect(try members("extend union Hello = More") == ["More"])
        expectParseError("union Hello = || Wo | Rld", "Expected Name, found \"|\".", 16)
        expectParseError("union Hello = Wo || Rld", "Expected Name, found \"|\".", 19)
        expectParseError("union Hello = | Wo | Rld |", "Expected Name, found <EOF>.", 27)
    }

    @Test func parsesScalarsEnumsAndInputs() throws {
        guard case .type(.scalar(let scalar)) = try onlyDefinition("scalar Hello @d") else {
            Issue.record("not a scalar")
            return
        }
        #expect(scalar.name.value == "Hello" && scalar.directives.count == 1)

        guard case .type(.enumType(let enumType)) = try onlyDefinition("enum Hello { WO \"desc\" RLD @d }") else {
            Issue.record("not an enum")
            return
        }
        #expect(enumType.values.map(\.name.value) == ["WO", "RLD"])
        #expect(enumType.values[1].description?.value == "desc")
        #expect(enumType.values[1].directives.map(\.name.value) == ["d"])

        guard case .type(.inputObject(let input)) = try onlyDefinition("input Hello { world: String = \"x\" }") else {
            Issue.record("not an input object")
            return
        }
        #expect(input.fields.map(\.name.value) == ["world"])
        expectParseError("input Hello { world(foo: Int): String }", "Expected \":\", found \"(\".", 20)
    }

    @Test func rejectsReservedEnumValues() {
        expectParseError("enum Test { VALID, true }", "Name \"true\" is reserved and cannot be used for an enum value.", 20)
        expectParseError("enum Test { VALID, false }", "Name \"false\" is reserved and cannot be used for an enum value.", 20)
        expectParseError("enum Test { VALID, null }", "Name \"null\" is reserved and cannot be used for an enum value.", 20)
    }

    @Test func parsesDirectiveDefinitions() throws {
        guard
            case .directive(let directive) = try onlyDefinition(
                "\"D\" directive @foo(arg: Int = 1) repeatable on | OBJECT | INTERFACE")
        else {
            Issue.record("not a directive definition")
            return
        }
        #expect(directive.description?.value == "D")
        #expect(directive.name.value == "foo")
        #expect(directive.arguments.map(\.name.value) == ["arg"])
        #expect(directive.repeatable)
        #expect(directive.locations.map(\.value) == ["OBJECT", "INTERFACE"])

        guard case .directive(let plain) = try onlyDefinition("directive @bar on FIELD") else {
            Issue.record("not a directive definition")
            return
        }
        #expect(!plain.repeatable)
        expectParseError("directive @foo on FIELD | INCORRECT_LOCATION", "Unexpected Name \"INCORRECT_LOCATION\".", 27)
        expectParseError("directive @foo repeatable", "Expected \"on\", found <EOF>.", 26)
        expectParseError("directive foo on FIELD", "Expected \"@\", found Name \"foo\".", 11)
        expectParseError("directive @foo on", "Expected Name, found <EOF>.", 18)
    }

    @Test func allowsVariablesNowhereInSDL() {
        expectParseError("type T @d(a: $v) { f: Int }", "Unexpected variable \"$v\" in constant value.", 14)
        expectParseError("input T { f: Int = [$v] }", "Unexpected variable \"$v\" in constant value.", 21)
    }
}
