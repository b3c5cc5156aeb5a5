/// One element of a response path: a field's response key or a list index.
public enum PathKey: Sendable, Hashable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return String(i)
        }
    }

    public var json: JSON {
        switch self {
        case .key(let k): return .string(k)
        case .index(let i): return .int(i)
        }
    }
}

/// The one error type of the engine (spec 7.1.2): a message, the source locations it
/// concerns, the response path during execution, and optional extensions.
public struct GraphQLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var locations: [SourceLocation]
    public var path: [PathKey]?
    public var extensions: JSONObject?

    public init(_ message: String, locations: [SourceLocation] = [], path: [PathKey]? = nil, extensions: JSONObject? = nil) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
    }

    public init(_ message: String, nodes: [Location], path: [PathKey]? = nil, extensions: JSONObject? = nil) {
        self.init(message, locations: nodes.map(\.sourceLocation), path: path, extensions: extensions)
    }

    public init(_ message: String, at location: Location, path: [PathKey]? = nil, extensions: JSONObject? = nil) {
        self.init(message, locations: [location.sourceLocation], path: path, extensions: extensions)
    }

    public var description: String {
        var text = message
        if !locations.isEmpty { text += " (" + locations.map(\.description).joined(separator: ", ") + ")" }
        return text
    }

    /// The error as the response's `errors` entry: `message`, `locations`, `path`, `extensions`.
    public var json: JSON {
        var object = JSONObject(minimumCapacity: 4)
        object.append("message", .string(message))
        if !locations.isEmpty {
            object.append("locations", .array(locations.map { ["line": .int($0.line), "column": .int($0.column)] }))
        }
        if let path { object.append("path", .array(path.map(\.json))) }
        if let extensions, !extensions.isEmpty { object.append("extensions", .object(extensions)) }
        return .object(object)
    }
}

/// An error a resolver throws that wants its own `extensions` (e.g. `code`) in the
/// response. Any other error thrown by a resolver is reported by its description, or
/// masked by the caller's error presenter.
public protocol GraphQLErrorConvertible: Error {
    var graphQLMessage: String { get }
    var graphQLExtensions: JSONObject? { get }
}

/// What the response says about an error a resolver throws that is neither a
/// ``GraphQLError`` nor ``GraphQLErrorConvertible`` (a bug, or a failure whose
/// text may hold internal detail).
public enum UnexpectedErrorPolicy: Sendable {
    /// Report the error's own description (tools, tests, trusted callers).
    case expose
    /// Report "Internal server error." with `extensions.code`
    /// `INTERNAL_SERVER_ERROR`, and hand the error and its path to `log`.
    case mask(log: @Sendable (_ error: any Error, _ path: [PathKey]) -> Void)

    func present(_ error: any Error, locations: [SourceLocation], path: [PathKey]) -> GraphQLError {
        switch self {
        case .expose:
            return GraphQLError(String(describing: error), locations: locations, path: path)
        case .mask(let log):
            log(error, path)
            return GraphQLError("Internal server error.", locations: locations, path: path, extensions: ["code": "INTERNAL_SERVER_ERROR"])
        }
    }
}
