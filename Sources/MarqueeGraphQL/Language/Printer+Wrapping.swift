// Values as graphql-core 3.3's print_ast prints them: as the language printer does
// (objects as `{ a: 1 }`), but a list or object longer than 80 characters is broken
// into indented lines, one item per line. (printValue and printAST keep values on
// one line, as graphql-js 16 does.)

/// A value literal as graphql-core `print_ast` prints it, long lists and objects
/// on indented lines: how the schema printer and introspection show default values.
func printWrappedValue(_ node: Value) -> String {
    ValuePrintBuffer.print(node).render(maxIndentDepth: .max)
}

/// A literal as error messages show it (graphql-core `print_for_error`): wrapped,
/// except that past 100 levels of indentation lines are joined by spaces.
func printForError(_ node: Value) -> String {
    ValuePrintBuffer.print(node).render(maxIndentDepth: 100)
}

/// graphql-core's print buffer for values: printed parts and where indentation
/// starts and ends, with the length they will have once rendered.
private struct ValuePrintBuffer {
    struct Part {
        var lines: [Substring]
        var isBlockString = false
        var indentBefore = false
        var dedentAfter = false
    }

    static let maxLineLength = 80

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

    mutating func append(_ other: ValuePrintBuffer) {
        parts += other.parts
        length += other.length
        newlines += other.newlines
    }

    mutating func append(_ text: String) { append(ValuePrintBuffer(text)) }

    func indented() -> ValuePrintBuffer {
        guard length > 0 else { return self }
        var result = self
        result.parts[0].indentBefore = true
        result.parts[result.parts.count - 1].dedentAfter = true
        result.length += 2 * (newlines + 1)
        return result
    }

    static func join(_ items: [ValuePrintBuffer], _ separator: String) -> ValuePrintBuffer {
        var result = ValuePrintBuffer()
        for item in items where item.length > 0 {
            if result.length > 0 { result.append(separator) }
            result.append(item)
        }
        return result
    }

    static func joinedLength(_ items: [ValuePrintBuffer], _ separator: String) -> Int {
        var length = 0
        for item in items where item.length > 0 {
            length += (length > 0 ? separator.unicodeScalars.count : 0) + item.length
        }
        return length
    }

    static func wrap(_ start: String, _ inner: ValuePrintBuffer, _ end: String) -> ValuePrintBuffer {
        guard inner.length > 0 else { return ValuePrintBuffer() }
        var result = ValuePrintBuffer(start)
        result.append(inner)
        result.append(end)
        return result
    }

    static func print(_ node: Value) -> ValuePrintBuffer {
        switch node {
        case .list(let items, _):
            let values = items.map(print)
            if 2 + joinedLength(values, ", ") > maxLineLength {
                return wrap("[\n", join(values, "\n").indented(), "\n]")
            }
            var result = ValuePrintBuffer("[")
            result.append(join(values, ", "))
            result.append("]")
            return result
        case .object(let fields, _):
            let printed = fields.map { field in
                var result = ValuePrintBuffer(field.name.value)
                result.append(": ")
                result.append(print(field.value))
                return result
            }
            if 4 + joinedLength(printed, ", ") > maxLineLength {
                return wrap("{\n", join(printed, "\n").indented(), "\n}")
            }
            var result = ValuePrintBuffer("{ ")
            result.append(join(printed, ", "))
            result.append(" }")
            return result
        case .string(_, let block, _):
            return ValuePrintBuffer(ASTPrinter.value(node), isBlockString: block)
        default:
            return ValuePrintBuffer(ASTPrinter.value(node))
        }
    }

    func render(maxIndentDepth: Int) -> String {
        var output = ""
        var depth = 0
        var indentation = ""
        for part in parts {
            if part.indentBefore {
                if depth < maxIndentDepth {
                    indentation += "  "
                    output += "  "
                }
                depth += 1
            }
            let separator = !part.isBlockString && depth >= maxIndentDepth ? " " : "\n" + indentation
            output += part.lines.joined(separator: separator)
            if part.dedentAfter {
                depth -= 1
                indentation = String(repeating: "  ", count: min(depth, maxIndentDepth))
            }
        }
        return output
    }
}
