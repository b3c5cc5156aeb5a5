/// Prints a string as a GraphQL block string (`"""…"""`), as graphql-js 16's
/// printBlockString does: `"""` inside is escaped as `\"""`; the text goes on lines
/// of its own (a leading and a trailing newline) when it spans lines, is longer than
/// 70 characters, or ends with `"` or `\` — unless `minimize` — and a leading newline
/// is added where it keeps indentation from being taken for common indentation.
public func printBlockString(_ value: String, minimize: Bool = false) -> String {
    let bytes = Array(value.utf8)
    let escaped = escapeTripleQuotes(bytes)
    let lines = splitLines(escaped)
    let isSingleLine = lines.count == 1

    // If common indentation is found, adding a leading new line fixes some cases.
    let forceLeadingNewLine =
        lines.count > 1 && lines.dropFirst().allSatisfy { $0.isEmpty || escaped[$0.lowerBound].isWhiteSpace }

    // Trailing triple quotes just look confusing, but don't force a trailing new line.
    let hasTrailingTripleQuotes = escaped.count >= 4 && Array(escaped.suffix(4)) == [0x5C, 0x22, 0x22, 0x22]

    // A trailing quote (single or double) or slash forces a trailing new line.
    let hasTrailingQuote = bytes.last == 0x22 && !hasTrailingTripleQuotes
    let hasTrailingSlash = bytes.last == 0x5C
    let forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash

    let printAsMultipleLines =
        !minimize
        && (!isSingleLine || value.utf16.count > 70 || forceTrailingNewLine || forceLeadingNewLine
            || hasTrailingTripleQuotes)

    var result: [UInt8] = [0x22, 0x22, 0x22]
    // Format a multi-line block quote to account for leading space.
    let skipLeadingNewLine = isSingleLine && (bytes.first?.isWhiteSpace ?? false)
    if (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine { result.append(0x0A) }
    result.append(contentsOf: escaped)
    if printAsMultipleLines || forceTrailingNewLine { result.append(0x0A) }
    result.append(contentsOf: [0x22, 0x22, 0x22])
    return String(decoding: result, as: UTF8.self)
}

/// Replaces each `"""`, left to right, with `\"""`.
private func escapeTripleQuotes(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
        if index + 2 < bytes.count && bytes[index] == 0x22 && bytes[index + 1] == 0x22 && bytes[index + 2] == 0x22 {
            output.append(contentsOf: [0x5C, 0x22, 0x22, 0x22])
            index += 3
        } else {
            output.append(bytes[index])
            index += 1
        }
    }
    return output
}

/// The byte ranges of the lines of `bytes`, split at `\r\n`, `\n` or `\r`.
private func splitLines(_ bytes: [UInt8]) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    var lineStart = 0
    var index = 0
    while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D {
            lines.append(lineStart..<index)
            index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            lineStart = index
        } else {
            index += 1
        }
    }
    lines.append(lineStart..<bytes.count)
    return lines
}
