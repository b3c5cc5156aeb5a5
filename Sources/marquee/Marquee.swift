import ArgumentParser
import MarqueeGraphQL
import MarqueeRPC
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Marquee: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "marquee",
        abstract: "Marquee: the GraphQL gateway of the event-ticketing platform.",
        subcommands: [ServeCommand.self, GatewayCommand.self, ServiceCommand.self, MigrateCommand.self, AdminCommand.self, UserCommand.self, GraphQLCommand.self, SchemaCommand.self]
    )

    /// Runs Swift concurrency's tasks on SwiftNIO's event loops (unless
    /// `MARQUEE_NIO_EXECUTOR=0`): a task woken by a socket read then runs on the
    /// thread that read it, instead of being handed to another pool and its
    /// answer handed back — two thread switches per request and per RPC saved.
    /// Nothing in Marquee blocks a thread in a task (bcrypt runs on its own
    /// thread, SQLite on sqlite-nio's pool).
    static func main() async {
        if !["0", "false", "no", "off"].contains(getenv("MARQUEE_NIO_EXECUTOR").map { String(cString: $0).lowercased() } ?? "") {
            NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        }
        await main(nil)
    }
}

/// Writes one line to standard output and flushes it, so a reading process sees it at once.
func writeLine(_ bytes: [UInt8]) {
    var line = bytes
    line.append(0x0A)
    writeAll(1, line)
}

func writeLine(_ text: String) {
    writeLine(Array(text.utf8))
}

func writeError(_ text: String) {
    writeAll(2, Array((text + "\n").utf8))
}

/// Reads a whole file as UTF-8 text.
func readFile(_ path: String) throws -> String {
    guard let file = fopen(path, "rb") else { throw ValidationError("Cannot open \(path).") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 { break }
        bytes.append(contentsOf: chunk[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Loads and builds a schema file, or exits with its errors.
func loadSchema(_ path: String) throws -> GraphQLSchema {
    let sdl = try readFile(path)
    do {
        return try GraphQLSchema.build(sdl: sdl)
    } catch let error as SchemaBuildError {
        throw ValidationError("Invalid schema \(path):\n\(error.description)")
    }
}
