import Testing
@testable import MarqueeGraphQL

/// An SDL document and the errors graphql-core reports for it, each as its
/// message and (line, column) locations.
struct SchemaErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let sdl: String
    let errors: [String]

    init(_ name: String, _ sdl: String, _ errors: [(String, [(Int, Int)])]) {
        self.name = name
        self.sdl = sdl
        self.errors = errors.map { describeError($0.0, $0.1.map { MarqueeGraphQL.SourceLocation(line: $0.0, column: $0.1) }) }
    }

    var testDescription: String { name }
}

/// An SDL document and graphql-core's `print_schema` of the schema built from it.
struct PrintCase: Sendable, CustomTestStringConvertible {
    let name: String
    let sdl: String
    let printed: String

    init(_ name: String, sdl: String, printed: String) {
        self.name = name
        self.sdl = sdl
        self.printed = printed
    }

    var testDescription: String { name }
}

/// "message @ 1:2, 3:4": an error as the tests compare it.
func describeError(_ message: String, _ locations: [MarqueeGraphQL.SourceLocation]) -> String {
    locations.isEmpty ? message : message + " @ " + locations.map(\.description).joined(separator: ", ")
}

func describeErrors(_ errors: [GraphQLError]) -> [String] {
    errors.map { describeError($0.message, $0.locations) }
}

/// The errors of building a schema from `sdl` (none when it builds).
func schemaBuildErrors(_ sdl: String) -> [GraphQLError] {
    do {
        _ = try GraphQLSchema.build(sdl: sdl)
        return []
    } catch let error as SchemaBuildError {
        return error.errors
    } catch {
        return [GraphQLError("unexpected error: \(error)")]
    }
}
