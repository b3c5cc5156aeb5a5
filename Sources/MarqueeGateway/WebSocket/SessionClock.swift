import Synchronization

/// The timers of every WebSocket connection of a gateway — the init timeout,
/// keep-alives and token expiry — kept by one task that looks at them every
/// `tick`, instead of two or three sleeping tasks per connection.
final class SessionClock: Sendable {
    private struct Entry {
        let session: WebSocketSession
        var initDeadline: ContinuousClock.Instant?
        var nextKeepAlive: ContinuousClock.Instant
        var expiry: ContinuousClock.Instant?
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var running = false
    }

    private let state = Mutex(State())
    private let tick: Duration
    private let keepAlive: Duration

    init(keepAlive: Duration, tick: Duration = .milliseconds(100)) {
        self.keepAlive = keepAlive
        self.tick = tick
    }

    /// Starts timing `session`: it must send `connection_init` within `initTimeout`.
    func register(_ session: WebSocketSession, initTimeout: Duration) {
        let now = ContinuousClock.now
        let start = state.withLock { state in
            state.entries[ObjectIdentifier(session)] = Entry(
                session: session, initDeadline: now + initTimeout, nextKeepAlive: now + keepAlive, expiry: nil)
            guard !state.running else { return false }
            state.running = true
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
        state.withLock { $0.entries[ObjectIdentifier(session)]?.expiry = ContinuousClock.now + delay }
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
            let keepAlive = keepAlive
            let due: [Due]? = state.withLock { state in
                if state.entries.isEmpty {
                    state.running = false
                    return nil
                }
                // Look first, change after: changing the table while iterating it would copy it.
                var due: [Due] = []
                var changed: [(ObjectIdentifier, Entry)] = []
                for (key, entry) in state.entries {
                    var entry = entry
                    var touched = false
                    if let deadline = entry.initDeadline, deadline <= now {
                        entry.initDeadline = nil
                        due.append(.initTimeout(entry.session))
                        touched = true
                    }
                    if let expiry = entry.expiry, expiry <= now {
                        entry.expiry = nil
                        due.append(.expiry(entry.session))
                        touched = true
                    }
                    if entry.nextKeepAlive <= now {
                        entry.nextKeepAlive = now + keepAlive
                        due.append(.keepAlive(entry.session))
                        touched = true
                    }
                    if touched { changed.append((key, entry)) }
                }
                for (key, entry) in changed { state.entries[key] = entry }
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
