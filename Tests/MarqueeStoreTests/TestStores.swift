import Foundation
import MarqueeStore

/// The stores the repository suite runs on: SQLite always, and PostgreSQL when
/// `MARQUEE_TEST_DATABASE_URL` names a server (scripts/test starts one). Each
/// test gets a fresh, migrated database of its own.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }

    static var available: [StoreKind] {
        ProcessInfo.processInfo.environment["MARQUEE_TEST_DATABASE_URL"] == nil ? [.sqlite] : [.sqlite, .postgres]
    }
}

import Testing

/// Runs `body` against a fresh migrated database of `kind`, then drops it.
func withFreshStore(_ kind: StoreKind, _ body: @Sendable (any SQLDatabase) async throws -> Void) async throws {
    switch kind {
    case .sqlite:
        let database = try await SQLiteDatabase(path: nil)
        try await Migrations.apply(to: database)
        try await body(database)
        await database.close()
    case .postgres:
        let url = ProcessInfo.processInfo.environment["MARQUEE_TEST_DATABASE_URL"]!
        let admin = try PostgresDatabase(url: url, maxConnections: 2)
        let name = "marquee_test_\(Identifier.make().replacingOccurrences(of: "-", with: "").prefix(16))"
        let adminTask = Task { await admin.run() }
        defer { adminTask.cancel() }
        try await admin.executeOutsideTransaction("CREATE DATABASE \(name)")
        let base = url.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let database = try PostgresDatabase(url: "\(base)/\(name)", maxConnections: 20)
        let task = Task { await database.run() }
        do {
            try await Migrations.apply(to: database)
            try await body(database)
        } catch {
            task.cancel()
            throw error
        }
        task.cancel()
        _ = await task.result
        try? await admin.executeOutsideTransaction("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
