/// A failure of the Redis broker. Its description is one fixed sentence per kind of
/// failure: it never carries the URL, the password or the server's text (those,
/// minus the password, go to the log).
public struct RedisError: Error, Hashable, CustomStringConvertible, Sendable {
    enum Code: Hashable, Sendable {
        case invalidURL, unavailable, connectionClosed, timedOut
        case authenticationFailed, serverError, protocolError, shutDown
    }

    let code: Code
    /// What happened, for the log: server replies, socket errors, `host:port`.
    let detail: String

    init(_ code: Code, detail: String = "") {
        self.code = code
        self.detail = detail
    }

    /// The URL is not `redis://[[user]:password@]host[:port][/db]`.
    public static let invalidURL = RedisError(.invalidURL)
    /// Redis could not be reached within the retry bound.
    public static let unavailable = RedisError(.unavailable)
    /// The server refused the credentials.
    public static let authenticationFailed = RedisError(.authenticationFailed)
    /// The server answered a command with an error.
    public static let serverError = RedisError(.serverError)
    /// The broker's `run()` has returned: it no longer publishes or subscribes.
    public static let shutDown = RedisError(.shutDown)

    /// Errors compare by kind only; the detail is for the log.
    public static func == (lhs: RedisError, rhs: RedisError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// Whether trying again on a new connection may succeed.
    var isTransient: Bool {
        switch code {
        case .unavailable, .connectionClosed, .timedOut: true
        default: false
        }
    }

    public var description: String {
        switch code {
        case .invalidURL: "the Redis URL is invalid"
        case .unavailable: "Redis is unavailable"
        case .connectionClosed: "the connection to Redis was closed"
        case .timedOut: "Redis did not answer in time"
        case .authenticationFailed: "Redis refused the credentials"
        case .serverError: "Redis answered with an error"
        case .protocolError: "Redis sent a reply that could not be parsed"
        case .shutDown: "the Redis broker has shut down"
        }
    }
}
