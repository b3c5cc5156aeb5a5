import ArgumentParser
import Foundation
import Logging
import MarqueeGateway
import MarqueeGraphQL
import MarqueeRPC
import MarqueeServices
import MarqueeStore
import Metrics
import Prometheus
import ServiceLifecycle
import Synchronization
import MarqueePubSub

/// `marquee serve`: the gateway and every service in one process (in-process
/// gRPC transport, the SQLite file unless DATABASE_URL is set, in-process pub/sub).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the whole system in one process: the GraphQL gateway and all services.",
        discussion: "Listens on HOST:PORT (default 0.0.0.0:8080). See README for every environment variable.")

    @Flag(help: "Seed a realistic sample (cities, venues, organisers, events, a staff user) and print demo credentials.")
    var demo = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = makeLogger("marquee.serve", environment)
        let config = try GatewayConfig.fromEnvironment(environment)
        let demo = demo
        try await withRuntime(environment: environment, logger: logger) { env in
            let transport = makeInProcessTransport(timeout: config.rpcTimeout)
            let server = try ServiceCatalog.server(["all"], env: env, listener: .inProcess(transport))
            let client = try RPCClient(target: .inProcess(transport), timeout: config.rpcTimeout)
            let tokens = env.tokens
            let gateway = try Gateway(
                config: config, clients: client.services, pubsub: env.pubsub, verify: { try await tokens.verify($0).caller }, logger: logger)
            let database = env.database
            // With --demo, not ready until the sample is in.
            let seeded = OnceFlag(!demo)
            let app = HTTPServer.application(
                gateway: gateway, ready: { seeded.value ? await ServiceCatalog.storeAnswers(database) : false },
                metrics: bootstrapMetrics(), logger: logger)
            var services: [any Service] = [server, client, OrderExpiryService(env: env), app]
            let clients = client.services
            services.append(OneShot {
                if demo {
                    try await DemoData.seed(env: env, clients: clients, logger: logger)
                    seeded.set()
                }
                logger.info("Marquee is running", metadata: [
                    "graphql": "http://\(config.host == "0.0.0.0" ? "localhost" : config.host):\(config.port)/graphql",
                    "store": "\(env.database.engine)",
                ])
            })
            return services
        }
    }
}

/// `marquee gateway`: the gateway alone, reaching the services at MARQUEE_<SERVICE>_ADDR.
struct GatewayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gateway",
        abstract: "Run the GraphQL gateway alone, in front of services running elsewhere.",
        discussion: """
            Each service's address is MARQUEE_<SERVICE>_ADDR (host:port), e.g. MARQUEE_EVENTS_ADDR; \
            MARQUEE_SERVICES_ADDR is the default for those not set. JWT_SECRET must be the services' secret.
            """)

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = makeLogger("marquee.gateway", environment)
        let config = try GatewayConfig.fromEnvironment(environment)
        guard environment["JWT_SECRET"] != nil else { throw ConfigurationError("JWT_SECRET must be set (the services' secret)") }
        let settings = try ServiceSettings.fromEnvironment(environment)
        var connections: [String: RPCClient] = [:]
        var byService: [String: RPCClient] = [:]
        for (name, _) in ServiceCatalog.names {
            let variable = "MARQUEE_\(name.uppercased())_ADDR"
            guard let address = environment[variable] ?? environment["MARQUEE_SERVICES_ADDR"] else {
                throw ConfigurationError("\(variable) (or MARQUEE_SERVICES_ADDR) must name the \(name) service's host:port")
            }
            guard let target = Target.parse(address) else { throw ConfigurationError("\(variable) must be host:port") }
            if connections[address] == nil { connections[address] = try RPCClient(target: target, timeout: config.rpcTimeout) }
            byService[name] = connections[address]
        }
        let clients = ServiceClients(composing: { byService[$0]!.services })
        let tokens = await TokenKeys(secret: settings.jwtSecret, accessTTL: settings.accessTokenTTL)
        let (pubsub, broker) = try makeBroker(environment: environment, logger: logger)
        if broker == nil { logger.warning("REDIS_URL is not set: subscriptions will not see the services' events") }
        let gateway = try Gateway(
            config: config, clients: clients, pubsub: pubsub, verify: { try await tokens.verify($0).caller }, logger: logger)
        let healths = connections.values.map { $0.services.health }
        let metrics = bootstrapMetrics()
        let app = HTTPServer.application(gateway: gateway, ready: {
            for health in healths {
                guard let reply = try? await health.check(.with { $0.service = "" }), reply.status == .serving else { return false }
            }
            return true
        }, metrics: metrics, logger: logger)
        let services: [any Service] = Array(connections.values) + [app] + (broker.map { [$0] } ?? [])
        logger.info("gateway listening", metadata: ["address": "\(config.host):\(config.port)", "services": "\(connections.count) connection(s)"])
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Routes swift-metrics (Hummingbird's request metrics, the gateway's counters)
/// to a Prometheus registry, served at `GET /metrics`.
func bootstrapMetrics() -> PrometheusCollectorRegistry {
    let registry = PrometheusCollectorRegistry()
    MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    return registry
}

/// A boolean that is set once.
final class OnceFlag: Sendable {
    private let state: Mutex<Bool>
    init(_ initial: Bool) { state = Mutex(initial) }
    var value: Bool { state.withLock { $0 } }
    func set() { state.withLock { $0 = true } }
}

/// Runs `work` once when the group starts, then waits for shutdown.
struct OneShot: Service {
    let work: @Sendable () async throws -> Void
    init(_ work: @escaping @Sendable () async throws -> Void) { self.work = work }

    func run() async throws {
        try await work()
        try? await gracefulShutdown()
    }
}
