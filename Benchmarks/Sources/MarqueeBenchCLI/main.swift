// marquee-bench: Marquee's GraphQL engine against GraphQLSwift/GraphQL 4.3.0 on
// the shared fixture. See Benchmarks/README.md.
//
//   marquee-bench run [--fixture PATH] [--queries small,large,...] [--engines marquee,graphqlswift]
//                     [--seconds-per-sample 1] [--samples 5] [--no-memory]
//   marquee-bench memory --engine marquee|graphqlswift --query NAME [--phase execute|full] [--runs 5] [--fixture PATH]
//   marquee-bench check [--fixture PATH] [--queries ...]
//   marquee-bench loop --engine E --query NAME --phase PHASE [--seconds 5]   (for perf record)

import BenchSupport
import Foundation
import PeerAdapter
#if !PEER_ONLY
import MarqueeAdapter
#endif

#if PEER_ONLY
let marqueeBuilt = false
#else
let marqueeBuilt = true
#endif

struct UsageError: Error, CustomStringConvertible {
    let description: String
}

let usage = """
    usage:
      marquee-bench run [--fixture PATH] [--queries small,large,introspection,deep,variables]
                        [--engines marquee,graphqlswift] [--seconds-per-sample 1] [--samples 5] [--no-memory]
      marquee-bench memory --engine marquee|graphqlswift --query NAME [--phase execute|full] [--runs 5] [--fixture PATH]
      marquee-bench check [--fixture PATH] [--queries ...] [--engines ...]
      marquee-bench loop --engine E --query NAME --phase PHASE [--seconds 5]   (one phase in a loop, for a profiler)
    The fixture defaults to $MARQUEE_BENCH_FIXTURE or ../shared/bench.
    """

struct Options {
    var command = "run"
    var fixture = ProcessInfo.processInfo.environment["MARQUEE_BENCH_FIXTURE"] ?? "../shared/bench"
    var queries = Fixture.queryNames
    var engines = ["marquee", "graphqlswift"]
    var timing = TimingOptions()
    var memory = true
    var engine: String?
    var query: String?
    var phase = PhaseName.execute
    var runs = 5
    var seconds = 5.0

    init(_ arguments: [String]) throws {
        var args = arguments[...]
        if let first = args.first, !first.hasPrefix("-") {
            command = first
            args = args.dropFirst()
        }
        func value(_ flag: String) throws -> String {
            guard let v = args.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            return v
        }
        func list(_ s: String) -> [String] { s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        while let arg = args.popFirst() {
            switch arg {
            case "--fixture": fixture = try value(arg)
            case "--queries": queries = list(try value(arg))
            case "--engines": engines = list(try value(arg))
            case "--seconds-per-sample":
                guard let s = Double(try value(arg)), s > 0 else { throw UsageError(description: "bad \(arg)") }
                timing.secondsPerSample = s
            case "--samples":
                guard let n = Int(try value(arg)), n > 0 else { throw UsageError(description: "bad \(arg)") }
                timing.samples = n
            case "--no-memory": memory = false
            case "--engine": engine = try value(arg)
            case "--query": query = try value(arg)
            case "--phase": phase = try value(arg)
            case "--runs":
                guard let n = Int(try value(arg)), n > 0 else { throw UsageError(description: "bad \(arg)") }
                runs = n
            case "--seconds":
                guard let x = Double(try value(arg)), x > 0 else { throw UsageError(description: "bad \(arg)") }
                seconds = x
            case "-h", "--help": command = "help"
            default: throw UsageError(description: "unknown argument \(arg)")
            }
        }
        for e in engines where !["marquee", "graphqlswift"].contains(e) {
            throw UsageError(description: "unknown engine \(e)")
        }
        if !marqueeBuilt { engines.removeAll { $0 == "marquee" } }
    }
}

func makeEngine(_ id: String, _ fixture: Fixture) throws -> any BenchEngine {
    switch id {
    case "graphqlswift": return try GraphQLSwiftEngine(fixture: fixture)
    case "marquee":
        #if PEER_ONLY
        throw UsageError(description: "this binary was built with MARQUEE_BENCH_PEER_ONLY: no Marquee engine")
        #else
        return try MarqueeEngine(fixture: fixture)
        #endif
    default: throw UsageError(description: "unknown engine \(id)")
    }
}

// MARK: Formatting

func fmt(_ µs: Double) -> String {
    if µs >= 100_000 { return String(format: "%.0f", µs) }
    if µs >= 1_000 { return String(format: "%.0f", µs) }
    if µs >= 100 { return String(format: "%.1f", µs) }
    if µs >= 10 { return String(format: "%.2f", µs) }
    return String(format: "%.3f", µs)
}

func fmtStats(_ s: Stats) -> String { "\(fmt(s.median)) (\(fmt(s.min))–\(fmt(s.max)))" }

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

func flush() { fflush(nil) }

// MARK: run

struct Key: Hashable {
    let engine: String
    let query: String
    let phase: String
}

struct MemoryResult {
    let setupRSSKB: Int
    let firstPeakKB: Int
    let peakKB: Int
}

func runBenchmark(_ options: Options) async throws {
    let started = wallSeconds()
    print("marquee-bench: Marquee vs GraphQLSwift/GraphQL 4.3.0")
    print(Machine.description())
    if !marqueeBuilt {
        print("NOTE: built with MARQUEE_BENCH_PEER_ONLY: the Marquee half is not compiled in; peer numbers only.")
    }
    print("fixture: \(options.fixture)")
    print("timing: warm-up, calibrate to ~\(options.timing.secondsPerSample) s per sample, \(options.timing.samples) samples; µs/op median (min–max); CPU = process CPU time (all threads) per op")
    print("")
    flush()

    let fixture = try Fixture(path: options.fixture, queryNames: options.queries)
    var engines: [any BenchEngine] = []
    for id in options.engines {
        let t0 = wallSeconds()
        engines.append(try makeEngine(id, fixture))
        print("setup \(id): \(String(format: "%.2f", wallSeconds() - t0)) s (schema, data, resolvers; not timed)")
    }
    print("")

    // Correctness first: a run counts only if its responses equal expected/.
    var correct: [String: [String: Bool]] = [:]
    print("== correctness (responses vs expected/NAME.json; introspection: own types, any order)")
    for query in fixture.queries {
        for engine in engines {
            var ok = true
            var notes: [String] = []
            do {
                for (way, response) in try await engine.responses(for: query) {
                    if let diff = query.check(response) {
                        ok = false
                        var note = "\(way): MISMATCH \(diff)"
                        if query.differsOnlyInInputFieldDefaults(response) {
                            note += " [only input-field defaultValues differ"
                                + (engine.id == "graphqlswift" ? ": known GraphQLSwift 4.3.0 bug, its __InputValue.defaultValue resolver handles arguments only]" : "]")
                        }
                        notes.append(note)
                    }
                }
                if let bytes = try await engine.responseBytes(for: query) {
                    let same = bytes == query.expectedBytes
                    notes.append("bytes \(bytes.count) vs expected \(query.expectedBytes.count)\(same ? " (byte-identical)" : "")")
                }
            } catch {
                ok = false
                notes.append("ERROR \(error)")
            }
            correct[engine.id, default: [:]][query.name] = ok
            print("  \(pad(query.name, 14)) \(pad(engine.id, 13)) \(ok ? "ok      " : "INVALID ") \(notes.joined(separator: "; "))")
            flush()
        }
    }
    print("")

    // Timing.
    var results: [Key: PhaseTiming] = [:]
    var phaseOrder: [String] = []
    print("== timing (progress)")
    for query in fixture.queries {
        for engine in engines {
            let phases: [Phase]
            do {
                phases = try await engine.phases(for: query)
            } catch {
                print("  \(query.name) \(engine.id): cannot prepare: \(error)")
                continue
            }
            for phase in phases {
                if !phaseOrder.contains(phase.name) { phaseOrder.append(phase.name) }
                do {
                    let m = try await measure(options.timing, phase.run)
                    results[Key(engine: engine.id, query: query.name, phase: phase.name)] = m
                    print("  \(pad(query.name, 14)) \(pad(phase.name, 14)) \(pad(engine.id, 13)) \(pad(fmtStats(m.wall), 34)) cpu \(fmt(m.cpu.median))  [\(m.iterations) ops/sample]")
                } catch {
                    print("  \(pad(query.name, 14)) \(pad(phase.name, 14)) \(pad(engine.id, 13)) ERROR \(error)")
                }
                flush()
            }
        }
    }
    phaseOrder = PhaseName.all.filter { phaseOrder.contains($0) } + phaseOrder.filter { !PhaseName.all.contains($0) }
    print("")

    // Table.
    let ours = "marquee", peer = "graphqlswift"
    print("== results: µs per operation, median (min–max) of \(options.timing.samples) samples; CPU = median process CPU µs/op; ratio = GraphQLSwift median / Marquee median (and min / min: the least disturbed figure on a shared machine)")
    let header = pad("query", 14) + pad("phase", 15) + pad("Marquee µs", 30) + pad("CPU", 10) + pad("GraphQLSwift µs", 32) + pad("CPU", 10) + pad("ratio", 8) + "(min)"
    print(header)
    print(String(repeating: "-", count: header.count + 8))
    for query in fixture.queries {
        for phase in phaseOrder {
            let a = results[Key(engine: ours, query: query.name, phase: phase)]
            let b = results[Key(engine: peer, query: query.name, phase: phase)]
            if a == nil && b == nil { continue }
            var line = pad(query.name, 14) + pad(phase, 15)
            line += pad(a.map { fmtStats($0.wall) } ?? "—", 30) + pad(a.map { fmt($0.cpu.median) } ?? "", 10)
            line += pad(b.map { fmtStats($0.wall) } ?? "—", 32) + pad(b.map { fmt($0.cpu.median) } ?? "", 10)
            if let a, let b {
                line += pad(String(format: "%.1f×", b.wall.median / a.wall.median), 8) + String(format: "(%.1f×)", b.wall.min / a.wall.min)
            }
            let invalid = [ours, peer].filter { correct[$0]?[query.name] == false }
            if !invalid.isEmpty { line += "  (INVALID: \(invalid.joined(separator: ",")))" }
            print(line)
        }
    }
    print("")
    flush()

    // Peak memory, each engine/query/phase in its own process.
    var memory: [Key: MemoryResult] = [:]
    if options.memory {
        print("== peak memory: peak RSS while serving one operation minus RSS after setup (own process per engine/query/phase; heap trimmed after setup; /proc/self/status VmHWM reset via clear_refs)")
        print(pad("query", 14) + pad("phase", 10) + pad("engine", 14) + pad("after setup", 14) + pad("first op peak Δ", 18) + "peak Δ over \(options.runs) ops")
        for query in fixture.queries {
            for phase in [PhaseName.execute, PhaseName.full] {
                for engine in engines {
                    do {
                        let m = try spawnMemory(options, engine: engine.id, query: query.name, phase: phase)
                        memory[Key(engine: engine.id, query: query.name, phase: phase)] = m
                        print(pad(query.name, 14) + pad(phase, 10) + pad(engine.id, 14) + pad("\(m.setupRSSKB / 1024) MiB", 14)
                              + pad(kib(m.firstPeakKB), 18) + kib(m.peakKB))
                    } catch {
                        print(pad(query.name, 14) + pad(phase, 10) + pad(engine.id, 14) + "ERROR \(error)")
                    }
                    flush()
                }
            }
        }
        print("")
    }

    // Targets.
    print("== targets (issue)")
    if !marqueeBuilt || !options.engines.contains(ours) || !options.engines.contains(peer) {
        print("  not evaluated: needs both engines measured (Marquee built: \(marqueeBuilt))")
    } else {
        func ratio(_ q: String, _ p: String) -> Double? {
            guard let a = results[Key(engine: ours, query: q, phase: p)], let b = results[Key(engine: peer, query: q, phase: p)] else { return nil }
            return b.wall.median / a.wall.median
        }
        func minRatio(_ q: String, _ p: String) -> String {
            guard let a = results[Key(engine: ours, query: q, phase: p)], let b = results[Key(engine: peer, query: q, phase: p)] else { return "" }
            return String(format: " (min/min %.1f×)", b.wall.min / a.wall.min)
        }
        func valid(_ q: String) -> Bool { correct[ours]?[q] == true && correct[peer]?[q] == true }
        func verdict(_ pass: Bool?, _ q: [String]) -> String {
            guard let pass else { return "n/a " }
            if q.contains(where: { !valid($0) }) { return pass ? "PASS*" : "FAIL*" }
            return pass ? "PASS" : "FAIL"
        }
        let names = fixture.queries.map(\.name)
        if names.contains("large") {
            let r = ratio("large", PhaseName.execute)
            print("  \(pad(verdict(r.map { $0 >= 30 }, ["large"]), 6)) execute(large) ≥ 30× faster than GraphQLSwift: \(r.map { String(format: "%.1f×", $0) } ?? "n/a")\(minRatio("large", PhaseName.execute))")
        }
        let fullRatios = names.map { ($0, ratio($0, PhaseName.full)) }
        let fullPass = fullRatios.allSatisfy { $0.1.map { $0 >= 20 } ?? false }
        print("  \(pad(verdict(fullPass, names), 6)) full (no cache) ≥ 20× faster on every query: " + fullRatios.map { "\($0.0) \($0.1.map { String(format: "%.1f×", $0) } ?? "n/a")\(minRatio($0.0, PhaseName.full))" }.joined(separator: ", "))
        let validateRatios = names.map { ($0, ratio($0, PhaseName.validate)) }
        let validatePass = validateRatios.allSatisfy { $0.1.map { $0 >= 20 } ?? false }
        print("  \(pad(verdict(validatePass, names), 6)) validate ≥ 20× faster (every query): " + validateRatios.map { "\($0.0) \($0.1.map { String(format: "%.1f×", $0) } ?? "n/a")\(minRatio($0.0, PhaseName.validate))" }.joined(separator: ", "))
        if names.contains("large") {
            if let a = memory[Key(engine: ours, query: "large", phase: PhaseName.execute)], let b = memory[Key(engine: peer, query: "large", phase: PhaseName.execute)] {
                print("  \(pad(verdict(a.firstPeakKB < b.firstPeakKB, ["large"]), 6)) peak memory executing large below GraphQLSwift's: Marquee \(kib(a.firstPeakKB)) vs GraphQLSwift \(kib(b.firstPeakKB)) (first op; over \(options.runs) ops: \(kib(a.peakKB)) vs \(kib(b.peakKB)))")
            } else {
                print("  n/a    peak memory executing large below GraphQLSwift's: not measured\(options.memory ? "" : " (--no-memory)")")
            }
            if let e = results[Key(engine: ours, query: "large", phase: PhaseName.execute)], let s = results[Key(engine: ours, query: "large", phase: PhaseName.serialize)] {
                let x = e.wall.median / s.wall.median
                print("  \(pad(verdict(x <= 3, ["large"]), 6)) Marquee execute(large) within 3× of serialize(large response): execute \(fmt(e.wall.median)) µs / serialize \(fmt(s.wall.median)) µs = \(String(format: "%.2f×", x)) (min/min \(String(format: "%.2f×", e.wall.min / s.wall.min)))")
            }
        }
        print("  verdicts use medians; (min/min) is the least disturbed figure on a shared machine")
        print("  (* = a response did not match expected/, so the run does not count)")
    }
    print("")
    print("load average at end: \(Machine.loadAverage()); total benchmark time \(String(format: "%.0f", wallSeconds() - started)) s")
    flush()
}

func kib(_ kb: Int) -> String {
    kb >= 10 * 1024 ? String(format: "%.1f MiB", Double(kb) / 1024) : "\(kb) KiB"
}

/// Runs `marquee-bench memory` for one engine/query/phase in a child process.
func spawnMemory(_ options: Options, engine: String, query: String, phase: String) throws -> MemoryResult {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    let process = Process()
    process.executableURL = URL(fileURLWithPath: exe)
    process.arguments = ["memory", "--engine", engine, "--query", query, "--phase", phase, "--runs", String(options.runs), "--fixture", options.fixture]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0,
          let line = output.split(separator: "\n").first(where: { $0.hasPrefix("MEMORY ") }) else {
        throw UsageError(description: "memory probe failed (status \(process.terminationStatus)): \(output.suffix(300))")
    }
    var fields: [String: Int] = [:]
    for part in line.split(separator: " ") {
        let kv = part.split(separator: "=", maxSplits: 1)
        if kv.count == 2, let v = Int(kv[1]) { fields[String(kv[0])] = v }
    }
    guard let setup = fields["setup_rss_kb"], let first = fields["first_peak_delta_kb"], let peak = fields["peak_delta_kb"] else {
        throw UsageError(description: "bad memory line: \(line)")
    }
    return MemoryResult(setupRSSKB: setup, firstPeakKB: first, peakKB: peak)
}

// MARK: memory

func runMemory(_ options: Options) async throws {
    guard let engineId = options.engine, let queryName = options.query else {
        throw UsageError(description: "memory needs --engine and --query")
    }
    let fixture = try Fixture(path: options.fixture, queryNames: [queryName])
    let engine = try makeEngine(engineId, fixture)
    let op = try await engine.memoryProbe(for: fixture.queries[0], phase: options.phase)
    ProcMemory.trimHeap()
    guard let setup = ProcMemory.read() else { throw UsageError(description: "/proc/self/status not readable (Linux only)") }
    guard ProcMemory.resetPeak() else { throw UsageError(description: "cannot reset the peak RSS (/proc/self/clear_refs)") }
    try await op()
    let first = ProcMemory.read()!
    var peak = first.peakKB
    for _ in 1..<max(options.runs, 1) {
        ProcMemory.trimHeap()
        ProcMemory.resetPeak()
        try await op()
        peak = max(peak, ProcMemory.read()!.peakKB)
    }
    let end = ProcMemory.read()!
    print("MEMORY engine=\(engineId) query=\(queryName) phase=\(options.phase) setup_rss_kb=\(setup.rssKB) first_peak_delta_kb=\(first.peakKB - setup.rssKB) peak_delta_kb=\(peak - setup.rssKB) end_rss_kb=\(end.rssKB) runs=\(options.runs)")
}

// MARK: check

func runCheck(_ options: Options) async throws -> Bool {
    let fixture = try Fixture(path: options.fixture, queryNames: options.queries)
    var allOK = true
    for id in options.engines {
        let engine = try makeEngine(id, fixture)
        for query in fixture.queries {
            for (way, response) in try await engine.responses(for: query) {
                let diff = query.check(response)
                allOK = allOK && diff == nil
                print("\(pad(id, 13)) \(pad(query.name, 14)) \(pad(way, 20)) \(diff.map { "MISMATCH \($0)" } ?? "ok")")
            }
        }
    }
    return allOK
}

// MARK: loop

/// Runs one phase over and over (for `perf record`).
func runLoop(_ options: Options) async throws {
    guard let engineId = options.engine, let queryName = options.query else {
        throw UsageError(description: "loop needs --engine, --query and --phase")
    }
    let fixture = try Fixture(path: options.fixture, queryNames: [queryName])
    let engine = try makeEngine(engineId, fixture)
    guard let phase = try await engine.phases(for: fixture.queries[0]).first(where: { $0.name == options.phase }) else {
        throw UsageError(description: "\(engineId) has no phase \(options.phase)")
    }
    var ops = 0
    let start = wallSeconds(), cpu0 = cpuSeconds()
    while wallSeconds() - start < options.seconds {
        try await phase.run()
        ops += 1
    }
    let wall = wallSeconds() - start, cpu = cpuSeconds() - cpu0
    print("\(engineId) \(queryName) \(options.phase): \(ops) ops, \(fmt(wall * 1e6 / Double(ops))) µs/op wall, \(fmt(cpu * 1e6 / Double(ops))) µs/op CPU")
}

// MARK: main

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    switch options.command {
    case "run": try await runBenchmark(options)
    case "memory": try await runMemory(options)
    case "check": if try await !runCheck(options) { exit(1) }
    case "loop": try await runLoop(options)
    case "help": print(usage)
    default: throw UsageError(description: "unknown command \(options.command)\n\(usage)")
    }
} catch {
    FileHandle.standardError.write(Data("marquee-bench: \(error)\n".utf8))
    exit(2)
}
