import Logging

/// Versioned schema migrations, applied in order, each once, inside a transaction,
/// recorded in `schema_migrations`. The same statements run on PostgreSQL and
/// SQLite: text ids, BIGINT money (minor units) and timestamps (µs since 1970).
public enum Migrations {
    public struct Migration: Sendable {
        public let version: Int64
        public let name: String
        public let statements: [String]
    }

    public static let all: [Migration] = [
        Migration(version: 1, name: "initial", statements: [
            """
            CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
              display_name TEXT NOT NULL, roles TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE refresh_tokens (token_hash TEXT PRIMARY KEY, family_id TEXT NOT NULL,
              user_id TEXT NOT NULL REFERENCES users(id), expires_at BIGINT NOT NULL, used_at BIGINT,
              revoked_at BIGINT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)",
            """
            CREATE TABLE venues (id TEXT PRIMARY KEY, name TEXT NOT NULL, address TEXT NOT NULL,
              city TEXT NOT NULL, country TEXT NOT NULL)
            """,
            """
            CREATE TABLE events (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
              description TEXT NOT NULL, organizer_id TEXT NOT NULL REFERENCES users(id),
              venue_id TEXT NOT NULL REFERENCES venues(id), city TEXT NOT NULL, starts_at BIGINT NOT NULL,
              ends_at BIGINT NOT NULL, status BIGINT NOT NULL, image_url TEXT NOT NULL,
              search_text TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX events_listing ON events (status, starts_at, id)",
            "CREATE INDEX events_organizer ON events (organizer_id)",
            """
            CREATE TABLE ticket_types (id TEXT PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events(id),
              name TEXT NOT NULL, price_minor BIGINT NOT NULL, currency TEXT NOT NULL, capacity BIGINT NOT NULL,
              reserved BIGINT NOT NULL DEFAULT 0, per_order_limit BIGINT NOT NULL, sales_start BIGINT,
              sales_end BIGINT, created_at BIGINT NOT NULL,
              CHECK (reserved >= 0 AND reserved <= capacity AND price_minor >= 0))
            """,
            "CREATE INDEX ticket_types_event ON ticket_types (event_id)",
            """
            CREATE TABLE orders (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
              event_id TEXT NOT NULL REFERENCES events(id), status BIGINT NOT NULL, total_minor BIGINT NOT NULL,
              currency TEXT NOT NULL, refunded_minor BIGINT NOT NULL DEFAULT 0, expires_at BIGINT NOT NULL,
              created_at BIGINT NOT NULL, idempotency_key TEXT NOT NULL, UNIQUE (user_id, idempotency_key))
            """,
            "CREATE INDEX orders_user ON orders (user_id, created_at, id)",
            "CREATE INDEX orders_pending ON orders (status, expires_at)",
            """
            CREATE TABLE order_items (order_id TEXT NOT NULL REFERENCES orders(id),
              ticket_type_id TEXT NOT NULL REFERENCES ticket_types(id), quantity BIGINT NOT NULL,
              unit_price_minor BIGINT NOT NULL, position BIGINT NOT NULL, PRIMARY KEY (order_id, ticket_type_id))
            """,
            """
            CREATE TABLE payments (id TEXT PRIMARY KEY, order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
              amount_minor BIGINT NOT NULL, currency TEXT NOT NULL, refunded_minor BIGINT NOT NULL DEFAULT 0,
              status BIGINT NOT NULL, card_last4 TEXT NOT NULL, idempotency_key TEXT NOT NULL,
              created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE refunds (id TEXT PRIMARY KEY, payment_id TEXT NOT NULL REFERENCES payments(id),
              amount_minor BIGINT NOT NULL, idempotency_key TEXT NOT NULL, created_at BIGINT NOT NULL,
              UNIQUE (payment_id, idempotency_key))
            """,
            """
            CREATE TABLE tickets (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE,
              order_id TEXT NOT NULL REFERENCES orders(id), event_id TEXT NOT NULL REFERENCES events(id),
              ticket_type_id TEXT NOT NULL REFERENCES ticket_types(id), user_id TEXT NOT NULL REFERENCES users(id),
              status BIGINT NOT NULL, checked_in_at BIGINT, checked_in_by TEXT, created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX tickets_user ON tickets (user_id, created_at, id)",
            "CREATE INDEX tickets_order ON tickets (order_id)",
            "CREATE INDEX tickets_event ON tickets (event_id, status)",
            """
            CREATE TABLE notifications (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id),
              kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, is_read BIGINT NOT NULL DEFAULT 0,
              created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX notifications_user ON notifications (user_id, created_at, id)",
        ]),
    ]

    /// Applies every migration not yet recorded; returns the versions applied.
    @discardableResult
    public static func apply(to database: any SQLDatabase, logger: Logger = Logger(label: "marquee.migrate")) async throws -> [Int64] {
        do {
            try await database.transaction { conn in
                try await conn.query(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)")
            }
        } catch let error as StoreError where error.kind == .uniqueViolation {
            // Another process created it at the same moment (PostgreSQL reports the race on its catalog).
        }
        var applied: [Int64] = []
        for migration in all {
            let done: Bool
            do {
                done = try await database.transaction { conn in
                    // Recording first makes a concurrent migrator fail on the primary key
                    // instead of applying the same statements twice.
                    let seen = try await conn.query("SELECT version FROM schema_migrations WHERE version = $1", .int(migration.version))
                    if !seen.isEmpty { return false }
                    try await conn.query(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                        .int(migration.version), .text(migration.name), .int(Clock.nowMicros()))
                    for statement in migration.statements {
                        try await conn.query(statement)
                    }
                    return true
                }
            } catch let error as StoreError where error.kind == .uniqueViolation {
                // A process migrating at the same time recorded this version first; its
                // transaction has committed by the time ours fails, so it is applied.
                continue
            }
            if done {
                logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration.version)
            }
        }
        return applied
    }
}
