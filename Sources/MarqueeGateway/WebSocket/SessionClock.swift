import Synchronization

/// The timers of every WebSocket connection of a gateway — the init timeout,
/// keep-alives and token expiry — kept by one task, instead of two or three
/// sleeping tasks per connection. Deadlines sit in a timing wheel of `tick`
/// slots, so each tick looks only at the connections that are due.
final class SessionClock: Sendable {
    private final class Entry {
        let session: WebSocketSession
        var initDeadline: ContinuousClock.Instant?
        var nextKeepAlive: ContinuousClock.Instant
        var expiry: ContinuousClock.Instant?

        init(session: WebSocketSession, initDeadline: ContinuousClock.Instant, nextKeepAlive: ContinuousClock.Instant) {
            self.session = session
            self.initDeadline = initDeadline
            self.nextKeepAlive = nextKeepAlive
        }
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        /// Slot (ticks since `origin`) → connections with a deadline in it (maybe stale: checked when due).
        var wheel: [Int64: [ObjectIdentifier]] = [:]
        var lastSlot: Int64 = -1
        var running = false
    }

    private let state: Mutex<State>
    private let tick: Duration
    private let keepAlive: Duration
    private let origin = ContinuousClock.now

    init(keepAlive: Duration, tick: Duration = .milliseconds(100)) {
        self.keepAlive = keepAlive
        self.tick = tick
        state = Mutex(State())
    }

    /// The slot a deadline goes in: the first whose start is not before it.
    private func slot(_ instant: ContinuousClock.Instant) -> Int64 {
        Int64(((instant - origin) / tick).rounded(.up))
    }

    /// The last slot that has started by `instant` (its deadlines have all passed).
    private func passedSlot(_ instant: ContinuousClock.Instant) -> Int64 {
        Int64(((instant - origin) / tick).rounded(.down))
    }

    private func schedule(_ id: ObjectIdentifier, at instant: ContinuousClock.Instant, in state: inout State) {
        state.wheel[max(slot(instant), state.lastSlot + 1), default: []].append(id)
    }

    /// Starts timing `session`: it must send `connection_init` within `initTimeout`.
    func register(_ session: WebSocketSession, initTimeout: Duration) {
        let now = ContinuousClock.now
        let id = ObjectIdentifier(session)
        let start = state.withLock { state in
            let entry = Entry(session: session, initDeadline: now + initTimeout, nextKeepAlive: now + keepAlive)
            state.entries[id] = entry
            schedule(id, at: now + initTimeout, in: &state)
            schedule(id, at: entry.nextKeepAlive, in: &state)
            guard !state.running else { return false }
            state.running = true
            if state.lastSlot < 0 { state.lastSlot = passedSlot(now) }
            return true
        }
        if start { Task { await self.run() } }
    }

    func unregister(_ session: WebSocketSession) {
        _ = state.withLock { $0.entries.removeValue(forKey: ObjectIdentifier(session)) }
    }

    /// The client sent `connection_init`: no init timeout any more.
    func initialised(_ session: WebSocketSession) {
        state.withLock { $0.entries[ObjectIdentifier(session)]?.initDeadline = nil }
    }

    /// The session's token expires in `delay`.
    func expire(_ session: WebSocketSession, after delay: Duration) {
        let at = ContinuousClock.now + delay
        state.withLock { state in
            let id = ObjectIdentifier(session)
            guard let entry = state.entries[id] else { return }
            entry.expiry = at
            schedule(id, at: at, in: &state)
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    private enum Due {
        case initTimeout(WebSocketSession)
        case keepAlive(WebSocketSession)
        case expiry(WebSocketSession)
    }

    private func run() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let current = passedSlot(now)
            let keepAlive = keepAlive
            let due: [Due]? = state.withLock { state in
                if state.entries.isEmpty {
                    state.running = false
                    state.wheel.removeAll()
                    return nil
                }
                var due: [Due] = []
                while state.lastSlot < current {
                    state.lastSlot += 1
                    guard let ids = state.wheel.removeValue(forKey: state.lastSlot) else { continue }
                    for id in ids {
                        guard let entry = state.entries[id] else { continue }
                        if let deadline = entry.initDeadline, deadline <= now {
                            entry.initDeadline = nil
                            due.append(.initTimeout(entry.session))
                        }
                        if let expiry = entry.expiry, expiry <= now {
                            entry.expiry = nil
                            due.append(.expiry(entry.session))
                        }
                        if entry.nextKeepAlive <= now {
                            entry.nextKeepAlive = now + keepAlive
                            due.append(.keepAlive(entry.session))
                            schedule(id, at: entry.nextKeepAlive, in: &state)
                        }
                    }
                }
                return due
            }
            guard let due else { return }
            for item in due {
                switch item {
                case .initTimeout(let session): Task { await session.initTimedOut() }
                case .keepAlive(let session): Task { await session.keepAlive() }
                case .expiry(let session): Task { await session.tokenExpired() }
                }
            }
        }
    }
}
