/// Relay global ids: base64 of "Type:id", opaque to clients, so `node(id:)`
/// knows which service to ask.
enum GlobalID {
    static func encode(_ type: String, _ id: String) -> String {
        base64(Array("\(type):\(id)".utf8))
    }

    /// The type name and service id of a global id; nil when malformed.
    static func decode(_ global: String) -> (type: String, id: String)? {
        guard global.utf8.count <= 256, let bytes = unbase64(global) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let type = String(text[..<colon]), id = String(text[text.index(after: colon)...])
        guard !type.isEmpty, !id.isEmpty else { return nil }
        return (type, id)
    }

    /// The service id of a global id of the expected type.
    static func id(_ global: String, as type: String) -> String? {
        guard let (decodedType, id) = decode(global), decodedType == type else { return nil }
        return id
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index], b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unbase64(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { break }
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt8(value))
        }
        guard values.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = Array(values[index..<min(index + 4, values.count)])
            out.append(chunk[0] << 2 | (chunk.count > 1 ? chunk[1] >> 4 : 0))
            if chunk.count > 2 { out.append((chunk[1] & 0x0F) << 4 | chunk[2] >> 2) }
            if chunk.count > 3 { out.append((chunk[2] & 0x03) << 6 | chunk[3]) }
            index += 4
        }
        return out
    }
}
