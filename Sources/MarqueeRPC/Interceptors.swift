import Synchronization
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
    /// The id of the request this task serves (set by the gateway's HTTP layer);
    /// every log line written inside it carries it (``MarqueeLogHandler``).
    public static let current = TaskLocal<String?>(wrappedValue: nil)

    private static let seed: (UInt64, UInt64) = {
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next())
    }()
    private static let counter = Atomic<UInt64>(0)

    /// 32 hex digits, unique in the process (a counter) and unlike other
    /// processes' (a random seed), mixed by SplitMix64: no system call per id.
    public static func make() -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        let high = mix(seed.0 &+ n), low = mix(seed.1 ^ (n &* 0x9E37_79B9_7F4A_7C15))
        return String(unsafeUninitializedCapacity: 32) { buffer in
            let digits: StaticString = "0123456789abcdef"
            digits.withUTF8Buffer { hex in
                for i in 0..<16 {
                    buffer[i] = hex[Int((high >> UInt64(60 - 4 * i)) & 0xF)]
                    buffer[16 + i] = hex[Int((low >> UInt64(60 - 4 * i)) & 0xF)]
                }
            }
            return 32
        }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
