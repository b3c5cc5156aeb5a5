import Foundation
import Synchronization

struct Options: Sendable {
    var url = ""
    var event = ""
    var redis = "redis://127.0.0.1:6379"
    var subscribers = 1000
    var rate = 20.0
    var seconds = 15.0
    var batch = 100
    var rampRate = 1000.0
    var maxRetries = 20
    var connectOnly = false
    var serverPID: Int32?
    var redisPID: Int32?
    var channel = "bench"
    var holdUntilFile: String?
    var settleSeconds = 3.0
    var readyTimeout = 120.0

    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var index = 0
        func value() -> String {
            index += 1
            guard index < arguments.count else { fail("\(arguments[index - 1]) needs a value") }
            return arguments[index]
        }
        func number(_ text: String) -> Double {
            guard let value = Double(text), value >= 0 else { fail("\(arguments[index - 1]): not a number: \(text)") }
            return value
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--url": options.url = value()
            case "--event": options.event = value()
            case "--redis": options.redis = value()
            case "--subscribers": options.subscribers = Int(number(value()))
            case "--rate": options.rate = number(value())
            case "--seconds": options.seconds = number(value())
            case "--batch": options.batch = max(1, Int(number(value())))
            case "--ramp-rate": options.rampRate = number(value())
            case "--max-retries": options.maxRetries = Int(number(value()))
            case "--connect-only": options.connectOnly = true
            case "--server-pid": options.serverPID = Int32(number(value()))
            case "--redis-pid": options.redisPID = Int32(number(value()))
            case "--channel": options.channel = value()
            case "--hold-until-file": options.holdUntilFile = value()
            case "--settle": options.settleSeconds = number(value())
            case "--ready-timeout": options.readyTimeout = number(value())
            default: fail("unknown argument \(arguments[index])")
            }
            index += 1
        }
        return options
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("marquee-ws-load: \(message)\n".utf8))
    exit(2)
}

/// Unbuffered output (the script reads it while the tool runs).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// CLOCK_MONOTONIC in nanoseconds: publisher and subscribers are in this process.
@inline(__always) func nowNanoseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
}

func sleep(seconds: Double) async {
    try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1e9))
}

/// Resident memory (VmRSS) of a process in KiB, from /proc/PID/status.
func residentKiB(_ pid: Int32) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1])
    }
    return nil
}

/// User + system CPU time of a process in seconds, from /proc/PID/stat.
func cpuSeconds(_ pid: Int32?) -> Double? {
    let path = pid.map { "/proc/\($0)/stat" } ?? "/proc/self/stat"
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
          let close = text.lastIndex(of: ")") else { return nil }
    // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15.
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
    return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// What the subscribers saw. Shared by every connection's task or handler.
final class Recorder: Sendable {
    let connected = Atomic<Int>(0)       // transport up (WebSocket upgraded / TCP connected)
    let subscribed = Atomic<Int>(0)      // subscribe sent (ws) or confirmed by Redis (redis)
    let live = Atomic<Int>(0)            // received at least one message
    let failed = Atomic<Int>(0)          // could not connect or subscribe
    let closed = Atomic<Int>(0)          // closed after subscribing
    let delivered = Atomic<Int>(0)       // measured messages received
    let probes = Atomic<Int>(0)          // probe messages received
    let foreign = Atomic<Int>(0)         // other messages (redis-benchmark's PUBLISH)
    let gaveUp = Atomic<Int>(0)          // subscribe errors after the last retry
    let retries = Atomic<Int>(0)         // subscribe errors answered by subscribing again
    let lastReceive = Atomic<Int64>(0)
    private let samples = Mutex<[Int64]>([])
    private let errors = Mutex<[String: Int]>([:])

    init() {
        samples.withLock { $0.reserveCapacity(1 << 20) }
    }

    /// A measured message sent at `sent` arrived at `received`.
    func record(sent: Int64, received: Int64) {
        delivered.add(1, ordering: .relaxed)
        samples.withLock { $0.append(received - sent) }
        lastReceive.max(received, ordering: .relaxed)
    }

    func error(_ text: String) {
        errors.withLock { $0[text, default: 0] += 1 }
    }

    var errorSummary: [String: Int] { errors.withLock { $0 } }

    /// Latency percentiles in milliseconds.
    func latencies() -> (count: Int, p50: Double, p90: Double, p99: Double, p999: Double, max: Double) {
        var values = samples.withLock { $0 }
        guard !values.isEmpty else { return (0, .nan, .nan, .nan, .nan, .nan) }
        values.sort()
        func at(_ q: Double) -> Double {
            Double(values[min(values.count - 1, Int((Double(values.count) * q).rounded(.down)))]) / 1e6
        }
        return (values.count, at(0.50), at(0.90), at(0.99), at(0.999), Double(values.last!) / 1e6)
    }
}

/// Publishes `rate` messages per second for `seconds` (each made by `make`,
/// stamped with the send time), returning how many were sent and the time of
/// the first.
func publishPaced(
    rate: Double, seconds: Double, publish: @escaping @Sendable (Int, Int64) async throws -> Void
) async -> (sent: Int, failed: Int, first: Int64, last: Int64) {
    let total = max(1, Int((rate * seconds).rounded()))
    let interval = 1e9 / rate
    let start = nowNanoseconds()
    var sent = 0, failedCount = 0
    var last = start
    for k in 0..<total {
        let target = start + Int64(Double(k) * interval)
        let wait = target - nowNanoseconds()
        if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait)) }
        let stamp = nowNanoseconds()
        do {
            try await publish(k, stamp)
            sent += 1
            last = stamp
        } catch {
            failedCount += 1
        }
    }
    return (sent, failedCount, start, last)
}

/// Waits until `done()` or until `count()` stops moving for `quiet` seconds.
func waitForDrain(quiet: Double, limit: Double, done: () -> Bool, count: () -> Int) async {
    let deadline = nowNanoseconds() + Int64(limit * 1e9)
    var lastCount = count(), lastChange = nowNanoseconds()
    while !done(), nowNanoseconds() < deadline {
        await sleep(seconds: 0.05)
        let current = count()
        if current != lastCount {
            lastCount = current
            lastChange = nowNanoseconds()
        } else if Double(nowNanoseconds() - lastChange) / 1e9 > quiet {
            return
        }
    }
}

/// Finds `key` in `bytes` from `from`; returns the index just past it.
@inline(__always) func find(_ key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
    let n = bytes.count, m = key.count
    guard m > 0, n >= m else { return nil }
    var i = from
    let first = key[0]
    while i <= n - m {
        if bytes[i] == first {
            var j = 1
            while j < m, bytes[i + j] == key[j] { j += 1 }
            if j == m { return i + m }
        }
        i += 1
    }
    return nil
}

/// The decimal number at `index` (stops at the first non-digit).
@inline(__always) func decimal(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int64? {
    var i = index, value: Int64 = 0
    while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
        value = value &* 10 &+ Int64(bytes[i] - 48)
        i += 1
    }
    return i > index ? value : nil
}

extension Double {
    func fixed(_ digits: Int) -> String { String(format: "%.\(digits)f", self) }
}

/// One JSON object, printed as `RESULT {…}` on the last line.
func printResult(_ fields: [String: Any]) {
    let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
    say("RESULT " + String(decoding: data, as: UTF8.self))
}

func nanOrNull(_ value: Double) -> Any { value.isNaN ? NSNull() : value }
