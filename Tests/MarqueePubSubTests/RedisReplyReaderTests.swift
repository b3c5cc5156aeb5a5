import Testing
@testable import MarqueePubSub

@Suite struct RedisReplyReaderTests {
    /// Feeds `wire` one byte at a time, collecting every reply as soon as it is whole.
    private func dripFeed(_ wire: String) throws -> [RedisReply] {
        try dripFeed(Array(wire.utf8))
    }

    private func dripFeed(_ wire: [UInt8]) throws -> [RedisReply] {
        let reader = RedisReplyReader()
        var replies: [RedisReply] = []
        for byte in wire {
            try reader.feed(bytes: [byte])
            while let reply = try reader.next() { replies.append(reply) }
        }
        return replies
    }

    @Test func everyKindOfReplyDecodesWhenDripFed() throws {
        let replies = try dripFeed("+OK\r\n-ERR wrong\r\n:-42\r\n$3\r\na\0b\r\n$-1\r\n$0\r\n\r\n*2\r\n*1\r\n:1\r\n$-1\r\n*0\r\n")
        #expect(replies == [
            .status("OK"), .error("ERR wrong"), .integer(-42), .bulk([97, 0, 98]), .null, .bulk([]),
            .array([.array([.integer(1)]), .null]), .array([]),
        ])
    }

    @Test func aPubSubMessageDecodes() throws {
        let replies = try dripFeed("*3\r\n$7\r\nmessage\r\n$1\r\nt\r\n$2\r\n\u{1}\u{2}\r\n")
        #expect(replies == [.array([.bulk(Array("message".utf8)), .bulk([116]), .bulk([1, 2])])])
    }

    @Test func nothingComesOutOfAnIncompleteReply() throws {
        let reader = RedisReplyReader()
        try reader.feed(bytes: Array("$5\r\nabc".utf8))
        #expect(try reader.next() == nil)
        try reader.feed(bytes: Array("de\r\n".utf8))
        #expect(try reader.next() == .bulk(Array("abcde".utf8)))
        #expect(try reader.next() == nil)
    }

    @Test func aProtocolErrorThrows() throws {
        let reader = RedisReplyReader()
        try reader.feed(bytes: Array("?what\r\n".utf8))
        #expect { try reader.next() } throws: { error in
            (error as? RedisError)?.code == .protocolError && !(error as! RedisError).detail.isEmpty
        }
    }

    @Test func commandsAreFormattedBinarySafe() {
        let command = RedisCommand.publish([0, 13, 10, 255], to: "topic")
        let wire = command.withFormatted { Array($0) }
        #expect(wire == Array("*3\r\n$7\r\nPUBLISH\r\n$5\r\ntopic\r\n$4\r\n".utf8) + [0, 13, 10, 255] + Array("\r\n".utf8))
    }

    @Test func aFormattedCommandReadsBackAsItsArguments() throws {
        // A request is a RESP array of bulk strings: the reader reads it back.
        let payload = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let command = RedisCommand([Array("PUBLISH".utf8), [], payload])
        let reader = RedisReplyReader()
        try reader.feed(bytes: command.withFormatted { Array($0) })
        #expect(try reader.next() == .array(command.arguments.map(RedisReply.bulk)))
    }
}

extension RedisReplyReader {
    func feed(bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in try feed(raw) }
    }
}
