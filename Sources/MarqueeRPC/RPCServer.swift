import GRPCCore
import GRPCInProcessTransport
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle

/// Where a server listens.
public enum Listener: Sendable {
    /// gRPC over HTTP/2 on a TCP address.
    case http2(host: String, port: Int)
    /// The in-process transport (`marquee serve`): no sockets, no copies to the kernel.
    case inProcess(InProcessTransport)
}

/// A gRPC server hosting some services plus the health service, run as a
/// swift-service-lifecycle `Service` (graceful shutdown on SIGTERM).
public struct RPCServer: Service {
    private let serve: @Sendable () async throws -> Void
    private let shutdown: @Sendable () -> Void
    private let http2: HTTP2ServerTransport.Posix?

    public init(
        listener: Listener, services: [any RegistrableRPCService], serviceNames: [String],
        logger: Logger, ready: @escaping HealthService.Check, verify: @escaping ServerContextInterceptor.Verifier
    ) {
        let all = services + [HealthService(services: serviceNames, ready: ready)]
        let interceptors: [any ServerInterceptor] = [ServerContextInterceptor(logger: logger, verify: verify)]
        switch listener {
        case .http2(let host, let port):
            var config = HTTP2ServerTransport.Posix.Config.defaults
            config.rpc.maxRequestPayloadSize = 4 * 1024 * 1024
            let posix = HTTP2ServerTransport.Posix(
                address: .ipv4(host: host, port: port), transportSecurity: .plaintext, config: config)
            let server = GRPCServer(transport: posix, services: all, interceptors: interceptors)
            http2 = posix
            serve = { try await server.serve() }
            shutdown = { server.beginGracefulShutdown() }
        case .inProcess(let inProcess):
            let server = GRPCServer(transport: inProcess.server, services: all, interceptors: interceptors)
            http2 = nil
            serve = { try await server.serve() }
            shutdown = { server.beginGracefulShutdown() }
        }
    }

    /// The bound port of an HTTP/2 listener (after it started), e.g. when asked for port 0.
    public func listeningPort() async throws -> Int? {
        guard let http2 else { return nil }
        return try await http2.listeningAddress.ipv4?.port
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await serve()
        } onGracefulShutdown: {
            shutdown()
        }
    }
}
