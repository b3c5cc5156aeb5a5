import Synchronization

/// Who is calling, as established from verified credentials.
public struct Caller: Sendable, Equatable {
    public var userID: String
    /// Role names: ATTENDEE, ORGANIZER, STAFF, ADMIN.
    public var roles: Set<String>
    /// When the credentials expire (seconds since 1970), if known.
    public var expiresAt: Double?

    public init(userID: String, roles: Set<String>, expiresAt: Double? = nil) {
        self.userID = userID
        self.roles = roles
        self.expiresAt = expiresAt
    }

    public func has(_ role: String) -> Bool { roles.contains(role) }
    public var isAdmin: Bool { roles.contains("ADMIN") }
}

/// The per-call context carried across RPC hops in metadata: the request id that
/// ties log lines together, the caller's bearer token (verified again by every
/// server), and on the server side the verified caller.
public struct CallContext: Sendable {
    public var requestID: String
    public var bearerToken: String?
    public var caller: Caller?
    /// When set, every outgoing call's method is recorded (the gateway's
    /// `x-marquee-trace` responses; tests count RPCs with it).
    public var trace: CallTrace?
    /// When set, the token forwarded on calls is this one's (a long-lived
    /// subscription's token, withdrawn when it expires), not `bearerToken`.
    public var revocable: RevocableToken?
    /// When the whole request must be done: calls made for it give up then.
    public var deadline: ContinuousClock.Instant?

    public init(requestID: String, bearerToken: String? = nil, caller: Caller? = nil, trace: CallTrace? = nil,
                revocable: RevocableToken? = nil) {
        self.requestID = requestID
        self.bearerToken = bearerToken
        self.caller = caller
        self.trace = trace
        self.revocable = revocable
    }

    /// The token to forward now.
    public var currentToken: String? { revocable.map { $0.token } ?? bearerToken }

    /// The context of the current task (set by the server interceptor, or by the
    /// gateway around a request's resolvers).
    @TaskLocal public static var current: CallContext?
}

/// Metadata keys used on every call.
public enum MetadataKey {
    public static let requestID = "x-request-id"
    public static let authorization = "authorization"
    /// The field an INVALID_ARGUMENT error is about.
    public static let field = "x-error-field"
    /// The stable reason of a FAILED_PRECONDITION/ALREADY_EXISTS error (SOLD_OUT, …).
    public static let reason = "x-error-reason"
}

/// A token that can be withdrawn while work that uses it keeps running.
public final class RevocableToken: Sendable {
    private let value: Mutex<String?>

    public init(_ token: String?) { value = Mutex(token) }

    public var token: String? { value.withLock { $0 } }
    public func revoke() { value.withLock { $0 = nil } }
}

/// The methods called on behalf of one request, in call order.
public final class CallTrace: Sendable {
    private let calls = Mutex<[String]>([])

    public init() {}

    public func record(_ method: String) { calls.withLock { $0.append(method) } }
    public var methods: [String] { calls.withLock { $0 } }
}
