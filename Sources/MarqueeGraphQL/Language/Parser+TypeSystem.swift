// The type system grammar (spec section 3): schema, type and directive definitions,
// their descriptions, and type system extensions.

extension Parser {
    /// ```
    /// TypeSystemDefinition : SchemaDefinition | TypeDefinition | DirectiveDefinition
    /// TypeDefinition :
    ///   ScalarTypeDefinition | ObjectTypeDefinition | InterfaceTypeDefinition |
    ///   UnionTypeDefinition | EnumTypeDefinition | InputObjectTypeDefinition
    /// ```
    /// Nil when `keyword` begins none of them.
    mutating func parseTypeSystemDefinition(_ keyword: String) throws(GraphQLError) -> Definition? {
        switch keyword {
        case "schema": return .schema(try parseSchemaDefinition())
        case "scalar": return .type(.scalar(try parseScalarTypeDefinition()))
        case "type": return .type(.object(try parseObjectTypeDefinition(keyword: "type")))
        case "interface": return .type(.interface(try parseObjectTypeDefinition(keyword: "interface")))
        case "union": return .type(.union(try parseUnionTypeDefinition()))
        case "enum": return .type(.enumType(try parseEnumTypeDefinition()))
        case "input": return .type(.inputObject(try parseInputObjectTypeDefinition()))
        case "directive": return .directive(try parseDirectiveDefinition())
        default: return nil
        }
    }

    func peekDescription() -> Bool {
        token.kind == .string || token.kind == .blockString
    }

    /// Description : StringValue
    mutating func parseDescription() throws(GraphQLError) -> StringValue? {
        peekDescription() ? try parseStringLiteral() : nil
    }

    /// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    mutating func parseSchemaDefinition() throws(GraphQLError) -> SchemaDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseDirectives(const: true)
        let operationTypes = try many(.braceL, .braceR) { parser throws(GraphQLError) in
            try parser.parseOperationTypeDefinition()
        }
        return SchemaDefinition(
            description: description, directives: directives, operationTypes: operationTypes, loc: loc(start))
    }

    /// RootOperationTypeDefinition : OperationType : NamedType
    mutating func parseOperationTypeDefinition() throws(GraphQLError) -> OperationTypeDefinition {
        let start = token
        let operation = try parseOperationType()
        try expect(.colon)
        let type = try parseName()
        return OperationTypeDefinition(operation: operation, type: type, loc: loc(start))
    }

    /// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
    mutating func parseScalarTypeDefinition() throws(GraphQLError) -> ScalarTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        return ScalarTypeDefinition(description: description, name: name, directives: directives, loc: loc(start))
    }

    /// ```
    /// ObjectTypeDefinition :
    ///   Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    /// InterfaceTypeDefinition :
    ///   Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    /// ```
    mutating func parseObjectTypeDefinition(keyword: StaticString) throws(GraphQLError) -> ObjectTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword(keyword)
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(const: true)
        let fields = try parseFieldsDefinition()
        return ObjectTypeDefinition(
            description: description, name: name, interfaces: interfaces, directives: directives, fields: fields,
            loc: loc(start))
    }

    /// ImplementsInterfaces : implements `&`? NamedType | ImplementsInterfaces & NamedType
    mutating func parseImplementsInterfaces() throws(GraphQLError) -> [Name] {
        guard try expectOptionalKeyword("implements") else { return [] }
        return try delimitedMany(.amp) { parser throws(GraphQLError) in try parser.parseName() }
    }

    /// FieldsDefinition : { FieldDefinition+ }
    mutating func parseFieldsDefinition() throws(GraphQLError) -> [FieldDefinition] {
        try optionalMany(.braceL, .braceR) { parser throws(GraphQLError) in try parser.parseFieldDefinition() }
    }

    /// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    mutating func parseFieldDefinition() throws(GraphQLError) -> FieldDefinition {
        let start = token
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentsDefinition()
        try expect(.colon)
        let type = try parseTypeReference()
        let directives = try parseDirectives(const: true)
        return FieldDefinition(
            description: description, name: name, arguments: arguments, type: type, directives: directives,
            loc: loc(start))
    }

    /// ArgumentsDefinition : ( InputValueDefinition+ )
    mutating func parseArgumentsDefinition() throws(GraphQLError) -> [InputValueDefinition] {
        try optionalMany(.parenL, .parenR) { parser throws(GraphQLError) in try parser.parseInputValueDefinition() }
    }

    /// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    mutating func parseInputValueDefinition() throws(GraphQLError) -> InputValueDefinition {
        let start = token
        let description = try parseDescription()
        let name = try parseName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValueLiteral(const: true) : nil
        let directives = try parseDirectives(const: true)
        return InputValueDefinition(
            description: description, name: name, type: type, defaultValue: defaultValue, directives: directives,
            loc: loc(start))
    }

    /// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
    mutating func parseUnionTypeDefinition() throws(GraphQLError) -> UnionTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let types = try parseUnionMemberTypes()
        return UnionTypeDefinition(description: description, name: name, directives: directives, types: types, loc: loc(start))
    }

    /// UnionMemberTypes : = `|`? NamedType | UnionMemberTypes | NamedType
    mutating func parseUnionMemberTypes() throws(GraphQLError) -> [Name] {
        guard try expectOptional(.equals) else { return [] }
        return try delimitedMany(.pipe) { parser throws(GraphQLError) in try parser.parseName() }
    }

    /// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
    mutating func parseEnumTypeDefinition() throws(GraphQLError) -> EnumTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let values = try parseEnumValuesDefinition()
        return EnumTypeDefinition(description: description, name: name, directives: directives, values: values, loc: loc(start))
    }

    /// EnumValuesDefinition : { EnumValueDefinition+ }
    mutating func parseEnumValuesDefinition() throws(GraphQLError) -> [EnumValueDefinition] {
        try optionalMany(.braceL, .braceR) { parser throws(GraphQLError) in try parser.parseEnumValueDefinition() }
    }

    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    mutating func parseEnumValueDefinition() throws(GraphQLError) -> EnumValueDefinition {
        let start = token
        let description = try parseDescription()
        let name = try parseEnumValueName()
        let directives = try parseDirectives(const: true)
        return EnumValueDefinition(description: description, name: name, directives: directives, loc: loc(start))
    }

    /// EnumValue : Name but not `true`, `false` or `null`
    mutating func parseEnumValueName() throws(GraphQLError) -> Name {
        if currentValueIs("true") || currentValueIs("false") || currentValueIs("null") {
            throw syntaxError("\(describe(token)) is reserved and cannot be used for an enum value.", at: token)
        }
        return try parseName()
    }

    /// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
    mutating func parseInputObjectTypeDefinition() throws(GraphQLError) -> InputObjectTypeDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let fields = try parseInputFieldsDefinition()
        return InputObjectTypeDefinition(
            description: description, name: name, directives: directives, fields: fields, loc: loc(start))
    }

    /// InputFieldsDefinition : { InputValueDefinition+ }
    mutating func parseInputFieldsDefinition() throws(GraphQLError) -> [InputValueDefinition] {
        try optionalMany(.braceL, .braceR) { parser throws(GraphQLError) in try parser.parseInputValueDefinition() }
    }

    /// DirectiveDefinition :
    ///   Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
    mutating func parseDirectiveDefinition() throws(GraphQLError) -> DirectiveDefinition {
        let start = token
        let description = try parseDescription()
        try expectKeyword("directive")
        try expect(.at)
        let name = try parseName()
        let arguments = try parseArgumentsDefinition()
        let repeatable = try expectOptionalKeyword("repeatable")
        try expectKeyword("on")
        let locations = try parseDirectiveLocations()
        return DirectiveDefinition(
            description: description, name: name, arguments: arguments, repeatable: repeatable, locations: locations,
            loc: loc(start))
    }

    /// DirectiveLocations : `|`? DirectiveLocation | DirectiveLocations | DirectiveLocation
    mutating func parseDirectiveLocations() throws(GraphQLError) -> [Name] {
        try delimitedMany(.pipe) { parser throws(GraphQLError) in try parser.parseDirectiveLocation() }
    }

    /// ```
    /// DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation
    /// ExecutableDirectiveLocation : one of
    ///   QUERY MUTATION SUBSCRIPTION FIELD FRAGMENT_DEFINITION FRAGMENT_SPREAD
    ///   INLINE_FRAGMENT VARIABLE_DEFINITION
    /// TypeSystemDirectiveLocation : one of
    ///   SCHEMA SCALAR OBJECT FIELD_DEFINITION ARGUMENT_DEFINITION INTERFACE UNION
    ///   ENUM ENUM_VALUE INPUT_OBJECT INPUT_FIELD_DEFINITION
    /// ```
    mutating func parseDirectiveLocation() throws(GraphQLError) -> Name {
        let start = token
        let name = try parseName()
        guard Self.directiveLocations.contains(name.value) else { throw unexpected(start) }
        return name
    }

    static let directiveLocations: Set<String> = [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD",
        "INLINE_FRAGMENT", "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION", "INTERFACE", "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT",
        "INPUT_FIELD_DEFINITION",
    ]
}
