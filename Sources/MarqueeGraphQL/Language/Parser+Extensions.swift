// Type system extensions (spec sections 3.2.2, 3.4.3 and the Extension production of
// each type): `extend` followed by the kind, and at least one of its parts.

extension Parser {
    /// ```
    /// TypeSystemExtension : SchemaExtension | TypeExtension
    /// TypeExtension :
    ///   ScalarTypeExtension | ObjectTypeExtension | InterfaceTypeExtension |
    ///   UnionTypeExtension | EnumTypeExtension | InputObjectTypeExtension
    /// ```
    mutating func parseTypeSystemExtension() throws(GraphQLError) -> Definition {
        let keywordToken = try lexer.lookahead()
        if keywordToken.kind == .name {
            switch lexer.text(of: keywordToken) {
            case "schema": return .schemaExtension(try parseSchemaExtension())
            case "scalar": return .typeExtension(.scalar(try parseScalarTypeExtension()))
            case "type": return .typeExtension(.object(try parseObjectTypeExtension(keyword: "type")))
            case "interface": return .typeExtension(.interface(try parseObjectTypeExtension(keyword: "interface")))
            case "union": return .typeExtension(.union(try parseUnionTypeExtension()))
            case "enum": return .typeExtension(.enumType(try parseEnumTypeExtension()))
            case "input": return .typeExtension(.inputObject(try parseInputObjectTypeExtension()))
            default: break
            }
        }
        throw unexpected(keywordToken)
    }

    /// ```
    /// SchemaExtension :
    ///   - extend schema Directives[Const]? { RootOperationTypeDefinition+ }
    ///   - extend schema Directives[Const] [lookahead != {]
    /// ```
    mutating func parseSchemaExtension() throws(GraphQLError) -> SchemaDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("schema")
        let directives = try parseDirectives(const: true)
        let operationTypes = try optionalMany(.braceL, .braceR) { parser throws(GraphQLError) in
            try parser.parseOperationTypeDefinition()
        }
        if directives.isEmpty && operationTypes.isEmpty { throw unexpected() }
        return SchemaDefinition(description: nil, directives: directives, operationTypes: operationTypes, loc: loc(start))
    }

    /// ScalarTypeExtension : extend scalar Name Directives[Const]
    mutating func parseScalarTypeExtension() throws(GraphQLError) -> ScalarTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        if directives.isEmpty { throw unexpected() }
        return ScalarTypeDefinition(description: nil, name: name, directives: directives, loc: loc(start))
    }

    /// ```
    /// ObjectTypeExtension / InterfaceTypeExtension :
    ///   - extend type|interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition
    ///   - extend type|interface Name ImplementsInterfaces? Directives[Const] [lookahead != {]
    ///   - extend type|interface Name ImplementsInterfaces [lookahead != {]
    /// ```
    mutating func parseObjectTypeExtension(keyword: StaticString) throws(GraphQLError) -> ObjectTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword(keyword)
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(const: true)
        let fields = try parseFieldsDefinition()
        if interfaces.isEmpty && directives.isEmpty && fields.isEmpty { throw unexpected() }
        return ObjectTypeDefinition(
            description: nil, name: name, interfaces: interfaces, directives: directives, fields: fields, loc: loc(start))
    }

    /// ```
    /// UnionTypeExtension :
    ///   - extend union Name Directives[Const]? UnionMemberTypes
    ///   - extend union Name Directives[Const]
    /// ```
    mutating func parseUnionTypeExtension() throws(GraphQLError) -> UnionTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let types = try parseUnionMemberTypes()
        if directives.isEmpty && types.isEmpty { throw unexpected() }
        return UnionTypeDefinition(description: nil, name: name, directives: directives, types: types, loc: loc(start))
    }

    /// ```
    /// EnumTypeExtension :
    ///   - extend enum Name Directives[Const]? EnumValuesDefinition
    ///   - extend enum Name Directives[Const] [lookahead != {]
    /// ```
    mutating func parseEnumTypeExtension() throws(GraphQLError) -> EnumTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let values = try parseEnumValuesDefinition()
        if directives.isEmpty && values.isEmpty { throw unexpected() }
        return EnumTypeDefinition(description: nil, name: name, directives: directives, values: values, loc: loc(start))
    }

    /// ```
    /// InputObjectTypeExtension :
    ///   - extend input Name Directives[Const]? InputFieldsDefinition
    ///   - extend input Name Directives[Const] [lookahead != {]
    /// ```
    mutating func parseInputObjectTypeExtension() throws(GraphQLError) -> InputObjectTypeDefinition {
        let start = token
        try expectKeyword("extend")
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let fields = try parseInputFieldsDefinition()
        if directives.isEmpty && fields.isEmpty { throw unexpected() }
        return InputObjectTypeDefinition(description: nil, name: name, directives: directives, fields: fields, loc: loc(start))
    }
}
