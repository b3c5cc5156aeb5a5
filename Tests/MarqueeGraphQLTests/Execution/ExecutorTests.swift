import Testing
import Synchronization
@testable import MarqueeGraphQL

@Suite struct ExecutorTests {
    let schema: GraphQLSchema

    init() throws {
        schema = try makeSchema("""
        interface Named { name: String }
        type Person implements Named { name: String, age: Int!, friends: [Person], tags: [String!]! }
        type Robot implements Named { name: String, model: String }
        union Thing = Person | Robot
        enum Color { RED GREEN }
        input Filter { color: Color = RED, min: Int }
        type Query {
          hero: Person
          heroes: [Person!]
          named: [Named]
          things: [Thing]
          color: Color
          number: Int
          text: String
          echo(filter: Filter, n: Int = 7): String
        }
        """)
    }

    @Test func resolvesFieldsInQueryOrderWithAliases() async throws {
        let root: JSON = ["hero": ["name": "Ada", "age": 36, "friends": [], "tags": []]]
        let out = await run(schema, "{ b: hero { age } hero { name n2: name } }", root: root)
        #expect(out == #"{"data":{"b":{"age":36},"hero":{"name":"Ada","n2":"Ada"}}}"#)
    }

    @Test func nullInNonNullFieldPropagatesToNearestNullableParent() async throws {
        let root: JSON = ["hero": ["name": "Ada", "age": nil]]
        let out = await run(schema, "{ hero { name age } text }", root: root)
        #expect(out == #"{"errors":[{"message":"Cannot return null for non-nullable field Person.age.","locations":[{"line":1,"column":15}],"path":["hero","age"]}],"data":{"hero":null,"text":null}}"#)
    }

    @Test func nullItemInNonNullListNullsTheListsParent() async throws {
        let root: JSON = ["heroes": [["name": "A", "tags": ["x", nil]]]]
        let out = await run(schema, "{ heroes { tags } }", root: root)
        #expect(out == #"{"errors":[{"message":"Cannot return null for non-nullable field Person.tags.","locations":[{"line":1,"column":12}],"path":["heroes",0,"tags",1]}],"data":{"heroes":null}}"#)
    }

    @Test func leafCoercionErrorsAreFieldErrors() async throws {
        let root: JSON = ["number": "abc", "color": "BLUE", "text": 12]
        let out = await run(schema, "{ number color text }", root: root)
        let response = try json(out)
        #expect(response["data"] == ["number": nil, "color": nil, "text": "12"])
        let messages = response["errors"]?.arrayValue?.compactMap { $0["message"]?.stringValue }
        #expect(messages == [#"Int cannot represent non-integer value: "abc""#, #"Enum "Color" cannot represent value: "BLUE""#])
    }

    @Test func abstractTypesResolveByTypename() async throws {
        let root: JSON = ["things": [["__typename": "Robot", "model": "T1", "name": "r"], ["__typename": "Person", "name": "p", "age": 3]]]
        let out = await run(schema, "{ things { __typename ... on Robot { model } ... on Named { name } } }", root: root)
        #expect(out == #"{"data":{"things":[{"__typename":"Robot","model":"T1","name":"r"},{"__typename":"Person","name":"p"}]}}"#)
    }

    @Test func unknownRuntimeTypeIsAFieldError() async throws {
        let root: JSON = ["named": [["__typename": "Alien"]]]
        let out = await run(schema, "{ named { name } }", root: root)
        #expect(out.contains(#"Abstract type \"Named\" was resolved to a type \"Alien\" that does not exist inside the schema."#))
        #expect(out.contains(#""data":{"named":[null]}"#))
    }

    @Test func argumentsAndInputObjectsAreCoercedWithDefaults() async throws {
        let query = schema.type(named: "Query") as! GraphQLObjectType
        query.field(named: "echo")!.resolve = { _, args, _, _ in .value(JSON.string(JSONWriter.string(of: .object(args.values)))) }
        let out = await run(schema, "query($m: Int) { echo(filter: {min: $m}) }", variables: ["m": 5])
        #expect(out == #"{"data":{"echo":"{\"filter\":{\"color\":\"RED\",\"min\":5},\"n\":7}"}}"#)
    }

    @Test func variableErrorsAreRequestErrors() async throws {
        let out = await run(schema, "query($n: Int!) { echo(n: $n) }", variables: ["n": "x"])
        #expect(out == #"{"errors":[{"message":"Variable \"$n\" has invalid value: Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":7}]}]}"#)
        let missing = await run(schema, "query($n: Int!) { echo(n: $n) }")
        #expect(missing.contains(#"Expected a value of non-null type \"Int!\" to be provided."#))
        #expect(!missing.contains(#""data""#))
    }

    @Test func skipAndIncludeDirectives() async throws {
        let root: JSON = ["number": 1, "text": "t"]
        let out = await run(schema, "query($s: Boolean!) { number @skip(if: $s) text @include(if: false) color }", root: root, variables: ["s": true])
        #expect(out == #"{"data":{"color":null}}"#)
    }

    @Test func operationSelection() async throws {
        let doc = "query A { number } query B { text }"
        let root: JSON = ["number": 1, "text": "t"]
        #expect(await run(schema, doc, root: root, operationName: "B") == #"{"data":{"text":"t"}}"#)
        #expect(await run(schema, doc, root: root) == #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#)
        #expect(await run(schema, doc, root: root, operationName: "C") == #"{"errors":[{"message":"Unknown operation named \"C\"."}]}"#)
    }
}
