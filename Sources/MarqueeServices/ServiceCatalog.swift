import GRPCCore
import Logging
import MarqueeRPC
import MarqueeStore
import ServiceLifecycle

/// The services by their command-line names, and what hosting them takes.
public enum ServiceCatalog {
    /// `marquee service NAME` names, with their gRPC service names.
    public static let names: [(name: String, grpc: String)] = [
        ("auth", "marquee.v1.AuthService"),
        ("users", "marquee.v1.UserService"),
        ("events", "marquee.v1.EventService"),
        ("orders", "marquee.v1.OrderService"),
        ("payments", "marquee.v1.PaymentService"),
        ("tickets", "marquee.v1.TicketService"),
        ("notifications", "marquee.v1.NotificationService"),
        ("analytics", "marquee.v1.AnalyticsService"),
    ]

    /// The implementations of the named services ("all" = every one).
    public static func services(_ selected: [String], env: ServiceEnvironment) throws -> (services: [any RegistrableRPCService], grpcNames: [String]) {
        let wanted = selected.contains("all") ? names.map(\.name) : selected
        var services: [any RegistrableRPCService] = []
        var grpcNames: [String] = []
        for name in wanted {
            guard let entry = names.first(where: { $0.name == name }) else {
                throw ConfigurationError("unknown service '\(name)'; one of: all, \(names.map(\.name).joined(separator: ", "))")
            }
            grpcNames.append(entry.grpc)
            switch name {
            case "auth": services.append(AuthService(env: env))
            case "users": services.append(UserService(env: env))
            case "events": services.append(EventService(env: env))
            case "orders": services.append(OrderService(env: env))
            case "payments": services.append(PaymentService(env: env))
            case "tickets": services.append(TicketService(env: env))
            case "notifications": services.append(NotificationService(env: env))
            default: services.append(AnalyticsService(env: env))
            }
        }
        return (services, grpcNames)
    }

    /// The server hosting `selected` on `listener`, with token verification and health.
    public static func server(_ selected: [String], env: ServiceEnvironment, listener: Listener) throws -> RPCServer {
        let (services, grpcNames) = try services(selected, env: env)
        let database = env.database
        return RPCServer(
            listener: listener, services: services, serviceNames: grpcNames, logger: env.logger,
            ready: { await Self.storeAnswers(database) },
            verify: { token in try await env.tokens.verify(token).caller })
    }

    public static func storeAnswers(_ database: any SQLDatabase) async -> Bool {
        (try? await database.transaction { conn in try await conn.query("SELECT 1") }) != nil
    }
}

/// Every `interval`: expires unpaid orders whose hold ran out (releasing their
/// seats) and marks published events that have ended as completed.
public struct OrderExpiryService: Service {
    let orders: OrderService
    let interval: Duration

    public init(env: ServiceEnvironment) {
        orders = OrderService(env: env)
        interval = .seconds(max(1, min(30, env.settings.orderHoldSeconds / 4)))
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let count = try await orders.expireOrders()
                if count > 0 { orders.env.logger.info("expired unpaid orders", metadata: ["count": "\(count)"]) }
                let ended = try await orders.env.transaction { conn in
                    try await EventRepository.completeEnded(
                        conn, published: EventService.published, completed: EventService.completed, now: Clock.nowMicros())
                }
                if !ended.isEmpty { orders.env.logger.info("events completed", metadata: ["count": "\(ended.count)"]) }
            } catch {
                orders.env.logger.warning("order expiry failed", metadata: ["error": "\(error)"])
            }
            // Sleep, but wake at once when the service group shuts down.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

/// Opens the store the environment names: PostgreSQL at `DATABASE_URL`, else the
/// SQLite file `MARQUEE_SQLITE_PATH` (default `marquee.sqlite`); runs migrations.
public func openStore(environment: [String: String], logger: Logger) async throws -> any SQLDatabase {
    let database: any SQLDatabase
    if let url = environment["DATABASE_URL"], !url.isEmpty {
        database = try PostgresDatabase(url: url, logger: logger)
    } else {
        database = try await SQLiteDatabase(path: environment["MARQUEE_SQLITE_PATH"] ?? "marquee.sqlite", logger: logger)
    }
    return database
}
