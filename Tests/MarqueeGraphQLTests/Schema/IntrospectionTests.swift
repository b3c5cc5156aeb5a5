import Testing
@testable import MarqueeGraphQL

@Suite("Introspection")
struct IntrospectionTests {
    @Test func queryTextIsGraphQLCoresWithEveryOptionOn() {
        #expect(IntrospectionQuery.text() == IntrospectionQueryTexts.all)
    }

    @Test func queryTextIsGraphQLCoresWithEveryOptionOff() {
        let text = IntrospectionQuery.text(descriptions: false, specifiedByURL: false, directiveIsRepeatable: false,
                                           schemaDescription: false, inputValueDeprecation: false, oneOf: false)
        #expect(text == IntrospectionQueryTexts.none)
    }

    @Test func queryTextIsGraphQLCoresWithSomeOptions() {
        let text = IntrospectionQuery.text(specifiedByURL: false, schemaDescription: false, inputValueDeprecation: false)
        #expect(text == IntrospectionQueryTexts.mixed)
    }

    @Test func introspectionOfRichSchemaEqualsGraphQLCores() async throws {
        let schema = try GraphQLSchema.build(sdl: IntrospectionFixture.sdl)
        let expected = try JSONParser.parse(IntrospectionFixture.expectedJSON)
        let actual = await introspectionResult(schema)
        #expect(actual == expected)
        // On a difference, compare type by type for a readable failure.
        if actual != expected, let actualTypes = actual["__schema"]?["types"]?.arrayValue,
           let expectedTypes = expected["__schema"]?["types"]?.arrayValue {
            #expect(actualTypes.map { $0["name"] } == expectedTypes.map { $0["name"] })
            for (a, e) in zip(actualTypes, expectedTypes) where a != e {
                Issue.record("type \(a["name"] ?? .null) differs:\n\(a)\nexpected:\n\(e)")
            }
            #expect(actual["__schema"]?["directives"] == expected["__schema"]?["directives"])
        }
    }

    @Test func introspectionOfEverySchemaListsTheSpecifiedDirectivesLast() async throws {
        let schema = try GraphQLSchema.build(sdl: "directive @a on FIELD\ntype Query { a: Int }")
        let names = await introspectionResult(schema)["__schema"]?["directives"]?.arrayValue?.map { $0["name"] }
        #expect(names == ["a", "include", "skip", "deprecated", "specifiedBy", "oneOf"])
    }
}
