import GRPCCore
import Logging

/// Server side: reads the request id (or makes one) and the bearer token,
/// verifies the token, runs the handler with `CallContext.current` set, echoes
/// the request id, and logs failures. Errors that are not `RPCError`s or
/// `RPCErrorConvertible` are logged and answered as INTERNAL without detail.
public struct ServerContextInterceptor: ServerInterceptor {
    public typealias Verifier = @Sendable (String) async throws -> Caller
    let verify: Verifier
    let logger: Logger

    public init(logger: Logger, verify: @escaping Verifier) {
        self.verify = verify
        self.logger = logger
    }

    public func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>,
        context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        let requestID = request.metadata[stringValues: MetadataKey.requestID].first(where: { _ in true })
            .map { String($0.prefix(128)) } ?? RequestID.make()
        var call = CallContext(requestID: requestID)
        if let header = request.metadata[stringValues: MetadataKey.authorization].first(where: { _ in true }) {
            guard header.hasPrefix("Bearer ") else {
                throw RPCError(code: .unauthenticated, message: "authorization must be 'Bearer <token>'")
            }
            let token = String(header.dropFirst("Bearer ".count))
            call.bearerToken = token
            call.caller = try await verify(token)
        }
        var logger = self.logger
        logger[metadataKey: "request-id"] = "\(requestID)"
        logger[metadataKey: "method"] = "\(context.descriptor.fullyQualifiedMethod)"
        do {
            var response = try await CallContext.$current.withValue(call) {
                try await next(request, context)
            }
            if case .success(var contents) = response.accepted {
                contents.metadata.addString(requestID, forKey: MetadataKey.requestID)
                response.accepted = .success(contents)
            }
            return response
        } catch let error as RPCError {
            logger.debug("call failed", metadata: ["code": "\(error.code)"])
            throw Self.tagged(error, requestID)
        } catch let error as any RPCErrorConvertible & Error {
            logger.debug("call failed", metadata: ["code": "\(error.rpcErrorCode)"])
            throw Self.tagged(RPCError(error), requestID)
        } catch is CancellationError {
            throw Self.tagged(RPCError(code: .cancelled, message: "the call was cancelled (deadline or client)"), requestID)
        } catch {
            logger.error("internal error", metadata: ["error": "\(String(reflecting: error))"])
            throw Self.tagged(RPCError(code: .internalError, message: "internal error (request \(requestID))"), requestID)
        }
    }

    /// Errors carry the request id in their trailing metadata too.
    static func tagged(_ error: RPCError, _ requestID: String) -> RPCError {
        var error = error
        error.metadata.addString(requestID, forKey: MetadataKey.requestID)
        return error
    }
}

/// Client side: forwards the current request id and bearer token.
public struct ClientContextInterceptor: ClientInterceptor {
    public init() {}

    public func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingClientRequest<Input>,
        context: ClientContext,
        next: (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output>
    ) async throws -> StreamingClientResponse<Output> {
        var request = request
        if let call = CallContext.current {
            call.trace?.record(context.descriptor.fullyQualifiedMethod)
            if request.metadata[stringValues: MetadataKey.requestID].first(where: { _ in true }) == nil {
                request.metadata.addString(call.requestID, forKey: MetadataKey.requestID)
            }
            if let token = call.currentToken,
               request.metadata[stringValues: MetadataKey.authorization].first(where: { _ in true }) == nil {
                request.metadata.addString("Bearer \(token)", forKey: MetadataKey.authorization)
            }
        }
        return try await next(request, context)
    }
}

/// Request ids: 16 random bytes in hex.
public enum RequestID {
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String((0..<32).map { _ in digits[Int.random(in: 0..<16, using: &generator)] })
    }
}
