// Character classes of the GraphQL lexical grammar (spec section 2.1), over UTF-8
// bytes. Every class here is ASCII, so one byte decides it.

extension UInt8 {
    /// Digit :: one of 0 1 2 3 4 5 6 7 8 9
    @inline(__always) var isDigit: Bool { self &- 0x30 < 10 }

    /// Letter :: one of A-Z a-z
    @inline(__always) var isLetter: Bool { (self | 0x20) &- 0x61 < 26 }

    /// NameStart :: Letter | `_`
    @inline(__always) var isNameStart: Bool { isLetter || self == 0x5F }

    /// NameContinue :: Letter | Digit | `_`
    @inline(__always) var isNameContinue: Bool { isLetter || isDigit || self == 0x5F }

    /// WhiteSpace :: "Horizontal Tab (U+0009)" | "Space (U+0020)"
    @inline(__always) var isWhiteSpace: Bool { self == 0x20 || self == 0x09 }

    /// A byte that continues a multi-byte UTF-8 sequence (and so starts no scalar).
    @inline(__always) var isUTF8Continuation: Bool { self & 0xC0 == 0x80 }

    /// HexDigit :: one of 0-9 A-F a-f, as its value, or -1.
    @inline(__always) var hexValue: Int32 {
        if isDigit { return Int32(self &- 0x30) }
        let lower = self | 0x20
        if lower &- 0x61 < 6 { return Int32(lower &- 0x61 &+ 10) }
        return -1
    }
}

extension Unicode.Scalar {
    /// A code point that is a Unicode scalar value (no surrogates), as an Int32 from
    /// an escape sequence.
    static func isScalarValue(_ code: Int32) -> Bool {
        (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF)
    }
}

/// Appends the UTF-8 encoding of a scalar value to a buffer at `index`.
@inline(__always)
func encodeUTF8(_ code: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: inout Int) {
    if code < 0x80 {
        buffer[index] = UInt8(code)
        index += 1
    } else if code < 0x800 {
        buffer[index] = UInt8(0xC0 | (code >> 6))
        buffer[index + 1] = UInt8(0x80 | (code & 0x3F))
        index += 2
    } else if code < 0x10000 {
        buffer[index] = UInt8(0xE0 | (code >> 12))
        buffer[index + 1] = UInt8(0x80 | ((code >> 6) & 0x3F))
        buffer[index + 2] = UInt8(0x80 | (code & 0x3F))
        index += 3
    } else {
        buffer[index] = UInt8(0xF0 | (code >> 18))
        buffer[index + 1] = UInt8(0x80 | ((code >> 12) & 0x3F))
        buffer[index + 2] = UInt8(0x80 | ((code >> 6) & 0x3F))
        buffer[index + 3] = UInt8(0x80 | (code & 0x3F))
        index += 4
    }
}
