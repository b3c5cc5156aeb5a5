/// A validated GraphQL schema (spec 3.3): root operation types, every named type by
/// name, the directives, and the precomputed sub-type relations that validation and
/// execution ask about on every request.
public final class GraphQLSchema: @unchecked Sendable {
    public var description: String?
    public let queryType: GraphQLObjectType?
    public let mutationType: GraphQLObjectType?
    public let subscriptionType: GraphQLObjectType?
    /// Named types in a stable order (the definition order of the SDL).
    public private(set) var types: [any GraphQLNamedType] = []
    public private(set) var typeMap: [String: any GraphQLNamedType] = [:]
    public let directives: [GraphQLDirective]
    private var directiveMap: [String: GraphQLDirective] = [:]
    /// Object types implementing each interface (directly or through another
    /// interface), and interfaces implementing each interface.
    private var implementations: [ObjectIdentifier: (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType])] = [:]
    private var possibleTypeSets: [ObjectIdentifier: Set<ObjectIdentifier>] = [:]
    /// The SDL definition node of the schema, if it had one (for printing).
    public var astNode: SchemaDefinition?
    /// The `extend schema` nodes of the SDL the schema was built from.
    public var extensionASTNodes: [SchemaDefinition] = []
    /// The SDL nodes of each named type: its definition, then its extensions
    /// (schema validation reports its errors at them).
    public var typeASTNodes: [String: [TypeDefinition]] = [:]
    /// The SDL definition node of each directive defined in the SDL.
    public var directiveASTNodes: [String: DirectiveDefinition] = [:]

    public init(query: GraphQLObjectType?, mutation: GraphQLObjectType? = nil, subscription: GraphQLObjectType? = nil,
                types: [any GraphQLNamedType] = [], directives: [GraphQLDirective] = GraphQLDirective.specified,
                description: String? = nil) {
        self.queryType = query
        self.mutationType = mutation
        self.subscriptionType = subscription
        self.directives = directives
        self.description = description
        for directive in directives { directiveMap[directive.name] = directive }

        // Same order as graphql-js: the given types (each followed by what it
        // references that is not listed), the root types, directive argument types,
        // then the introspection types.
        var collector = TypeCollector()
        let listed = Set(types.map { ObjectIdentifier($0) })
        collector.listed = listed
        for type in types { collector.collect(type, explicit: true) }
        if let query { collector.collect(query) }
        if let mutation { collector.collect(mutation) }
        if let subscription { collector.collect(subscription) }
        for directive in directives {
            for argument in directive.arguments { collector.collect(argument.type.named) }
        }
        collector.collect(Introspection.schemaType)
        self.types = collector.ordered
        for type in collector.ordered { typeMap[type.name] = type }
        computeImplementations()
    }

    public func type(named name: String) -> (any GraphQLNamedType)? { typeMap[name] }

    public func directive(named name: String) -> GraphQLDirective? { directiveMap[name] }

    public func rootType(for operation: OperationType) -> GraphQLObjectType? {
        switch operation {
        case .query: return queryType
        case .mutation: return mutationType
        case .subscription: return subscriptionType
        }
    }

    /// The object types a value of an abstract type can have at runtime.
    public func possibleTypes(of abstractType: any GraphQLNamedType) -> [GraphQLObjectType] {
        if let union = abstractType as? GraphQLUnionType { return union.types }
        if let interface = abstractType as? GraphQLInterfaceType { return implementations[ObjectIdentifier(interface)]?.objects ?? [] }
        return []
    }

    /// Object types and interfaces that implement `interface`.
    public func implementations(of interface: GraphQLInterfaceType) -> (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType]) {
        implementations[ObjectIdentifier(interface)] ?? ([], [])
    }

    /// Whether `maybeSubType` (an object type or interface) is a possible type of
    /// `abstractType` (an interface or union).
    public func isSubType(_ abstractType: any GraphQLNamedType, _ maybeSubType: any GraphQLNamedType) -> Bool {
        if let set = possibleTypeSets[ObjectIdentifier(abstractType)] { return set.contains(ObjectIdentifier(maybeSubType)) }
        return false
    }

    /// Whether a value of `maybeSubType` is always valid where `superType` is
    /// expected (graphql-js `isTypeSubTypeOf`).
    func isTypeSubType(_ maybeSubType: GraphQLType, of superType: GraphQLType) -> Bool {
        switch (maybeSubType, superType) {
        case (.nonNull(let sub), .nonNull(let sup)): return isTypeSubType(sub, of: sup)
        case (_, .nonNull): return false
        case (.nonNull(let sub), _): return isTypeSubType(sub, of: superType)
        case (.list(let sub), .list(let sup)): return isTypeSubType(sub, of: sup)
        case (_, .list), (.list, _): return false
        default:
            let sub = maybeSubType.named, sup = superType.named
            if sub === sup { return true }
            return isAbstractType(sup) && (sub is GraphQLObjectType || sub is GraphQLInterfaceType) && isSubType(sup, sub)
        }
    }

    /// Whether two composite types can have a common runtime object type.
    public func doTypesOverlap(_ a: any GraphQLNamedType, _ b: any GraphQLNamedType) -> Bool {
        if a === b { return true }
        let aAbstract = a is GraphQLInterfaceType || a is GraphQLUnionType
        let bAbstract = b is GraphQLInterfaceType || b is GraphQLUnionType
        if aAbstract {
            if bAbstract {
                let bTypes = Set(possibleTypes(of: b).map { ObjectIdentifier($0) })
                return possibleTypes(of: a).contains { bTypes.contains(ObjectIdentifier($0)) }
            }
            return isSubType(a, b)
        }
        if bAbstract { return isSubType(b, a) }
        return false
    }

    /// The definition of `fieldName` on `parentType`, including the meta-fields
    /// `__typename` (everywhere), `__schema` and `__type` (on the query type).
    public func fieldDefinition(_ parentType: any GraphQLNamedType, _ fieldName: String) -> GraphQLField? {
        if fieldName.utf8.first == UInt8(ascii: "_") {
            if fieldName == "__typename", parentType is GraphQLObjectType || parentType is GraphQLInterfaceType || parentType is GraphQLUnionType {
                return Introspection.typeNameField
            }
            if parentType === queryType {
                if fieldName == "__schema" { return Introspection.schemaField }
                if fieldName == "__type" { return Introspection.typeField }
            }
        }
        if let object = parentType as? GraphQLObjectType { return object.fieldMap[fieldName] }
        if let interface = parentType as? GraphQLInterfaceType { return interface.fieldMap[fieldName] }
        return nil
    }

    private func computeImplementations() {
        var objects: [ObjectIdentifier: [GraphQLObjectType]] = [:]
        var interfaces: [ObjectIdentifier: [GraphQLInterfaceType]] = [:]
        for type in types {
            if let object = type as? GraphQLObjectType {
                for interface in object.interfaces { objects[ObjectIdentifier(interface), default: []].append(object) }
            } else if let interface = type as? GraphQLInterfaceType {
                for parent in interface.interfaces { interfaces[ObjectIdentifier(parent), default: []].append(interface) }
            }
        }
        for type in types {
            if let interface = type as? GraphQLInterfaceType {
                let id = ObjectIdentifier(interface)
                let impl = (objects: objects[id] ?? [], interfaces: interfaces[id] ?? [])
                implementations[id] = impl
                possibleTypeSets[id] = Set(impl.objects.map { ObjectIdentifier($0) } + impl.interfaces.map { ObjectIdentifier($0) })
            } else if let union = type as? GraphQLUnionType {
                possibleTypeSets[ObjectIdentifier(union)] = Set(union.types.map { ObjectIdentifier($0) })
            }
        }
    }
}

/// Collects every type reachable from the given ones, in graphql-js's order.
private struct TypeCollector {
    var ordered: [any GraphQLNamedType] = []
    var seen: Set<ObjectIdentifier> = []
    var listed: Set<ObjectIdentifier> = []

    mutating func collect(_ type: any GraphQLNamedType, explicit: Bool = false) {
        let id = ObjectIdentifier(type)
        if seen.contains(id) { return }
        // A listed type waits for its own turn, so the SDL order is kept.
        if listed.contains(id) && !explicit { return }
        seen.insert(id)
        ordered.append(type)
        if let union = type as? GraphQLUnionType {
            for member in union.types { collect(member) }
        } else if let object = type as? GraphQLObjectType {
            for interface in object.interfaces { collect(interface) }
            for field in object.fields { collectField(field) }
        } else if let interface = type as? GraphQLInterfaceType {
            for parent in interface.interfaces { collect(parent) }
            for field in interface.fields { collectField(field) }
        } else if let input = type as? GraphQLInputObjectType {
            for field in input.fields { collect(field.type.named) }
        }
    }

    private mutating func collectField(_ field: GraphQLField) {
        collect(field.type.named)
        for argument in field.arguments { collect(argument.type.named) }
    }
}
