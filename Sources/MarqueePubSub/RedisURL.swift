/// The endpoint of a Redis server, from `redis://[[user]:password@]host[:port][/db]`.
///
/// The database number is accepted and ignored: Redis pub/sub channels are global
/// to the server, whatever database a connection has selected.
struct RedisURL: Hashable, Sendable {
    var host: String
    var port: Int
    var username: String?
    var password: String?
    var database: Int

    init(_ string: String) throws(RedisError) {
        let scheme = "redis://"
        guard string.hasPrefix(scheme) else { throw RedisError(.invalidURL, detail: "not a redis:// URL") }
        var rest = Substring(string.dropFirst(scheme.count))

        var database = 0
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            if !path.isEmpty {
                guard let number = Int(path), number >= 0 else {
                    throw RedisError(.invalidURL, detail: "the database is not a number")
                }
                database = number
            }
            rest = rest[..<slash]
        }

        if let at = rest.lastIndex(of: "@") {
            let userinfo = rest[..<at]
            guard let colon = userinfo.firstIndex(of: ":") else {
                throw RedisError(.invalidURL, detail: "a user without a password")
            }
            let user = try Self.percentDecoded(userinfo[..<colon])
            username = user.isEmpty ? nil : user
            password = try Self.percentDecoded(userinfo[userinfo.index(after: colon)...])
            rest = rest[rest.index(after: at)...]
        }

        var port = 6379
        if rest.hasPrefix("[") {
            // An IPv6 literal: [::1]:6379
            guard let close = rest.firstIndex(of: "]") else { throw RedisError(.invalidURL, detail: "unclosed [") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { throw RedisError(.invalidURL, detail: "text after the host") }
                port = try Self.port(rest.dropFirst())
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = String(rest[..<colon])
            port = try Self.port(rest[rest.index(after: colon)...])
        } else {
            host = String(rest)
        }
        guard !host.isEmpty else { throw RedisError(.invalidURL, detail: "no host") }
        self.port = port
        self.database = database
    }

    /// `host:port`, for logs (never the password).
    var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    private static func port(_ text: Substring) throws(RedisError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw RedisError(.invalidURL, detail: "the port is not a number from 1 to 65535")
        }
        return port
    }

    private static func percentDecoded(_ text: Substring) throws(RedisError) -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw RedisError(.invalidURL, detail: "a bad percent escape in the credentials")
            }
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
