import Testing
@testable import MarqueeGraphQL

@Suite("Schema printing")
struct PrintSchemaTests {
    @Test("printSchema prints what graphql-core prints", arguments: PrintCase.all)
    func printsLikeGraphQLCore(_ testCase: PrintCase) throws {
        let schema = try GraphQLSchema.build(sdl: testCase.sdl)
        #expect(printSchema(schema) == testCase.printed)
    }

    @Test("printing the schema built from printed SDL gives the same SDL", arguments: PrintCase.all)
    func roundTrips(_ testCase: PrintCase) throws {
        let printed = printSchema(try GraphQLSchema.build(sdl: testCase.sdl))
        #expect(printSchema(try GraphQLSchema.build(sdl: printed)) == printed)
    }

    @Test func schemaInCodePrintsDefaultsWithASTFromValue() {
        let color = GraphQLEnumType(name: "Color", values: [GraphQLEnumValue(name: "RED"), GraphQLEnumValue(name: "BLUE")])
        let query = GraphQLObjectType(name: "Query", fields: [
            GraphQLField(name: "f", type: .scalar(.string), arguments: [
                GraphQLArgument(name: "c", type: .list(.enumType(color)), defaultValue: ["RED", "BLUE"]),
                GraphQLArgument(name: "s", type: .scalar(.string), description: "a string", defaultValue: "x"),
            ]),
        ])
        #expect(printSchema(GraphQLSchema(query: query)) == """
            type Query {
              f(
                c: [Color] = [RED, BLUE]

                \"\"\"a string\"\"\"
                s: String = "x"
              ): String
            }

            enum Color {
              RED
              BLUE
            }
            """)
    }

    @Test func emptySchemaPrintsNothing() {
        #expect(printSchema(GraphQLSchema(query: nil)) == "")
    }
}
