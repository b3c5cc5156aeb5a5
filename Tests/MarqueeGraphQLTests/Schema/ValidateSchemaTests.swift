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
}
