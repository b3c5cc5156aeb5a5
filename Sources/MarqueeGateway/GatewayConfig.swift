/// The gateway's settings, from environment variables (README lists them).
public struct GatewayConfig: Sendable {
    /// Listen address (`HOST`, default 0.0.0.0) and port (`PORT`, default 8080).
    public var host = "0.0.0.0"
    public var port = 8080
    /// Largest request body accepted (`MARQUEE_MAX_BODY_BYTES`, default 1 MiB): 413 beyond.
    public var maxBodyBytes = 1 << 20
    /// Deepest selection nesting (`MARQUEE_MAX_DEPTH`, default 15).
    public var maxDepth = 15
    /// Largest estimated cost (`MARQUEE_MAX_COST`, default 10000): 1 per field, times
    /// the page size for fields taking `first`.
    public var maxCost = 10_000
    /// Most aliases in one document (`MARQUEE_MAX_ALIASES`, default 30).
    public var maxAliases = 30
    /// Longest a request may run (`MARQUEE_REQUEST_TIMEOUT_MS`, default 10000).
    public var requestTimeout: Duration = .seconds(10)
    /// Whether `__schema`/`__type` are answered (`MARQUEE_INTROSPECTION`, default true).
    public var introspection = true
    /// Allowed CORS origins (`MARQUEE_CORS_ORIGINS`, comma-separated; default `*`).
    public var corsOrigins: [String] = ["*"]
    /// Whether `x-marquee-trace: 1` may add the RPCs a request made to its
    /// `extensions` (`MARQUEE_ALLOW_TRACE`, default true; turn off in production).
    public var allowTrace = true
    /// Deadline of each gRPC call the resolvers make (`MARQUEE_RPC_TIMEOUT_MS`, default 2000).
    public var rpcTimeout: Duration = .seconds(2)

    /// WebSocket limits: operations per connection (`MARQUEE_WS_MAX_SUBSCRIPTIONS`, 100),
    /// connections per client address (`MARQUEE_WS_MAX_CONNECTIONS_PER_ADDRESS`, 1000),
    /// largest message (`MARQUEE_WS_MAX_MESSAGE_BYTES`, 64 KiB), time to send
    /// connection_init (`MARQUEE_WS_INIT_TIMEOUT_MS`, 3000), outgoing messages queued
    /// per connection before a too-slow client is disconnected (`MARQUEE_WS_QUEUE`, 256),
    /// keep-alive interval (`MARQUEE_WS_KEEPALIVE_MS`, 15000).
    public var wsMaxSubscriptions = 100
    public var wsMaxConnectionsPerAddress = 1000
    public var wsMaxMessageBytes = 64 * 1024
    public var wsInitTimeout: Duration = .seconds(3)
    public var wsQueue = 256
    public var wsKeepAlive: Duration = .seconds(15)

    /// How long a public entity read (published events, venues, users' public
    /// profiles) may be served from the gateway's cache (`MARQUEE_CACHE_TTL_MS`,
    /// 5000; 0 turns the cache off). Changes evict entries at once through the broker.
    public var cacheTTL: Duration = .seconds(5)
    /// At most this many cached entities (`MARQUEE_CACHE_MAX_ENTRIES`, 100000).
    public var cacheMaxEntries = 100_000

    public init() {}

    /// Reads the settings; a malformed value is a start-up error naming the variable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> GatewayConfig {
        var config = GatewayConfig()
        func int(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
            guard let raw = environment[name], !raw.isEmpty else { return nil }
            guard let value = Int(raw), range.contains(value) else {
                throw GatewayConfigError("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return value
        }
        func bool(_ name: String) throws -> Bool? {
            guard let raw = environment[name], !raw.isEmpty else { return nil }
            switch raw.lowercased() {
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: throw GatewayConfigError("\(name) must be true or false")
            }
        }
        if let host = environment["HOST"], !host.isEmpty { config.host = host }
        if let port = try int("PORT", 0...65535) { config.port = port }
        if let value = try int("MARQUEE_MAX_BODY_BYTES", 1024...(256 << 20)) { config.maxBodyBytes = value }
        if let value = try int("MARQUEE_MAX_DEPTH", 2...1000) { config.maxDepth = value }
        if let value = try int("MARQUEE_MAX_COST", 1...100_000_000) { config.maxCost = value }
        if let value = try int("MARQUEE_MAX_ALIASES", 0...100_000) { config.maxAliases = value }
        if let value = try int("MARQUEE_REQUEST_TIMEOUT_MS", 1...3_600_000) { config.requestTimeout = .milliseconds(value) }
        if let value = try int("MARQUEE_RPC_TIMEOUT_MS", 1...3_600_000) { config.rpcTimeout = .milliseconds(value) }
        if let value = try int("MARQUEE_WS_MAX_SUBSCRIPTIONS", 1...100_000) { config.wsMaxSubscriptions = value }
        if let value = try int("MARQUEE_WS_MAX_CONNECTIONS_PER_ADDRESS", 1...10_000_000) { config.wsMaxConnectionsPerAddress = value }
        if let value = try int("MARQUEE_WS_MAX_MESSAGE_BYTES", 256...(64 << 20)) { config.wsMaxMessageBytes = value }
        if let value = try int("MARQUEE_WS_INIT_TIMEOUT_MS", 1...3_600_000) { config.wsInitTimeout = .milliseconds(value) }
        if let value = try int("MARQUEE_WS_QUEUE", 1...1_000_000) { config.wsQueue = value }
        if let value = try int("MARQUEE_WS_KEEPALIVE_MS", 100...3_600_000) { config.wsKeepAlive = .milliseconds(value) }
        if let value = try int("MARQUEE_CACHE_TTL_MS", 0...86_400_000) { config.cacheTTL = .milliseconds(value) }
        if let value = try int("MARQUEE_CACHE_MAX_ENTRIES", 1...100_000_000) { config.cacheMaxEntries = value }
        if let value = try bool("MARQUEE_INTROSPECTION") { config.introspection = value }
        if let value = try bool("MARQUEE_ALLOW_TRACE") { config.allowTrace = value }
        if let raw = environment["MARQUEE_CORS_ORIGINS"] {
            config.corsOrigins = raw.split(separator: ",").map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
        }
        return config
    }
}

public struct GatewayConfigError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var slice = self
        while slice.first == set { slice.removeFirst() }
        while slice.last == set { slice.removeLast() }
        return String(slice)
    }
}
