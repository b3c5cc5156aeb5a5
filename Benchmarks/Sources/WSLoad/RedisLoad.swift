import Foundation
import Logging
import MarqueePubSub
import NIOCore
import NIOPosix

/// `redis` mode: N plain Redis subscriber connections on one channel, the same
/// paced publisher (RedisPubSub) and the same latency measurement as `ws`.
/// Payload: "m <ns>" (measured) or "p <ns>" (probe); anything else is foreign.
struct RedisLoad {
    let options: Options
    let recorder = Recorder()

    init(_ options: Options) { self.options = options }

    func run() async {
        guard let url = URL(string: options.redis), let host = url.host else { fail("--redis: not a redis:// URL") }
        let port = url.port ?? 6379
        var logger = Logger(label: "marquee-ws-load")
        logger.logLevel = .warning
        let pubsub: RedisPubSub
        do { pubsub = try RedisPubSub(url: options.redis, logger: logger) } catch { fail("redis: \(error)") }
        let broker = Task { await pubsub.run() }
        let channelName = options.channel
        let publish: @Sendable (Int64, Bool) async throws -> Void = { stamp, probe in
            try await pubsub.publish(Array("\(probe ? "p" : "m") \(stamp)".utf8), to: channelName)
        }

        let n = options.subscribers
        let baseline = options.serverPID.flatMap(residentKiB)
        let recorder = recorder
        let command = ByteBuffer(string: "SUBSCRIBE \(channelName)\r\n")
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(PushHandler(recorder: recorder))
                }
            }
        var channels: [any Channel] = []
        channels.reserveCapacity(n)
        let rampStart = nowNanoseconds()
        var started = 0
        while started < n {
            let count = min(options.batch, n - started)
            let futures = (0..<count).map { _ in bootstrap.connect(host: host, port: port) }
            for future in futures {
                do {
                    let channel = try await future.get()
                    recorder.connected.add(1, ordering: .relaxed)
                    channel.writeAndFlush(command, promise: nil)
                    channels.append(channel)
                } catch {
                    recorder.failed.add(1, ordering: .relaxed)
                    recorder.error("\(error)")
                }
            }
            started += count
            let deadline = nowNanoseconds() + 30_000_000_000
            while recorder.subscribed.load(ordering: .relaxed) + recorder.failed.load(ordering: .relaxed) < started,
                  nowNanoseconds() < deadline {
                await sleep(seconds: 0.01)
            }
        }
        let rampSeconds = Double(nowNanoseconds() - rampStart) / 1e9
        let subscribed = recorder.subscribed.load(ordering: .relaxed)
        say("ramp: \(subscribed) Redis subscribers in \(rampSeconds.fixed(1)) s; errors \(recorder.errorSummary)")
        await sleep(seconds: options.settleSeconds)
        // Redis confirms each SUBSCRIBE, but probe anyway, as in `ws`.
        let probeDeadline = nowNanoseconds() + Int64(options.readyTimeout * 1e9)
        while recorder.live.load(ordering: .relaxed) < subscribed, nowNanoseconds() < probeDeadline {
            try? await publish(nowNanoseconds(), true)
            await sleep(seconds: 0.5)
        }
        let live = recorder.live.load(ordering: .relaxed)
        let idle = options.serverPID.flatMap(residentKiB)
        let perSubscriber: Double? = (baseline != nil && idle != nil && live > 0) ? Double(idle! - baseline!) / Double(live) : nil

        let serverCPU0 = options.serverPID.flatMap { cpuSeconds($0) }, selfCPU0 = cpuSeconds(nil)
        say("load: \(options.rate) messages/s for \(options.seconds) s to \(live) Redis subscribers")
        let sent = await publishPaced(rate: options.rate, seconds: options.seconds) { _, stamp in
            try await publish(stamp, false)
        }
        let expected = sent.sent * live
        await waitForDrain(quiet: 3, limit: 60, done: { recorder.delivered.load(ordering: .relaxed) >= expected },
                           count: { recorder.delivered.load(ordering: .relaxed) })
        let serverCPU1 = options.serverPID.flatMap { cpuSeconds($0) }, selfCPU1 = cpuSeconds(nil)
        let delivered = recorder.delivered.load(ordering: .relaxed)
        let span = Double(max(recorder.lastReceive.load(ordering: .relaxed), sent.last) - sent.first) / 1e9
        let wall = span > 0 ? span : options.seconds
        let lat = recorder.latencies()
        func share(_ a: Double?, _ b: Double?) -> Any { (a != nil && b != nil) ? (b! - a!) / wall * 100 : NSNull() }
        say("""
            delivered \(delivered) of \(expected), \((Double(delivered) / wall).fixed(0)) msg/s; \
            latency p50 \(lat.p50.fixed(3)) ms, p99 \(lat.p99.fixed(3)) ms, max \(lat.max.fixed(3)) ms
            """)
        var result: [String: Any] = [
            "mode": "redis", "subscribers": n, "subscribed": subscribed, "live": live,
            "failed": recorder.failed.load(ordering: .relaxed), "errors": recorder.errorSummary,
            "rampSeconds": rampSeconds, "rate": options.rate, "seconds": options.seconds,
            "redisRssBeforeKiB": baseline ?? NSNull(), "redisRssIdleKiB": idle ?? NSNull(),
            "redisKiBPerSubscriber": perSubscriber ?? NSNull(),
            "published": sent.sent, "publishErrors": sent.failed, "expected": expected, "delivered": delivered,
            "lost": max(0, expected - delivered), "deliveredPerSecond": Double(delivered) / wall, "spanSeconds": wall,
            "p50ms": nanOrNull(lat.p50), "p90ms": nanOrNull(lat.p90), "p99ms": nanOrNull(lat.p99),
            "p999ms": nanOrNull(lat.p999), "maxms": nanOrNull(lat.max),
            "redisCPUPercent": share(serverCPU0, serverCPU1), "clientCPUPercent": share(selfCPU0, selfCPU1),
        ]

        // Keep reading while scripts/bench-ws runs redis-benchmark PUBLISH on the channel.
        if let hold = options.holdUntilFile {
            let foreign0 = recorder.foreign.load(ordering: .relaxed)
            let start = nowNanoseconds()
            say("HOLDING \(live) subscribers on \(channelName)")
            let deadline = start + 900_000_000_000
            while !FileManager.default.fileExists(atPath: hold), nowNanoseconds() < deadline {
                await sleep(seconds: 0.1)
            }
            let received = recorder.foreign.load(ordering: .relaxed) - foreign0
            result["heldSeconds"] = Double(nowNanoseconds() - start) / 1e9
            result["foreignReceived"] = received
            say("held: \(received) other messages received")
        }
        for channel in channels { channel.close(promise: nil) }
        broker.cancel()
        printResult(result)
    }
}

/// Reads Redis push replies (`*3 $7 message $<channel> $<payload>`) and the
/// subscribe confirmations (`*3 $9 subscribe $<channel> :<count>`).
final class PushHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let recorder: Recorder
    private var buffer: ByteBuffer?
    private var seen = false

    init(recorder: Recorder) { self.recorder = recorder }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        let received = nowNanoseconds()
        if buffer == nil {
            buffer = incoming
        } else {
            buffer!.writeBuffer(&incoming)
        }
        while let consumed = parseOne(received: received) {
            buffer!.moveReaderIndex(forwardBy: consumed)
        }
        if buffer!.readableBytes == 0 {
            buffer = nil
        } else if buffer!.readerIndex > 65536 {
            buffer!.discardReadBytes()
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        recorder.closed.add(1, ordering: .relaxed)
        context.fireChannelInactive()
    }

    /// Parses one complete reply at the reader index; returns its length or nil.
    private func parseOne(received: Int64) -> Int? {
        guard let buffer else { return nil }
        return buffer.readableBytesView.withContiguousStorageIfAvailable { bytes -> Int? in
            var i = 0
            func line() -> (start: Int, end: Int)? {
                let start = i
                while i + 1 < bytes.count {
                    if bytes[i] == 13, bytes[i + 1] == 10 {
                        let end = i
                        i += 2
                        return (start, end)
                    }
                    i += 1
                }
                return nil
            }
            func integer(_ range: (start: Int, end: Int)) -> Int {
                var value = 0, negative = false
                for k in range.start..<range.end {
                    if bytes[k] == 45 { negative = true } else { value = value * 10 + Int(bytes[k] - 48) }
                }
                return negative ? -value : value
            }
            guard let header = line(), bytes[header.start] == UInt8(ascii: "*") else { return nil }
            let count = integer((header.start + 1, header.end))
            var elements: [(start: Int, end: Int)] = []
            for _ in 0..<max(0, count) {
                guard let head = line() else { return nil }
                switch bytes[head.start] {
                case UInt8(ascii: "$"):
                    let length = integer((head.start + 1, head.end))
                    guard i + length + 2 <= bytes.count else { return nil }
                    elements.append((i, i + length))
                    i += length + 2
                default:
                    elements.append((head.start + 1, head.end))
                }
            }
            guard elements.count == 3 else { return i }
            let kind = elements[0]
            if kind.end - kind.start == 9, bytes[kind.start] == UInt8(ascii: "s") {
                recorder.subscribed.add(1, ordering: .relaxed)
            } else if kind.end - kind.start == 7, bytes[kind.start] == UInt8(ascii: "m") {
                if !seen {
                    seen = true
                    recorder.live.add(1, ordering: .relaxed)
                }
                let payload = elements[2]
                if payload.end - payload.start > 2, bytes[payload.start + 1] == UInt8(ascii: " ") {
                    if bytes[payload.start] == UInt8(ascii: "m"), let sent = decimal(in: bytes, at: payload.start + 2) {
                        recorder.record(sent: sent, received: received)
                    } else {
                        recorder.probes.add(1, ordering: .relaxed)
                    }
                } else {
                    recorder.foreign.add(1, ordering: .relaxed)
                }
            }
            return i
        } ?? nil
    }
}
