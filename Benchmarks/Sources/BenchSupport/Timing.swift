#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never)
public func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Monotonic wall clock, in seconds.
@inline(__always)
public func wallSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU time of the whole process (all threads, user + system), in seconds.
@inline(__always)
public func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
    return user + system
}

/// Median, min and max of the per-sample µs/op.
public struct Stats: Sendable {
    public let median: Double
    public let min: Double
    public let max: Double

    public init(_ values: [Double]) {
        let sorted = values.sorted()
        precondition(!sorted.isEmpty)
        let n = sorted.count
        median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        min = sorted[0]
        max = sorted[n - 1]
    }
}

/// One phase of one query on one engine: µs per operation, wall and CPU.
public struct PhaseTiming: Sendable {
    public let wall: Stats
    public let cpu: Stats
    public let iterations: Int
    public let samples: Int
}

public struct TimingOptions: Sendable {
    public var secondsPerSample: Double = 1.0
    public var samples: Int = 5
    /// Warm-up time before calibration, as a fraction of a sample.
    public var warmupFraction: Double = 0.25

    public init() {}
}

/// Warms up, calibrates the iteration count so one sample lasts about
/// `secondsPerSample`, then takes `samples` samples (README's method).
public func measure(_ options: TimingOptions, _ op: () async throws -> Void) async throws -> PhaseTiming {
    // Warm-up: at least two runs, at least warmupFraction of a sample.
    let warmupBudget = options.secondsPerSample * options.warmupFraction
    var runs = 0
    let warmStart = wallSeconds()
    var elapsed = 0.0
    repeat {
        try await op()
        runs += 1
        elapsed = wallSeconds() - warmStart
    } while runs < 2 || elapsed < warmupBudget
    // Calibration: time a batch sized from the warm-up estimate.
    var perOp = elapsed / Double(runs)
    let probe = max(1, Int((options.secondsPerSample * 0.1) / perOp))
    let probeStart = wallSeconds()
    for _ in 0..<probe { try await op() }
    perOp = (wallSeconds() - probeStart) / Double(probe)
    let iterations = max(1, Int((options.secondsPerSample / perOp).rounded()))

    var wall: [Double] = []
    var cpu: [Double] = []
    for _ in 0..<options.samples {
        let c0 = cpuSeconds()
        let w0 = wallSeconds()
        for _ in 0..<iterations { try await op() }
        let w1 = wallSeconds()
        let c1 = cpuSeconds()
        wall.append((w1 - w0) * 1e6 / Double(iterations))
        cpu.append((c1 - c0) * 1e6 / Double(iterations))
    }
    return PhaseTiming(wall: Stats(wall), cpu: Stats(cpu), iterations: iterations, samples: options.samples)
}
