import ArgumentParser
import MarqueeGraphQL

struct GraphQLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphql",
        abstract: "Run GraphQL requests with the Marquee engine.",
        subcommands: [Exec.self]
    )

    /// `marquee graphql exec`: JSON Lines in, one JSON response line out per request.
    struct Exec: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Execute requests read as JSON Lines on stdin ({\"query\", \"variables\", \"operationName\"}) against a schema, with a default resolver over a JSON root value; one JSON response per line on stdout."
        )

        @Option(help: "The schema, as SDL.")
        var schema: String

        @Option(help: "A JSON file whose object is the root value of every operation.")
        var root: String?

        func run() async throws {
            let schema = try loadSchema(self.schema)
            var rootValue = JSON.object(JSONObject())
            if let root {
                do {
                    rootValue = try JSONParser.parse(try readFile(root), maxDepth: 10_000)
                } catch let error as JSONParseError {
                    throw ValidationError("Invalid root JSON \(root): \(error.description)")
                }
            }
            let engine = GraphQLEngine(schema: schema)
            while let line = readLine(strippingNewline: true) {
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                let response: GraphQLResponse
                do {
                    let request = try GraphQLRequest(jsonText: line)
                    response = await engine.execute(request, rootValue: rootValue)
                } catch {
                    response = GraphQLResponse(errors: [error])
                }
                writeLine(response.jsonBytes())
            }
        }
    }
}
