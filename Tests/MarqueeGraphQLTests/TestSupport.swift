@testable import MarqueeGraphQL

/// Builds a schema from SDL, failing the test on errors.
func makeSchema(_ sdl: String) throws -> GraphQLSchema {
    try GraphQLSchema.build(sdl: sdl)
}

/// Parses, validates and executes `query` against a JSON root; returns the
/// response as compact JSON text (keys in response order).
func run(_ schema: GraphQLSchema, _ query: String, root: JSON = [:], variables: JSONObject = [:], operationName: String? = nil) async -> String {
    let engine = GraphQLEngine(schema: schema, cacheCapacity: 0)
    let response = await engine.execute(GraphQLRequest(query: query, variables: variables, operationName: operationName), rootValue: root)
    return String(decoding: response.jsonBytes(), as: UTF8.self)
}

func json(_ text: String) throws -> JSON {
    try JSONParser.parse(text)
}
