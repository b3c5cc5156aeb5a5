import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import Synchronization

/// The gateway's cache of public entity reads: published events (with their
/// venue and ticket types, looked up by id or slug) and users' public profiles.
///
/// Entries live at most `ttl`. A change evicts them at once: the services
/// publish `entity.changed` (`event:<id>`, `user:<id>`) after every commit that
/// changes a cached entity — an event's fields, status or seats, a profile — and
/// every gateway listens; a gateway's own mutations also evict what they
/// changed before answering, so a client reads its writes. A read that started
/// before an eviction never stores its (possibly older) answer. What a caller
/// sees is the same with or without the cache: drafts are never cached, and a
/// user's profile is cached without the e-mail address, and served only to
/// callers who would not see it.
final class EntityCache: Sendable {
    private struct Entry {
        /// nil: a tombstone (evicted at `stamp`).
        var value: (any Sendable)?
        var stamp: UInt64
        var expires: ContinuousClock.Instant
        /// Past `expires`, one reader is refreshing it; the others are served this copy meanwhile.
        var refreshing = false
    }

    /// What an entry caches: a kind and an id (no string building per lookup).
    struct Key: Hashable, Sendable {
        enum Kind: UInt8, Sendable { case event, slug, user, other }
        let kind: Kind
        let id: String

        /// From an `entity.changed` payload, `<kind>:<id>`.
        init(change: String) {
            if let colon = change.firstIndex(of: ":") {
                let id = String(change[change.index(after: colon)...])
                switch change[..<colon] {
                case "event": self.init(.event, id)
                case "user": self.init(.user, id)
                default: self.init(.other, change)
                }
            } else {
                self.init(.other, change)
            }
        }

        init(_ kind: Kind, _ id: String) {
            self.kind = kind
            self.id = id
        }
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var clock: UInt64 = 0
        /// Everything older than this was evicted (`evictAll`).
        var floor: UInt64 = 0
    }

    private let state = Mutex(State())
    let ttl: Duration
    private let maxEntries: Int
    /// How long an eviction is remembered: longer than any read can take.
    private let tombstoneTTL: Duration = .seconds(120)

    init(ttl: Duration, maxEntries: Int) {
        self.ttl = ttl
        self.maxEntries = maxEntries
    }

    var isEnabled: Bool { ttl > .zero }

    /// The time a read starts at, for `store(_:_:readAt:)`.
    func now() -> UInt64 { state.withLock { $0.clock } }

    /// The cached value. Just after it expired (for `grace`), the first reader
    /// gets nil and refreshes it while the others are still served the copy —
    /// one read per entry, not a stampede of every concurrent request. (Expiry
    /// is only the safety net: a change evicts an entry at once, and evicted
    /// entries are never served.)
    func value(_ key: Key) -> (any Sendable)? {
        guard isEnabled else { return nil }
        let now = ContinuousClock.now
        return state.withLock { state in
            guard let entry = state.entries[key], let value = entry.value else { return nil }
            if entry.expires > now { return value }
            guard now < entry.expires + grace else { return nil }
            if entry.refreshing { return value }
            state.entries[key]!.refreshing = true
            return nil
        }
    }

    private var grace: Duration { min(ttl / 2, .seconds(2)) }

    /// Stores what a read that started at `readAt` found, unless `key` was evicted since.
    func store(_ key: Key, _ value: any Sendable, readAt: UInt64) {
        guard isEnabled else { return }
        let now = ContinuousClock.now
        let expires = now + ttl
        state.withLock { state in
            guard readAt >= state.floor else { return }
            if let entry = state.entries[key], entry.value == nil, entry.stamp > readAt, entry.expires > now { return }
            if state.entries.count >= maxEntries, state.entries[key] == nil { Self.trim(&state, now: now, keep: maxEntries / 2) }
            state.entries[key] = Entry(value: value, stamp: readAt, expires: expires)
        }
    }

    func evict(_ key: Key) {
        guard isEnabled else { return }
        let expires = ContinuousClock.now + tombstoneTTL
        state.withLock { state in
            state.clock += 1
            state.entries[key] = Entry(value: nil, stamp: state.clock, expires: expires)
        }
    }

    /// Forgets everything (e.g. when changes may have been missed).
    func evictAll() {
        state.withLock { state in
            state.clock += 1
            state.floor = state.clock
            state.entries.removeAll()
        }
    }

    var count: Int { state.withLock { $0.entries.count } }

    private static func trim(_ state: inout State, now: ContinuousClock.Instant, keep: Int) {
        state.entries = state.entries.filter { $0.value.expires > now }
        if state.entries.count > keep {
            // Still full of live entries: drop arbitrary ones (tombstones stay).
            var excess = state.entries.count - keep
            for (key, entry) in state.entries where excess > 0 && entry.value != nil {
                state.entries[key] = nil
                excess -= 1
            }
        }
    }

    /// Evicts what the broker says changed, until cancelled. A broker outage
    /// may lose messages: entries then expire within `ttl`.
    func follow(_ pubsub: any PubSub) async {
        guard isEnabled, let changes = try? await pubsub.subscribe(to: [Topic.entityChanged], bufferSize: 4096) else { return }
        for await change in changes {
            evict(Key(change: String(decoding: change.payload, as: UTF8.self)))
        }
    }

    // MARK: The entities

    static func eventKey(_ id: String) -> Key { Key(.event, id) }
    static func slugKey(_ slug: String) -> Key { Key(.slug, slug) }
    static func userKey(_ id: String) -> Key { Key(.user, id) }

    /// A cached event, by id.
    func event(_ id: String) -> Marquee_V1_Event? {
        value(Self.eventKey(id)) as? Marquee_V1_Event
    }

    /// A cached event, by slug (through its id: evicting the id evicts the slug).
    func event(slug: String) -> Marquee_V1_Event? {
        guard let id = value(Self.slugKey(slug)) as? String, let event = event(id), event.slug == slug else { return nil }
        return event
    }

    /// Stores an event read at `readAt` if everyone may see it (not a draft).
    func store(_ event: Marquee_V1_Event, readAt: UInt64) {
        guard event.status != .draft else { return }
        store(Self.eventKey(event.id), event, readAt: readAt)
        if !event.slug.isEmpty { store(Self.slugKey(event.slug), event.id, readAt: readAt) }
    }

    /// A cached public profile, if `caller` would see exactly that (not their own, not an admin).
    func user(_ id: String, for caller: Caller?) -> Marquee_V1_User? {
        guard caller?.userID != id, caller?.isAdmin != true else { return nil }
        return value(Self.userKey(id)) as? Marquee_V1_User
    }

    /// Stores a user's public profile (without the e-mail address).
    func store(_ user: Marquee_V1_User, readAt: UInt64) {
        var profile = user
        profile.email = ""
        store(Self.userKey(user.id), profile, readAt: readAt)
    }
}
