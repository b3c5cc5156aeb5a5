import Foundation
import Testing
@testable import MarqueeStore

/// A file SQLite store reads through its own connections: beside an open write
/// transaction (without seeing it), never writing.
@Suite struct SQLiteReadersTests {
    /// A fresh file database with a one-column table.
    func withFileStore(_ body: (SQLiteDatabase) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("marquee-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try await SQLiteDatabase(path: directory.appendingPathComponent("store.sqlite").path)
        do {
            _ = try await database.transaction { conn in try await conn.query("CREATE TABLE t (x INTEGER)") }
            try await body(database)
        } catch {
            await database.close()
            throw error
        }
        await database.close()
    }

    func count(_ database: SQLiteDatabase) async throws -> Int64 {
        try await database.read { conn in try await conn.query("SELECT COUNT(*) FROM t")[0].int(0) }
    }

    @Test func readsSeeCommittedWrites() async throws {
        try await withFileStore { (database: SQLiteDatabase) async throws in
            #expect(try await count(database) == 0)
            _ = try await database.transaction { conn in try await conn.query("INSERT INTO t (x) VALUES (1), (2)") }
            #expect(try await count(database) == 2)
        }
    }

    @Test func aWriteThroughReadFailsAndWritesNothing() async throws {
        try await withFileStore { (database: SQLiteDatabase) async throws in
            await #expect(throws: StoreError.self) {
                _ = try await database.read { conn in try await conn.query("INSERT INTO t (x) VALUES (1)") }
            }
            #expect(try await count(database) == 0)
        }
    }

    @Test func readsDoNotWaitForAnOpenWriteTransaction() async throws {
        try await withFileStore { (database: SQLiteDatabase) async throws in
            let (inserted, insertedSignal) = AsyncStream<Void>.makeStream()
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            let writer = Task {
                try await database.transaction { conn in
                    try await conn.query("INSERT INTO t (x) VALUES (7)")
                    insertedSignal.yield()
                    for await _ in release { break }  // hold the transaction open until told
                }
            }
            for await _ in inserted { break }
            // The writer holds its transaction: a read completes anyway (within 5 s, not
            // after the writer: that would be never), without the writer's row.
            let seen = try await withThrowingTaskGroup(of: Int64?.self) { group in
                group.addTask { try await count(database) }
                group.addTask {
                    try await Task.sleep(for: .seconds(5))
                    releaseSignal.yield()  // a read stuck behind the writer can then finish: no hang
                    return nil
                }
                let first = try await group.next()!
                group.cancelAll()
                return first
            }
            releaseSignal.yield()
            #expect(seen == 0, "the read waited for the open write transaction")
            try await writer.value
            #expect(try await count(database) == 1)
        }
    }

    @Test(arguments: [":memory:", "file::memory:"])
    func inMemoryPathsReadThroughTheWriter(path: String) async throws {
        // Private to each connection: readers of their own would see an empty database.
        let database = try await SQLiteDatabase(path: path)
        _ = try await database.transaction { conn in try await conn.query("CREATE TABLE t (x INTEGER)") }
        _ = try await database.transaction { conn in try await conn.query("INSERT INTO t (x) VALUES (5)") }
        let total = try await database.read { conn in try await conn.query("SELECT SUM(x) FROM t")[0].int(0) }
        #expect(total == 5)
        await database.close()
    }

    @Test func concurrentReadsAllAnswer() async throws {
        try await withFileStore { (database: SQLiteDatabase) async throws in
            _ = try await database.transaction { conn in try await conn.query("INSERT INTO t (x) VALUES (1), (2), (3)") }
            let totals = try await withThrowingTaskGroup(of: Int64.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await database.read { conn in try await conn.query("SELECT SUM(x) FROM t")[0].int(0) } }
                }
                var totals: [Int64] = []
                for try await total in group { totals.append(total) }
                return totals
            }
            #expect(totals == Array(repeating: 6, count: 20))
        }
    }
}
