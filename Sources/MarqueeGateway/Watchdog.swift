import Synchronization

/// Stops requests that run past their deadline. One task looks at the requests
/// in flight every `tick` and cancels the overdue ones — cheaper per request
/// than a racing timer task each.
final class Watchdog: Sendable {
    private struct Entry {
        let deadline: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    private struct State {
        var entries: [Int: Entry] = [:]
        var next = 0
        var running = false
    }

    private let state = Mutex(State())
    private let tick: Duration

    init(tick: Duration = .milliseconds(20)) {
        self.tick = tick
    }

    /// The result of `work`, or nil when it did not finish within `limit` (it is
    /// then cancelled, and awaited).
    func run<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async -> T) async -> T? {
        let task = Task { await work() }
        let expired = Atomic<Bool>(false)
        let id = register(ContinuousClock.now + limit) {
            expired.store(true, ordering: .relaxed)
            task.cancel()
        }
        let value = await withTaskCancellationHandler { await task.value } onCancel: { task.cancel() }
        state.withLock { _ = $0.entries.removeValue(forKey: id) }
        return expired.load(ordering: .relaxed) ? nil : value
    }

    private func register(_ deadline: ContinuousClock.Instant, _ expire: @escaping @Sendable () -> Void) -> Int {
        let (id, start) = state.withLock { state -> (Int, Bool) in
            state.next += 1
            state.entries[state.next] = Entry(deadline: deadline, expire: expire)
            guard !state.running else { return (state.next, false) }
            state.running = true
            return (state.next, true)
        }
        if start { Task { await self.watch() } }
        return id
    }

    private func watch() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let overdue: [Entry]? = state.withLock { state in
                if state.entries.isEmpty {
                    state.running = false
                    return nil
                }
                var overdue: [Entry] = []
                for (id, entry) in state.entries where entry.deadline <= now {
                    overdue.append(entry)
                    state.entries[id] = nil
                }
                return overdue
            }
            guard let overdue else { return }
            for entry in overdue { entry.expire() }
        }
    }
}
