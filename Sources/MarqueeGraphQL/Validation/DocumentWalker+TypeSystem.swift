// The traversal of type system definitions in an executable document. Such a
// document is invalid (ExecutableDefinitions says so), but like graphql-js every rule
// still visits those definitions: their type references, directives and arguments.

extension DocumentWalker {
    func walkSchemaDefinition(_ node: SchemaDefinition, isExtension: Bool) {
        inTypeSystem {
            rules.enterTypeSystemNode(.schema(node, isExtension: isExtension))
            walkDirectives(node.directives, location: .schema)
            for operationType in node.operationTypes {
                rules.enterNamedType(operationType.type)
            }
        }
    }

    func walkTypeDefinition(_ node: TypeDefinition, isExtension: Bool) {
        inTypeSystem {
            rules.enterTypeSystemNode(.type(node, isExtension: isExtension))
            switch node {
            case .scalar(let d):
                walkDirectives(d.directives, location: .scalar)
            case .object(let d), .interface(let d):
                for interface in d.interfaces {
                    rules.enterNamedType(interface)
                }
                if case .object = node {
                    walkDirectives(d.directives, location: .object)
                } else {
                    walkDirectives(d.directives, location: .interface)
                }
                for field in d.fields { walkFieldDefinition(field) }
            case .union(let d):
                walkDirectives(d.directives, location: .union)
                for member in d.types {
                    rules.enterNamedType(member)
                }
            case .enumType(let d):
                walkDirectives(d.directives, location: .enumType)
                for value in d.values {
                    rules.enterTypeSystemNode(.enumValueDefinition(value))
                    walkDirectives(value.directives, location: .enumValue)
                }
            case .inputObject(let d):
                walkDirectives(d.directives, location: .inputObject)
                for field in d.fields { walkInputValueDefinition(field, location: .inputFieldDefinition) }
            }
        }
    }

    func walkDirectiveDefinition(_ node: DirectiveDefinition) {
        inTypeSystem {
            rules.enterTypeSystemNode(.directiveDefinition(node))
            for argument in node.arguments { walkInputValueDefinition(argument, location: .argumentDefinition) }
        }
    }

    private func walkFieldDefinition(_ node: FieldDefinition) {
        rules.enterTypeSystemNode(.fieldDefinition(node))
        for argument in node.arguments { walkInputValueDefinition(argument, location: .argumentDefinition) }
        walkType(node.type)
        walkDirectives(node.directives, location: .fieldDefinition)
    }

    private func walkInputValueDefinition(_ node: InputValueDefinition, location: DirectiveLocation) {
        rules.enterTypeSystemNode(.inputValueDefinition(node))
        walkType(node.type)
        if let defaultValue = node.defaultValue, rules.visitsValues { walkValue(defaultValue) }
        walkDirectives(node.directives, location: location)
    }

    private func inTypeSystem(_ body: () -> Void) {
        context.isInTypeSystemDefinition = true
        body()
        context.isInTypeSystemDefinition = false
    }
}
