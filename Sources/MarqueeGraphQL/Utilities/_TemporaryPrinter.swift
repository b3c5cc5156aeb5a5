// TEMPORARY: stand-ins for the printer and parser that land with the `parser`
// branch (Language/Printer.swift, Language/Parser.swift). Delete on merge.

func printValue(_ value: Value) -> String {
    switch value {
    case .variable(let name): return "$" + name.value
    case .int(let text, _), .float(let text, _), .enumValue(let text, _): return text
    case .string(let string, let block, _): return block ? printBlockString(string) : printString(string)
    case .boolean(let bool, _): return bool ? "true" : "false"
    case .null: return "null"
    case .list(let values, _): return "[" + values.map(printValue).joined(separator: ", ") + "]"
    case .object(let fields, _):
        return "{ " + fields.map { $0.name.value + ": " + printValue($0.value) }.joined(separator: ", ") + " }"
    }
}

func printString(_ string: String) -> String {
    var out = "\""
    for scalar in string.unicodeScalars {
        switch scalar.value {
        case 0x08: out += "\\b"
        case 0x09: out += "\\t"
        case 0x0A: out += "\\n"
        case 0x0C: out += "\\f"
        case 0x0D: out += "\\r"
        case 0x22: out += "\\\""
        case 0x5C: out += "\\\\"
        case 0x00...0x1F, 0x7F...0x9F:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func printBlockString(_ value: String, minimize: Bool = false) -> String {
    let escaped = value.split(separator: "\"\"\"", omittingEmptySubsequences: false).joined(separator: "\\\"\"\"")
    let lines = escaped.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    let isSingleLine = lines.count == 1
    let forceLeadingNewLine = lines.count > 1 && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == " " || $0.first == "\t" }
    let hasTrailingTripleQuotes = escaped.hasSuffix("\\\"\"\"")
    let hasTrailingQuote = value.hasSuffix("\"") && !hasTrailingTripleQuotes
    let hasTrailingSlash = value.hasSuffix("\\")
    let forceTrailingNewLine = hasTrailingQuote || hasTrailingSlash
    let printAsMultipleLines = !minimize && (!isSingleLine || value.unicodeScalars.count > 70 || forceTrailingNewLine || forceLeadingNewLine || hasTrailingTripleQuotes)
    let skipLeadingNewLine = isSingleLine && (value.first == " " || value.first == "\t")
    let before = (printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine ? "\n" : ""
    let after = printAsMultipleLines || forceTrailingNewLine ? "\n" : ""
    return "\"\"\"" + before + escaped + after + "\"\"\""
}

struct Parser {
    static func parse(_ source: Source) throws(GraphQLError) -> Document { throw GraphQLError("parser not merged yet") }
    static func parse(_ body: String) throws(GraphQLError) -> Document { throw GraphQLError("parser not merged yet") }
    static func parseConstValue(_ body: String) throws(GraphQLError) -> Value { throw GraphQLError("parser not merged yet") }
}
