import GRPCCore

/// An error a service returns on purpose; it chooses its gRPC status by
/// conforming to `RPCErrorConvertible`. Messages are written for callers: they
/// never carry SQL, stack traces or secrets.
public struct ServiceError: Error, RPCErrorConvertible, CustomStringConvertible, Sendable {
    public let rpcErrorCode: RPCError.Code
    public let rpcErrorMessage: String
    /// The request field at fault (INVALID_ARGUMENT), also sent as `x-error-field`.
    public let field: String?
    /// A stable machine-readable reason (e.g. SOLD_OUT), sent as `x-error-reason`;
    /// the gateway turns it into the GraphQL error code.
    public let reason: String?

    public init(_ code: RPCError.Code, _ message: String, field: String? = nil, reason: String? = nil) {
        self.rpcErrorCode = code
        self.rpcErrorMessage = field.map { "\($0): \(message)" } ?? message
        self.field = field
        self.reason = reason
    }

    public var rpcErrorMetadata: Metadata {
        var metadata: Metadata = [:]
        if let field { metadata.addString(field, forKey: MetadataKey.field) }
        if let reason { metadata.addString(reason, forKey: MetadataKey.reason) }
        return metadata
    }

    public var description: String { "\(rpcErrorCode): \(rpcErrorMessage)" }

    public static func invalid(_ field: String, _ message: String) -> Self { Self(.invalidArgument, message, field: field) }
    public static func notFound(_ what: String) -> Self { Self(.notFound, "\(what) not found") }
    public static func alreadyExists(_ message: String, reason: String? = nil) -> Self { Self(.alreadyExists, message, reason: reason) }
    public static func unauthenticated(_ message: String = "authentication required") -> Self { Self(.unauthenticated, message) }
    public static func permissionDenied(_ message: String) -> Self { Self(.permissionDenied, message) }
    public static func failedPrecondition(_ message: String, reason: String? = nil) -> Self {
        Self(.failedPrecondition, message, reason: reason)
    }
    public static func unavailable(_ message: String) -> Self { Self(.unavailable, message) }
    public static func exhausted(_ message: String) -> Self { Self(.resourceExhausted, message) }
}
