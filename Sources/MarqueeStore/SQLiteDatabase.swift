import Logging
import NIOCore
import NIOPosix
import SQLiteNIO

/// The embedded store: one SQLite file (or memory) in WAL mode. Writes go through
/// one connection, one transaction at a time (SQLite has a single writer anyway);
/// reads of a file go through their own connections (``readerCount``,
/// `query_only`), beside the writer and beside each other, so a page of events
/// never waits for an order being placed or for another page.
public final class SQLiteDatabase: SQLDatabase {
    public let engine = "sqlite"
    private let connection: SQLiteConnection
    private let gate = AsyncGate()
    private let readers: ConnectionPool?
    /// Reader connections of a file database in WAL mode (otherwise reads use
    /// the writer). More than the two threads of NIO's pool: a reader is held
    /// across the hops of its transaction, mostly waiting for an event loop
    /// (six gave the 100-event list +7 % over two).
    public static let readerCount = 6

    /// Opens (creating if needed) the database at `path`; `nil` opens a private in-memory one.
    public init(path: String?, logger: Logger = Logger(label: "marquee.store.sqlite")) async throws {
        let storage: SQLiteConnection.Storage = path.map { .file(path: $0) } ?? .memory
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        } catch {
            throw StoreError(.unavailable, detail: "\(error)")
        }
        let mode = try? await connection.query("PRAGMA journal_mode=WAL", []).first?.column("journal_mode")?.string
        _ = try await connection.query("PRAGMA foreign_keys=ON", [])
        _ = try await connection.query("PRAGMA busy_timeout=5000", [])
        // Readers only beside a shared file in WAL mode: an in-memory database
        // (`nil`, ":memory:", "file::memory:"…) is private to its connection, and
        // without WAL a reader's lock would hold up the writer's commit.
        guard case .file = storage, mode?.lowercased() == "wal" else {
            readers = nil
            return
        }
        var opened: [SQLiteConnection] = []
        do {
            for _ in 0..<Self.readerCount {
                let reader = try await SQLiteConnection.open(storage: storage, logger: logger)
                opened.append(reader)
                _ = try await reader.query("PRAGMA busy_timeout=5000", [])
                _ = try await reader.query("PRAGMA query_only=1", [])  // a write through `read` fails loudly
            }
        } catch {
            for reader in opened { try? await reader.close() }
            try? await connection.close()
            throw StoreError(.unavailable, detail: "\(error)")
        }
        readers = ConnectionPool(opened)
    }

    public func read<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        guard let readers else { return try await transaction(body) }
        return try await readers.withConnection { reader in
            try await Self.inTransaction(reader, begin: "BEGIN", body)
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        try await gate.withLock { try await Self.inTransaction(connection, begin: "BEGIN IMMEDIATE", body) }
    }

    /// `begin`, then `body`, then COMMIT, or ROLLBACK when `body` throws.
    private static func inTransaction<T: Sendable>(
        _ connection: SQLiteConnection, begin: String, _ body: @Sendable (any SQLConnection) async throws -> T
    ) async throws -> T {
        let conn = Connection(connection: connection)
        try await conn.raw(begin)
        do {
            let result = try await body(conn)
            try await conn.raw("COMMIT")
            return result
        } catch {
            _ = try? await conn.raw("ROLLBACK")
            throw error
        }
    }

    public func run() async {
        try? await Task.sleep(for: .seconds(Int64.max / 2_000_000_000))
    }

    public func close() async {
        for reader in readers?.all ?? [] { try? await reader.close() }
        try? await connection.close()
    }

    private struct Connection: SQLConnection {
        let connection: SQLiteConnection

        func raw(_ sql: String) async throws {
            do { _ = try await connection.query(sql, []) } catch { throw Self.map(error) }
        }

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            let data: [SQLiteData] = binds.map {
                switch $0 {
                case .null: .null
                case .int(let v): .integer(Int(v))
                case .text(let s): .text(s)
                }
            }
            do {
                let rows = try await connection.query(Self.numbered(sql), data)
                return rows.map { row in
                    SQLRow(row.columns.map { column in
                        switch column.data {
                        case .integer(let v): .int(Int64(v))
                        case .text(let s): .text(s)
                        case .float(let d): .int(Int64(d))
                        case .blob(let buffer): .text(String(buffer: buffer))
                        case .null: .null
                        }
                    })
                }
            } catch {
                throw Self.map(error)
            }
        }

        /// `$1` → `?1`: SQLite's numbered parameters, bound by position.
        static func numbered(_ sql: String) -> String {
            var bytes = Array(sql.utf8)
            var previous = UInt8(ascii: " ")
            for index in bytes.indices {
                let byte = bytes[index]
                if byte == UInt8(ascii: "$"), previous != UInt8(ascii: "'") { bytes[index] = UInt8(ascii: "?") }
                previous = byte
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        static func map(_ error: any Error) -> StoreError {
            let text = "\(error)"
            if text.contains("UNIQUE constraint failed") { return StoreError(.uniqueViolation, detail: text) }
            if text.contains("database is locked") { return StoreError(.unavailable, detail: text) }
            return StoreError(.internalError, detail: text)
        }
    }
}

/// A fixed set of connections lent one at a time; borrowers wait in arrival order.
final class ConnectionPool: Sendable {
    private struct State {
        var idle: [SQLiteConnection]
        var waiters: [CheckedContinuation<SQLiteConnection, Never>] = []
    }
    let all: [SQLiteConnection]
    private let state: SendableMutex<State>

    init(_ connections: [SQLiteConnection]) {
        all = connections
        state = SendableMutex(State(idle: connections))
    }

    func withConnection<T: Sendable>(_ body: (SQLiteConnection) async throws -> T) async throws -> T {
        let connection = await acquire()
        defer { release(connection) }
        return try await body(connection)
    }

    private func acquire() async -> SQLiteConnection {
        await withCheckedContinuation { continuation in
            let idle = state.withLock { state -> SQLiteConnection? in
                if let connection = state.idle.popLast() { return connection }
                state.waiters.append(continuation)
                return nil
            }
            if let idle { continuation.resume(returning: idle) }
        }
    }

    private func release(_ connection: SQLiteConnection) {
        let next = state.withLock { state -> CheckedContinuation<SQLiteConnection, Never>? in
            if state.waiters.isEmpty {
                state.idle.append(connection)
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume(returning: connection)
    }
}

/// A FIFO async mutex: one holder at a time, waiters resumed in arrival order.
final class AsyncGate: Sendable {
    private struct State {
        var held = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state = SendableMutex(State())

    func withLock<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        await withCheckedContinuation { continuation in
            let acquired = state.withLock { state -> Bool in
                if state.held {
                    state.waiters.append(continuation)
                    return false
                }
                state.held = true
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.resume()
    }
}
