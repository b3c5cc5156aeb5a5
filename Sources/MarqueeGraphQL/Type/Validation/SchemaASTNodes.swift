/// The SDL nodes of a schema's elements, found by name in the nodes the builder
/// kept (`typeASTNodes`, `directiveASTNodes`), for the locations of validation
/// errors. A schema made in code has none, and its errors have no locations.
struct SchemaASTNodes {
    let schema: GraphQLSchema

    init(_ schema: GraphQLSchema) { self.schema = schema }

    /// The definition and extensions of a type.
    func typeNodes(_ name: String) -> [TypeDefinition] { schema.typeASTNodes[name] ?? [] }

    /// The locations of a type's definition and extensions (graphql-js `[astNode, ...extensionASTNodes]`).
    func typeLocations(_ type: any GraphQLNamedType) -> [Location?] {
        let nodes = typeNodes(type.name)
        if nodes.isEmpty { return [definitionLoc(type)] }
        return nodes.map(\.loc)
    }

    func definitionLoc(_ type: any GraphQLNamedType) -> Location? {
        if let node = typeNodes(type.name).first { return node.loc }
        switch type {
        case let t as GraphQLObjectType: return t.loc
        case let t as GraphQLInterfaceType: return t.loc
        case let t as GraphQLUnionType: return t.loc
        case let t as GraphQLEnumType: return t.loc
        case let t as GraphQLInputObjectType: return t.loc
        case let t as GraphQLScalarType: return t.loc
        default: return nil
        }
    }

    func field(_ typeName: String, _ fieldName: String) -> FieldDefinition? {
        for node in typeNodes(typeName) {
            switch node {
            case .object(let d), .interface(let d):
                if let field = d.fields.first(where: { $0.name.value == fieldName }) { return field }
            default: continue
            }
        }
        return nil
    }

    func argument(_ typeName: String, _ fieldName: String, _ argumentName: String) -> InputValueDefinition? {
        field(typeName, fieldName)?.arguments.first { $0.name.value == argumentName }
    }

    func inputField(_ typeName: String, _ fieldName: String) -> InputValueDefinition? {
        for case .inputObject(let d) in typeNodes(typeName) {
            if let field = d.fields.first(where: { $0.name.value == fieldName }) { return field }
        }
        return nil
    }

    func enumValue(_ typeName: String, _ valueName: String) -> EnumValueDefinition? {
        for case .enumType(let d) in typeNodes(typeName) {
            if let value = d.values.first(where: { $0.name.value == valueName }) { return value }
        }
        return nil
    }

    func directive(_ name: String) -> DirectiveDefinition? { schema.directiveASTNodes[name] }

    func directiveArgument(_ directiveName: String, _ argumentName: String) -> InputValueDefinition? {
        directive(directiveName)?.arguments.first { $0.name.value == argumentName }
    }

    /// The `implements` names of a type (in its definition and extensions) that name `interfaceName`.
    func implementsNodes(_ typeName: String, _ interfaceName: String) -> [Location?] {
        var locations: [Location?] = []
        for node in typeNodes(typeName) {
            switch node {
            case .object(let d), .interface(let d):
                locations += d.interfaces.filter { $0.value == interfaceName }.map(\.loc)
            default: continue
            }
        }
        return locations
    }

    /// The member names of a union (in its definition and extensions) that name `memberName`.
    func unionMemberNodes(_ unionName: String, _ memberName: String) -> [Location?] {
        var locations: [Location?] = []
        for case .union(let d) in typeNodes(unionName) {
            locations += d.types.filter { $0.value == memberName }.map(\.loc)
        }
        return locations
    }

    /// The type node of the root operation type `operation` in the schema definition or extensions.
    func operationTypeNode(_ operation: OperationType) -> Location? {
        let definitions = (schema.astNode.map { [$0] } ?? []) + schema.extensionASTNodes
        for definition in definitions {
            if let node = definition.operationTypes.first(where: { $0.operation == operation }) { return node.type.loc }
        }
        return nil
    }
}

/// The `@deprecated` directive applied in a list of directives, if any.
func deprecatedDirectiveLoc(_ directives: [Directive]?) -> Location? {
    directives?.first { $0.name.value == GraphQLDirective.deprecated.name }?.loc
}
