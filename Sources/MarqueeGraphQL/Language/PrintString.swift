/// Prints a string as a GraphQL StringValue literal, as graphql-js's printString
/// does: `"` and `\` escaped, control characters (U+0000–U+001F, U+007F–U+009F)
/// as `\b \t \n \f \r` or `\uXXXX`, everything else as is.
public func printString(_ string: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(string.utf8.count + 2)
    output.append(0x22)
    var previous: UInt8 = 0
    for byte in string.utf8 {
        switch byte {
        case 0x22: output.append(contentsOf: [0x5C, 0x22])  // \"
        case 0x5C: output.append(contentsOf: [0x5C, 0x5C])  // \\
        case 0x08: output.append(contentsOf: [0x5C, 0x62])  // \b
        case 0x09: output.append(contentsOf: [0x5C, 0x74])  // \t
        case 0x0A: output.append(contentsOf: [0x5C, 0x6E])  // \n
        case 0x0C: output.append(contentsOf: [0x5C, 0x66])  // \f
        case 0x0D: output.append(contentsOf: [0x5C, 0x72])  // \r
        case 0x00..<0x20, 0x7F:
            appendUnicodeEscape(UInt32(byte), to: &output)
        case 0x80...0x9F where previous == 0xC2:  // U+0080–U+009F, encoded C2 80–C2 9F
            output.removeLast()
            appendUnicodeEscape(UInt32(byte), to: &output)
        default:
            output.append(byte)
        }
        previous = byte
    }
    output.append(0x22)
    return String(decoding: output, as: UTF8.self)
}

/// Appends `\uXXXX` (upper-case hex) for a code point below U+0100.
private func appendUnicodeEscape(_ code: UInt32, to output: inout [UInt8]) {
    let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(code >> 4)], hex[Int(code & 0xF)]])
}
