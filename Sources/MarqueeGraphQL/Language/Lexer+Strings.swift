// StringValue (spec section 2.9.4): quoted strings and their escape sequences.

extension Lexer {
    /// Reads a quoted string, checking its escape sequences; its value is decoded
    /// later, by `stringValue(of:)`.
    ///
    /// ```
    /// StringValue :: `""` [lookahead != `"`] | `"` StringCharacter+ `"`
    /// StringCharacter ::
    ///   - SourceCharacter but not `"` or `\` or LineTerminator
    ///   - `\u` EscapedUnicode
    ///   - `\` EscapedCharacter
    /// EscapedUnicode :: `{` HexDigit+ `}` | HexDigit HexDigit HexDigit HexDigit
    /// EscapedCharacter :: one of `"` `\` `/` `b` `f` `n` `r` `t`
    /// ```
    mutating func readString(at start: Int) throws(GraphQLError) -> Token {
        var offset = start + 1
        var hasEscapes = false
        var continuations = 0
        while offset < count {
            let byte = bytes[offset]
            if byte == 0x22 {  // closing "
                let token = makeToken(.string, start, offset + 1, hasEscapes: hasEscapes)
                lineContinuations += continuations
                return token
            }
            if byte == 0x5C {  // \
                hasEscapes = true
                offset += try escapeSequenceSize(at: offset)
                continue
            }
            if byte == 0x0A || byte == 0x0D { break }
            if byte.isUTF8Continuation { continuations += 1 }
            offset += 1
        }
        throw syntaxError("Unterminated string.", at: offset)
    }

    /// The size in bytes of the valid escape sequence at `offset`, else the error.
    func escapeSequenceSize(at offset: Int) throws(GraphQLError) -> Int {
        switch bytes[offset + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:  // " \ / b f n r t
            return 2
        case 0x75 where bytes[offset + 2] == 0x7B:  // u{
            return try variableWidthEscapeSize(at: offset)
        case 0x75:  // u
            return try fixedWidthEscapeSize(at: offset)
        default:
            let sequence = source.string(from: offset, scalars: 2)
            throw syntaxError("Invalid character escape sequence: \"\(sequence)\".", at: offset)
        }
    }

    /// `\u{` HexDigit+ `}`, at most `\u{00000000}`, naming a Unicode scalar value.
    func variableWidthEscapeSize(at offset: Int) throws(GraphQLError) -> Int {
        var point: Int32 = 0
        var size = 3
        while size < 12 {
            let byte = hexDigitOrBrace(at: offset + size)
            size += 1
            if byte == -2 {  // }
                if size < 5 || !Unicode.Scalar.isScalarValue(point) { break }
                return size
            }
            point = (point &<< 4) | byte
            if point < 0 { break }
        }
        let sequence = source.string(from: offset, scalars: size)
        throw syntaxError("Invalid Unicode escape sequence: \"\(sequence)\".", at: offset)
    }

    /// `\u` HexDigit{4}, naming a Unicode scalar value, or a leading surrogate
    /// followed by `\u` and a trailing surrogate (a JSON-style surrogate pair).
    func fixedWidthEscapeSize(at offset: Int) throws(GraphQLError) -> Int {
        let code = hexCode(at: offset + 2)
        if Unicode.Scalar.isScalarValue(code) { return 6 }
        if code >= 0xD800 && code <= 0xDBFF && offset + 7 < count
            && bytes[offset + 6] == 0x5C && bytes[offset + 7] == 0x75
        {
            let trailing = hexCode(at: offset + 8)
            if trailing >= 0xDC00 && trailing <= 0xDFFF { return 12 }
        }
        let sequence = source.string(from: offset, scalars: 6)
        throw syntaxError("Invalid Unicode escape sequence: \"\(sequence)\".", at: offset)
    }

    /// The value of four hexadecimal digits at `offset`, negative if any is not one.
    func hexCode(at offset: Int) -> Int32 {
        var code: Int32 = 0
        for index in offset..<offset + 4 {
            let digit = index < count ? bytes[index].hexValue : -1
            if digit < 0 { return -1 }
            code = code << 4 | digit
        }
        return code
    }

    /// A hex digit's value, -2 for `}`, or -1 (also past the end of the source).
    private func hexDigitOrBrace(at offset: Int) -> Int32 {
        guard offset < count else { return -1 }
        return bytes[offset] == 0x7D ? -2 : bytes[offset].hexValue
    }
}
