import GRPCCore

/// An error a service returns on purpose; it chooses its gRPC status by
/// conforming to `RPCErrorConvertible`. Messages are written for callers: they
/// never carry SQL, stack traces or secrets.
public struct ServiceError: Error, RPCErrorConvertible, CustomStringConvertible, Sendable {
    public let rpcErrorCode: RPCError.Code
    public let rpcErrorMessage: String
    /// The request field at fault (INVALID_ARGUMENT), also sent as `x-error-field`.
    public let field: String?

    public init(_ code: RPCError.Code, _ message: String, field: String? = nil) {
        self.rpcErrorCode = code
        self.rpcErrorMessage = field.map { "\($0): \(message)" } ?? message
        self.field = field
    }

    public var rpcErrorMetadata: Metadata {
        guard let field else { return [:] }
        return [MetadataKey.field: "\(field)"]
    }

    public var description: String { "\(rpcErrorCode): \(rpcErrorMessage)" }

    public static func invalid(_ field: String, _ message: String) -> Self { Self(.invalidArgument, message, field: field) }
    public static func notFound(_ what: String) -> Self { Self(.notFound, "\(what) not found") }
    public static func alreadyExists(_ message: String) -> Self { Self(.alreadyExists, message) }
    public static func unauthenticated(_ message: String = "authentication required") -> Self { Self(.unauthenticated, message) }
    public static func permissionDenied(_ message: String) -> Self { Self(.permissionDenied, message) }
    public static func failedPrecondition(_ message: String) -> Self { Self(.failedPrecondition, message) }
    public static func unavailable(_ message: String) -> Self { Self(.unavailable, message) }
    public static func exhausted(_ message: String) -> Self { Self(.resourceExhausted, message) }
}
