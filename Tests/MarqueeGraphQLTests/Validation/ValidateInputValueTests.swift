// The one input-literal walk (graphql-core `validate_input_literal` /
// `validate_input_value`) in its modes: statically or with variables, every
// problem or the first.
import Testing

@testable import MarqueeGraphQL

@Suite("validateInputLiteral")
struct ValidateInputValueTests {
    let input = GraphQLInputObjectType(name: "In", fields: [
        GraphQLInputField(name: "x", type: .nonNull(.scalar(.int))),
        GraphQLInputField(name: "y", type: .list(.nonNull(.scalar(.int)))),
    ])

    func problems(_ literal: String, variables: JSONObject? = nil) throws -> [String] {
        var found: [String] = []
        validateInputLiteral(try Parser.parseValue(literal), .inputObject(input), variables: variables) { error, path in
            found.append("\(printPathList(path)): \(error.message)")
        }
        return found
    }

    @Test func staticallyAVariableIsAssumedValid() throws {
        #expect(try problems("{ x: $v, y: [1, $w] }").isEmpty)
        #expect(try problems("{ y: [\"a\", null] }") == [
            #": Expected value of type "In" to include required field "x", found: { y: ["a", null] }."#,
            #" at .y[0]: Int cannot represent non-integer value: "a""#,
            #" at .y[1]: Expected value of non-null type "Int!" not to be null."#,
        ])
    }

    @Test func withVariablesAVariableNeedsARuntimeValue() throws {
        #expect(try problems("{ x: $v, y: [1, $w] }", variables: ["v": 1, "w": nil]) == [
            #" at .y[1]: Expected variable "$w" provided to non-null type "Int!" not to be null."#,
        ])
        #expect(try problems("{ x: $v }", variables: [:]) == [
            #" at .x: Expected variable "$v" provided to type "Int!" to provide a runtime value."#,
        ])
    }

    @Test func theFirstProblemStopsTheWalk() throws {
        let problem = firstInputLiteralProblem(try Parser.parseValue("{ y: [\"a\", null] }"), .inputObject(input), variables: [:])
        #expect(problem?.error.message == #"Expected value of type "In" to include required field "x", found: { y: ["a", null] }."#)
        #expect(problem?.path == [])
        #expect(firstInputLiteralProblem(try Parser.parseValue("{ x: 1 }"), .inputObject(input), variables: [:]) == nil)
    }

    @Test func aJSONValueIsCheckedWithPaths() {
        var found: [String] = []
        validateInputValue(["y": ["a"], "zzz": 1], .inputObject(input)) { error, path in
            found.append("\(printPathList(path)): \(error.message)")
        }
        #expect(found == [
            #": Expected value of type "In" to include required field "x", found: { y: ["a"], zzz: 1 }."#,
            #" at .y[0]: Int cannot represent non-integer value: "a""#,
            #": Expected value of type "In" not to include unknown field "zzz", found: { y: ["a"], zzz: 1 }."#,
        ])
    }

    @Test func aListOrObjectForALeafDefaultHasNoLocationAndIsPrintedWrapped() {
        // As graphql-core: the literal is checked with its variables replaced, a new
        // node without a location; scalars print it as print_for_error does.
        let long = "[\"" + String(repeating: "a", count: 40) + "\", \"" + String(repeating: "b", count: 40) + "\"]"
        #expect(describeErrors(schemaBuildErrors("type Query { f(a: Int = \(long), b: Int = [1]): Int }")) == [
            "Query.f(a:) has invalid default value: Int cannot represent non-integer value: [\n  \"\(String(repeating: "a", count: 40))\"\n  \"\(String(repeating: "b", count: 40))\"\n]",
            "Query.f(b:) has invalid default value: Int cannot represent non-integer value: [1]",
        ])
    }
}
