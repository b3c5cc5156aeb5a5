// The type system (spec section 3): named types are classes (a schema is a graph
// with cycles, built once and then read by every request), wrapped by the
// `GraphQLType` enum for lists and non-null.

/// Any type a field, argument or variable can have.
public indirect enum GraphQLType: Sendable, CustomStringConvertible {
    case scalar(GraphQLScalarType)
    case object(GraphQLObjectType)
    case interface(GraphQLInterfaceType)
    case union(GraphQLUnionType)
    case enumType(GraphQLEnumType)
    case inputObject(GraphQLInputObjectType)
    case list(GraphQLType)
    case nonNull(GraphQLType)

    /// The named type inside any wrappers.
    public var named: GraphQLNamedType {
        switch self {
        case .scalar(let t): return t
        case .object(let t): return t
        case .interface(let t): return t
        case .union(let t): return t
        case .enumType(let t): return t
        case .inputObject(let t): return t
        case .list(let t), .nonNull(let t): return t.named
        }
    }

    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type without its outer non-null wrapper.
    public var nullable: GraphQLType {
        if case .nonNull(let t) = self { return t }
        return self
    }

    public var isInputType: Bool {
        switch self {
        case .scalar, .enumType, .inputObject: return true
        case .object, .interface, .union: return false
        case .list(let t), .nonNull(let t): return t.isInputType
        }
    }

    public var isOutputType: Bool {
        switch self {
        case .scalar, .enumType, .object, .interface, .union: return true
        case .inputObject: return false
        case .list(let t), .nonNull(let t): return t.isOutputType
        }
    }

    public var isLeaf: Bool {
        switch self {
        case .scalar, .enumType: return true
        default: return false
        }
    }

    public var isComposite: Bool {
        switch self {
        case .object, .interface, .union: return true
        default: return false
        }
    }

    public var isAbstract: Bool {
        switch self {
        case .interface, .union: return true
        default: return false
        }
    }

    public var isListType: Bool {
        if case .list = self { return true }
        return false
    }

    /// The type as GraphQL writes it: `[Int!]!`.
    public var description: String {
        switch self {
        case .list(let t): return "[\(t)]"
        case .nonNull(let t): return "\(t)!"
        default: return named.name
        }
    }

    /// Whether two types are the same (named types by identity).
    public func isEqual(to other: GraphQLType) -> Bool {
        switch (self, other) {
        case (.list(let a), .list(let b)), (.nonNull(let a), .nonNull(let b)): return a.isEqual(to: b)
        case (.list, _), (_, .list), (.nonNull, _), (_, .nonNull): return false
        default: return named === other.named
        }
    }
}

/// What every named type has.
public protocol GraphQLNamedType: AnyObject, Sendable {
    var name: String { get }
    var description: String? { get }
    var graphQLType: GraphQLType { get }
}

extension GraphQLNamedType {
    public var isBuiltInScalar: Bool {
        guard let scalar = self as? GraphQLScalarType else { return false }
        return scalar.builtIn != nil
    }

    public var isIntrospectionType: Bool { name.hasPrefix("__") }
}

/// An object type's or interface's field.
public final class GraphQLField: @unchecked Sendable {
    public let name: String
    public var description: String?
    public var type: GraphQLType
    public var arguments: [GraphQLArgument]
    public var deprecationReason: String?
    public var directives: [Directive]
    /// The resolver; nil means the default resolver (read the source's member).
    public var resolve: FieldResolver?
    /// The subscription source resolver of a subscription root field.
    public var subscribe: SubscriptionResolver?
    public var loc: Location?

    public init(name: String, type: GraphQLType, description: String? = nil, arguments: [GraphQLArgument] = [],
                deprecationReason: String? = nil, directives: [Directive] = [], resolve: FieldResolver? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.arguments = arguments
        self.deprecationReason = deprecationReason
        self.directives = directives
        self.resolve = resolve
    }

    public func argument(named name: String) -> GraphQLArgument? {
        for argument in arguments where argument.name == name { return argument }
        return nil
    }
}

/// An argument of a field or directive, or a field of an input object.
public final class GraphQLArgument: @unchecked Sendable {
    public let name: String
    public var description: String?
    public var type: GraphQLType
    /// The coerced default value, if the definition has one.
    public var defaultValue: JSON?
    /// The default value as written in the SDL (for printing and introspection).
    public var defaultValueAST: Value?
    public var deprecationReason: String?
    public var directives: [Directive]
    public var loc: Location?

    public init(name: String, type: GraphQLType, description: String? = nil, defaultValue: JSON? = nil,
                defaultValueAST: Value? = nil, deprecationReason: String? = nil, directives: [Directive] = []) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.defaultValueAST = defaultValueAST
        self.deprecationReason = deprecationReason
        self.directives = directives
    }

    /// Whether there is a default value (coerced, or as written).
    public var hasDefault: Bool { defaultValue != nil || defaultValueAST != nil }

    /// An argument or input field that must be given: non-null and without a default.
    public var isRequired: Bool { type.isNonNull && !hasDefault }
}

public typealias GraphQLInputField = GraphQLArgument

/// A field, argument, input field or enum value: something defined under a name.
public protocol NamedDefinition: Sendable {
    var name: String { get }
}

extension GraphQLField: NamedDefinition {}
extension GraphQLArgument: NamedDefinition {}
extension GraphQLEnumValue: NamedDefinition {}

/// Definitions in order, with lookup by name; one added under a name already
/// there replaces the earlier one in place.
public struct NamedDefinitions<Element: NamedDefinition>: Sendable {
    public private(set) var elements: [Element] = []
    private var index: [String: Int] = [:]

    public init(_ elements: [Element] = []) {
        for element in elements { append(element) }
    }

    public mutating func append(_ element: Element) {
        if let existing = index[element.name] {
            elements[existing] = element
        } else {
            index[element.name] = elements.count
            elements.append(element)
        }
    }

    @inlinable public subscript(name: String) -> Element? {
        guard let i = indexOf(name) else { return nil }
        return elements[i]
    }

    /// A linear scan beats hashing for the few names most types have.
    @usableFromInline func indexOf(_ name: String) -> Int? {
        if elements.count <= 16 {
            for i in elements.indices where elements[i].name == name { return i }
            return nil
        }
        return index[name]
    }
}

/// Fields shared by object types and interfaces, with lookup by name.
public typealias FieldMap = NamedDefinitions<GraphQLField>

extension NamedDefinitions where Element == GraphQLField {
    public var fields: [GraphQLField] { elements }
}

public final class GraphQLObjectType: GraphQLNamedType, @unchecked Sendable {
    public let name: String
    public var description: String?
    public var fieldMap = FieldMap()
    public var interfaces: [GraphQLInterfaceType] = []
    public var directives: [Directive] = []
    /// Decides whether a value is of this type, for abstract type resolution.
    public var isTypeOf: (@Sendable (_ value: (any Sendable)?) -> Bool)?
    public var loc: Location?

    public init(name: String, description: String? = nil, fields: [GraphQLField] = [], interfaces: [GraphQLInterfaceType] = []) {
        self.name = name
        self.description = description
        self.fieldMap = FieldMap(fields)
        self.interfaces = interfaces
    }

    public var fields: [GraphQLField] { fieldMap.fields }
    public func field(named name: String) -> GraphQLField? { fieldMap[name] }
    public var graphQLType: GraphQLType { .object(self) }
}

public final class GraphQLInterfaceType: GraphQLNamedType, @unchecked Sendable {
    public let name: String
    public var description: String?
    public var fieldMap = FieldMap()
    public var interfaces: [GraphQLInterfaceType] = []
    public var directives: [Directive] = []
    /// Resolves a value's concrete type name; nil uses `__typename` or `isTypeOf`.
    public var resolveType: TypeResolver?
    public var loc: Location?

    public init(name: String, description: String? = nil, fields: [GraphQLField] = [], interfaces: [GraphQLInterfaceType] = []) {
        self.name = name
        self.description = description
        self.fieldMap = FieldMap(fields)
        self.interfaces = interfaces
    }

    public var fields: [GraphQLField] { fieldMap.fields }
    public func field(named name: String) -> GraphQLField? { fieldMap[name] }
    public var graphQLType: GraphQLType { .interface(self) }
}

public final class GraphQLUnionType: GraphQLNamedType, @unchecked Sendable {
    public let name: String
    public var description: String?
    public var types: [GraphQLObjectType] = []
    public var directives: [Directive] = []
    public var resolveType: TypeResolver?
    public var loc: Location?

    public init(name: String, description: String? = nil, types: [GraphQLObjectType] = []) {
        self.name = name
        self.description = description
        self.types = types
    }

    public var graphQLType: GraphQLType { .union(self) }
}

public struct GraphQLEnumValue: Sendable {
    public let name: String
    public var description: String?
    public var deprecationReason: String?
    public var directives: [Directive]
    public init(name: String, description: String? = nil, deprecationReason: String? = nil, directives: [Directive] = []) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
        self.directives = directives
    }
}

public final class GraphQLEnumType: GraphQLNamedType, @unchecked Sendable {
    public let name: String
    public var description: String?
    private var valueMap = NamedDefinitions<GraphQLEnumValue>()
    public var values: [GraphQLEnumValue] { valueMap.elements }
    public var directives: [Directive] = []
    public var loc: Location?

    public init(name: String, description: String? = nil, values: [GraphQLEnumValue] = []) {
        self.name = name
        self.description = description
        valueMap = NamedDefinitions(values)
    }

    public func addValue(_ value: GraphQLEnumValue) { valueMap.append(value) }

    public func value(named name: String) -> GraphQLEnumValue? { valueMap[name] }

    /// Whether `name` is one of the values.
    @inline(__always) func hasValue(_ name: String) -> Bool { valueMap.indexOf(name) != nil }

    public var graphQLType: GraphQLType { .enumType(self) }
}

public final class GraphQLInputObjectType: GraphQLNamedType, @unchecked Sendable {
    public let name: String
    public var description: String?
    private var fieldMap = NamedDefinitions<GraphQLInputField>()
    public var fields: [GraphQLInputField] { fieldMap.elements }
    /// `@oneOf`: exactly one field must be given, and it must not be null.
    public var isOneOf: Bool
    public var directives: [Directive] = []
    public var loc: Location?

    public init(name: String, description: String? = nil, fields: [GraphQLInputField] = [], isOneOf: Bool = false) {
        self.name = name
        self.description = description
        self.isOneOf = isOneOf
        fieldMap = NamedDefinitions(fields)
    }

    public func addField(_ field: GraphQLInputField) { fieldMap.append(field) }

    public func field(named name: String) -> GraphQLInputField? { fieldMap[name] }

    public var graphQLType: GraphQLType { .inputObject(self) }
}
