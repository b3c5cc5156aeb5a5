// Introspection (spec 4): `__Schema`, `__Type` and friends are ordinary object types
// whose resolvers read the schema; the executor has no special case for them.

/// The wrapper introspection resolvers pass around for a type (named or wrapped).
struct TypeRef: Sendable {
    let type: GraphQLType
}

public enum Introspection {
    static func resolver(_ body: @escaping @Sendable (_ source: (any Sendable)?, _ args: Arguments, _ info: ResolveInfo) throws -> (any Sendable)?) -> FieldResolver {
        { source, args, _, info in .value(try body(source, args, info)) }
    }

    static func field(_ name: String, _ type: GraphQLType, arguments: [GraphQLArgument] = [], description: String? = nil,
                      _ body: @escaping @Sendable (_ source: (any Sendable)?, _ args: Arguments, _ info: ResolveInfo) throws -> (any Sendable)?) -> GraphQLField {
        GraphQLField(name: name, type: type, description: description, arguments: arguments, resolve: resolver(body))
    }

    /// `includeDeprecated: Boolean! = false`, non-null as graphql-js 17 and graphql-core 3.3 have it.
    static let includeDeprecated = GraphQLArgument(name: "includeDeprecated", type: .nonNull(.scalar(.boolean)), defaultValue: .bool(false),
                                                   defaultValueAST: .boolean(false, .unknown))

    static func string(_ s: String?) -> (any Sendable)? { s.map { JSON.string($0) } }

    public static let typeKind = GraphQLEnumType(
        name: "__TypeKind", description: "An enum describing what kind of type a given `__Type` is.",
        values: [
            GraphQLEnumValue(name: "SCALAR", description: "Indicates this type is a scalar."),
            GraphQLEnumValue(name: "OBJECT", description: "Indicates this type is an object. `fields` and `interfaces` are valid fields."),
            GraphQLEnumValue(name: "INTERFACE", description: "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields."),
            GraphQLEnumValue(name: "UNION", description: "Indicates this type is a union. `possibleTypes` is a valid field."),
            GraphQLEnumValue(name: "ENUM", description: "Indicates this type is an enum. `enumValues` is a valid field."),
            GraphQLEnumValue(name: "INPUT_OBJECT", description: "Indicates this type is an input object. `inputFields` is a valid field."),
            GraphQLEnumValue(name: "LIST", description: "Indicates this type is a list. `ofType` is a valid field."),
            GraphQLEnumValue(name: "NON_NULL", description: "Indicates this type is a non-null. `ofType` is a valid field."),
        ])

    /// graphql-js 17 and graphql-core 3.3 also list the experimental locations
    /// FRAGMENT_VARIABLE_DEFINITION and DIRECTIVE_DEFINITION (and put the latter on
    /// `@deprecated`); Marquee follows the spec and has neither. Otherwise the
    /// introspection types, their fields and descriptions are graphql-core 3.3.2's.
    public static let directiveLocation = GraphQLEnumType(
        name: "__DirectiveLocation",
        description: "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
        values: DirectiveLocation.allCases.map { GraphQLEnumValue(name: $0.rawValue, description: $0.descriptionText) })

    public static let schemaType: GraphQLObjectType = {
        let schema = GraphQLObjectType(name: "__Schema", description: "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.")
        let type = GraphQLObjectType(name: "__Type", description: "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.")
        let field = GraphQLObjectType(name: "__Field", description: "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.")
        let inputValue = GraphQLObjectType(name: "__InputValue", description: "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.")
        let enumValue = GraphQLObjectType(name: "__EnumValue", description: "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.")
        let directive = GraphQLObjectType(name: "__Directive", description: "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.")
        let typeRef = GraphQLType.nonNull(.object(type))
        let stringType = GraphQLType.scalar(.string)
        let nonNullString = GraphQLType.nonNull(.scalar(.string))
        let nonNullBoolean = GraphQLType.nonNull(.scalar(.boolean))
        func list(_ t: GraphQLObjectType) -> GraphQLType { .nonNull(.list(.nonNull(.object(t)))) }

        schema.fieldMap = FieldMap([
            Introspection.field("description", stringType) { _, _, info in string(info.schema.description) },
            Introspection.field("types", list(type), description: "A list of all types supported by this server.") { _, _, info in
                info.schema.types.map { TypeRef(type: $0.graphQLType) }
            },
            Introspection.field("queryType", typeRef, description: "The type that query operations will be rooted at.") { _, _, info in
                info.schema.queryType.map { TypeRef(type: .object($0)) }
            },
            Introspection.field("mutationType", .object(type), description: "If this server supports mutation, the type that mutation operations will be rooted at.") { _, _, info in
                info.schema.mutationType.map { TypeRef(type: .object($0)) }
            },
            Introspection.field("subscriptionType", .object(type), description: "If this server supports subscription, the type that subscription operations will be rooted at.") { _, _, info in
                info.schema.subscriptionType.map { TypeRef(type: .object($0)) }
            },
            // Directives cannot be deprecated (yet): `includeDeprecated` changes nothing.
            Introspection.field("directives", list(directive), arguments: [includeDeprecated],
                                description: "A list of all directives supported by this server.") { _, _, info in
                info.schema.directives
            },
        ])

        type.fieldMap = FieldMap([
            Introspection.field("kind", .nonNull(.enumType(typeKind))) { source, _, _ in
                JSON.string(kindName((source as! TypeRef).type))
            },
            Introspection.field("name", stringType) { source, _, _ in
                let t = (source as! TypeRef).type
                switch t {
                case .list, .nonNull: return nil
                default: return JSON.string(t.named.name)
                }
            },
            Introspection.field("description", stringType) { source, _, _ in
                let t = (source as! TypeRef).type
                switch t {
                case .list, .nonNull: return nil
                default: return string(t.named.description)
                }
            },
            Introspection.field("specifiedByURL", stringType) { source, _, _ in
                if case .scalar(let s) = (source as! TypeRef).type { return string(s.specifiedByURL) }
                return nil
            },
            Introspection.field("fields", .list(.nonNull(.object(field))), arguments: [includeDeprecated]) { source, args, _ in
                let fields: [GraphQLField]
                switch (source as! TypeRef).type {
                case .object(let o): fields = o.fields
                case .interface(let i): fields = i.fields
                default: return nil
                }
                if args.bool("includeDeprecated") == true { return fields }
                return fields.filter { $0.deprecationReason == nil }
            },
            Introspection.field("interfaces", .list(.nonNull(.object(type)))) { source, _, _ in
                switch (source as! TypeRef).type {
                case .object(let o): return o.interfaces.map { TypeRef(type: .interface($0)) }
                case .interface(let i): return i.interfaces.map { TypeRef(type: .interface($0)) }
                default: return nil
                }
            },
            Introspection.field("possibleTypes", .list(.nonNull(.object(type)))) { source, _, info in
                switch (source as! TypeRef).type {
                case .interface(let i): return info.schema.possibleTypes(of: i).map { TypeRef(type: .object($0)) }
                case .union(let u): return u.types.map { TypeRef(type: .object($0)) }
                default: return nil
                }
            },
            Introspection.field("enumValues", .list(.nonNull(.object(enumValue))), arguments: [includeDeprecated]) { source, args, _ in
                guard case .enumType(let e) = (source as! TypeRef).type else { return nil }
                if args.bool("includeDeprecated") == true { return e.values }
                return e.values.filter { $0.deprecationReason == nil }
            },
            Introspection.field("inputFields", .list(.nonNull(.object(inputValue))), arguments: [includeDeprecated]) { source, args, _ in
                guard case .inputObject(let i) = (source as! TypeRef).type else { return nil }
                if args.bool("includeDeprecated") == true { return i.fields }
                return i.fields.filter { $0.deprecationReason == nil }
            },
            Introspection.field("ofType", .object(type)) { source, _, _ in
                switch (source as! TypeRef).type {
                case .list(let t), .nonNull(let t): return TypeRef(type: t)
                default: return nil
                }
            },
            Introspection.field("isOneOf", .scalar(.boolean)) { source, _, _ in
                if case .inputObject(let i) = (source as! TypeRef).type { return JSON.bool(i.isOneOf) }
                return nil
            },
        ])

        field.fieldMap = FieldMap([
            Introspection.field("name", nonNullString) { source, _, _ in JSON.string((source as! GraphQLField).name) },
            Introspection.field("description", stringType) { source, _, _ in string((source as! GraphQLField).description) },
            Introspection.field("args", list(inputValue), arguments: [includeDeprecated]) { source, args, _ in
                let arguments = (source as! GraphQLField).arguments
                if args.bool("includeDeprecated") == true { return arguments }
                return arguments.filter { $0.deprecationReason == nil }
            },
            Introspection.field("type", typeRef) { source, _, _ in TypeRef(type: (source as! GraphQLField).type) },
            Introspection.field("isDeprecated", nonNullBoolean) { source, _, _ in JSON.bool((source as! GraphQLField).deprecationReason != nil) },
            Introspection.field("deprecationReason", stringType) { source, _, _ in string((source as! GraphQLField).deprecationReason) },
        ])

        inputValue.fieldMap = FieldMap([
            Introspection.field("name", nonNullString) { source, _, _ in JSON.string((source as! GraphQLArgument).name) },
            Introspection.field("description", stringType) { source, _, _ in string((source as! GraphQLArgument).description) },
            Introspection.field("type", typeRef) { source, _, _ in TypeRef(type: (source as! GraphQLArgument).type) },
            Introspection.field("defaultValue", stringType, description: "A GraphQL-formatted string representing the default value for this input value.") { source, _, _ in
                let argument = source as! GraphQLArgument
                guard let literal = SchemaPrinter.defaultValueLiteral(argument) else { return nil }
                return JSON.string(printWrappedValue(literal))
            },
            Introspection.field("isDeprecated", nonNullBoolean) { source, _, _ in JSON.bool((source as! GraphQLArgument).deprecationReason != nil) },
            Introspection.field("deprecationReason", stringType) { source, _, _ in string((source as! GraphQLArgument).deprecationReason) },
        ])

        enumValue.fieldMap = FieldMap([
            Introspection.field("name", nonNullString) { source, _, _ in JSON.string((source as! GraphQLEnumValue).name) },
            Introspection.field("description", stringType) { source, _, _ in string((source as! GraphQLEnumValue).description) },
            Introspection.field("isDeprecated", nonNullBoolean) { source, _, _ in JSON.bool((source as! GraphQLEnumValue).deprecationReason != nil) },
            Introspection.field("deprecationReason", stringType) { source, _, _ in string((source as! GraphQLEnumValue).deprecationReason) },
        ])

        directive.fieldMap = FieldMap([
            Introspection.field("name", nonNullString) { source, _, _ in JSON.string((source as! GraphQLDirective).name) },
            Introspection.field("description", stringType) { source, _, _ in string((source as! GraphQLDirective).description) },
            Introspection.field("isRepeatable", nonNullBoolean) { source, _, _ in JSON.bool((source as! GraphQLDirective).isRepeatable) },
            Introspection.field("locations", .nonNull(.list(.nonNull(.enumType(directiveLocation))))) { source, _, _ in
                (source as! GraphQLDirective).locations.map { JSON.string($0.rawValue) }
            },
            Introspection.field("args", list(inputValue), arguments: [includeDeprecated]) { source, args, _ in
                let arguments = (source as! GraphQLDirective).arguments
                if args.bool("includeDeprecated") == true { return arguments }
                return arguments.filter { $0.deprecationReason == nil }
            },
            // graphql-js 17's experimental directive deprecation: never deprecated here.
            Introspection.field("isDeprecated", nonNullBoolean) { _, _, _ in JSON.bool(false) },
            Introspection.field("deprecationReason", stringType) { _, _, _ in nil },
        ])
        return schema
    }()

    static func kindName(_ type: GraphQLType) -> String {
        switch type {
        case .scalar: return "SCALAR"
        case .object: return "OBJECT"
        case .interface: return "INTERFACE"
        case .union: return "UNION"
        case .enumType: return "ENUM"
        case .inputObject: return "INPUT_OBJECT"
        case .list: return "LIST"
        case .nonNull: return "NON_NULL"
        }
    }

    /// `__schema: __Schema!` on the query type.
    public static let schemaField = GraphQLField(
        name: "__schema", type: .nonNull(.object(schemaType)), description: "Access the current type schema of this server.",
        resolve: { _, _, _, info in .value(info.schema) })

    /// `__type(name: String!): __Type` on the query type.
    public static let typeField = GraphQLField(
        name: "__type", type: .object(schemaType.field(named: "queryType")!.type.named as! GraphQLObjectType),
        description: "Request the type information of a single type.",
        arguments: [GraphQLArgument(name: "name", type: .nonNull(.scalar(.string)))],
        resolve: { _, args, _, info in
            guard let name = args.string("name"), let type = info.schema.type(named: name) else { return .null }
            return .value(TypeRef(type: type.graphQLType))
        })

    /// `__typename: String!` on every composite type.
    public static let typeNameField = GraphQLField(
        name: "__typename", type: .nonNull(.scalar(.string)), description: "The name of the current Object type at runtime.",
        resolve: { _, _, _, info in .value(JSON.string(info.parentType.name)) })
}
