/// A literal as validation messages show it (graphql-core `print_for_error`): like
/// the printer, objects as `{ a: 1 }`, but a list or object longer than 80
/// characters is broken into indented lines, one item per line.
func printForError(_ node: Value) -> String {
    ErrorPrinter.print(node).render()
}

/// graphql-core's print buffer for values: printed parts and where indentation
/// starts and ends, with the length they will have once rendered.
private struct ErrorPrinter {
    struct Part {
        var lines: [Substring]
        var isBlockString = false
        var indentBefore = false
        var dedentAfter = false
    }

    static let maxLineLength = 80
    static let maxIndentDepth = 100

    var parts: [Part] = []
    /// Length in Unicode scalars, newlines and indentation included.
    var length = 0
    var newlines = 0

    init(_ text: String = "", isBlockString: Bool = false) {
        guard !text.isEmpty else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        parts = [Part(lines: lines, isBlockString: isBlockString)]
        length = text.unicodeScalars.count
        newlines = lines.count - 1
    }

    mutating func append(_ other: ErrorPrinter) {
        parts += other.parts
        length += other.length
        newlines += other.newlines
    }

    mutating func append(_ text: String) { append(ErrorPrinter(text)) }

    func indented() -> ErrorPrinter {
        guard length > 0 else { return self }
        var result = self
        result.parts[0].indentBefore = true
        result.parts[result.parts.count - 1].dedentAfter = true
        result.length += 2 * (newlines + 1)
        return result
    }

    static func join(_ items: [ErrorPrinter], _ separator: String) -> ErrorPrinter {
        var result = ErrorPrinter()
        for item in items where item.length > 0 {
            if result.length > 0 { result.append(separator) }
            result.append(item)
        }
        return result
    }

    static func joinedLength(_ items: [ErrorPrinter], _ separator: String) -> Int {
        var length = 0
        for item in items where item.length > 0 {
            length += (length > 0 ? separator.unicodeScalars.count : 0) + item.length
        }
        return length
    }

    static func wrap(_ start: String, _ inner: ErrorPrinter, _ end: String) -> ErrorPrinter {
        guard inner.length > 0 else { return ErrorPrinter() }
        var result = ErrorPrinter(start)
        result.append(inner)
        result.append(end)
        return result
    }

    static func print(_ node: Value) -> ErrorPrinter {
        switch node {
        case .variable(let name): return ErrorPrinter("$" + name.value)
        case .int(let text, _), .float(let text, _), .enumValue(let text, _): return ErrorPrinter(text)
        case .string(let value, let block, _):
            return block ? ErrorPrinter(printBlockString(value), isBlockString: true) : ErrorPrinter(printString(value))
        case .boolean(let value, _): return ErrorPrinter(value ? "true" : "false")
        case .null: return ErrorPrinter("null")
        case .list(let items, _):
            let values = items.map(print)
            if 2 + joinedLength(values, ", ") > maxLineLength {
                return wrap("[\n", join(values, "\n").indented(), "\n]")
            }
            var result = ErrorPrinter("[")
            result.append(join(values, ", "))
            result.append("]")
            return result
        case .object(let fields, _):
            let printed = fields.map { field in
                var result = ErrorPrinter(field.name.value)
                result.append(": ")
                result.append(print(field.value))
                return result
            }
            if 4 + joinedLength(printed, ", ") > maxLineLength {
                return wrap("{\n", join(printed, "\n").indented(), "\n}")
            }
            var result = ErrorPrinter("{ ")
            result.append(join(printed, ", "))
            result.append(" }")
            return result
        }
    }

    func render() -> String {
        var output = ""
        var depth = 0
        var indentation = ""
        for part in parts {
            if part.indentBefore {
                if depth < Self.maxIndentDepth {
                    indentation += "  "
                    output += "  "
                }
                depth += 1
            }
            let separator = !part.isBlockString && depth >= Self.maxIndentDepth ? " " : "\n" + indentation
            output += part.lines.joined(separator: separator)
            if part.dedentAfter {
                depth -= 1
                indentation = String(repeating: "  ", count: min(depth, Self.maxIndentDepth))
            }
        }
        return output
    }
}
