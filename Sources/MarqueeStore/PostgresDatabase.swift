import Logging
import NIOCore
import PostgresNIO

/// The production store: PostgreSQL through postgres-nio's connection pool.
public final class PostgresDatabase: SQLDatabase {
    public let engine = "postgresql"
    private let client: PostgresClient
    private let logger: Logger

    /// Connects to a `postgres://user:password@host:port/database` URL (`?sslmode=disable`
    /// or no TLS by default on loopback; `sslmode=require` turns TLS on).
    public init(url: String, maxConnections: Int = 20, logger: Logger = Logger(label: "marquee.store.postgres")) throws {
        let parsed = try DatabaseURL(url)
        var configuration = PostgresClient.Configuration(
            host: parsed.host, port: parsed.port ?? 5432, username: parsed.user,
            password: parsed.password, database: parsed.database,
            tls: parsed.requireTLS ? .require(.clientDefault) : .disable)
        configuration.options.maximumConnections = maxConnections
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
    }

    public func run() async {
        await client.run()
    }

    public func close() async {}

    /// Runs one statement outside any transaction (e.g. `CREATE DATABASE`); for tools and tests.
    public func executeOutsideTransaction(_ sql: String) async throws {
        do {
            try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            throw Self.map(error)
        }
    }

    public func transaction<T: Sendable>(_ body: @Sendable (any SQLConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withTransaction(logger: logger) { connection in
                try await body(Connection(connection: connection, logger: logger))
            }
        } catch let error as PostgresTransactionError {
            if let closure = error.closureError { throw Self.map(closure) }
            throw Self.map(error)
        } catch {
            throw Self.map(error)
        }
    }

    static func map(_ error: any Error) -> any Error {
        if error is StoreError { return error }
        if let error = error as? PSQLError {
            if error.serverInfo?[.sqlState] == "23505" {
                return StoreError(.uniqueViolation, detail: "\(error)")
            }
            if error.code == .connectionError || error.code == .serverClosedConnection
                || error.code == .clientClosedConnection || error.code == .poolClosed
            {
                return StoreError(.unavailable, detail: "\(error)")
            }
            return StoreError(.internalError, detail: String(reflecting: error))
        }
        // Errors thrown by the repositories' own code pass through unchanged.
        return error
    }

    private struct Connection: SQLConnection {
        let connection: PostgresConnection
        let logger: Logger

        func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
            var bindings = PostgresBindings(capacity: binds.count)
            for value in binds {
                switch value {
                case .null: bindings.appendNull()
                case .int(let v): bindings.append(v)
                case .text(let s): bindings.append(s)
                }
            }
            do {
                let rows = try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
                var result: [SQLRow] = []
                for try await row in rows {
                    result.append(SQLRow(try row.map(Self.value)))
                }
                return result
            } catch {
                throw PostgresDatabase.map(error)
            }
        }

        static func value(_ cell: PostgresCell) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int8: return .int(try cell.decode(Int64.self))
            case .int4: return .int(Int64(try cell.decode(Int32.self)))
            case .int2: return .int(Int64(try cell.decode(Int16.self)))
            case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
            case .numeric: return .int(Int64(try cell.decode(String.self)) ?? 0)
            default: return .text(try cell.decode(String.self))
            }
        }
    }
}

/// The parts of a `postgres://` URL.
struct DatabaseURL {
    var user: String
    var password: String?
    var host: String
    var port: Int?
    var database: String?
    var requireTLS = false

    init(_ url: String) throws {
        var rest = Substring(url)
        guard let scheme = rest.range(of: "://"), ["postgres", "postgresql"].contains(rest[..<scheme.lowerBound]) else {
            throw StoreError(.unavailable, detail: "DATABASE_URL must start with postgres://")
        }
        rest = rest[scheme.upperBound...]
        if let query = rest.firstIndex(of: "?") {
            requireTLS = rest[query...].contains("sslmode=require")
            rest = rest[..<query]
        }
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            database = name.isEmpty ? nil : String(name).removingPercentEncoding()
            rest = rest[..<slash]
        }
        user = "postgres"
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            if let colon = credentials.firstIndex(of: ":") {
                user = String(credentials[..<colon]).removingPercentEncoding()
                password = String(credentials[credentials.index(after: colon)...]).removingPercentEncoding()
            } else {
                user = String(credentials).removingPercentEncoding()
            }
            rest = rest[rest.index(after: at)...]
        }
        if let colon = rest.lastIndex(of: ":"), let number = Int(rest[rest.index(after: colon)...]) {
            port = number
            rest = rest[..<colon]
        }
        host = rest.isEmpty ? "127.0.0.1" : String(rest)
    }
}

extension String {
    /// Decodes `%XX` escapes (user names and passwords in URLs).
    func removingPercentEncoding() -> String {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
