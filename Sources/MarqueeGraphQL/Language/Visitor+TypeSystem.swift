// The traversal of the type system language.

extension ASTVisitor {
    mutating func walk(_ node: SchemaDefinition, isExtension: Bool) -> Bool {
        step(enter(node, isExtension: isExtension)) { visitor in
            guard visitor.walk(node.directives) else { return false }
            for index in node.operationTypes.indices where !visitor.walk(node.operationTypes[index]) { return false }
            return true
        } _: { $0.leave(node, isExtension: isExtension) }
    }

    mutating func walk(_ node: OperationTypeDefinition) -> Bool {
        step(enter(node)) { _ in true } _: { $0.leave(node) }
    }

    mutating func walk(_ node: TypeDefinition, isExtension: Bool) -> Bool {
        step(enter(node, isExtension: isExtension)) { visitor in
            guard visitor.walk(node.directives) else { return false }
            switch node {
            case .scalar, .union:
                return true
            case .object(let object), .interface(let object):
                for index in object.fields.indices where !visitor.walk(object.fields[index]) { return false }
            case .enumType(let enumType):
                for index in enumType.values.indices where !visitor.walk(enumType.values[index]) { return false }
            case .inputObject(let input):
                return visitor.walk(input.fields)
            }
            return true
        } _: { $0.leave(node, isExtension: isExtension) }
    }

    mutating func walk(_ node: FieldDefinition) -> Bool {
        step(enter(node)) { visitor in
            visitor.walk(node.arguments) && visitor.walk(node.type) && visitor.walk(node.directives)
        } _: { $0.leave(node) }
    }

    mutating func walk(_ nodes: [InputValueDefinition]) -> Bool {
        for index in nodes.indices where !walk(nodes[index]) { return false }
        return true
    }

    mutating func walk(_ node: InputValueDefinition) -> Bool {
        step(enter(node)) { visitor in
            guard visitor.walk(node.type) else { return false }
            if let defaultValue = node.defaultValue, !visitor.walk(defaultValue) { return false }
            return visitor.walk(node.directives)
        } _: { $0.leave(node) }
    }

    mutating func walk(_ node: EnumValueDefinition) -> Bool {
        step(enter(node)) { $0.walk(node.directives) } _: { $0.leave(node) }
    }

    mutating func walk(_ node: DirectiveDefinition) -> Bool {
        step(enter(node)) { $0.walk(node.arguments) } _: { $0.leave(node) }
    }
}
