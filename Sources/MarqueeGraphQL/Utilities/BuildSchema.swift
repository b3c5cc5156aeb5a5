/// Builds a schema from SDL (graphql-js `buildASTSchema`): definitions and
/// extensions, descriptions, `@deprecated`, `@specifiedBy`, `@oneOf`, custom
/// directives. The document is first checked by ``validateSDL(_:)`` (as
/// graphql-js's `assertValidSDL`), the result by ``validateSchema(_:)``; any
/// problem throws with every error found.
public struct SchemaBuildError: Error, Sendable, CustomStringConvertible {
    public let errors: [GraphQLError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension GraphQLSchema {
    /// Parses and builds `sdl`.
    public static func build(sdl: String) throws -> GraphQLSchema {
        let document: Document
        do {
            document = try Parser.parse(Source(body: sdl, name: "SDL"))
        } catch {
            throw SchemaBuildError(errors: [error])
        }
        return try build(document: document)
    }

    public static func build(document: Document) throws(SchemaBuildError) -> GraphQLSchema {
        let sdlErrors = validateSDL(document)
        if !sdlErrors.isEmpty { throw SchemaBuildError(errors: sdlErrors) }
        var builder = SchemaBuilder()
        let schema = try builder.build(document)
        // Errors the type classes cannot represent (a union member that is not an
        // object type, ...) come from the builder, the others from validation.
        var validationErrors = validateSchema(schema)
        if builder.hasInvalidQueryRoot {
            // The builder reported why there is no query root; graphql-js reports only that.
            validationErrors.removeAll { $0.message == "Query root type must be provided." }
        }
        let errors = builder.structuralErrors + validationErrors
        if !errors.isEmpty { throw SchemaBuildError(errors: errors) }
        return schema
    }
}

struct SchemaBuilder {
    var types: [String: any GraphQLNamedType] = [:]
    var order: [any GraphQLNamedType] = []
    var errors: [GraphQLError] = []
    /// Errors graphql-js finds in `validateSchema`, found here because the type
    /// classes cannot hold such a schema; reported with the validation errors.
    var structuralErrors: [GraphQLError] = []
    var hasInvalidQueryRoot = false

    mutating func build(_ document: Document) throws(SchemaBuildError) -> GraphQLSchema {
        var schemaDefinition: SchemaDefinition?
        var schemaExtensions: [SchemaDefinition] = []
        var typeDefinitions: [TypeDefinition] = []
        var typeExtensions: [String: [TypeDefinition]] = [:]
        var directiveDefinitions: [DirectiveDefinition] = []
        for definition in document.definitions {
            switch definition {
            case .schema(let d):
                if schemaDefinition != nil { errors.append(GraphQLError("Must provide only one schema definition.", at: d.loc)) }
                schemaDefinition = d
            case .schemaExtension(let d): schemaExtensions.append(d)
            case .type(let d): typeDefinitions.append(d)
            case .typeExtension(let d): typeExtensions[d.name.value, default: []].append(d)
            case .directive(let d): directiveDefinitions.append(d)
            case .operation(let d): errors.append(GraphQLError("The \(d.name.map { "\"\($0.value)\"" } ?? "anonymous") definition is not executable... a schema document must contain only type system definitions.", at: d.loc))
            case .fragment(let d): errors.append(GraphQLError("The \"\(d.name.value)\" definition is not executable... a schema document must contain only type system definitions.", at: d.loc))
            }
        }
        for scalar in GraphQLScalarType.specified { types[scalar.name] = scalar }
        // Pass 1: a class per named type, so fields can refer to any of them.
        for definition in typeDefinitions {
            let name = definition.name.value
            if let existing = types[name], !(existing.isBuiltInScalar && isScalarDefinition(definition)) || order.contains(where: { $0 === existing }) {
                errors.append(GraphQLError("There can be only one type named \"\(name)\".", at: definition.name.loc))
                continue
            }
            let type = makeType(definition)
            types[name] = type
            order.append(type)
        }
        // Pass 2: fields, arguments, interfaces, members, values; then extensions.
        for definition in typeDefinitions where types[definition.name.value].map({ !$0.isBuiltInScalar }) ?? false {
            fill(types[definition.name.value]!, definition)
        }
        for (name, extensions) in typeExtensions {
            guard let type = types[name] else {
                errors.append(GraphQLError("Cannot extend type \"\(name)\" because it is not defined.", at: extensions[0].name.loc))
                continue
            }
            for extensionDefinition in extensions {
                guard sameKind(type, extensionDefinition) else {
                    errors.append(GraphQLError("Cannot extend non-\(extensionDefinition.kindName) type \"\(name)\".", at: extensionDefinition.loc))
                    continue
                }
                fill(type, extensionDefinition)
            }
        }
        var directives: [GraphQLDirective] = []
        for definition in directiveDefinitions {
            if directives.contains(where: { $0.name == definition.name.value }) {
                errors.append(GraphQLError("There can be only one directive named \"@\(definition.name.value)\".", at: definition.name.loc))
                continue
            }
            directives.append(makeDirective(definition))
        }
        for specified in GraphQLDirective.specified where !directives.contains(where: { $0.name == specified.name }) {
            directives.append(specified)
        }

        var roots: [OperationType: GraphQLObjectType] = [:]
        let operationTypes = (schemaDefinition.map { [$0] } ?? []) + schemaExtensions
        for definition in operationTypes {
            for operationType in definition.operationTypes {
                guard let type = types[operationType.type.value] else {
                    errors.append(GraphQLError("Unknown type \"\(operationType.type.value)\".", at: operationType.type.loc))
                    continue
                }
                roots[operationType.operation] = rootObjectType(type, operationType.operation, at: operationType.type.loc)
            }
        }
        if schemaDefinition == nil {
            // As graphql-js: without a schema definition, the types named Query,
            // Mutation and Subscription are the roots.
            for operation in [OperationType.query, .mutation, .subscription] {
                guard let type = types[operation.rawValue.capitalizedFirst], order.contains(where: { $0 === type }) else { continue }
                let loc = typeDefinitions.first { $0.name.value == type.name }?.loc
                roots[operation] = rootObjectType(type, operation, at: loc)
            }
        }
        if !errors.isEmpty { throw SchemaBuildError(errors: errors) }
        let schema = GraphQLSchema(query: roots[.query], mutation: roots[.mutation], subscription: roots[.subscription], types: order,
                                   directives: directives, description: schemaDefinition?.description?.value)
        schema.astNode = schemaDefinition
        schema.extensionASTNodes = schemaExtensions
        for definition in typeDefinitions where schema.typeASTNodes[definition.name.value] == nil {
            schema.typeASTNodes[definition.name.value] = [definition]
        }
        for definition in document.definitions {
            if case .typeExtension(let d) = definition { schema.typeASTNodes[d.name.value, default: []].append(d) }
            if case .directive(let d) = definition, schema.directiveASTNodes[d.name.value] == nil { schema.directiveASTNodes[d.name.value] = d }
        }
        return schema
    }

    /// The root type, or nil and an error (graphql-js reports it in `validateSchema`)
    /// when the type is not an object type.
    private mutating func rootObjectType(_ type: any GraphQLNamedType, _ operation: OperationType, at loc: Location?) -> GraphQLObjectType? {
        if let object = type as? GraphQLObjectType { return object }
        if operation == .query { hasInvalidQueryRoot = true }
        let ifProvided = operation == .query ? "" : " if provided"
        structuralErrors.append(GraphQLError("\(operation.rawValue.capitalizedFirst) root type must be Object type\(ifProvided), it cannot be \(type.name).",
                                             nodes: loc.map { [$0] } ?? []))
        return nil
    }

    private func isScalarDefinition(_ definition: TypeDefinition) -> Bool {
        if case .scalar = definition { return true }
        return false
    }

    private func makeType(_ definition: TypeDefinition) -> any GraphQLNamedType {
        let description = definition.description?.value
        switch definition {
        case .scalar(let d):
            if let builtIn = types[d.name.value] as? GraphQLScalarType, builtIn.builtIn != nil { return builtIn }
            let scalar = GraphQLScalarType(name: d.name.value, description: description)
            scalar.loc = d.loc
            return scalar
        case .object(let d):
            let object = GraphQLObjectType(name: d.name.value, description: description)
            object.loc = d.loc
            return object
        case .interface(let d):
            let interface = GraphQLInterfaceType(name: d.name.value, description: description)
            interface.loc = d.loc
            return interface
        case .union(let d):
            let union = GraphQLUnionType(name: d.name.value, description: description)
            union.loc = d.loc
            return union
        case .enumType(let d):
            let enumType = GraphQLEnumType(name: d.name.value, description: description)
            enumType.loc = d.loc
            return enumType
        case .inputObject(let d):
            let input = GraphQLInputObjectType(name: d.name.value, description: description)
            input.loc = d.loc
            return input
        }
    }

    private func sameKind(_ type: any GraphQLNamedType, _ definition: TypeDefinition) -> Bool {
        switch definition {
        case .scalar: return type is GraphQLScalarType
        case .object: return type is GraphQLObjectType
        case .interface: return type is GraphQLInterfaceType
        case .union: return type is GraphQLUnionType
        case .enumType: return type is GraphQLEnumType
        case .inputObject: return type is GraphQLInputObjectType
        }
    }

    private mutating func fill(_ type: any GraphQLNamedType, _ definition: TypeDefinition) {
        switch definition {
        case .scalar(let d):
            guard let scalar = type as? GraphQLScalarType, scalar.builtIn == nil else { return }
            scalar.directives += d.directives
            if let url = stringArgument(d.directives, "specifiedBy", "url") { scalar.specifiedByURL = url }
        case .object(let d):
            guard let object = type as? GraphQLObjectType else { return }
            object.directives += d.directives
            object.interfaces += d.interfaces.compactMap { interfaceType($0, implementedBy: object) }
            for field in d.fields { object.fieldMap.append(makeField(field)) }
        case .interface(let d):
            guard let interface = type as? GraphQLInterfaceType else { return }
            interface.directives += d.directives
            interface.interfaces += d.interfaces.compactMap { interfaceType($0, implementedBy: interface) }
            for field in d.fields { interface.fieldMap.append(makeField(field)) }
        case .union(let d):
            guard let union = type as? GraphQLUnionType else { return }
            union.directives += d.directives
            for member in d.types {
                guard let memberType = lookup(member) else { continue }
                guard let object = memberType as? GraphQLObjectType else {
                    structuralErrors.append(GraphQLError("Union type \(union.name) can only include Object types, it cannot include \(memberType.name).",
                                                         at: member.loc))
                    continue
                }
                union.types.append(object)
            }
        case .enumType(let d):
            guard let enumType = type as? GraphQLEnumType else { return }
            enumType.directives += d.directives
            for value in d.values {
                enumType.addValue(GraphQLEnumValue(name: value.name.value, description: value.description?.value,
                                                   deprecationReason: deprecationReason(value.directives), directives: value.directives))
            }
        case .inputObject(let d):
            guard let input = type as? GraphQLInputObjectType else { return }
            input.directives += d.directives
            if d.directives.contains(where: { $0.name.value == "oneOf" }) { input.isOneOf = true }
            for field in d.fields { input.addField(makeArgument(field)) }
        }
    }

    private mutating func lookup(_ name: Name) -> (any GraphQLNamedType)? {
        if let type = types[name.value] { return type }
        errors.append(GraphQLError("Unknown type \"\(name.value)\".", at: name.loc))
        return nil
    }

    private mutating func interfaceType(_ name: Name, implementedBy implementing: any GraphQLNamedType) -> GraphQLInterfaceType? {
        guard let type = lookup(name) else { return nil }
        guard let interface = type as? GraphQLInterfaceType else {
            structuralErrors.append(GraphQLError("Type \(implementing.name) must only implement Interface types, it cannot implement \(type.name).",
                                                 at: name.loc))
            return nil
        }
        return interface
    }

    private mutating func resolveType(_ node: TypeNode) -> GraphQLType {
        switch node {
        case .named(let name): return lookup(name)?.graphQLType ?? .scalar(.string)
        case .list(let inner, _): return .list(resolveType(inner))
        case .nonNull(let inner, _): return .nonNull(resolveType(inner))
        }
    }

    private mutating func makeField(_ definition: FieldDefinition) -> GraphQLField {
        let field = GraphQLField(name: definition.name.value, type: resolveType(definition.type), description: definition.description?.value,
                                 arguments: definition.arguments.map { makeArgument($0) },
                                 deprecationReason: deprecationReason(definition.directives), directives: definition.directives)
        field.loc = definition.loc
        return field
    }

    private mutating func makeArgument(_ definition: InputValueDefinition) -> GraphQLArgument {
        let type = resolveType(definition.type)
        var defaultValue: JSON?
        if let literal = definition.defaultValue {
            defaultValue = InputCoercion.coerceInputLiteral(literal, type: type, variables: nil)
            if defaultValue == nil {
                // Kept as written; schema validation reports an invalid default.
                defaultValue = try? valueFromASTUntyped(literal, variables: nil)
            }
        }
        let argument = GraphQLArgument(name: definition.name.value, type: type, description: definition.description?.value,
                                       defaultValue: defaultValue, defaultValueAST: definition.defaultValue,
                                       deprecationReason: deprecationReason(definition.directives), directives: definition.directives)
        argument.loc = definition.loc
        return argument
    }

    private mutating func makeDirective(_ definition: DirectiveDefinition) -> GraphQLDirective {
        var locations: [DirectiveLocation] = []
        for name in definition.locations {
            if let location = DirectiveLocation(rawValue: name.value) {
                locations.append(location)
            } else {
                errors.append(GraphQLError("Unexpected Name \"\(name.value)\".", at: name.loc))
            }
        }
        let directive = GraphQLDirective(name: definition.name.value, description: definition.description?.value, locations: locations,
                                         arguments: definition.arguments.map { makeArgument($0) }, isRepeatable: definition.repeatable)
        directive.loc = definition.loc
        return directive
    }

    private func deprecationReason(_ directives: [Directive]) -> String? {
        guard let directive = directives.first(where: { $0.name.value == "deprecated" }) else { return nil }
        return stringArgument([directive], "deprecated", "reason") ?? GraphQLDirective.defaultDeprecationReason
    }

    private func stringArgument(_ directives: [Directive], _ directiveName: String, _ argumentName: String) -> String? {
        guard let directive = directives.first(where: { $0.name.value == directiveName }),
              let argument = directive.arguments.first(where: { $0.name.value == argumentName }),
              case .string(let value, _, _) = argument.value else { return nil }
        return value
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

