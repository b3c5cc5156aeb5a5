// Printing the type system language, as graphql-js 16's print() does.

extension ASTPrinter {
    /// A description on the line before its definition, or "".
    static func description(_ node: StringValue?) -> String {
        guard let node else { return "" }
        return (node.block ? printBlockString(node.value) : printString(node.value)) + "\n"
    }

    static func directives(_ nodes: [Directive]) -> String {
        join(nodes.map(directive), " ")
    }

    static func schema(_ node: SchemaDefinition) -> String {
        description(node.description)
            + join(["schema", directives(node.directives), block(node.operationTypes.map(operationType))], " ")
    }

    static func schemaExtension(_ node: SchemaDefinition) -> String {
        join(["extend schema", directives(node.directives), block(node.operationTypes.map(operationType))], " ")
    }

    static func operationType(_ node: OperationTypeDefinition) -> String {
        node.operation.rawValue + ": " + node.type.value
    }

    static func typeDefinition(_ node: TypeDefinition) -> String {
        description(node.description) + typeBody(node, keyword: keyword(of: node))
    }

    static func typeExtension(_ node: TypeDefinition) -> String {
        typeBody(node, keyword: "extend " + keyword(of: node))
    }

    static func keyword(of node: TypeDefinition) -> String {
        switch node {
        case .scalar: return "scalar"
        case .object: return "type"
        case .interface: return "interface"
        case .union: return "union"
        case .enumType: return "enum"
        case .inputObject: return "input"
        }
    }

    /// A type definition or extension after its description.
    static func typeBody(_ node: TypeDefinition, keyword: String) -> String {
        switch node {
        case .scalar(let scalar):
            return join([keyword, scalar.name.value, directives(scalar.directives)], " ")
        case .object(let object), .interface(let object):
            return join(
                [
                    keyword, object.name.value, wrap("implements ", join(object.interfaces.map(\.value), " & ")),
                    directives(object.directives), block(object.fields.map(fieldDefinition)),
                ], " ")
        case .union(let union):
            return join(
                [
                    keyword, union.name.value, directives(union.directives),
                    wrap("= ", join(union.types.map(\.value), " | ")),
                ], " ")
        case .enumType(let enumType):
            return join(
                [keyword, enumType.name.value, directives(enumType.directives), block(enumType.values.map(enumValue))],
                " ")
        case .inputObject(let input):
            return join(
                [keyword, input.name.value, directives(input.directives), block(input.fields.map(inputValue))], " ")
        }
    }

    static func fieldDefinition(_ node: FieldDefinition) -> String {
        description(node.description) + node.name.value + argumentsDefinition(node.arguments) + ": " + type(node.type)
            + wrap(" ", directives(node.directives))
    }

    /// `(a: A, b: B)`, or one argument a line when any spans lines (has a description).
    static func argumentsDefinition(_ nodes: [InputValueDefinition]) -> String {
        let arguments = nodes.map(inputValue)
        if hasMultilineItems(arguments) { return wrap("(\n", indent(join(arguments, "\n")), "\n)") }
        return wrap("(", join(arguments, ", "), ")")
    }

    static func inputValue(_ node: InputValueDefinition) -> String {
        description(node.description)
            + join(
                [
                    node.name.value + ": " + type(node.type), wrap("= ", node.defaultValue.map(value)),
                    directives(node.directives),
                ], " ")
    }

    static func enumValue(_ node: EnumValueDefinition) -> String {
        description(node.description) + join([node.name.value, directives(node.directives)], " ")
    }

    static func directiveDefinition(_ node: DirectiveDefinition) -> String {
        description(node.description) + "directive @" + node.name.value + argumentsDefinition(node.arguments)
            + (node.repeatable ? " repeatable" : "") + " on " + join(node.locations.map(\.value), " | ")
    }
}
