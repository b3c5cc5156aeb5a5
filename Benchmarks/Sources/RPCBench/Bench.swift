import GRPCCore
import Logging
import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import MarqueeServices
import MarqueeStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes (a line is never lost when the process is killed).
enum FileHandleOutput {
    static func out(_ line: String) { write(fd: 1, line) }
    static func err(_ line: String) { write(fd: 2, line) }

    private static func write(fd: Int32, _ line: String) {
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if n <= 0 { return }
            offset += n
        }
    }
}

struct Options: Sendable {
    var command = "health"
    var transports = ["http2", "inprocess"]
    var inflight = [1, 64]
    var seconds = 5.0
    var warmup = 1.5
    var target: String?
    var port = 0
    var databaseURL: String?
    var maxConnections = 20
    /// PlaceOrder: orders spread over this many ticket types of the event (1 = one hot row).
    var ticketTypes = 1
    /// anatomy: only the setups whose name contains this.
    var only: String?
    /// serve: the server side of this anatomy setup instead of RPCServer.
    var setup: String?
    /// With --target: the server's pid, so its CPU time (/proc) is counted too.
    var serverPID: Int32?
    var json = false
    var errors: [String] = []

    init(_ arguments: [String]) {
        var rest = arguments[...]
        if let first = rest.first, !first.hasPrefix("--") {
            command = first
            rest = rest.dropFirst()
        }
        func value(_ name: String) -> String? {
            guard let next = rest.first else { errors.append("\(name) needs a value"); return nil }
            rest = rest.dropFirst()
            return next
        }
        while let argument = rest.first {
            rest = rest.dropFirst()
            switch argument {
            case "--nio-executor": break
            case "--json": json = true
            case "--transport": if let v = value(argument) { transports = v.split(separator: ",").map(String.init) }
            case "--inflight": if let v = value(argument) { inflight = v.split(separator: ",").compactMap { Int($0) } }
            case "--seconds": if let v = value(argument) { seconds = Double(v) ?? seconds }
            case "--warmup": if let v = value(argument) { warmup = Double(v) ?? warmup }
            case "--target": target = value(argument)
            case "--port": if let v = value(argument) { port = Int(v) ?? 0 }
            case "--database-url": databaseURL = value(argument)
            case "--server-pid": if let v = value(argument) { serverPID = Int32(v) }
            case "--only": only = value(argument)
            case "--setup": setup = value(argument)
            case "--ticket-types": if let v = value(argument) { ticketTypes = max(1, Int(v) ?? 1) }
            case "--max-connections": if let v = value(argument) { maxConnections = Int(v) ?? maxConnections }
            default: errors.append("unknown argument \(argument)")
            }
        }
        if databaseURL == nil, let url = getenv("MARQUEE_BENCH_DATABASE_URL") { databaseURL = String(cString: url) }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Bench {
    static func main(_ options: Options, nioExecutor: Bool) async -> Int32 {
        guard options.errors.isEmpty else {
            options.errors.forEach { FileHandleOutput.err("marquee-rpc-bench: \($0)") }
            return 2
        }
        let executor = nioExecutor ? "NIO executor" : "default executor"
        do {
            switch options.command {
            case "health":
                for transport in options.transports {
                    try await health(options, transport: transport, executor: executor)
                }
            case "orders":
                try await orders(options, executor: executor)
            case "serve":
                if let name = options.setup {
                    try await Anatomy.serve(try Anatomy.setup(named: name), port: options.port)
                } else {
                    try await serve(options)
                }
            case "anatomy":
                try await Anatomy.run(options, executor: executor)
            default:
                FileHandleOutput.err("marquee-rpc-bench: unknown command \(options.command) (health, orders, anatomy, serve)")
                return 2
            }
            return 0
        } catch {
            FileHandleOutput.err("marquee-rpc-bench: \(error)")
            return 1
        }
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "marquee.rpc-bench")
        logger.logLevel = .warning
        return logger
    }

    static func report(_ measurement: Measurement, _ options: Options) {
        if options.json { FileHandleOutput.out(measurement.json) } else { FileHandleOutput.out(measurement.line) }
    }

    /// A server with no domain services: MarqueeRPC's health service and interceptor only.
    static func healthServer(_ listener: Listener) -> RPCServer {
        RPCServer(
            listener: listener, services: [], serviceNames: [], logger: quietLogger,
            ready: { true }, verify: { _ in throw BenchFailure("no tokens in this benchmark") })
    }

    /// Runs `server` (if any) and a client on `target`, then `body` with the client.
    static func withRunning<T: Sendable>(
        server: RPCServer?, target: @Sendable () async throws -> Target, timeout: Duration = .seconds(30),
        _ body: @Sendable (RPCClient) async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            if let server { group.addTask { try await server.run() } }
            let client = try RPCClient(target: try await target(), timeout: timeout)
            group.addTask { try await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }

    static func health(_ options: Options, transport: String, executor: String) async throws {
        let server: RPCServer?
        let target: @Sendable () async throws -> Target
        let variant: String
        switch transport {
        case "http2":
            if let address = options.target {
                guard let parsed = Target.parse(address) else { throw BenchFailure("--target must be HOST:PORT") }
                server = nil
                target = { parsed }
                variant = "HTTP/2 loopback, server in another process, \(executor)"
            } else {
                let running = healthServer(.http2(host: "127.0.0.1", port: 0))
                server = running
                target = {
                    guard let port = try await running.listeningPort() else { throw BenchFailure("the server did not bind") }
                    return .http2(host: "127.0.0.1", port: port)
                }
                variant = "HTTP/2 loopback, one process, \(executor)"
            }
        case "inprocess":
            let inProcess = makeInProcessTransport(timeout: .seconds(30))
            server = healthServer(.inProcess(inProcess))
            target = { .inProcess(inProcess) }
            variant = "in-process transport, \(executor)"
        default:
            throw BenchFailure("unknown transport \(transport) (http2, inprocess)")
        }
        let bench = transport == "http2" ? "health-http2" : "health-inprocess"
        try await withRunning(server: server, target: target) { client in
            let health = client.services.health
            let request = Grpc_Health_V1_HealthCheckRequest.with { $0.service = "" }
            // The first call waits for the connection.
            let first = try await health.check(request)
            guard first.status == .serving else { throw BenchFailure("Health.Check answered \(first.status)") }
            let otherCPU: (@Sendable () -> UInt64)?
            if let pid = options.serverPID {
                otherCPU = { processCPUNanos(pid) }
            } else {
                otherCPU = nil
            }
            for inflight in options.inflight {
                let measurement = await measure(
                    bench: bench, variant: variant, inflight: inflight, warmup: options.warmup, seconds: options.seconds,
                    otherCPU: otherCPU
                ) { _, _ in
                    let response = try await health.check(request)
                    if response.status != .serving { throw BenchFailure("Health.Check answered \(response.status)") }
                }
                report(measurement, options)
            }
        }
    }

    /// A health-only HTTP/2 server for `health --target`; prints "PORT n", runs until killed.
    static func serve(_ options: Options) async throws {
        let server = healthServer(.http2(host: "127.0.0.1", port: options.port))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            guard let port = try await server.listeningPort() else { throw BenchFailure("the server did not bind") }
            FileHandleOutput.out("PORT \(port)")
            try await group.next()
        }
    }

    /// PlaceOrder on PostgreSQL: every domain service hosted as `marquee service all`
    /// does, one published event with one ticket type of capacity 1,000,000, one
    /// buyer placing 1-ticket orders, each with its own idempotency key.
    static func orders(_ options: Options, executor: String) async throws {
        guard let url = options.databaseURL else {
            throw BenchFailure("orders needs --database-url (or MARQUEE_BENCH_DATABASE_URL)")
        }
        let logger = quietLogger
        let database = try PostgresDatabase(url: url, maxConnections: options.maxConnections, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await database.run() }
            defer { group.cancelAll() }
            try await Task.sleep(for: .milliseconds(20))  // let the pool start before the first lease
            _ = try await Migrations.apply(to: database, logger: logger)
            var settings = ServiceSettings(jwtSecret: "marquee-rpc-bench-secret-0123456789abcdef")
            settings.bcryptCost = 4
            let env = await ServiceEnvironment(database: database, pubsub: InProcessPubSub(), settings: settings, logger: logger)
            for transport in options.transports {
                try await placeOrders(options, env: env, transport: transport, executor: executor)
            }
        }
        await database.close()
    }

    static func placeOrders(_ options: Options, env: ServiceEnvironment, transport: String, executor: String) async throws {
        let server: RPCServer
        let target: @Sendable () async throws -> Target
        let variant: String
        switch transport {
        case "http2":
            let running = try ServiceCatalog.server(["all"], env: env, listener: .http2(host: "127.0.0.1", port: 0))
            server = running
            target = {
                guard let port = try await running.listeningPort() else { throw BenchFailure("the server did not bind") }
                return .http2(host: "127.0.0.1", port: port)
            }
            variant = "HTTP/2 loopback, pool \(options.maxConnections), \(executor)"
        case "inprocess":
            let inProcess = makeInProcessTransport(timeout: .seconds(30))
            server = try ServiceCatalog.server(["all"], env: env, listener: .inProcess(inProcess))
            target = { .inProcess(inProcess) }
            variant = "in-process transport, pool \(options.maxConnections), \(executor)"
        default:
            throw BenchFailure("unknown transport \(transport) (http2, inprocess)")
        }
        let tag = RequestID.make().prefix(12)
        let password = "bench-password-1"
        let adminEmail = "admin-\(tag)@bench.example"
        let adminID = try await AuthService.createAdmin(env: env, email: adminEmail, password: password)
        try await withRunning(server: server, target: target) { client in
            let s = client.services
            func login() async throws -> String {
                try await s.auth.login(.with { $0.email = adminEmail; $0.password = password }).accessToken
            }
            func calling<T: Sendable>(_ token: String, _ body: () async throws -> T) async throws -> T {
                try await CallContext.$current.withValue(CallContext(requestID: "bench-\(tag)", bearerToken: token)) {
                    try await body()
                }
            }
            // The admin makes themself an organizer, signs in again (roles live in the token).
            let adminToken = try await login()
            _ = try await calling(adminToken) {
                try await s.users.setRoles(.with { $0.userID = adminID; $0.roles = [.attendee, .organizer, .admin] })
            }
            let organizer = try await login()
            let now = Int64(time(nil))
            let event = try await calling(organizer) {
                try await s.events.createEvent(.with {
                    $0.title = "Benchmark night \(tag)"
                    $0.description_p = "PlaceOrder throughput"
                    $0.venueName = "Loopback Hall"
                    $0.venueAddress = "1 Localhost Road"
                    $0.city = "Berlin"
                    $0.country = "DE"
                    $0.startsAt = .with { $0.seconds = now + 30 * 86_400 }
                    $0.endsAt = .with { $0.seconds = now + 30 * 86_400 + 4 * 3600 }
                })
            }
            var ticketTypeIDs: [String] = []
            for index in 0..<options.ticketTypes {
                let type = try await calling(organizer) {
                    try await s.events.addTicketType(.with {
                        $0.eventID = event.id
                        $0.name = "General admission \(index + 1)"
                        $0.price = .with { $0.amountMinor = 2_500; $0.currency = "EUR" }
                        $0.capacity = 1_000_000
                        $0.perOrderLimit = 10
                    })
                }
                ticketTypeIDs.append(type.id)
            }
            _ = try await calling(organizer) { try await s.events.publishEvent(.with { $0.id = event.id }) }
            let buyer = try await s.auth.register(.with {
                $0.email = "buyer-\(tag)@bench.example"
                $0.password = password
                $0.displayName = "Buyer"
            }).accessToken
            let orders = s.orders
            let context = CallContext(requestID: "bench-\(tag)", bearerToken: buyer)
            let eventID = event.id, typeIDs = ticketTypeIDs
            let spread = options.ticketTypes == 1 ? "one ticket type" : "\(options.ticketTypes) ticket types"
            for inflight in options.inflight {
                let measurement = await measure(
                    bench: "placeorder-postgres", variant: "\(variant), \(spread)", inflight: inflight,
                    warmup: options.warmup, seconds: options.seconds,
                    otherCPU: { processesCPUNanos(named: "postgres") }
                ) { worker, sequence in
                    let request = Marquee_V1_PlaceOrderRequest.with {
                        $0.eventID = eventID
                        $0.items = [.with { $0.ticketTypeID = typeIDs[worker % typeIDs.count]; $0.quantity = 1 }]
                        $0.idempotencyKey = "\(tag)-\(inflight)-\(sequence)"
                    }
                    let order = try await CallContext.$current.withValue(context) { try await orders.placeOrder(request) }
                    if order.status != .pending { throw BenchFailure("order status \(order.status)") }
                }
                report(measurement, options)
            }
        }
    }
}
