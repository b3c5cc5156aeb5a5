import Logging
import MarqueePubSub
import MarqueeRPC
import MarqueeStore

/// Settings of the domain services, from the environment (see README).
public struct ServiceSettings: Sendable {
    /// HMAC secret for access tokens and ticket QR signatures (`JWT_SECRET`, ≥ 32 bytes).
    public var jwtSecret: String
    /// Access token lifetime (`JWT_ACCESS_TTL_SECONDS`, default 900).
    public var accessTokenTTL: Int64 = 900
    /// Refresh token lifetime (`JWT_REFRESH_TTL_SECONDS`, default 30 days).
    public var refreshTokenTTL: Int64 = 30 * 24 * 3600
    /// bcrypt cost (`MARQUEE_BCRYPT_COST`, default 12; 4–31).
    public var bcryptCost: UInt8 = 12
    /// How long an unpaid order holds its seats (`MARQUEE_ORDER_HOLD_SECONDS`, default 900).
    public var orderHoldSeconds: Int64 = 900

    public init(jwtSecret: String) { self.jwtSecret = jwtSecret }

    /// Reads the settings from environment variables; `JWT_SECRET` missing → a random
    /// secret for this process (tokens die with it; fine for `marquee serve`).
    public static func fromEnvironment(_ environment: [String: String]) throws -> ServiceSettings {
        var settings = ServiceSettings(jwtSecret: environment["JWT_SECRET"] ?? RequestID.make() + RequestID.make())
        guard settings.jwtSecret.utf8.count >= 32 else {
            throw ConfigurationError("JWT_SECRET must be at least 32 bytes")
        }
        if let value = environment["JWT_ACCESS_TTL_SECONDS"] {
            guard let ttl = Int64(value), ttl > 0 else { throw ConfigurationError("JWT_ACCESS_TTL_SECONDS must be a positive integer") }
            settings.accessTokenTTL = ttl
        }
        if let value = environment["JWT_REFRESH_TTL_SECONDS"] {
            guard let ttl = Int64(value), ttl > 0 else { throw ConfigurationError("JWT_REFRESH_TTL_SECONDS must be a positive integer") }
            settings.refreshTokenTTL = ttl
        }
        if let value = environment["MARQUEE_BCRYPT_COST"] {
            guard let cost = UInt8(value), (4...31).contains(cost) else { throw ConfigurationError("MARQUEE_BCRYPT_COST must be 4–31") }
            settings.bcryptCost = cost
        }
        if let value = environment["MARQUEE_ORDER_HOLD_SECONDS"] {
            guard let hold = Int64(value), hold > 0 else { throw ConfigurationError("MARQUEE_ORDER_HOLD_SECONDS must be a positive integer") }
            settings.orderHoldSeconds = hold
        }
        return settings
    }
}

/// A configuration mistake, reported at start-up.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What every service needs: the store, the broker, the token keys, a logger.
public struct ServiceEnvironment: Sendable {
    public let database: any SQLDatabase
    public let pubsub: any PubSub
    public let settings: ServiceSettings
    public let tokens: TokenKeys
    public let logger: Logger

    public init(database: any SQLDatabase, pubsub: any PubSub, settings: ServiceSettings, logger: Logger) async {
        self.database = database
        self.pubsub = pubsub
        self.settings = settings
        self.tokens = await TokenKeys(secret: settings.jwtSecret, accessTTL: settings.accessTokenTTL)
        self.logger = logger
    }

    /// Runs `body` in a store transaction; a store that cannot be reached becomes
    /// UNAVAILABLE; other store failures are internal (logged, not echoed).
    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await reportingUnavailable { try await database.transaction(body) }
    }

    /// Runs `body`, which only reads, in a read transaction (on SQLite beside the
    /// writer); failures are reported like `transaction`'s.
    func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await reportingUnavailable { try await database.read(body) }
    }

    private func reportingUnavailable<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as StoreError where error.kind == .unavailable {
            logger.warning("store unavailable", metadata: ["error": "\(error.detail)"])
            throw ServiceError.unavailable("the store is unavailable, try again")
        }
    }

    /// Publishes a domain event after its transaction committed. A broker failure
    /// is logged: the write already happened and must not be reported as failed.
    func publish(_ payload: [UInt8], to topic: String) async {
        do {
            try await pubsub.publish(payload, to: topic)
        } catch {
            logger.warning("publish failed", metadata: ["topic": "\(topic)", "error": "\(error)"])
        }
        // An event's fields, status or seats changed: gateways drop their cached copy.
        for prefix in ["event.updated:", "inventory.changed:"] where topic.hasPrefix(prefix) {
            await changed("event:" + topic.dropFirst(prefix.count))
        }
    }

    /// Tells the gateways that the entity `key` (`event:<id>`, `user:<id>`) changed.
    func changed(_ key: String) async {
        do {
            try await pubsub.publish(Array(key.utf8), to: Topic.entityChanged)
        } catch {
            logger.warning("publish failed", metadata: ["topic": "\(Topic.entityChanged)", "error": "\(error)"])
        }
    }
}
