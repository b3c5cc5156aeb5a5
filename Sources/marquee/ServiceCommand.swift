import ArgumentParser
import Foundation
import Logging
import MarqueePubSub
import MarqueeRPC
import MarqueeServices
import MarqueeStore
import ServiceLifecycle

/// `marquee service NAME`: one service (or `all`) as a gRPC server over HTTP/2.
struct ServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service",
        abstract: "Run a domain service as a gRPC server.",
        discussion: """
            NAME is one of: all, \(ServiceCatalog.names.map(\.name).joined(separator: ", ")).
            Configured by environment variables: DATABASE_URL (PostgreSQL; unset = SQLite file \
            MARQUEE_SQLITE_PATH, default marquee.sqlite), JWT_SECRET, JWT_ACCESS_TTL_SECONDS, \
            JWT_REFRESH_TTL_SECONDS, MARQUEE_BCRYPT_COST, MARQUEE_ORDER_HOLD_SECONDS, LOG_LEVEL.
            """)

    @Argument(help: "The service to run, or 'all'.")
    var name: String

    @Option(help: "Address to listen on.")
    var host = "0.0.0.0"

    @Option(help: "Port to listen on (default: MARQUEE_GRPC_PORT or 50051).")
    var port: Int?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = makeLogger("marquee.service.\(name)", environment)
        let port = port ?? environment["MARQUEE_GRPC_PORT"].flatMap(Int.init) ?? 50051
        try await withRuntime(environment: environment, logger: logger) { env in
            let server = try ServiceCatalog.server([name], env: env, listener: .http2(host: host, port: port))
            var services: [any Service] = [server]
            if name == "all" || name == "orders" { services.append(OrderExpiryService(env: env)) }
            logger.info("serving gRPC", metadata: ["service": "\(name)", "address": "\(host):\(port)", "store": "\(env.database.engine)"])
            return services
        }
    }
}

/// `marquee migrate`: applies the store's migrations and exits.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply the store's schema migrations (DATABASE_URL or the SQLite file).")

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = makeLogger("marquee.migrate", environment)
        try await withStore(environment: environment, logger: logger) { database in
            let applied = try await Migrations.apply(to: database, logger: logger)
            writeLine(Array("applied \(applied.count) migration(s) to \(database.engine)".utf8))
        }
    }
}

/// `marquee admin create`: creates (or promotes) an administrator.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin", abstract: "Manage administrators.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an administrator, or grant ADMIN to an existing user.")

        @Option(help: "Email address.") var email: String
        @Option(help: "Password (at least 8 characters).") var password: String

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let logger = makeLogger("marquee.admin", environment)
            try await withStore(environment: environment, logger: logger) { database in
                try await Migrations.apply(to: database, logger: logger)
                let env = await ServiceEnvironment(
                    database: database, pubsub: InProcessPubSub(), settings: try ServiceSettings.fromEnvironment(environment), logger: logger)
                let id = try await AuthService.createAdmin(env: env, email: email, password: password)
                writeLine(Array("admin \(id)".utf8))
            }
        }
    }
}

/// `marquee user set-roles`: grants roles (for operators and tests; admins can also use SetRoles over gRPC).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users in the store.", subcommands: [SetRoles.self])

    struct SetRoles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-roles", abstract: "Set a user's roles (ATTENDEE is always kept).")

        @Option(help: "The user's email address.") var email: String
        @Option(help: "Comma-separated roles: ORGANIZER, STAFF, ADMIN.") var roles: String

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let logger = makeLogger("marquee.user", environment)
            let wanted = roles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            try await withStore(environment: environment, logger: logger) { database in
                try await Migrations.apply(to: database, logger: logger)
                let env = await ServiceEnvironment(
                    database: database, pubsub: InProcessPubSub(), settings: try ServiceSettings.fromEnvironment(environment), logger: logger)
                let granted = try await AuthService.setRoles(env: env, email: email, roles: wanted)
                writeLine(Array("roles \(granted.joined(separator: ","))".utf8))
            }
        }
    }
}

/// Opens the store, keeps its background work running while `body` runs, closes it.
func withStore<T: Sendable>(
    environment: [String: String], logger: Logger, _ body: @Sendable @escaping (any SQLDatabase) async throws -> T
) async throws -> T {
    let database = try await openStore(environment: environment, logger: logger)
    let outcome: Result<T, any Error> = await withTaskGroup(of: Result<T, any Error>?.self) { group in
        group.addTask { await database.run(); return nil }
        group.addTask {
            do { return .success(try await body(database)) } catch { return .failure(error) }
        }
        defer { group.cancelAll() }
        while let result = await group.next() {
            if let result { return result }
        }
        return .failure(CancellationError())
    }
    await database.close()
    return try outcome.get()
}

/// Opens the store, migrates it, builds the service environment, and runs the
/// services `body` returns (plus the store) in one ServiceGroup until SIGTERM/SIGINT.
func withRuntime(
    environment: [String: String], logger: Logger,
    _ body: @Sendable @escaping (ServiceEnvironment) async throws -> [any Service]
) async throws {
    let settings = try ServiceSettings.fromEnvironment(environment)
    if environment["JWT_SECRET"] == nil {
        logger.warning("JWT_SECRET is not set: using a random secret; tokens will not survive a restart")
    }
    let database = try await openStore(environment: environment, logger: logger)
    let storeService = StoreService(database: database)
    let (pubsub, broker) = try makeBroker(environment: environment, logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await storeService.run() }
        try await Migrations.apply(to: database, logger: logger)
        let env = await ServiceEnvironment(database: database, pubsub: pubsub, settings: settings, logger: logger)
        let services = try await body(env) + (broker.map { [$0] } ?? [])
        let serviceGroup = ServiceGroup(
            configuration: .init(services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await serviceGroup.run()
        group.cancelAll()
    }
    await database.close()
}

/// The broker: Redis at `REDIS_URL` (with the service that keeps its connections),
/// else the in-process one.
func makeBroker(environment: [String: String], logger: Logger) throws -> (any PubSub, (any Service)?) {
    guard let url = environment["REDIS_URL"], !url.isEmpty else { return (InProcessPubSub(), nil) }
    var brokerLogger = logger
    brokerLogger[metadataKey: "component"] = "redis"
    let redis = try RedisPubSub(url: url, logger: brokerLogger)
    logger.info("pub/sub through Redis")
    return (redis, BrokerService(redis: redis))
}

/// Keeps the Redis broker's connections up until shutdown.
struct BrokerService: Service {
    let redis: RedisPubSub
    func run() async throws {
        try await cancelWhenGracefulShutdown { await redis.run() }
    }
}

/// Keeps a store's background work (the PostgreSQL pool) running.
struct StoreService: Service {
    let database: any SQLDatabase
    func run() async throws { await database.run() }
}

/// Every logger of the process writes through ``MarqueeLogHandler`` (set up once).
private let loggingBootstrapped: Void = MarqueeLogHandler.bootstrap()

/// A logger at `LOG_LEVEL` (default info) on standard error.
func makeLogger(_ label: String, _ environment: [String: String]) -> Logger {
    _ = loggingBootstrapped
    var logger = Logger(label: label)
    logger.logLevel = environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    return logger
}
