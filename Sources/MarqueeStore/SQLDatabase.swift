/// A value bound to or read from SQL. Both stores use the same small set of
/// column types: text, 64-bit integers (money in minor units, timestamps in
/// microseconds since 1970, booleans as 0/1) and NULL. Never floating point.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case text(String)

    public var int: Int64? { if case .int(let v) = self { v } else { nil } }
    public var text: String? { if case .text(let v) = self { v } else { nil } }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    public init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }
    public init(_ value: Int) { self = .int(Int64(value)) }
    public init(_ value: Bool) { self = .int(value ? 1 : 0) }
}

/// One result row, read by column position.
public struct SQLRow: Sendable {
    public var values: [SQLValue]

    public init(_ values: [SQLValue]) { self.values = values }

    public func text(_ index: Int) -> String { values[index].text ?? "" }
    public func optionalText(_ index: Int) -> String? { values[index].text }
    public func int(_ index: Int) -> Int64 { values[index].int ?? 0 }
    public func optionalInt(_ index: Int) -> Int64? { values[index].int }
    public func bool(_ index: Int) -> Bool { (values[index].int ?? 0) != 0 }
}

/// A connection inside a transaction. Statements are written once, in the
/// dialect both stores accept, with `$1`, `$2`… placeholders; every value is bound,
/// never spliced into the text.
public protocol SQLConnection: Sendable {
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]
}

extension SQLConnection {
    @discardableResult
    public func query(_ sql: String, _ binds: SQLValue...) async throws -> [SQLRow] {
        try await query(sql, binds)
    }
}

/// A store: PostgreSQL (``PostgresDatabase``) or SQLite (``SQLiteDatabase``).
/// The repositories are written once against this protocol; what differs between
/// the two engines (placeholders, value decoding, locking) stays in the driver.
public protocol SQLDatabase: Sendable {
    /// "postgresql" or "sqlite", for logs and health.
    var engine: String { get }
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T
    /// Runs `body`, which only reads, in one read transaction (a consistent snapshot).
    /// A driver may run reads beside writes and beside each other; `body` must not write.
    func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T
    /// Runs the background work the driver needs (a connection pool); returns when cancelled.
    func run() async
    /// Closes the connections.
    func close() async
}

extension SQLDatabase {
    /// Reads in an ordinary transaction (PostgreSQL: one of the pool's connections).
    public func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await transaction(body)
    }
}

/// A failure of the store itself. Its description never carries SQL text or
/// server detail (those go to the log).
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case unavailable, uniqueViolation, internalError }
    public let kind: Kind
    public let detail: String

    package init(_ kind: Kind, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .unavailable: "the store is unavailable"
        case .uniqueViolation: "a record with the same key already exists"
        case .internalError: "the store failed"
        }
    }
}
