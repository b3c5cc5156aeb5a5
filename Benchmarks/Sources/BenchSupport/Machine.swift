import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resident memory as Linux reports it in /proc/self/status (kB).
public enum ProcMemory {
    public struct Snapshot: Sendable {
        /// Current resident set size.
        public let rssKB: Int
        /// Peak resident set size since start or since the last `resetPeak()`.
        public let peakKB: Int
    }

    public static func read() -> Snapshot? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        var rss: Int?, hwm: Int?
        for line in status.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") { rss = kB(line) }
            if line.hasPrefix("VmHWM:") { hwm = kB(line) }
        }
        guard let rss, let hwm else { return nil }
        return Snapshot(rssKB: rss, peakKB: hwm)
    }

    private static func kB(_ line: Substring) -> Int? {
        Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    /// Returns freed heap pages to the system (glibc `malloc_trim(0)`), so that
    /// the RSS after setup counts live data only and memory freed during setup
    /// cannot silently absorb the operation's allocations.
    public static func trimHeap() {
        #if canImport(Glibc)
        // malloc.h is not in Glibc's module map: look the symbol up.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
    }

    /// Resets VmHWM to the current RSS (writing 5 to /proc/self/clear_refs).
    @discardableResult
    public static func resetPeak() -> Bool {
        let fd = open("/proc/self/clear_refs", O_WRONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var five: UInt8 = UInt8(ascii: "5")
        return write(fd, &five, 1) == 1
    }
}

/// What the numbers were measured on.
public enum Machine {
    public static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "n/a"
    }

    public static func description() -> String {
        var lines: [String] = []
        var u = utsname()
        uname(&u)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
        }
        lines.append("host: \(field(u.sysname)) \(field(u.release)) \(field(u.machine))")
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        if let model = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) {
            lines.append("cpu: \(model.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?")")
        }
        lines.append("nproc: \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) online (ProcessInfo.activeProcessorCount \(ProcessInfo.processInfo.activeProcessorCount))")
        let memTotal = ProcessInfo.processInfo.physicalMemory / (1024 * 1024 * 1024)
        lines.append("memory: \(memTotal) GiB")
        lines.append("load average (/proc/loadavg): \(loadAverage())")
        #if DEBUG
        lines.append("build: DEBUG (numbers are not meaningful; build with -c release)")
        #else
        lines.append("build: release")
        #endif
        return lines.joined(separator: "\n")
    }
}
