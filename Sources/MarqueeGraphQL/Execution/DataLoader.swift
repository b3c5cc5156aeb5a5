import Synchronization

/// Batches and caches loads for one request (the DataLoader pattern). Keys
/// requested while the executor completes everything that is available form one
/// batch: `resolve(_:)` records the key at once, and the first of the resulting
/// pending works to run sends the whole batch. A key is loaded at most once.
public final class DataLoader<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    public typealias BatchLoad = @Sendable ([Key]) async throws -> [Key: Value]

    private final class Batch: @unchecked Sendable {
        var keys: [Key] = []
        var started = false
        var result: Result<[Key: Value], any Error>?
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private struct State {
        var current: Batch?
        var batchOf: [Key: Batch] = [:]
    }

    private let load: BatchLoad
    private let maxBatchSize: Int
    private let state = Mutex(State())

    /// `batchLoad` receives distinct keys and returns the values it found; a key
    /// missing from its result loads as nil.
    public init(maxBatchSize: Int = 1000, batchLoad: @escaping BatchLoad) {
        self.load = batchLoad
        self.maxBatchSize = maxBatchSize
    }

    /// Records `key` for the current batch and returns the work that awaits it.
    public func resolve(_ key: Key) -> Resolved {
        let batch = enqueue(key)
        return .async { [self] in try await self.value(for: key, in: batch) }
    }

    /// Loads one value (batched with the keys recorded before this runs).
    public func load(_ key: Key) async throws -> Value? {
        try await value(for: key, in: enqueue(key))
    }

    private func enqueue(_ key: Key) -> Batch {
        state.withLock { state in
            if let batch = state.batchOf[key] { return batch }
            if state.current == nil || state.current!.started || state.current!.keys.count >= maxBatchSize {
                state.current = Batch()
            }
            let batch = state.current!
            batch.keys.append(key)
            state.batchOf[key] = batch
            return batch
        }
    }

    private func value(for key: Key, in batch: Batch) async throws -> Value? {
        let run: Bool = state.withLock { _ in
            if batch.started { return false }
            batch.started = true
            return true
        }
        if run {
            let result: Result<[Key: Value], any Error>
            do { result = .success(try await load(batch.keys)) } catch { result = .failure(error) }
            let waiters = state.withLock { _ in
                batch.result = result
                let waiters = batch.waiters
                batch.waiters = []
                return waiters
            }
            for waiter in waiters { waiter.resume() }
        } else {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done = state.withLock { _ in
                    if batch.result != nil { return true }
                    batch.waiters.append(continuation)
                    return false
                }
                if done { continuation.resume() }
            }
        }
        let result = state.withLock { _ in batch.result! }
        return try result.get()[key]
    }

    /// Forgets every cached key (e.g. after a mutation changed them).
    public func clear() {
        state.withLock { $0 = State() }
    }
}
