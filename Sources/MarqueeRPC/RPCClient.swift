import GRPCCore
import MarqueeProto
import GRPCInProcessTransport
import GRPCNIOTransportHTTP2
import ServiceLifecycle

/// Where a client connects.
public enum Target: Sendable {
    /// host:port over HTTP/2 (DNS names resolved).
    case http2(host: String, port: Int)
    case inProcess(InProcessTransport)

    /// Parses "host:port".
    public static func parse(_ address: String) -> Target? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else { return nil }
        return .http2(host: String(address[..<colon]), port: port)
    }
}

/// Call policy: every call has a deadline; the idempotent reads listed here are
/// retried on UNAVAILABLE with exponential backoff and jitter (grpc-swift's retry
/// executor, per gRFC A6); writes are never retried blindly — they carry
/// idempotency keys instead.
public enum CallPolicy {
    public static let defaultTimeout: Duration = .seconds(2)

    /// Methods safe to retry: reads (service, [methods]).
    public static let idempotentReads: [(String, [String])] = [
        ("marquee.v1.UserService", ["GetUser", "BatchGetUsers", "ListUsers"]),
        ("marquee.v1.EventService", ["GetEvent", "BatchGetEvents", "ListEvents", "ListCities", "BatchGetTicketTypes", "BatchGetVenues"]),
        ("marquee.v1.OrderService", ["GetOrder", "BatchGetOrders", "ListMyOrders"]),
        ("marquee.v1.PaymentService", ["BatchGetPayments"]),
        ("marquee.v1.TicketService", ["ListMyTickets", "BatchGetTicketsByOrder"]),
        ("marquee.v1.NotificationService", ["ListNotifications"]),
        ("marquee.v1.AnalyticsService", ["GetEventStats"]),
        ("marquee.v1.AuthService", ["VerifyToken"]),
        ("grpc.health.v1.Health", ["Check"]),
    ]

    public static func serviceConfig(timeout: Duration = defaultTimeout) -> ServiceConfig {
        let retry = RetryPolicy(
            maxAttempts: 3, initialBackoff: .milliseconds(25), maxBackoff: .milliseconds(400),
            backoffMultiplier: 2, retryableStatusCodes: [.unavailable])
        let reads = MethodConfig(
            names: idempotentReads.flatMap { service, methods in methods.map { MethodConfig.Name(service: service, method: $0) } },
            timeout: timeout, executionPolicy: .retry(retry))
        let everything = MethodConfig(names: [MethodConfig.Name(service: "")], timeout: timeout)
        return ServiceConfig(methodConfig: [reads, everything])
    }
}

/// A gRPC client connection (one HTTP/2 connection, or the in-process channel),
/// run as a `Service`, with a generated client for every service on it.
public struct RPCClient: Service {
    public let services: ServiceClients
    private let runConnections: @Sendable () async throws -> Void
    private let shutdown: @Sendable () -> Void

    public init(target: Target, timeout: Duration = CallPolicy.defaultTimeout) throws {
        let interceptors: [any ClientInterceptor] = [ClientContextInterceptor()]
        switch target {
        case .http2(let host, let port):
            let transport = try HTTP2ClientTransport.Posix(
                target: .dns(host: host, port: port), transportSecurity: .plaintext,
                serviceConfig: CallPolicy.serviceConfig(timeout: timeout))
            let client = GRPCClient(transport: transport, interceptors: interceptors)
            services = ServiceClients(client)
            runConnections = { try await client.runConnections() }
            shutdown = { client.beginGracefulShutdown() }
        case .inProcess(let inProcess):
            // Its call policy was fixed when the transport was made: see `makeInProcessTransport`.
            let client = GRPCClient(transport: inProcess.client, interceptors: interceptors)
            services = ServiceClients(client)
            runConnections = { try await client.runConnections() }
            shutdown = { client.beginGracefulShutdown() }
        }
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await runConnections()
        } onGracefulShutdown: {
            shutdown()
        }
    }
}

/// The generated clients of every Marquee service over one connection.
public struct ServiceClients: Sendable {
    public let auth: any Marquee_V1_AuthService.ClientProtocol
    public let users: any Marquee_V1_UserService.ClientProtocol
    public let events: any Marquee_V1_EventService.ClientProtocol
    public let orders: any Marquee_V1_OrderService.ClientProtocol
    public let payments: any Marquee_V1_PaymentService.ClientProtocol
    public let tickets: any Marquee_V1_TicketService.ClientProtocol
    public let notifications: any Marquee_V1_NotificationService.ClientProtocol
    public let analytics: any Marquee_V1_AnalyticsService.ClientProtocol
    public let health: any Grpc_Health_V1_Health.ClientProtocol

    /// Each service's client taken from the connection that serves it (services
    /// deployed at different addresses); `health` is the first connection's.
    public init(composing connection: (String) -> ServiceClients) {
        auth = connection("auth").auth
        users = connection("users").users
        events = connection("events").events
        orders = connection("orders").orders
        payments = connection("payments").payments
        tickets = connection("tickets").tickets
        notifications = connection("notifications").notifications
        analytics = connection("analytics").analytics
        health = connection("auth").health
    }

    init<Transport: ClientTransport>(_ client: GRPCClient<Transport>) {
        auth = Marquee_V1_AuthService.Client(wrapping: client)
        users = Marquee_V1_UserService.Client(wrapping: client)
        events = Marquee_V1_EventService.Client(wrapping: client)
        orders = Marquee_V1_OrderService.Client(wrapping: client)
        payments = Marquee_V1_PaymentService.Client(wrapping: client)
        tickets = Marquee_V1_TicketService.Client(wrapping: client)
        notifications = Marquee_V1_NotificationService.Client(wrapping: client)
        analytics = Marquee_V1_AnalyticsService.Client(wrapping: client)
        health = Grpc_Health_V1_Health.Client(wrapping: client)
    }
}

/// The in-process transport of `marquee serve`, with the same call policy as HTTP/2 clients.
public func makeInProcessTransport(timeout: Duration = CallPolicy.defaultTimeout) -> InProcessTransport {
    InProcessTransport(serviceConfig: CallPolicy.serviceConfig(timeout: timeout))
}
