import Foundation

/// The shared fixture (shared/bench): schema, data, operations, expected responses.
public final class Fixture: @unchecked Sendable {
    public static let queryNames = ["small", "large", "introspection", "deep", "variables"]

    public let path: String
    public let schemaSDL: String
    /// data.json as text: each engine parses it into its own data model at setup.
    public let dataText: String
    public let dataJSON: BenchJSON
    public let queries: [QueryCase]

    public init(path: String, queryNames: [String] = Fixture.queryNames) throws {
        self.path = path
        schemaSDL = try Self.read(path + "/schema.graphql")
        dataText = try Self.read(path + "/data.json")
        dataJSON = try BenchJSON.parse(dataText)
        var queries: [QueryCase] = []
        for name in queryNames {
            guard Fixture.queryNames.contains(name) else {
                throw BenchJSONError(description: "unknown query \(name) (have \(Fixture.queryNames.joined(separator: ",")))")
            }
            let text = try Self.read("\(path)/queries/\(name).graphql")
            let variablesPath = "\(path)/queries/\(name).json"
            let variablesText = FileManager.default.fileExists(atPath: variablesPath) ? try Self.read(variablesPath) : nil
            let expectedText = try Self.read("\(path)/expected/\(name).json")
            var expectedBytes = Array(expectedText.utf8)
            while let last = expectedBytes.last, last == 0x0A || last == 0x0D { expectedBytes.removeLast() }
            queries.append(QueryCase(
                name: name, text: text, variablesText: variablesText,
                variables: try variablesText.map(BenchJSON.parse),
                expected: try BenchJSON.parse(expectedText), expectedBytes: expectedBytes))
        }
        self.queries = queries
    }

    static func read(_ path: String) throws -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw BenchJSONError(description: "cannot read \(path): \(error)")
        }
    }
}

public struct QueryCase: Sendable {
    public let name: String
    public let text: String
    public let variablesText: String?
    public let variables: BenchJSON?
    public let expected: BenchJSON
    /// expected/NAME.json without its final newline.
    public let expectedBytes: [UInt8]

    /// nil when `response` ({"data": ...}) is what the fixture expects; else why not.
    /// Introspection compares only the schema's own types, in any order (README).
    public func check(_ response: BenchJSON) -> String? {
        if name == "introspection" {
            if let errors = response["errors"] { return "errors: \(String(errors.description.prefix(300)))" }
            let a = BenchJSON.normalizedIntrospection(response), b = BenchJSON.normalizedIntrospection(expected)
            if case .array(let types) = a, types.isEmpty { return "no types in the response" }
            return a.difference(from: b, path: "types")
        }
        return response.difference(from: expected)
    }

    /// For an introspection response that fails `check`: whether the only
    /// differences are input-object fields' `defaultValue`s. GraphQLSwift 4.3.0's
    /// `__InputValue.defaultValue` resolver handles arguments only and returns
    /// null for every input-object field (PaymentInput.savePaymentMethod).
    public func differsOnlyInInputFieldDefaults(_ response: BenchJSON) -> Bool {
        guard name == "introspection", response["errors"] == nil else { return false }
        let a = BenchJSON.normalizedIntrospection(response, blankInputFieldDefaults: true)
        let b = BenchJSON.normalizedIntrospection(expected, blankInputFieldDefaults: true)
        return a.difference(from: b, path: "types") == nil
    }
}
