import MarqueeGraphQL
import MarqueePubSub
import MarqueeRPC
import NIOCore
import Synchronization

/// Fans the broker's messages out to a gateway's WebSocket subscribers.
///
/// One broker subscription per topic, however many clients watch it. The
/// subscribers of a topic are grouped by what they asked (document, operation,
/// variables) and who asked (the caller's id and roles, which decide what the
/// services let them see): each message is decoded once per topic, executed once
/// per group, serialised once, and the same bytes are written to every member's
/// socket — in one batch per event loop. A member whose queue is full is told
/// (`overflow`) and dropped from nothing else; the others are not delayed.
final class SubscriptionHub: Sendable {
    /// One subscription of one connection (a class: the fan-out copies references, not its fields).
    final class Subscriber: Sendable {
        let writer: SocketWriter
        /// `{"id":"…","type":"next","payload":` (or `"data"` for the legacy protocol).
        let prefix: [UInt8]
        /// Its call: the caller and the token resolvers forward to the services.
        let call: CallContext
        /// Its queue was full: the connection should close with 1013.
        let overflow: @Sendable () -> Void
        /// The topic's stream ended: the subscription is complete.
        let ended: @Sendable () -> Void

        init(writer: SocketWriter, prefix: [UInt8], call: CallContext, overflow: @escaping @Sendable () -> Void,
             ended: @escaping @Sendable () -> Void) {
            self.writer = writer
            self.prefix = prefix
            self.call = call
            self.overflow = overflow
            self.ended = ended
        }
    }

    /// What identifies a registration, to remove it.
    struct Registration: Sendable, Hashable {
        let topic: String
        let group: String
        let id: Int
    }

    private struct Group {
        let source: SubscriptionSource
        var members: [Int: Subscriber] = [:]
        var snapshot: [Subscriber]?
    }

    private struct Feed {
        var groups: [String: Group] = [:]
        var count = 0
        let ready: Task<PubSubSubscription, any Error>
        var reader: Task<Void, Never>?
    }

    private let pubsub: any PubSub
    private let clients: ServiceClients
    private let cache: EntityCache
    private let feeds = Mutex<[String: Feed]>([:])
    private let nextID = Atomic<Int>(0)
    private let bufferSize: Int

    init(pubsub: any PubSub, clients: ServiceClients, cache: EntityCache, bufferSize: Int = 256) {
        self.pubsub = pubsub
        self.clients = clients
        self.cache = cache
        self.bufferSize = bufferSize
    }

    /// Adds `subscriber` to `topic` in `group` (its source is used for the
    /// group's executions when it is the first). Returns once the topic is
    /// subscribed in the broker; throws when the broker refuses.
    func add(_ subscriber: Subscriber, to events: TopicEvents, group: String, source: SubscriptionSource) async throws -> Registration {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let registration = Registration(topic: events.topic, group: group, id: id)
        let (ready, isNew) = feeds.withLock { feeds -> (Task<PubSubSubscription, any Error>, Bool) in
            var isNew = false
            if feeds[events.topic] == nil {
                let pubsub = pubsub, topic = events.topic, size = bufferSize
                feeds[events.topic] = Feed(ready: Task { try await pubsub.subscribe(to: [topic], bufferSize: size) })
                isNew = true
            }
            feeds[events.topic]!.groups[group, default: Group(source: source)].members[id] = subscriber
            feeds[events.topic]!.groups[group]!.snapshot = nil
            feeds[events.topic]!.count += 1
            return (feeds[events.topic]!.ready, isNew)
        }
        if isNew {
            let reader = Task { await self.read(events, ready) }
            feeds.withLock { $0[events.topic]?.reader = reader }
        }
        do {
            _ = try await ready.value
        } catch {
            remove(registration)
            throw error
        }
        return registration
    }

    /// Removes a subscription; the topic's broker subscription ends with its last one.
    func remove(_ registration: Registration) {
        // Mutated in place: copying a feed out would copy its members (O(n) per removal).
        let ended: Feed? = feeds.withLock { feeds in
            guard feeds[registration.topic]?.groups[registration.group]?.members.removeValue(forKey: registration.id) != nil else {
                return nil
            }
            feeds[registration.topic]!.count -= 1
            if feeds[registration.topic]!.groups[registration.group]!.members.isEmpty {
                feeds[registration.topic]!.groups[registration.group] = nil
            } else {
                feeds[registration.topic]!.groups[registration.group]!.snapshot = nil
            }
            return feeds[registration.topic]!.count == 0 ? feeds.removeValue(forKey: registration.topic) : nil
        }
        if let ended {
            ended.reader?.cancel()
            ended.ready.cancel()
        }
    }

    /// Live subscriptions and broker topics (for tests and metrics).
    var counts: (subscriptions: Int, topics: Int) {
        feeds.withLock { feeds in (feeds.values.reduce(0) { $0 + $1.count }, feeds.count) }
    }

    private func read(_ events: TopicEvents, _ ready: Task<PubSubSubscription, any Error>) async {
        guard let messages = try? await ready.value else { return }
        for await message in messages {
            guard let event = events.decode(message.payload) else { continue }
            let groups = feeds.withLock { feeds -> [(SubscriptionSource, [Subscriber])] in
                guard let keys = feeds[events.topic]?.groups.keys else { return [] }
                var groups: [(SubscriptionSource, [Subscriber])] = []
                for key in Array(keys) {
                    if let snapshot = feeds[events.topic]!.groups[key]!.snapshot {
                        groups.append((feeds[events.topic]!.groups[key]!.source, snapshot))
                    } else {
                        let snapshot = Array(feeds[events.topic]!.groups[key]!.members.values)
                        feeds[events.topic]!.groups[key]!.snapshot = snapshot
                        groups.append((feeds[events.topic]!.groups[key]!.source, snapshot))
                    }
                }
                return groups
            }
            if groups.count == 1 {
                await deliver(event, to: groups[0].1, of: groups[0].0)
            } else {
                await withTaskGroup(of: Void.self) { tasks in
                    for (source, members) in groups {
                        tasks.addTask { await self.deliver(event, to: members, of: source) }
                    }
                }
            }
        }
        // The broker ended the stream (shut down): every subscription of the topic is complete.
        let members = feeds.withLock { feeds in
            let members = feeds[events.topic]?.groups.values.flatMap { $0.members.values } ?? []
            feeds[events.topic] = nil
            return members
        }
        for member in members { member.ended() }
    }

    /// Executes the group's selection once for `event` and writes the result to every member.
    private func deliver(_ event: any Sendable, to members: [Subscriber], of source: SubscriptionSource) async {
        guard let first = members.first else { return }
        // Members whose token expired (and whose operation did not need one) see what an anonymous caller sees.
        var signedIn = members, expired: [Subscriber] = []
        if first.call.caller != nil {
            signedIn = []
            for member in members {
                if member.call.revocable != nil, member.call.currentToken == nil { expired.append(member) } else { signedIn.append(member) }
            }
        }
        for (call, group) in [(signedIn.first?.call, signedIn), (expired.first.map(\.call).map(Self.anonymous), expired)] {
            guard let call, !group.isEmpty else { continue }
            let state = RequestState(call: call, clients: clients, cache: cache)
            let response = await CallContext.$current.withValue(call) { await source.execute(event: event, context: state) }
            var writer = JSONWriter(capacity: 512)
            writer.write(response.json)
            write(writer.bytes, to: group)
        }
    }

    private static func anonymous(_ call: CallContext) -> CallContext {
        var anonymous = call
        anonymous.caller = nil
        anonymous.bearerToken = nil
        anonymous.revocable = nil
        return anonymous
    }

    private static let suffix: [UInt8] = Array("}".utf8)

    /// The same payload to every member: one task per event loop writes and flushes its members' frames.
    private func write(_ payload: [UInt8], to members: [Subscriber]) {
        var byLoop: [ObjectIdentifier: (loop: any EventLoop, members: [Subscriber])] = [:]
        for member in members {
            guard member.writer.reserve() else {
                member.overflow()
                continue
            }
            let loop = member.writer.eventLoop
            byLoop[ObjectIdentifier(loop), default: (loop, [])].members.append(member)
        }
        for (_, batch) in byLoop {
            let members = batch.members
            batch.loop.execute {
                for member in members {
                    member.writer.write(member.prefix, payload, Self.suffix)
                    member.writer.flush()
                }
            }
        }
    }
}
