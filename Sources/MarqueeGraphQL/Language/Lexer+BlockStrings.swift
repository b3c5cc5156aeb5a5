// Block strings (spec section 2.9.4): `"""`-quoted, spanning lines, with only the
// `\"""` escape; their value is computed by the spec's BlockStringValue().

extension Lexer {
    /// Reads a block string; its value is computed later, by `blockStringValue(of:)`.
    ///
    /// ```
    /// StringValue :: `"""` BlockStringCharacter* `"""`
    /// BlockStringCharacter :: SourceCharacter but not `"""` or `\"""` | `\"""`
    /// ```
    mutating func readBlockString(at start: Int) throws(GraphQLError) -> Token {
        var offset = start + 3
        var lines = 0
        var lastLineStart = lineStart
        var continuations = 0
        while offset < count {
            let byte = bytes[offset]
            if byte == 0x22 && bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22 {
                let token = makeToken(.blockString, start, offset + 3)
                if lines > 0 {
                    line += lines
                    lineStart = lastLineStart
                    lineContinuations = continuations
                } else {
                    lineContinuations += continuations
                }
                return token
            }
            if byte == 0x5C && bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22 && bytes[offset + 3] == 0x22 {
                offset += 4
            } else if byte == 0x0A || byte == 0x0D {
                offset += byte == 0x0D && bytes[offset + 1] == 0x0A ? 2 : 1
                lines += 1
                lastLineStart = offset
                continuations = 0
            } else {
                if byte.isUTF8Continuation { continuations += 1 }
                offset += 1
            }
        }
        throw syntaxError("Unterminated string.", at: offset)
    }

    /// The value of a block string token: BlockStringValue(rawValue) of the spec, as
    /// graphql-js's dedentBlockStringLines computes it. Lines are split at `\r\n`,
    /// `\n` or `\r`; the common indentation of all lines but the first is removed;
    /// leading and trailing blank lines are dropped; lines are joined with `\n`; and
    /// `\"""` becomes `"""`.
    func blockStringValue(of token: Token) -> String {
        let lines = BlockStringLines(bytes: bytes, start: token.start + 3, end: token.end - 3)
        var commonIndent = Int.max
        var firstNonBlank = -1
        var lastNonBlank = -1
        var index = 0
        lines.forEach { start, end in
            let indent = lines.indentation(start, end)
            if indent < end - start {
                if firstNonBlank < 0 { firstNonBlank = index }
                lastNonBlank = index
                if index != 0 && indent < commonIndent { commonIndent = indent }
            }
            index += 1
        }
        if firstNonBlank < 0 { return "" }

        return String(unsafeUninitializedCapacity: token.end - token.start) { output in
            var written = 0
            var index = 0
            lines.forEach { start, end in
                defer { index += 1 }
                guard index >= firstNonBlank && index <= lastNonBlank else { return }
                if index > firstNonBlank {
                    output[written] = 0x0A
                    written += 1
                }
                var offset = index == 0 ? start : start + min(commonIndent, end - start)
                while offset < end {
                    if bytes[offset] == 0x5C && bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22
                        && bytes[offset + 3] == 0x22
                    {
                        offset += 1  // drop the backslash of \"""
                    }
                    output[written] = bytes[offset]
                    written += 1
                    offset += 1
                }
            }
            return written
        }
    }
}

/// The lines of a block string's raw bytes, split at `\r\n`, `\n` or `\r`.
struct BlockStringLines {
    let bytes: UnsafePointer<UInt8>
    let start: Int
    let end: Int

    /// Calls `body` with the byte range of each line, in order.
    func forEach(_ body: (Int, Int) -> Void) {
        var lineStart = start
        var offset = start
        while offset < end {
            let byte = bytes[offset]
            if byte == 0x0A || byte == 0x0D {
                body(lineStart, offset)
                offset += byte == 0x0D && offset + 1 < end && bytes[offset + 1] == 0x0A ? 2 : 1
                lineStart = offset
            } else if byte == 0x5C && bytes[offset + 1] == 0x22 && bytes[offset + 2] == 0x22 && bytes[offset + 3] == 0x22 {
                offset += 4
            } else {
                offset += 1
            }
        }
        body(lineStart, end)
    }

    /// The number of leading WhiteSpace bytes in a line.
    func indentation(_ start: Int, _ end: Int) -> Int {
        var offset = start
        while offset < end && bytes[offset].isWhiteSpace { offset += 1 }
        return offset - start
    }
}
