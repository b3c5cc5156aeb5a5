import GRPCCore
import GRPCNIOTransportHTTP2
import MarqueeProto
import MarqueeRPC
import NIOCore
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
/// - loop per side + executor preference: the server's and the client's
///   transports each on their own one-thread event loop group, and the server's
///   tasks (`serve()`) and the calling tasks run with that loop as their task
///   executor preference (SE-0417): a response resumes its caller on the thread
///   that read it, no hand-off to the cooperative pool
/// - same, but the callers stay on the global pool and a client interceptor
///   switches each call to the client's loop (what an RPCClient change could do
///   for callers it does not own)
/// - all of MarqueeRPC's layers (CallPolicy, interceptors) + loop per side + preference
///
/// The full MarqueeRPC stack (RPCServer + RPCClient) is `health --transport http2`.
enum Anatomy {
    enum Threads: Sendable {
        /// NIO's singleton group (one thread per core), tasks on the global executor.
        case singleton
        /// One one-thread group for both sides, tasks on the global executor.
        case oneLoop
        /// One one-thread group for both sides, every task prefers it.
        case oneLoopPreferred
        /// A one-thread group per side, each side's tasks prefer their loop.
        case loopPerSidePreferred
        /// A one-thread group per side; the server prefers its loop, callers stay on
        /// the global pool and each call switches to the client loop in an interceptor.
        case loopPerSideSwitchPerCall
    }

    struct Setup: Sendable {
        var name: String
        var serviceConfig: ServiceConfig
        var interceptors: Bool
        var threads: Threads
    }

    static func setups() -> [Setup] {
        let timeout = Duration.seconds(30)
        let deadlineOnly = ServiceConfig(methodConfig: [MethodConfig(names: [MethodConfig.Name(service: "")], timeout: timeout)])
        let policy = CallPolicy.serviceConfig(timeout: timeout)
        return [
            Setup(name: "grpc-swift bare", serviceConfig: ServiceConfig(), interceptors: false, threads: .singleton),
            Setup(name: "bare + deadline", serviceConfig: deadlineOnly, interceptors: false, threads: .singleton),
            Setup(name: "bare + deadline + retry policy (CallPolicy)", serviceConfig: policy, interceptors: false, threads: .singleton),
            Setup(name: "bare + MarqueeRPC interceptors", serviceConfig: ServiceConfig(), interceptors: true, threads: .singleton),
            Setup(name: "bare, one event loop", serviceConfig: ServiceConfig(), interceptors: false, threads: .oneLoop),
            Setup(name: "bare, one event loop + executor preference", serviceConfig: ServiceConfig(), interceptors: false,
                  threads: .oneLoopPreferred),
            Setup(name: "bare, loop per side + executor preference", serviceConfig: ServiceConfig(), interceptors: false,
                  threads: .loopPerSidePreferred),
            Setup(name: "bare, loop per side + switch per call", serviceConfig: ServiceConfig(), interceptors: false,
                  threads: .loopPerSideSwitchPerCall),
            Setup(name: "MarqueeRPC layers, loop per side + executor preference", serviceConfig: policy, interceptors: true,
                  threads: .loopPerSidePreferred),
        ]
    }

    static func run(_ options: Options, executor: String) async throws {
        for setup in setups() where options.only.map({ setup.name.contains($0) }) ?? true {
            try await measure(setup, options, executor: executor)
        }
    }

    static func setup(named name: String) throws -> Setup {
        guard let setup = setups().first(where: { $0.name == name }) else {
            throw BenchFailure("unknown setup '\(name)'; one of: \(setups().map(\.name).joined(separator: "; "))")
        }
        return setup
    }

    /// The event loop groups of a setup's two sides (the same group when shared).
    static func groups(_ threads: Threads) -> (server: MultiThreadedEventLoopGroup, client: MultiThreadedEventLoopGroup) {
        switch threads {
        case .singleton:
            return (.singletonMultiThreadedEventLoopGroup, .singletonMultiThreadedEventLoopGroup)
        case .oneLoop, .oneLoopPreferred:
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            return (group, group)
        case .loopPerSidePreferred, .loopPerSideSwitchPerCall:
            return (MultiThreadedEventLoopGroup(numberOfThreads: 1), MultiThreadedEventLoopGroup(numberOfThreads: 1))
        }
    }

    static func serverPrefersLoop(_ threads: Threads) -> Bool {
        switch threads {
        case .oneLoopPreferred, .loopPerSidePreferred, .loopPerSideSwitchPerCall: true
        case .singleton, .oneLoop: false
        }
    }

    static func callersPreferLoop(_ threads: Threads) -> Bool {
        switch threads {
        case .oneLoopPreferred, .loopPerSidePreferred: true
        case .singleton, .oneLoop, .loopPerSideSwitchPerCall: false
        }
    }

    /// The server side of a setup: bound transport and a task serving it.
    static func startServer(
        _ setup: Setup, group: MultiThreadedEventLoopGroup, port: Int, in tasks: inout ThrowingTaskGroup<Void, any Error>
    ) async throws -> (server: GRPCServer<HTTP2ServerTransport.Posix>, port: Int) {
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: "127.0.0.1", port: port), transportSecurity: .plaintext, eventLoopGroup: group)
        let server = GRPCServer(
            transport: transport, services: [HealthService(services: [], ready: { true })],
            interceptors: setup.interceptors
                ? [ServerContextInterceptor(logger: Bench.quietLogger, verify: { _ in throw BenchFailure("no tokens") })] : [])
        if serverPrefersLoop(setup.threads) {
            let executor = EventLoopTaskExecutor(group.next())
            tasks.addTask { try await withTaskExecutorPreference(executor) { try await server.serve() } }
        } else {
            tasks.addTask { try await server.serve() }
        }
        guard let bound = try await transport.listeningAddress.ipv4?.port else { throw BenchFailure("no port") }
        return (server, bound)
    }

    /// The client side of a setup against `port`: measures at each number in flight.
    static func runClient(
        _ setup: Setup, group: MultiThreadedEventLoopGroup, host: String, port: Int, variant: String,
        otherCPU: (@Sendable () -> UInt64)?, _ options: Options, in tasks: inout ThrowingTaskGroup<Void, any Error>
    ) async throws -> GRPCClient<HTTP2ClientTransport.Posix> {
        let executor = EventLoopTaskExecutor(group.next())
        let transport = try HTTP2ClientTransport.Posix(
            target: .ipv4(address: host, port: port), transportSecurity: .plaintext,
            serviceConfig: setup.serviceConfig, eventLoopGroup: group)
        var interceptors: [any ClientInterceptor] = []
        if case .loopPerSideSwitchPerCall = setup.threads { interceptors.append(ExecutorSwitchInterceptor(executor: executor)) }
        if setup.interceptors { interceptors.append(ClientContextInterceptor()) }
        let client = GRPCClient(transport: transport, interceptors: interceptors)
        let preferred = callersPreferLoop(setup.threads)
        tasks.addTask {
            if preferred {
                try await withTaskExecutorPreference(executor) { try await client.runConnections() }
            } else {
                try await client.runConnections()
            }
        }
        let stub = Grpc_Health_V1_Health.Client(wrapping: client)
        let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = "" }
        _ = try await stub.check(request)
        for inflight in options.inflight {
            let run = {
                await RPCBench.measure(
                    bench: "anatomy-http2", variant: variant, inflight: inflight,
                    warmup: options.warmup, seconds: options.seconds, otherCPU: otherCPU
                ) { _, _ in
                    let response = try await stub.check(request)
                    if response.status != .serving { throw BenchFailure("Health.Check answered \(response.status)") }
                }
            }
            let measurement: Measurement
            if preferred {
                measurement = await withTaskExecutorPreference(executor) { await run() }
            } else {
                measurement = await run()
            }
            Bench.report(measurement, options)
        }
        return client
    }

    /// One process: both sides. With --target: the client side only, against a
    /// `serve --setup` process.
    static func measure(_ setup: Setup, _ options: Options, executor: String) async throws {
        // Groups are never shut down: jobs of finished tasks may still be enqueued
        // on them, and the process exits soon after.
        let (serverGroup, clientGroup) = groups(setup.threads)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            if let address = options.target {
                guard case .http2(let host, let port)? = Target.parse(address) else { throw BenchFailure("--target HOST:PORT") }
                var otherCPU: (@Sendable () -> UInt64)? = nil
                if let pid = options.serverPID { otherCPU = { processCPUNanos(pid) } }
                let client = try await runClient(
                    setup, group: clientGroup, host: host, port: port,
                    variant: "\(setup.name), server in another process, \(executor)",
                    otherCPU: otherCPU, options, in: &tasks)
                client.beginGracefulShutdown()
            } else {
                let (server, port) = try await startServer(setup, group: serverGroup, port: 0, in: &tasks)
                let client = try await runClient(
                    setup, group: clientGroup, host: "127.0.0.1", port: port,
                    variant: "\(setup.name), one process, \(executor)", otherCPU: nil, options, in: &tasks)
                client.beginGracefulShutdown()
                server.beginGracefulShutdown()
            }
            tasks.cancelAll()
        }
    }

    /// `serve --setup NAME`: the server side of a setup; prints "PORT n", runs until killed.
    static func serve(_ setup: Setup, port: Int) async throws {
        let (serverGroup, _) = groups(setup.threads)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            let (_, bound) = try await startServer(setup, group: serverGroup, port: port, in: &tasks)
            FileHandleOutput.out("PORT \(bound)")
            try await tasks.next()
        }
    }
}

/// A task executor running jobs on one NIO event loop: tasks preferring it run on
/// the loop's thread, so a response read there resumes its caller without a
/// hand-off (a job enqueued from the loop itself does not wake anything).
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Runs each call (from the caller's executor) on `executor`: one hop there and
/// one back, instead of the hand-offs inside the call.
struct ExecutorSwitchInterceptor: ClientInterceptor {
    let executor: EventLoopTaskExecutor

    func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingClientRequest<Input>,
        context: ClientContext,
        next: (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<Output>
    ) async throws -> StreamingClientResponse<Output> {
        try await withTaskExecutorPreference(executor) { try await next(request, context) }
    }
}
