import GRPCCore
import GRPCNIOTransportHTTP2
import MarqueeProto
import MarqueeRPC
import NIOPosix

/// Where the time of a Marquee round trip goes: the same Health.Check over
/// HTTP/2 loopback, one process, with grpc-swift set up by hand and MarqueeRPC's
/// layers added one at a time (`marquee-rpc-bench anatomy`):
///
/// - bare: GRPCServer + GRPCClient, no service config, no interceptors
/// - + deadline: the client's service config gives every call a timeout
///   (CallPolicy does): grpc-swift then races the call against a timer task
/// - + deadline + retry: Check is one of CallPolicy's retried reads: the retry
///   executor (request replay buffer, more child tasks)
/// - + interceptors: MarqueeRPC's client and server interceptors, no policy
/// - bare, one event loop: both transports on one NIO thread
///
/// The full MarqueeRPC stack (RPCServer + RPCClient) is `health --transport http2`.
enum Anatomy {
    struct Setup: Sendable {
        var name: String
        var serviceConfig: ServiceConfig
        var interceptors: Bool
        var oneEventLoop: Bool
    }

    static func setups() -> [Setup] {
        let timeout = Duration.seconds(30)
        let deadlineOnly = ServiceConfig(methodConfig: [MethodConfig(names: [MethodConfig.Name(service: "")], timeout: timeout)])
        return [
            Setup(name: "grpc-swift bare", serviceConfig: ServiceConfig(), interceptors: false, oneEventLoop: false),
            Setup(name: "bare + deadline", serviceConfig: deadlineOnly, interceptors: false, oneEventLoop: false),
            Setup(name: "bare + deadline + retry policy (CallPolicy)", serviceConfig: CallPolicy.serviceConfig(timeout: timeout),
                  interceptors: false, oneEventLoop: false),
            Setup(name: "bare + MarqueeRPC interceptors", serviceConfig: ServiceConfig(), interceptors: true, oneEventLoop: false),
            Setup(name: "grpc-swift bare, one event loop", serviceConfig: ServiceConfig(), interceptors: false, oneEventLoop: true),
        ]
    }

    static func run(_ options: Options, executor: String) async throws {
        for setup in setups() {
            try await measure(setup, options, executor: executor)
        }
    }

    static func measure(_ setup: Setup, _ options: Options, executor: String) async throws {
        let group: MultiThreadedEventLoopGroup = setup.oneEventLoop
            ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : .singletonMultiThreadedEventLoopGroup
        let serverTransport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: "127.0.0.1", port: 0), transportSecurity: .plaintext, eventLoopGroup: group)
        let health = HealthService(services: [], ready: { true })
        let server = GRPCServer(
            transport: serverTransport, services: [health],
            interceptors: setup.interceptors
                ? [ServerContextInterceptor(logger: Bench.quietLogger, verify: { _ in throw BenchFailure("no tokens") })] : [])
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await server.serve() }
            guard let port = try await serverTransport.listeningAddress.ipv4?.port else { throw BenchFailure("no port") }
            let clientTransport = try HTTP2ClientTransport.Posix(
                target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext,
                serviceConfig: setup.serviceConfig, eventLoopGroup: group)
            let client = GRPCClient(
                transport: clientTransport, interceptors: setup.interceptors ? [ClientContextInterceptor()] : [])
            tasks.addTask { try await client.runConnections() }
            let stub = Grpc_Health_V1_Health.Client(wrapping: client)
            let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = "" }
            _ = try await stub.check(request)
            for inflight in options.inflight {
                let measurement = await RPCBench.measure(
                    bench: "anatomy-http2", variant: "\(setup.name), \(executor)", inflight: inflight,
                    warmup: options.warmup, seconds: options.seconds
                ) { _, _ in
                    let response = try await stub.check(request)
                    if response.status != .serving { throw BenchFailure("Health.Check answered \(response.status)") }
                }
                Bench.report(measurement, options)
            }
            client.beginGracefulShutdown()
            server.beginGracefulShutdown()
            tasks.cancelAll()
        }
        if setup.oneEventLoop { try await group.shutdownGracefully() }
    }
}
