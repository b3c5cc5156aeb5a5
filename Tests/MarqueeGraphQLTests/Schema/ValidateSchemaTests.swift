import Testing
@testable import MarqueeGraphQL

@Suite("Schema validation")
struct ValidateSchemaTests {
    @Test("SDL and schema validation report what graphql-core reports", arguments: SchemaErrorCase.all)
    func reportsGraphQLCoreErrors(_ testCase: SchemaErrorCase) {
        #expect(describeErrors(schemaBuildErrors(testCase.sdl)) == testCase.errors)
    }

    @Test func schemaWithoutQueryTypeInCodeHasErrorWithoutLocation() {
        let schema = GraphQLSchema(query: nil)
        #expect(describeErrors(validateSchema(schema)) == ["Query root type must be provided."])
    }

    @Test func validSchemaInCodeHasNoErrors() {
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "a", type: .scalar(.int))])
        #expect(validateSchema(GraphQLSchema(query: query)).isEmpty)
    }

    @Test func invalidDefaultValueInCodeIsCheckedAsJSON() {
        let argument = GraphQLArgument(name: "x", type: .list(.nonNull(.scalar(.int))), defaultValue: ["a", nil])
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "f", type: .scalar(.int), arguments: [argument])])
        #expect(describeErrors(validateSchema(GraphQLSchema(query: query))) == [
            "Query.f(x:) has invalid default value at [0]: Int cannot represent non-integer value: \"a\"",
            "Query.f(x:) has invalid default value at [1]: Expected value of non-null type \"Int!\" not to be null.",
        ])
    }

    @Test func coercedDefaultValueInCodeSuggestsItsExternalForm() {
        let argument = GraphQLArgument(name: "x", type: .list(.nonNull(.scalar(.int))), defaultValue: ["1", 2])
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "f", type: .scalar(.int), arguments: [argument])])
        #expect(describeErrors(validateSchema(GraphQLSchema(query: query))) == [
            "Query.f(x:) has invalid default value: [\"1\", 2]. Did you mean: [1, 2]?",
        ])
    }

    @Test func sdlValidationRunsBeforeTheSchemaIsBuilt() throws {
        let document = Document(definitions: [])
        #expect(validateSDL(document).isEmpty)
        #expect(throws: SchemaBuildError.self) { try GraphQLSchema.build(sdl: "type Query { a: Missing }") }
    }

    @Test func interfaceImplementedInCodeIsCheckedWithoutLocations() {
        let node = GraphQLInterfaceType(name: "Node", fields: [GraphQLField(name: "id", type: .nonNull(.scalar(.id)))])
        let query = GraphQLObjectType(name: "Query", fields: [GraphQLField(name: "id", type: .scalar(.id))], interfaces: [node])
        #expect(describeErrors(validateSchema(GraphQLSchema(query: query))) == [
            "Interface field Node.id expects type ID! but Query.id is type ID.",
        ])
    }

    @Test func validateSDLReportsWithoutBuilding() throws {
        let document = try Parser.parse(Source(body: "type Query { a: Int @skip(if: true) }\nextend type Missing @deprecated"))
        #expect(describeErrors(validateSDL(document)) == [
            "Directive \"@skip\" may not be used on FIELD_DEFINITION. @ 1:21",
            "Cannot extend type \"Missing\" because it is not defined. @ 2:13",
            "Directive \"@deprecated\" may not be used on OBJECT. @ 2:21",
        ])
    }
}
