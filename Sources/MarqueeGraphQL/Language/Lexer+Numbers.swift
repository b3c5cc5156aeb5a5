// IntValue and FloatValue (spec section 2.9.1 and 2.9.2).

extension Lexer {
    /// Reads a FloatValue or an IntValue, depending on whether a FractionalPart or an
    /// ExponentPart follows the IntegerPart.
    ///
    /// ```
    /// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
    /// IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
    /// FloatValue ::
    ///   - IntegerPart FractionalPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    ///   - IntegerPart FractionalPart [lookahead != {Digit, `.`, NameStart}]
    ///   - IntegerPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    /// FractionalPart :: . Digit+
    /// ExponentPart :: ExponentIndicator Sign? Digit+
    /// ```
    mutating func readNumber(at start: Int) throws(GraphQLError) -> Token {
        var offset = start
        var isFloat = false

        if bytes[offset] == 0x2D { offset += 1 }  // -

        if bytes[offset] == 0x30 {  // 0
            offset += 1
            if offset < count && bytes[offset].isDigit {
                throw syntaxError("Invalid number, unexpected digit after 0: \(printCodePoint(at: offset)).", at: offset)
            }
        } else {
            offset = try readDigits(at: offset)
        }

        if bytes[offset] == 0x2E {  // .
            isFloat = true
            offset = try readDigits(at: offset + 1)
        }

        if bytes[offset] | 0x20 == 0x65 {  // e E
            isFloat = true
            offset += 1
            if bytes[offset] == 0x2B || bytes[offset] == 0x2D { offset += 1 }  // + -
            offset = try readDigits(at: offset)
        }

        // Numbers cannot be followed by . or NameStart.
        if offset < count && (bytes[offset] == 0x2E || bytes[offset].isNameStart) {
            throw syntaxError("Invalid number, expected digit but got: \(printCodePoint(at: offset)).", at: offset)
        }
        return makeToken(isFloat ? .float : .int, start, offset)
    }

    /// Reads one or more digits, returning the offset after the last.
    func readDigits(at start: Int) throws(GraphQLError) -> Int {
        guard start < count && bytes[start].isDigit else {
            throw syntaxError("Invalid number, expected digit but got: \(printCodePoint(at: start)).", at: start)
        }
        var offset = start + 1
        while bytes[offset].isDigit { offset += 1 }
        return offset
    }
}
