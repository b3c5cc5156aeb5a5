/// Writes JSON as compact UTF-8 bytes, directly, with no Foundation round trip,
/// into a growable buffer of its own (no per-byte array bookkeeping).
public struct JSONWriter: ~Copyable {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        buffer = .allocate(capacity: self.capacity)
    }

    deinit { buffer.deallocate() }

    /// What has been written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: count)) }

    /// What has been written so far, without copying (valid inside `body` only).
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: buffer, count: count))
    }

    /// The compact UTF-8 encoding of `value`.
    public static func bytes(of value: JSON) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }

    public static func string(of value: JSON) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: UnsafeBufferPointer(start: writer.buffer, count: writer.count), as: UTF8.self)
    }

    @inline(__always) private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBuffer.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    @inline(__always) private mutating func put(_ byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    @inline(__always) private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    @inline(__always) private mutating func put(_ s: StaticString) {
        put(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    public mutating func write(_ value: JSON) {
        switch value {
        case .null: put("null")
        case .bool(let b): put(b ? "true" : "false")
        case .int(let i): writeInt(i)
        case .double(let d): writeDouble(d)
        case .string(let s): writeString(s)
        case .array(let items):
            put(UInt8(ascii: "["))
            items.withUnsafeBufferPointer { items in
                for index in items.indices {
                    if index > 0 { put(UInt8(ascii: ",")) }
                    write(items[index])
                }
            }
            put(UInt8(ascii: "]"))
        case .object(let object):
            put(UInt8(ascii: "{"))
            object.entries.withUnsafeBufferPointer { entries in
                for index in entries.indices {
                    if index > 0 { put(UInt8(ascii: ",")) }
                    writeString(entries[index].key)
                    put(UInt8(ascii: ":"))
                    write(entries[index].value)
                }
            }
            put(UInt8(ascii: "}"))
        }
    }

    private mutating func writeInt(_ value: Int) {
        reserve(21)
        if value == 0 {
            buffer[count] = UInt8(ascii: "0")
            count += 1
            return
        }
        if value < 0 {
            buffer[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 0
        var probe = magnitude
        while probe > 0 { digits += 1; probe /= 10 }
        var position = count + digits - 1
        while magnitude > 0 {
            buffer[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
            magnitude /= 10
            position -= 1
        }
        count += digits
    }

    private mutating func writeDouble(_ value: Double) {
        guard value.isFinite else {
            put("null")
            return
        }
        if value == value.rounded(.towardZero), abs(value) < 1e16 {
            // Integral doubles print like "5.0", as the reference implementation does.
            writeInt(Int(value))
            put(".0")
            return
        }
        var text = value.description
        text.withUTF8 { put($0) }
    }

    private static let hex: StaticString = "0123456789abcdef"

    public mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            // Worst case every byte becomes \u00XX (6 bytes), plus the quotes.
            reserve(utf8.count * 6 + 2)
            var out = count
            buffer[out] = UInt8(ascii: "\"")
            out += 1
            guard let base = utf8.baseAddress else {
                buffer[out] = UInt8(ascii: "\"")
                count = out + 1
                return
            }
            let length = utf8.count
            var index = 0
            while index < length {
                // Copy the run of bytes that need no escape, eight at a time.
                var end = index
                while end + 8 <= length, !Self.needsEscape(UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)) { end += 8 }
                while end < length, !Self.needsEscape(base[end]) { end += 1 }
                if end > index {
                    (buffer + out).update(from: base + index, count: end - index)
                    out += end - index
                }
                guard end < length else { break }
                out = escape(base[end], at: out)
                index = end + 1
            }
            buffer[out] = UInt8(ascii: "\"")
            count = out + 1
        }
    }

    @inline(__always) private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (SWAR).
    @inline(__always) private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & high
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let hasQuote = (quote &- ones) & ~quote & high
        let hasBackslash = (backslash &- ones) & ~backslash & high
        return (control | hasQuote | hasBackslash) != 0
    }

    @inline(__always) private func escape(_ byte: UInt8, at out: Int) -> Int {
        buffer[out] = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""): buffer[out + 1] = UInt8(ascii: "\""); return out + 2
        case UInt8(ascii: "\\"): buffer[out + 1] = UInt8(ascii: "\\"); return out + 2
        case 0x0A: buffer[out + 1] = UInt8(ascii: "n"); return out + 2
        case 0x0D: buffer[out + 1] = UInt8(ascii: "r"); return out + 2
        case 0x09: buffer[out + 1] = UInt8(ascii: "t"); return out + 2
        case 0x08: buffer[out + 1] = UInt8(ascii: "b"); return out + 2
        case 0x0C: buffer[out + 1] = UInt8(ascii: "f"); return out + 2
        default:
            buffer[out + 1] = UInt8(ascii: "u")
            buffer[out + 2] = UInt8(ascii: "0")
            buffer[out + 3] = UInt8(ascii: "0")
            buffer[out + 4] = Self.hex.utf8Start[Int(byte >> 4)]
            buffer[out + 5] = Self.hex.utf8Start[Int(byte & 0xF)]
            return out + 6
        }
    }
}
