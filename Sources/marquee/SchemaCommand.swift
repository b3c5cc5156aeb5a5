import ArgumentParser
import MarqueeGraphQL

struct SchemaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print, introspect or check against a schema.",
        subcommands: [Print.self, Introspect.self, Check.self]
    )

    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the schema as SDL.")
        @Option(help: "The schema, as SDL.") var schema: String

        func run() async throws {
            writeLine(printSchema(try loadSchema(schema)))
        }
    }

    struct Introspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the result of the full introspection query as JSON.")
        @Option(help: "The schema, as SDL.") var schema: String

        func run() async throws {
            let data = await introspectionResult(try loadSchema(schema))
            writeLine(JSONWriter.bytes(of: ["data": data]))
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate GraphQL operation files against the schema; exits non-zero on errors.")
        @Option(help: "The schema, as SDL.") var schema: String
        @ArgumentParser.Argument(help: "Operation files (.graphql).") var files: [String]

        func run() async throws {
            let schema = try loadSchema(self.schema)
            var failed = false
            for file in files {
                let text = try readFile(file)
                switch GraphQLEngine.parseAndValidate(text, schema: schema) {
                case .valid:
                    writeLine("\(file): ok")
                case .invalid(let response):
                    failed = true
                    for error in response.errors {
                        let location = error.locations.first.map { ":\($0.line):\($0.column)" } ?? ""
                        writeLine("\(file)\(location): \(error.message)")
                    }
                }
            }
            if failed { throw ExitCode(1) }
        }
    }
}
