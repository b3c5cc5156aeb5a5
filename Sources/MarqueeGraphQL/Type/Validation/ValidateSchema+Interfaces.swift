// Spec 3.6.1 / 3.7.1 "IsValidImplementation": an object type or interface
// implements each interface it claims once, with every ancestor of it, with
// covariant field types, invariant argument types and no extra required arguments.

extension SchemaValidationContext {
    func validateInterfaces(_ type: any GraphQLNamedType, _ interfaces: [GraphQLInterfaceType]) {
        var seen: Set<String> = []
        for interface in interfaces {
            if type === interface {
                report("Type \(type.name) cannot implement itself because it would create a circular reference.",
                       nodes.implementsNodes(type.name, interface.name))
            }
            if seen.contains(interface.name) {
                report("Type \(type.name) can only implement \(interface.name) once.", nodes.implementsNodes(type.name, interface.name))
                continue
            }
            seen.insert(interface.name)
            validateImplementsAncestors(type, interfaces, interface)
            validateImplementsInterface(type, interface)
        }
    }

    private func validateImplementsAncestors(_ type: any GraphQLNamedType, _ typeInterfaces: [GraphQLInterfaceType], _ interface: GraphQLInterfaceType) {
        for transitive in interface.interfaces where !typeInterfaces.contains(where: { $0 === transitive }) {
            let message = transitive === type
                ? "Type \(type.name) cannot implement \(interface.name) because it would create a circular reference."
                : "Type \(type.name) must implement \(transitive.name) because it is implemented by \(interface.name)."
            report(message, nodes.implementsNodes(interface.name, transitive.name) + nodes.implementsNodes(type.name, interface.name))
        }
    }

    private func validateImplementsInterface(_ type: any GraphQLNamedType, _ interface: GraphQLInterfaceType) {
        for interfaceField in interface.fields {
            let name = interfaceField.name
            let interfaceFieldNode = nodes.field(interface.name, name)
            guard let typeField = (type as? GraphQLObjectType)?.field(named: name) ?? (type as? GraphQLInterfaceType)?.field(named: name) else {
                report("Interface field \(interface.name).\(name) expected but \(type.name) does not provide it.",
                       [interfaceFieldNode?.loc ?? interfaceField.loc] + nodes.typeLocations(type))
                continue
            }
            let typeFieldNode = nodes.field(type.name, name)
            if !schema.isTypeSubType(typeField.type, of: interfaceField.type) {
                report("Interface field \(interface.name).\(name) expects type \(interfaceField.type) but \(type.name).\(name) is type \(typeField.type).",
                       [interfaceFieldNode?.type.loc, typeFieldNode?.type.loc])
            }
            validateArguments(type, typeField, typeFieldNode, interface, interfaceField, interfaceFieldNode)
            if typeField.deprecationReason != nil && interfaceField.deprecationReason == nil {
                report("Interface field \(interface.name).\(name) is not deprecated, so implementation field \(type.name).\(name) must not be deprecated.",
                       [deprecatedDirectiveLoc(typeFieldNode?.directives ?? typeField.directives), typeFieldNode?.type.loc])
            }
        }
    }

    private func validateArguments(_ type: any GraphQLNamedType, _ typeField: GraphQLField, _ typeFieldNode: FieldDefinition?,
                                   _ interface: GraphQLInterfaceType, _ interfaceField: GraphQLField, _ interfaceFieldNode: FieldDefinition?) {
        let name = typeField.name
        for interfaceArgument in interfaceField.arguments {
            let argumentName = interfaceArgument.name
            let interfaceArgumentNode = interfaceFieldNode?.arguments.first { $0.name.value == argumentName }
            guard let typeArgument = typeField.argument(named: argumentName) else {
                report("Interface field argument \(interface.name).\(name)(\(argumentName):) expected but \(type.name).\(name) does not provide it.",
                       [interfaceArgumentNode?.loc ?? interfaceArgument.loc, typeFieldNode?.loc ?? typeField.loc])
                continue
            }
            if !interfaceArgument.type.isEqual(to: typeArgument.type) {
                let typeArgumentNode = typeFieldNode?.arguments.first { $0.name.value == argumentName }
                report("Interface field argument \(interface.name).\(name)(\(argumentName):) expects type \(interfaceArgument.type) but \(type.name).\(name)(\(argumentName):) is type \(typeArgument.type).",
                       [interfaceArgumentNode?.type.loc, typeArgumentNode?.type.loc])
            }
        }
        for typeArgument in typeField.arguments where interfaceField.argument(named: typeArgument.name) == nil && typeArgument.isRequired {
            let typeArgumentNode = typeFieldNode?.arguments.first { $0.name.value == typeArgument.name }
            report("Argument \"\(type.name).\(name)(\(typeArgument.name):)\" must not be required type \"\(typeArgument.type)\" if not provided by the Interface field \"\(interface.name).\(name)\".",
                   [typeArgumentNode?.loc ?? typeArgument.loc, interfaceFieldNode?.loc ?? interfaceField.loc])
        }
    }
}
