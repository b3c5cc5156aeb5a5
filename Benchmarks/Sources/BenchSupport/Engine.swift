/// Phase names, in the order they are measured and printed.
public enum PhaseName {
    public static let parse = "parse"
    public static let validate = "validate"
    public static let execute = "execute"
    public static let serialize = "serialize"
    public static let full = "full"
    public static let fullCached = "full (cached)"
    public static let all = [parse, validate, execute, serialize, full, fullCached]
}

/// One timed operation: everything it needs is prepared beforehand (not timed).
public struct Phase {
    public let name: String
    public let run: () async throws -> Void

    public init(_ name: String, _ run: @escaping () async throws -> Void) {
        self.name = name
        self.run = run
    }
}

/// A GraphQL engine set up on the fixture with the resolver contract (setup,
/// not timed, happens in the initializer).
public protocol BenchEngine: AnyObject {
    /// "marquee" or "graphqlswift".
    var id: String { get }
    /// For tables: "Marquee", "GraphQLSwift 4.3.0".
    var displayName: String { get }

    /// The responses of every way this engine runs `query` (execute, full,
    /// cached...), as neutral JSON ({"data":..., "errors":...}), for the
    /// correctness check. `bytes` is the engine's own serialization, if any.
    func responses(for query: QueryCase) async throws -> [(way: String, response: BenchJSON)]

    /// The engine's serialized response (compact JSON bytes), if it has a serializer.
    func responseBytes(for query: QueryCase) async throws -> [UInt8]?

    /// The timed phases for `query`.
    func phases(for query: QueryCase) async throws -> [Phase]

    /// One operation serving `query` as `phase` ("execute" or "full") for the
    /// peak-memory probe, with its preparation done.
    func memoryProbe(for query: QueryCase, phase: String) async throws -> () async throws -> Void
}
