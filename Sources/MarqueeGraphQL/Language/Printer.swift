// Prints an AST back to GraphQL text exactly as graphql-js 16's print() does: the
// same join/wrap/block/indent rules, arguments of a field on separate lines when the
// line would pass 80 characters, block strings through printBlockString.

/// Prints a document in graphql-js 16's format.
public func printAST(_ document: Document) -> String {
    ASTPrinter.join(document.definitions.map(ASTPrinter.definition), "\n\n")
}

public func printAST(_ definition: Definition) -> String { ASTPrinter.definition(definition) }
public func printAST(_ operation: OperationDefinition) -> String { ASTPrinter.operation(operation) }
public func printAST(_ fragment: FragmentDefinition) -> String { ASTPrinter.fragment(fragment) }
public func printAST(_ selectionSet: SelectionSet) -> String { ASTPrinter.selectionSet(selectionSet) }
public func printAST(_ selection: Selection) -> String { ASTPrinter.selection(selection) }
public func printAST(_ field: Field) -> String { ASTPrinter.field(field) }
public func printAST(_ argument: Argument) -> String { ASTPrinter.argument(argument) }
public func printAST(_ directive: Directive) -> String { ASTPrinter.directive(directive) }
public func printAST(_ value: Value) -> String { ASTPrinter.value(value) }
public func printAST(_ type: TypeNode) -> String { ASTPrinter.type(type) }

/// Prints a value literal, e.g. `{a: [1, "b"]}` (graphql-js `print(valueNode)`).
public func printValue(_ value: Value) -> String { ASTPrinter.value(value) }

/// Prints a type reference, e.g. `[Int!]!` (graphql-js `print(typeNode)`).
public func printType(_ type: TypeNode) -> String { ASTPrinter.type(type) }

/// The printing rules, one function per node kind.
enum ASTPrinter {
    static let maxLineLength = 80

    static func definition(_ definition: Definition) -> String {
        switch definition {
        case .operation(let operation): return self.operation(operation)
        case .fragment(let fragment): return self.fragment(fragment)
        case .schema(let schema): return self.schema(schema)
        case .schemaExtension(let schema): return schemaExtension(schema)
        case .type(let type): return typeDefinition(type)
        case .typeExtension(let type): return typeExtension(type)
        case .directive(let directive): return directiveDefinition(directive)
        }
    }

    static func operation(_ node: OperationDefinition) -> String {
        let variableDefinitions = wrap("(", join(node.variableDefinitions.map(variableDefinition), ", "), ")")
        let prefix = join(
            [
                node.operation.rawValue,
                join([node.name?.value ?? "", variableDefinitions]),
                join(node.directives.map(directive), " "),
            ], " ")
        // Anonymous queries with no directives or variable definitions use the short form.
        return (prefix == "query" ? "" : prefix + " ") + selectionSet(node.selectionSet)
    }

    static func variableDefinition(_ node: VariableDefinition) -> String {
        "$" + node.variable.value + ": " + type(node.type) + wrap(" = ", node.defaultValue.map(value))
            + wrap(" ", join(node.directives.map(directive), " "))
    }

    static func selectionSet(_ node: SelectionSet) -> String {
        block(node.selections.map(selection))
    }

    static func selection(_ node: Selection) -> String {
        switch node {
        case .field(let field): return self.field(field)
        case .fragmentSpread(let spread):
            return "..." + spread.name.value + wrap(" ", join(spread.directives.map(directive), " "))
        case .inlineFragment(let fragment):
            return join(
                [
                    "...", wrap("on ", fragment.typeCondition?.value), join(fragment.directives.map(directive), " "),
                    selectionSet(fragment.selectionSet),
                ], " ")
        }
    }

    static func field(_ node: Field) -> String {
        let prefix = wrap("", node.alias?.value, ": ") + node.name.value
        let arguments = node.arguments.map(argument)
        var argumentsLine = prefix + wrap("(", join(arguments, ", "), ")")
        if argumentsLine.utf16.count > maxLineLength {
            argumentsLine = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)")
        }
        return join(
            [argumentsLine, join(node.directives.map(directive), " "), node.selectionSet.map(selectionSet) ?? ""], " ")
    }

    static func argument(_ node: Argument) -> String {
        node.name.value + ": " + value(node.value)
    }

    static func fragment(_ node: FragmentDefinition) -> String {
        "fragment \(node.name.value) on \(node.typeCondition.value) "
            + wrap("", join(node.directives.map(directive), " "), " ") + selectionSet(node.selectionSet)
    }

    static func value(_ node: Value) -> String {
        switch node {
        case .variable(let name): return "$" + name.value
        case .int(let text, _), .float(let text, _), .enumValue(let text, _): return text
        case .string(let string, let block, _): return block ? printBlockString(string) : printString(string)
        case .boolean(let bool, _): return bool ? "true" : "false"
        case .null: return "null"
        case .list(let values, _): return "[" + join(values.map(value), ", ") + "]"
        case .object(let fields, _):
            // graphql-js 17 / graphql-core 3.3 spacing: `{ a: 1 }`, and `{  }` when empty.
            return "{ " + join(fields.map { $0.name.value + ": " + value($0.value) }, ", ") + " }"
        }
    }

    static func directive(_ node: Directive) -> String {
        "@" + node.name.value + wrap("(", join(node.arguments.map(argument), ", "), ")")
    }

    static func type(_ node: TypeNode) -> String {
        switch node {
        case .named(let name): return name.value
        case .list(let inner, _): return "[" + type(inner) + "]"
        case .nonNull(let inner, _): return type(inner) + "!"
        }
    }

    // MARK: graphql-js's helpers

    /// The non-empty strings, joined by `separator`.
    static func join(_ strings: [String], _ separator: String = "") -> String {
        var result = ""
        for string in strings where !string.isEmpty {
            if !result.isEmpty { result += separator }
            result += string
        }
        return result
    }

    /// `start + string + end`, or "" when the string is nil or empty.
    static func wrap(_ start: String, _ string: String?, _ end: String = "") -> String {
        guard let string, !string.isEmpty else { return "" }
        return start + string + end
    }

    /// Each item on its own line, indented, within `{ }`; "" for no items.
    static func block(_ strings: [String]) -> String {
        wrap("{\n", indent(join(strings, "\n")), "\n}")
    }

    /// The string with two spaces before it and after each `\n`; "" if empty.
    static func indent(_ string: String) -> String {
        guard !string.isEmpty else { return "" }
        var output: [UInt8] = [0x20, 0x20]
        output.reserveCapacity(string.utf8.count + 16)
        for byte in string.utf8 {
            output.append(byte)
            if byte == 0x0A { output.append(contentsOf: [0x20, 0x20]) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether any printed item spans lines.
    static func hasMultilineItems(_ strings: [String]) -> Bool {
        strings.contains { $0.utf8.contains(0x0A) }
    }
}
