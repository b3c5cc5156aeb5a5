#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic nanoseconds.
@inline(__always)
func nowNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// Process CPU time (all threads), nanoseconds.
func cpuNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// One measured configuration, printed as a JSON line (the schema rpc_peer.py
/// prints too; scripts/bench-rpc reads both).
struct Measurement: Sendable {
    var impl = "swift"
    var bench: String
    var variant: String
    var inflight: Int
    var calls: Int
    var errors: Int
    var seconds: Double
    var cpuSeconds: Double
    var p50Micros: Double
    var p99Micros: Double
    var firstError: String?

    var rate: Double { seconds > 0 ? Double(calls) / seconds : 0 }

    var json: String {
        func q(_ s: String) -> String {
            var out = "\""
            for ch in s.unicodeScalars {
                switch ch {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: if ch.value < 0x20 { out += " " } else { out.unicodeScalars.append(ch) }
                }
            }
            return out + "\""
        }
        var fields = [
            "\"impl\": \(q(impl))", "\"bench\": \(q(bench))", "\"variant\": \(q(variant))",
            "\"inflight\": \(inflight)", "\"calls\": \(calls)", "\"errors\": \(errors)",
            "\"seconds\": \(seconds)", "\"cpu_seconds\": \(cpuSeconds)", "\"rate\": \(rate)",
            "\"p50_us\": \(p50Micros)", "\"p99_us\": \(p99Micros)",
        ]
        if let firstError { fields.append("\"first_error\": \(q(firstError))") }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    var line: String {
        let r = Int(rate.rounded())
        var s = "\(bench) [\(variant)] in flight \(inflight): \(r) calls/s, p50 \(fmt(p50Micros)) µs, p99 \(fmt(p99Micros)) µs"
        s += ", CPU \(fmt(cpuSeconds / max(seconds, 1e-9) * 100))%, \(calls) calls in \(fmt(seconds)) s"
        if errors > 0 { s += ", \(errors) ERRORS (first: \(firstError ?? "?"))" }
        return s
    }
}

func fmt(_ value: Double) -> String {
    if value >= 100 { return String(Int(value.rounded())) }
    let scaled = (value * 10).rounded() / 10
    return String(scaled)
}

/// A call under test: `worker` (0..<inflight) and `sequence` (distinct per call
/// within a run, across warm-up and measurement) let callers make unique keys.
typealias Call = @Sendable (_ worker: Int, _ sequence: Int) async throws -> Void

private struct WorkerResult: Sendable {
    var latencies: [UInt64]
    var errors: Int
    var firstError: String?
}

/// Runs `inflight` workers, each calling `call` back to back until `seconds`
/// have passed (a closed loop: exactly `inflight` calls outstanding).
private func phase(inflight: Int, seconds: Double, sequenceBase: Int, _ call: @escaping Call) async -> (WorkerResult, UInt64, UInt64) {
    let start = nowNanos()
    let cpuStart = cpuNanos()
    let end = start + UInt64(seconds * 1e9)
    let merged = await withTaskGroup(of: WorkerResult.self) { group in
        for worker in 0..<inflight {
            group.addTask {
                var result = WorkerResult(latencies: [], errors: 0, firstError: nil)
                result.latencies.reserveCapacity(1 << 14)
                var sequence = sequenceBase + worker * 10_000_000
                while true {
                    let t0 = nowNanos()
                    if t0 >= end { break }
                    do {
                        try await call(worker, sequence)
                    } catch {
                        result.errors += 1
                        if result.firstError == nil { result.firstError = String(describing: error) }
                    }
                    result.latencies.append(nowNanos() - t0)
                    sequence += 1
                }
                return result
            }
        }
        var all = WorkerResult(latencies: [], errors: 0, firstError: nil)
        for await result in group {
            all.latencies += result.latencies
            all.errors += result.errors
            if all.firstError == nil { all.firstError = result.firstError }
        }
        return all
    }
    return (merged, nowNanos() - start, cpuNanos() - cpuStart)
}

/// utime + stime of another process (/proc/PID/stat), nanoseconds; 0 if unreadable.
func processCPUNanos(_ pid: Int32) -> UInt64 {
    guard let file = fopen("/proc/\(pid)/stat", "r") else { return 0 }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 4096)
    guard fgets(&buffer, Int32(buffer.count), file) != nil else { return 0 }
    let text = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return 0 }
    let fields = text[text.index(after: close)...].split(separator: " ")
    // After the command: state is field 3, utime 14, stime 15 (1-based over the whole line).
    guard fields.count > 12, let user = UInt64(fields[11]), let system = UInt64(fields[12]) else { return 0 }
    let ticks = UInt64(sysconf(Int32(_SC_CLK_TCK)))
    return (user + system) * 1_000_000_000 / max(ticks, 1)
}

/// utime + stime of every process whose command name (/proc/PID/comm) is `name`, nanoseconds.
func processesCPUNanos(named name: String) -> UInt64 {
    guard let dir = opendir("/proc") else { return 0 }
    defer { closedir(dir) }
    var total: UInt64 = 0
    while let entry = readdir(dir) {
        let pidText = withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        guard let pid = Int32(pidText), let file = fopen("/proc/\(pid)/comm", "r") else { continue }
        var buffer = [CChar](repeating: 0, count: 64)
        let read = fgets(&buffer, Int32(buffer.count), file) != nil
        fclose(file)
        guard read else { continue }
        let comm = String(decoding: buffer.prefix(while: { $0 != 0 && $0 != 10 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if comm == name { total += processCPUNanos(pid) }
    }
    return total
}

/// Warm-up, then the measured phase. `otherCPU`: CPU time of other processes
/// taking part (a server process, PostgreSQL), counted in the CPU column too.
func measure(
    bench: String, variant: String, inflight: Int, warmup: Double, seconds: Double,
    otherCPU: (@Sendable () -> UInt64)? = nil, _ call: @escaping Call
) async -> Measurement {
    if warmup > 0 { _ = await phase(inflight: inflight, seconds: warmup, sequenceBase: 0, call) }
    let otherBefore = otherCPU?() ?? 0
    var (result, elapsed, cpu) = await phase(inflight: inflight, seconds: seconds, sequenceBase: 5_000_000, call)
    let otherAfter = otherCPU?() ?? 0
    cpu += otherAfter >= otherBefore ? otherAfter - otherBefore : 0
    var latencies = result.latencies
    latencies.sort()
    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let index = min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.down)))
        return Double(latencies[index]) / 1000
    }
    return Measurement(
        bench: bench, variant: variant, inflight: inflight, calls: latencies.count - result.errors, errors: result.errors,
        seconds: Double(elapsed) / 1e9, cpuSeconds: Double(cpu) / 1e9,
        p50Micros: percentile(0.50), p99Micros: percentile(0.99), firstError: result.firstError)
}
