// Spec 3.4–3.10, type validation of each named type, in the schema's type order.

extension SchemaValidationContext {
    func validateTypes() {
        let defaultValueCycles = InputObjectDefaultValueCycles(self)
        var inputObjects: [GraphQLInputObjectType] = []
        for type in schema.types {
            if !Self.introspectionTypes.contains(ObjectIdentifier(type)) {
                validateName(type.name, nodes.definitionLoc(type))
            }
            switch type {
            case let object as GraphQLObjectType:
                validateFields(object, object.fields)
                validateInterfaces(object, object.interfaces)
            case let interface as GraphQLInterfaceType:
                validateFields(interface, interface.fields)
                validateInterfaces(interface, interface.interfaces)
            case let union as GraphQLUnionType:
                validateUnionMembers(union)
            case let enumType as GraphQLEnumType:
                validateEnumValues(enumType)
            case let input as GraphQLInputObjectType:
                validateInputFields(input)
                inputObjects.append(input)
                defaultValueCycles.detect(input)
            default:
                continue
            }
        }
        detectInputObjectsWithoutFiniteValues(inputObjects)
    }

    /// The introspection types themselves (a user type may have a `__` name too).
    static let introspectionTypes: Set<ObjectIdentifier> = Set(
        GraphQLSchema(query: nil).types.filter { $0.name.hasPrefix("__") }.map { ObjectIdentifier($0) })

    /// Spec 3.6.1 / 3.7.1: fields of an object type or interface.
    func validateFields(_ type: any GraphQLNamedType, _ fields: [GraphQLField]) {
        if fields.isEmpty {
            report("Type \(type.name) must define one or more fields.", nodes.typeLocations(type))
        }
        for field in fields {
            let fieldNode = nodes.field(type.name, field.name)
            validateName(field.name, fieldNode?.loc ?? field.loc)
            if !field.type.isOutputType {
                report("The type of \(type.name).\(field.name) must be Output Type but got: \(field.type).", fieldNode?.type.loc)
            }
            for argument in field.arguments {
                let argumentNode = fieldNode?.arguments.first { $0.name.value == argument.name }
                validateName(argument.name, argumentNode?.loc ?? argument.loc)
                let argumentString = "\(type.name).\(field.name)(\(argument.name):)"
                if !argument.type.isInputType {
                    report("The type of \(argumentString) must be Input Type but got: \(argument.type).", argumentNode?.type.loc)
                }
                if argument.isRequired && argument.deprecationReason != nil {
                    report("Required argument \(argumentString) cannot be deprecated.",
                           [deprecatedDirectiveLoc(argumentNode?.directives ?? argument.directives), argumentNode?.type.loc])
                }
                validateDefaultValue(argument, argumentString, node: argumentNode)
            }
        }
    }

    /// Spec 3.8: a union has object member types, each once.
    func validateUnionMembers(_ union: GraphQLUnionType) {
        if union.types.isEmpty {
            report("Union type \(union.name) must define one or more member types.", nodes.typeLocations(union))
        }
        var included: Set<String> = []
        for member in union.types {
            if included.contains(member.name) {
                report("Union type \(union.name) can only include type \(member.name) once.", nodes.unionMemberNodes(union.name, member.name))
            } else {
                included.insert(member.name)
            }
        }
    }

    /// Spec 3.9: an enum has values, with valid names.
    func validateEnumValues(_ enumType: GraphQLEnumType) {
        if enumType.values.isEmpty {
            report("Enum type \(enumType.name) must define one or more values.", nodes.typeLocations(enumType))
        }
        for value in enumType.values {
            validateName(value.name, nodes.enumValue(enumType.name, value.name)?.loc)
        }
    }
}
