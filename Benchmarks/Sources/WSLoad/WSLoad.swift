import Foundation
import Logging
import MarqueeProto
import MarqueePubSub
import SwiftProtobuf
import Synchronization

/// `ws` mode: subscribers on the gateway, events through Redis.
///
/// Each subscriber is a raw SwiftNIO WebSocket client (ClientBootstrap on the
/// singleton event loop group, the HTTP/1 upgrade, then `WSSubscriber`, a
/// ChannelInboundHandler of WebSocketFrame): no task per connection or per
/// message, the same per-message cost as `PushHandler` in the `redis` mode, so
/// the two latencies compare the servers rather than the clients.
struct WSLoad {
    let options: Options
    let recorder = Recorder()
    let host: String
    let port: Int
    let uri: String

    init(_ options: Options) {
        self.options = options
        if options.url.isEmpty || options.event.isEmpty { fail("ws needs --url and --event") }
        guard let url = URLComponents(string: options.url), url.scheme == "ws" || url.scheme == "http",
              let host = url.host, !host.isEmpty else { fail("--url: not a ws://HOST:PORT/PATH URL") }
        self.host = host
        self.port = url.port ?? 80
        self.uri = (url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath)
            + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The service id inside a global id (base64 of "Event:<id>").
    static func rawEventID(_ global: String) -> String? {
        var text = global
        while text.utf8.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text),
              let decoded = String(data: data, encoding: .utf8),
              decoded.hasPrefix("Event:") else { return nil }
        return String(decoded.dropFirst("Event:".count))
    }

    func run() async {
        guard let rawID = Self.rawEventID(options.event) else { fail("--event is not an Event global id") }
        let topic = Topic.eventUpdated(eventID: rawID)
        var logger = Logger(label: "marquee-ws-load")
        logger.logLevel = .warning

        let pubsub: RedisPubSub
        do { pubsub = try RedisPubSub(url: options.redis, logger: logger) } catch { fail("redis: \(error)") }
        let broker = Task { await pubsub.run() }
        let publish: @Sendable (Int, Int64, Bool) async throws -> Void = { seq, stamp, probe in
            var event = Marquee_V1_Event()
            event.id = rawID
            event.slug = "bench"
            event.title = probe ? "probe" : "m \(seq)"
            event.description_p = String(stamp)
            event.status = .published
            event.organizerID = "bench"
            event.venue = .with {
                $0.id = "bench"
                $0.name = "Bench Hall"
                $0.address = "1 Loop Road"
                $0.city = "Localhost"
                $0.country = "NL"
            }
            event.startsAt = Google_Protobuf_Timestamp(seconds: 1_900_000_000)
            event.endsAt = Google_Protobuf_Timestamp(seconds: 1_900_007_200)
            let bytes: [UInt8] = try event.serializedBytes()
            try await pubsub.publish(bytes, to: topic)
        }

        let n = options.subscribers
        let baseline = options.serverPID.flatMap(residentKiB)
        say("gateway RSS before: \(baseline.map { "\($0) KiB" } ?? "?")")

        // 1. Ramp up: connect, connection_init, wait for the ack, subscribe; in batches.
        let rampStart = nowNanoseconds()
        let event = options.event
        let subscribeText: @Sendable (Int) -> String = { id in
            #"{"id":"\#(id)","type":"subscribe","payload":{"query":"subscription($id: ID!) { eventUpdated(id: $id) { title description } }","variables":{"id":"\#(event)"}}}"#
        }
        var started = 0
        let rampInterval = Double(options.batch) / max(1, options.rampRate)
        while started < n {
            let batchStart = nowNanoseconds()
            let count = min(options.batch, n - started)
            for _ in 0..<count {
                connect(subscribe: subscribeText)
            }
            started += count
            let deadline = nowNanoseconds() + 30_000_000_000
            while recorder.subscribed.load(ordering: .relaxed) + recorder.failed.load(ordering: .relaxed) < started,
                  nowNanoseconds() < deadline {
                await sleep(seconds: 0.01)
            }
            let pause = rampInterval - Double(nowNanoseconds() - batchStart) / 1e9
            if pause > 0 { await sleep(seconds: pause) }
            if started % max(options.batch, n / 10) == 0 || started == n {
                say("ramp: \(recorder.subscribed.load(ordering: .relaxed)) subscribed, \(recorder.failed.load(ordering: .relaxed)) failed of \(started)")
            }
        }
        let rampSeconds = Double(nowNanoseconds() - rampStart) / 1e9
        let subscribed = recorder.subscribed.load(ordering: .relaxed)
        say("ramp: \(subscribed) subscribed in \(rampSeconds.fixed(1)) s; \(recorder.retries.load(ordering: .relaxed)) subscribe errors retried so far: \(recorder.errorSummary)")

        // 2. Idle: let the gateway finish the subscriptions, then its RSS.
        await sleep(seconds: options.settleSeconds)
        let idleBeforeProbe = options.serverPID.flatMap(residentKiB)

        if options.connectOnly {
            // Only the memory of acknowledged connections without a subscription.
            let idle = options.serverPID.flatMap(residentKiB)
            let perConnection: Double? = (baseline != nil && idle != nil && subscribed > 0) ? Double(idle! - baseline!) / Double(subscribed) : nil
            say("gateway RSS with \(subscribed) acknowledged connections, no subscription: \(idle.map { "\($0) KiB" } ?? "?") -> \(perConnection.map { $0.fixed(1) } ?? "?") KiB per connection")
            broker.cancel()
            printResult(["mode": "ws-connect-only", "connections": subscribed, "rssBeforeKiB": baseline ?? NSNull(),
                         "rssIdleKiB": idle ?? NSNull(), "kibPerConnection": perConnection ?? NSNull()])
            return
        }
        // 3. Probe until every subscription delivers (a subscription is only known
        //    to be live in Redis once a message has come through it).
        let probeDeadline = nowNanoseconds() + Int64(options.readyTimeout * 1e9)
        var probeCount = 0
        while recorder.live.load(ordering: .relaxed) + recorder.gaveUp.load(ordering: .relaxed) < subscribed,
              nowNanoseconds() < probeDeadline {
            try? await publish(-1, nowNanoseconds(), true)
            probeCount += 1
            await sleep(seconds: subscribed > 2000 ? 2.0 : 0.5)
        }
        let live = recorder.live.load(ordering: .relaxed)
        say("live: \(live) of \(subscribed) after \(probeCount) probe(s); \(recorder.retries.load(ordering: .relaxed)) subscribe errors retried, \(recorder.gaveUp.load(ordering: .relaxed)) gave up")
        await sleep(seconds: options.settleSeconds)
        let idle = options.serverPID.flatMap(residentKiB)
        let perSubscriber: Double? = (baseline != nil && idle != nil && live > 0) ? Double(idle! - baseline!) / Double(live) : nil
        let open = recorder.connected.load(ordering: .relaxed) - recorder.closed.load(ordering: .relaxed)
        let perSubscriberBeforeProbe: Double? = (baseline != nil && idleBeforeProbe != nil && subscribed > 0)
            ? Double(idleBeforeProbe! - baseline!) / Double(subscribed) : nil
        say("gateway RSS idle: \(idle.map { "\($0) KiB" } ?? "?") -> \(perSubscriber.map { $0.fixed(1) } ?? "?") KiB per subscriber (before probes: \(perSubscriberBeforeProbe.map { $0.fixed(1) } ?? "?"))")

        // 4. Load: M events/s for S seconds.
        let gatewayCPU0 = options.serverPID.flatMap { cpuSeconds($0) }, redisCPU0 = options.redisPID.flatMap { cpuSeconds($0) }
        let selfCPU0 = cpuSeconds(nil)
        let closedBefore = recorder.closed.load(ordering: .relaxed)
        say("load: \(options.rate) events/s for \(options.seconds) s to \(live) subscribers (\((options.rate * Double(live)).fixed(0)) deliveries/s)")
        let sent = await publishPaced(rate: options.rate, seconds: options.seconds) { seq, stamp in
            try await publish(seq, stamp, false)
        }
        let expected = sent.sent * live
        await waitForDrain(quiet: 3, limit: 60, done: { recorder.delivered.load(ordering: .relaxed) >= expected },
                           count: { recorder.delivered.load(ordering: .relaxed) })
        let gatewayCPU1 = options.serverPID.flatMap { cpuSeconds($0) }, redisCPU1 = options.redisPID.flatMap { cpuSeconds($0) }
        let selfCPU1 = cpuSeconds(nil)
        let peak = options.serverPID.flatMap(residentKiB)

        let delivered = recorder.delivered.load(ordering: .relaxed)
        let last = recorder.lastReceive.load(ordering: .relaxed)
        let span = Double(max(last, sent.last) - sent.first) / 1e9
        let lat = recorder.latencies()
        let closedDuring = recorder.closed.load(ordering: .relaxed) - closedBefore
        let wall = span > 0 ? span : options.seconds
        func share(_ a: Double?, _ b: Double?) -> Any { (a != nil && b != nil) ? (b! - a!) / wall * 100 : NSNull() }
        say("""
            delivered \(delivered) of \(expected) (\(sent.sent) published, \(sent.failed) publish errors), \
            \((Double(delivered) / wall).fixed(0)) msg/s; latency p50 \(lat.p50.fixed(2)) ms, p99 \(lat.p99.fixed(2)) ms, \
            max \(lat.max.fixed(2)) ms; \(closedDuring) connections closed during the load
            """)
        broker.cancel()
        printResult([
            "mode": "ws", "subscribers": n, "subscribed": subscribed, "live": live,
            "failed": recorder.failed.load(ordering: .relaxed), "errors": recorder.errorSummary,
            "subscribeRetries": recorder.retries.load(ordering: .relaxed), "gaveUp": recorder.gaveUp.load(ordering: .relaxed),
            "openConnections": open, "probes": probeCount,
            "rampSeconds": rampSeconds, "rate": options.rate, "seconds": options.seconds,
            "rssBeforeKiB": baseline ?? NSNull(), "rssIdleKiB": idle ?? NSNull(),
            "rssIdleBeforeProbesKiB": idleBeforeProbe ?? NSNull(), "rssAfterLoadKiB": peak ?? NSNull(),
            "kibPerSubscriber": perSubscriber ?? NSNull(), "kibPerSubscriberBeforeProbes": perSubscriberBeforeProbe ?? NSNull(),
            "published": sent.sent, "publishErrors": sent.failed, "expected": expected, "delivered": delivered,
            "lost": max(0, expected - delivered), "deliveredPerSecond": Double(delivered) / wall, "spanSeconds": wall,
            "p50ms": nanOrNull(lat.p50), "p90ms": nanOrNull(lat.p90), "p99ms": nanOrNull(lat.p99),
            "p999ms": nanOrNull(lat.p999), "maxms": nanOrNull(lat.max), "closedDuringLoad": closedDuring,
            "gatewayCPUPercent": share(gatewayCPU0, gatewayCPU1), "redisCPUPercent": share(redisCPU0, redisCPU1),
            "clientCPUPercent": share(selfCPU0, selfCPU1),
        ])
    }

    /// One subscriber (see WSSubscriber.swift); it runs until the server closes
    /// the connection (or the process exits).
    private func connect(subscribe: @escaping @Sendable (Int) -> String) {
        connectSubscriber(host: host, port: port, uri: uri, recorder: recorder, subscribe: subscribe,
                          maxRetries: options.maxRetries, connectOnly: options.connectOnly)
    }
}

extension WSLoad {
    /// The first error message of an `error` message's payload.
    static func errorMessage(_ text: String) -> String {
        guard let range = text.range(of: #""message":""#) else { return String(text.prefix(80)) }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}

final class Flag: Sendable {
    private let state = Atomic<Bool>(false)
    func set() { state.store(true, ordering: .relaxed) }
    var value: Bool { state.load(ordering: .relaxed) }
    /// Sets the flag; true only for the first call.
    func setOnce() -> Bool { !state.exchange(true, ordering: .relaxed) }
}
