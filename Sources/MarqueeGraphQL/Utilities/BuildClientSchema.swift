// A schema from an introspection result (graphql-js `buildClientSchema`): the
// types, fields, arguments, defaults and directives a server described, with no
// resolvers, for tools (printing, validating documents, comparing schemas).

/// Builds the schema an introspection result's `data` describes; throws when the
/// result is not a complete one (the full introspection query's).
public func buildClientSchema(_ introspection: JSON) throws -> GraphQLSchema {
    guard case .object(let schemaIntrospection)? = introspection["__schema"] else {
        throw GraphQLError("Invalid or incomplete introspection result. Ensure that you are passing the \"data\" attribute of an introspection response and no \"errors\" were returned alongside: \(inspect(introspection)).")
    }
    var builder = ClientSchemaBuilder()
    let typeIntrospections = schemaIntrospection["types"]?.arrayValue ?? []
    for typeIntrospection in typeIntrospections { try builder.declare(typeIntrospection) }
    for typeIntrospection in typeIntrospections { try builder.fill(typeIntrospection) }
    let query = try schemaIntrospection["queryType"].flatMap { $0.isNull ? nil : try builder.objectType($0) }
    let mutation = try schemaIntrospection["mutationType"].flatMap { $0.isNull ? nil : try builder.objectType($0) }
    let subscription = try schemaIntrospection["subscriptionType"].flatMap { $0.isNull ? nil : try builder.objectType($0) }
    let directives = try (schemaIntrospection["directives"]?.arrayValue ?? []).map { try builder.directive($0) }
    return GraphQLSchema(query: query, mutation: mutation, subscription: subscription, types: builder.order, directives: directives,
                         description: schemaIntrospection["description"]?.stringValue)
}

private struct ClientSchemaBuilder {
    var types: [String: any GraphQLNamedType] = [:]
    var order: [any GraphQLNamedType] = []

    /// The specified scalars and introspection types, used as they are when named.
    static let standardTypes: [String: any GraphQLNamedType] = {
        var standard: [String: any GraphQLNamedType] = [:]
        for scalar in GraphQLScalarType.specified { standard[scalar.name] = scalar }
        let schema = GraphQLSchema(query: nil)
        for type in schema.types where type.isIntrospectionType { standard[type.name] = type }
        return standard
    }()

    // MARK: Named types

    /// Pass 1: a named type per entry, without its fields or members.
    mutating func declare(_ introspection: JSON) throws {
        guard let name = introspection["name"]?.stringValue, let kind = introspection["kind"]?.stringValue else {
            throw incomplete(introspection)
        }
        let type: any GraphQLNamedType
        let description = introspection["description"]?.stringValue
        if let standard = Self.standardTypes[name] {
            type = standard
        } else {
            switch kind {
            case "SCALAR":
                type = GraphQLScalarType(name: name, description: description, specifiedByURL: introspection["specifiedByURL"]?.stringValue)
            case "OBJECT": type = GraphQLObjectType(name: name, description: description)
            case "INTERFACE": type = GraphQLInterfaceType(name: name, description: description)
            case "UNION": type = GraphQLUnionType(name: name, description: description)
            case "ENUM": type = try enumType(introspection, name, description)
            case "INPUT_OBJECT":
                let isOneOf = introspection["isOneOf"]?.boolValue ?? false
                type = GraphQLInputObjectType(name: name, description: description, isOneOf: isOneOf)
            default: throw incomplete(introspection)
            }
        }
        types[name] = type
        order.append(type)
    }

    /// Pass 2: fields, interfaces, members and input fields, now that every type exists.
    func fill(_ introspection: JSON) throws {
        guard let name = introspection["name"]?.stringValue, let type = types[name], Self.standardTypes[name] == nil else { return }
        switch type {
        case let object as GraphQLObjectType:
            object.interfaces = try interfaces(introspection, isInterface: false)
            object.fieldMap = FieldMap(try fields(introspection))
        case let interface as GraphQLInterfaceType:
            interface.interfaces = try interfaces(introspection, isInterface: true)
            interface.fieldMap = FieldMap(try fields(introspection))
        case let union as GraphQLUnionType:
            guard let possibleTypes = introspection["possibleTypes"]?.arrayValue else {
                throw GraphQLError("Introspection result missing possibleTypes: \(inspect(introspection)).")
            }
            union.types = try possibleTypes.map { try objectType($0) }
        case let input as GraphQLInputObjectType:
            guard let inputFields = introspection["inputFields"]?.arrayValue else {
                throw GraphQLError("Introspection result missing inputFields: \(inspect(introspection)).")
            }
            for field in inputFields { input.addField(try inputValue(field, what: "input fields")) }
        default:
            return
        }
    }

    private func enumType(_ introspection: JSON, _ name: String, _ description: String?) throws -> GraphQLEnumType {
        guard let values = introspection["enumValues"]?.arrayValue else {
            throw GraphQLError("Introspection result missing enumValues: \(inspect(introspection)).")
        }
        return GraphQLEnumType(name: name, description: description, values: values.map { value in
            GraphQLEnumValue(name: value["name"]?.stringValue ?? "", description: value["description"]?.stringValue,
                             deprecationReason: value["deprecationReason"]?.stringValue)
        })
    }

    private func interfaces(_ introspection: JSON, isInterface: Bool) throws -> [GraphQLInterfaceType] {
        guard let interfaces = introspection["interfaces"]?.arrayValue else {
            if isInterface { return [] }
            throw GraphQLError("Introspection result missing interfaces: \(inspect(introspection)).")
        }
        return try interfaces.map { reference in
            guard let interface = try type(reference).named as? GraphQLInterfaceType else {
                throw GraphQLError("Expected \(inspect(reference)) to be a GraphQL Interface type.")
            }
            return interface
        }
    }

    private func fields(_ introspection: JSON) throws -> [GraphQLField] {
        guard let fields = introspection["fields"]?.arrayValue else {
            throw GraphQLError("Introspection result missing fields: \(inspect(introspection)).")
        }
        return try fields.map { field in
            let fieldType = try type(field["type"] ?? .null)
            guard fieldType.isOutputType else {
                throw GraphQLError("Introspection must provide output type for fields, but received: \(fieldType).")
            }
            guard let arguments = field["args"]?.arrayValue else {
                throw GraphQLError("Introspection result missing field args: \(inspect(field)).")
            }
            return GraphQLField(name: field["name"]?.stringValue ?? "", type: fieldType, description: field["description"]?.stringValue,
                                arguments: try arguments.map { try inputValue($0, what: "arguments") },
                                deprecationReason: field["deprecationReason"]?.stringValue)
        }
    }

    /// An argument or input field, its default parsed from its GraphQL text.
    private func inputValue(_ introspection: JSON, what: String) throws -> GraphQLArgument {
        let valueType = try type(introspection["type"] ?? .null)
        guard valueType.isInputType else {
            throw GraphQLError("Introspection must provide input type for \(what), but received: \(valueType).")
        }
        var defaultValue: JSON?
        var defaultValueAST: Value?
        if let text = introspection["defaultValue"]?.stringValue {
            let literal = try Parser.parseConstValue(text)
            defaultValueAST = literal
            defaultValue = InputCoercion.coerceInputLiteral(literal, type: valueType, variables: nil)
                ?? (try? valueFromASTUntyped(literal, variables: nil))
        }
        return GraphQLArgument(name: introspection["name"]?.stringValue ?? "", type: valueType,
                               description: introspection["description"]?.stringValue, defaultValue: defaultValue,
                               defaultValueAST: defaultValueAST, deprecationReason: introspection["deprecationReason"]?.stringValue)
    }

    // MARK: Type references and directives

    func type(_ reference: JSON) throws -> GraphQLType {
        switch reference["kind"]?.stringValue {
        case "LIST":
            guard let item = reference["ofType"], !item.isNull else { throw GraphQLError("Decorated type deeper than introspection query.") }
            return .list(try type(item))
        case "NON_NULL":
            guard let item = reference["ofType"], !item.isNull else { throw GraphQLError("Decorated type deeper than introspection query.") }
            let nullable = try type(item)
            guard !nullable.isNonNull else { throw GraphQLError("Expected \(nullable) to be a GraphQL nullable type.") }
            return .nonNull(nullable)
        default:
            guard let name = reference["name"]?.stringValue else { throw GraphQLError("Unknown type reference: \(inspect(reference)).") }
            guard let named = types[name] else {
                throw GraphQLError("Invalid or incomplete schema, unknown type: \(name). Ensure that a full introspection query is used in order to build a client schema.")
            }
            return named.graphQLType
        }
    }

    func objectType(_ reference: JSON) throws -> GraphQLObjectType {
        let resolved = try type(reference)
        guard case .object(let object) = resolved else { throw GraphQLError("Expected \(resolved) to be a GraphQL Object type.") }
        return object
    }

    func directive(_ introspection: JSON) throws -> GraphQLDirective {
        guard let arguments = introspection["args"]?.arrayValue else {
            throw GraphQLError("Introspection result missing directive args: \(inspect(introspection)).")
        }
        guard let locations = introspection["locations"]?.arrayValue else {
            throw GraphQLError("Introspection result missing directive locations: \(inspect(introspection)).")
        }
        // Locations this engine does not know (graphql-js 17's experimental
        // FRAGMENT_VARIABLE_DEFINITION, DIRECTIVE_DEFINITION) are left out.
        return GraphQLDirective(name: introspection["name"]?.stringValue ?? "", description: introspection["description"]?.stringValue,
                                locations: locations.compactMap { $0.stringValue.flatMap(DirectiveLocation.init(rawValue:)) },
                                arguments: try arguments.map { try inputValue($0, what: "arguments") },
                                isRepeatable: introspection["isRepeatable"]?.boolValue ?? false)
    }

    private func incomplete(_ introspection: JSON) -> GraphQLError {
        GraphQLError("Invalid or incomplete introspection result. Ensure that a full introspection query is used in order to build a client schema: \(inspect(introspection)).")
    }
}
