import CHiredis
import NIOCore

/// One Redis command: its name and arguments as bytes, formatted for the wire by
/// hiredis's `redisFormatCommandArgv` (binary-safe: payloads may hold any byte).
struct RedisCommand: Hashable, Sendable {
    var arguments: [[UInt8]]

    init(_ arguments: [[UInt8]]) {
        precondition(!arguments.isEmpty, "a command has a name")
        self.arguments = arguments
    }

    init(_ name: String, _ arguments: [String] = []) {
        self.init([Array(name.utf8)] + arguments.map { Array($0.utf8) })
    }

    static func publish(_ payload: [UInt8], to topic: String) -> RedisCommand {
        RedisCommand([Array("PUBLISH".utf8), Array(topic.utf8), payload])
    }

    static func subscribe(_ topics: [String]) -> RedisCommand { RedisCommand("SUBSCRIBE", topics) }
    static func unsubscribe(_ topics: [String]) -> RedisCommand { RedisCommand("UNSUBSCRIBE", topics) }
    static let ping = RedisCommand("PING")

    static func auth(username: String?, password: String) -> RedisCommand {
        RedisCommand("AUTH", (username.map { [$0] } ?? []) + [password])
    }

    /// The command's name, for logs (arguments may be secrets or large payloads).
    var name: String { String(decoding: arguments[0], as: UTF8.self) }

    /// Calls `body` with the command in RESP, as formatted by hiredis.
    func withFormatted<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        // One contiguous copy of the arguments, so that every argv pointer stays
        // valid for the call; the trailing byte keeps the buffer non-empty.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(arguments.reduce(1) { $0 + $1.count })
        var offsets: [Int] = []
        var lengths: [Int] = []
        for argument in arguments {
            offsets.append(bytes.count)
            lengths.append(argument.count)
            bytes.append(contentsOf: argument)
        }
        bytes.append(0)
        return try bytes.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            var argv: [UnsafePointer<CChar>?] = offsets.map { (base + $0).assumingMemoryBound(to: CChar.self) }
            var target: UnsafeMutablePointer<CChar>?
            let length = redisFormatCommandArgv(&target, Int32(argv.count), &argv, lengths)
            guard length >= 0, let target else { fatalError("hiredis could not allocate a command") }
            defer { redisFreeCommand(target) }
            return try body(UnsafeRawBufferPointer(start: target, count: Int(length)))
        }
    }

    func write(into buffer: inout ByteBuffer) {
        withFormatted { _ = buffer.writeBytes($0) }
    }
}
