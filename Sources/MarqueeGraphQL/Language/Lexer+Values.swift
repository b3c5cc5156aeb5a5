// The values of tokens, built from their bytes when asked for.

extension Lexer {
    /// The value of a token as graphql-js gives it: the text of a Name, Int or Float;
    /// the decoded value of a String or BlockString; a Comment's text after `#`; and
    /// nil for punctuators, `<SOF>` and `<EOF>`.
    public func value(of token: Token) -> String? {
        switch token.kind {
        case .name, .int, .float: return text(of: token)
        case .string: return stringValue(of: token)
        case .blockString: return blockStringValue(of: token)
        case .comment: return source.string(token.start + 1, token.end)
        default: return nil
        }
    }

    /// The source text of a token.
    public func text(of token: Token) -> String {
        source.string(token.start, token.end)
    }

    /// Whether a token's text is exactly `keyword` (an ASCII word), without building
    /// a String.
    func matches(_ token: Token, _ keyword: StaticString) -> Bool {
        let length = keyword.utf8CodeUnitCount
        guard token.end - token.start == length else { return false }
        let word = keyword.utf8Start
        for index in 0..<length where bytes[token.start + index] != word[index] { return false }
        return true
    }

    /// The value of a quoted string token, with its escape sequences decoded. The
    /// lexer has checked them, so decoding cannot fail.
    func stringValue(of token: Token) -> String {
        let start = token.start + 1
        let end = token.end - 1
        guard token.hasEscapes else { return source.string(start, end) }
        // Every escape sequence is longer than the UTF-8 it stands for.
        return String(unsafeUninitializedCapacity: end - start) { output in
            var written = 0
            var offset = start
            while offset < end {
                let byte = bytes[offset]
                guard byte == 0x5C else {
                    output[written] = byte
                    written += 1
                    offset += 1
                    continue
                }
                let escaped = bytes[offset + 1]
                if escaped == 0x75 {  // u
                    let (code, size) = unicodeEscape(at: offset)
                    encodeUTF8(code, into: output, at: &written)
                    offset += size
                    continue
                }
                switch escaped {
                case 0x62: output[written] = 0x08  // \b
                case 0x66: output[written] = 0x0C  // \f
                case 0x6E: output[written] = 0x0A  // \n
                case 0x72: output[written] = 0x0D  // \r
                case 0x74: output[written] = 0x09  // \t
                default: output[written] = escaped  // \" \\ \/
                }
                written += 1
                offset += 2
            }
            return written
        }
    }

    /// The scalar a checked `\u` escape at `offset` stands for, and its size.
    private func unicodeEscape(at offset: Int) -> (code: UInt32, size: Int) {
        if bytes[offset + 2] == 0x7B {  // \u{…}
            var code: UInt32 = 0
            var index = offset + 3
            while bytes[index] != 0x7D {
                code = code << 4 | UInt32(bytes[index].hexValue)
                index += 1
            }
            return (code, index + 1 - offset)
        }
        let code = UInt32(hexCode(at: offset + 2))
        guard code >= 0xD800 && code <= 0xDBFF else { return (code, 6) }
        let trailing = UInt32(hexCode(at: offset + 8))
        return (0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00), 12)
    }
}
