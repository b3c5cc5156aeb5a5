// The abstract syntax tree of the GraphQL language (spec section 2 and 3): immutable
// value types, each with the location of its text. Executable definitions first,
// then the type system language.

/// A name token.
public struct Name: Sendable, Hashable {
    public let value: String
    public let loc: Location
    public init(value: String, loc: Location = .unknown) {
        self.value = value
        self.loc = loc
    }
}

/// Document : Definition+
public struct Document: Sendable {
    public let definitions: [Definition]
    public let loc: Location
    /// Number of tokens the lexer produced (for limits and caches).
    public let tokenCount: Int
    /// The execution plans of its operations, shared by every execution of this
    /// document (and its copies).
    public let plans = PlanCache()
    public init(definitions: [Definition], loc: Location = .unknown, tokenCount: Int = 0) {
        self.definitions = definitions
        self.loc = loc
        self.tokenCount = tokenCount
    }

    public var operations: [OperationDefinition] {
        definitions.compactMap { if case .operation(let o) = $0 { return o } else { return nil } }
    }

    public var fragments: [FragmentDefinition] {
        definitions.compactMap { if case .fragment(let f) = $0 { return f } else { return nil } }
    }

    /// The operation a request names, or its only operation when it names none
    /// (GetOperation() without the errors); nil when there is no such operation.
    public func operation(named name: String?) -> OperationDefinition? {
        let operations = operations
        guard let name else { return operations.count == 1 ? operations.first : nil }
        return operations.first { $0.name?.value == name }
    }
}

public enum Definition: Sendable {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    case schema(SchemaDefinition)
    case schemaExtension(SchemaDefinition)
    case type(TypeDefinition)
    case typeExtension(TypeDefinition)
    case directive(DirectiveDefinition)

    public var loc: Location {
        switch self {
        case .operation(let d): return d.loc
        case .fragment(let d): return d.loc
        case .schema(let d), .schemaExtension(let d): return d.loc
        case .type(let d), .typeExtension(let d): return d.loc
        case .directive(let d): return d.loc
        }
    }

    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: return true
        default: return false
        }
    }
}

public enum OperationType: String, Sendable, Hashable {
    case query, mutation, subscription
}

/// OperationDefinition : OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet
public struct OperationDefinition: Sendable {
    public let operation: OperationType
    public let name: Name?
    public let variableDefinitions: [VariableDefinition]
    public let directives: [Directive]
    public let selectionSet: SelectionSet
    public let loc: Location
    public init(operation: OperationType, name: Name?, variableDefinitions: [VariableDefinition], directives: [Directive], selectionSet: SelectionSet, loc: Location) {
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
public struct VariableDefinition: Sendable {
    public let variable: Name  // without the `$`; loc covers the `$`
    public let type: TypeNode
    public let defaultValue: Value?
    public let directives: [Directive]
    public let loc: Location
    public init(variable: Name, type: TypeNode, defaultValue: Value?, directives: [Directive], loc: Location) {
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// SelectionSet : { Selection+ }
public struct SelectionSet: Sendable {
    public let selections: [Selection]
    public let loc: Location
    public init(selections: [Selection], loc: Location) {
        self.selections = selections
        self.loc = loc
    }
}

public enum Selection: Sendable {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    public var loc: Location {
        switch self {
        case .field(let f): return f.loc
        case .fragmentSpread(let s): return s.loc
        case .inlineFragment(let i): return i.loc
        }
    }

    public var directives: [Directive] {
        switch self {
        case .field(let f): return f.directives
        case .fragmentSpread(let s): return s.directives
        case .inlineFragment(let i): return i.directives
        }
    }
}

/// Field : Alias? Name Arguments? Directives? SelectionSet?
public struct Field: Sendable {
    public let alias: Name?
    public let name: Name
    public let arguments: [Argument]
    public let directives: [Directive]
    public let selectionSet: SelectionSet?
    public let loc: Location
    public init(alias: Name?, name: Name, arguments: [Argument], directives: [Directive], selectionSet: SelectionSet?, loc: Location) {
        self.alias = alias
        self.name = name
        self.arguments = arguments
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }

    /// The key of this field in the response: the alias, else the name.
    @inlinable public var responseKey: String { alias?.value ?? name.value }
}

/// Argument : Name : Value
public struct Argument: Sendable {
    public let name: Name
    public let value: Value
    public let loc: Location
    public init(name: Name, value: Value, loc: Location) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// FragmentSpread : ... FragmentName Directives?
public struct FragmentSpread: Sendable {
    public let name: Name
    public let directives: [Directive]
    public let loc: Location
    public init(name: Name, directives: [Directive], loc: Location) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// InlineFragment : ... TypeCondition? Directives? SelectionSet
public struct InlineFragment: Sendable {
    public let typeCondition: Name?
    public let directives: [Directive]
    public let selectionSet: SelectionSet
    public let loc: Location
    public init(typeCondition: Name?, directives: [Directive], selectionSet: SelectionSet, loc: Location) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
public struct FragmentDefinition: Sendable {
    public let name: Name
    public let typeCondition: Name
    public let directives: [Directive]
    public let selectionSet: SelectionSet
    public let loc: Location
    public init(name: Name, typeCondition: Name, directives: [Directive], selectionSet: SelectionSet, loc: Location) {
        self.name = name
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// Value[Const] : Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue | ListValue | ObjectValue
public indirect enum Value: Sendable {
    case variable(Name)
    case int(String, Location)
    case float(String, Location)
    case string(String, block: Bool, Location)
    case boolean(Bool, Location)
    case null(Location)
    case enumValue(String, Location)
    case list([Value], Location)
    case object([ObjectField], Location)

    public var loc: Location {
        switch self {
        case .variable(let n): return n.loc
        case .int(_, let l), .float(_, let l), .string(_, _, let l), .boolean(_, let l), .null(let l),
            .enumValue(_, let l), .list(_, let l), .object(_, let l):
            return l
        }
    }
}

/// ObjectField : Name : Value
public struct ObjectField: Sendable {
    public let name: Name
    public let value: Value
    public let loc: Location
    public init(name: Name, value: Value, loc: Location) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// Directive : @ Name Arguments?
public struct Directive: Sendable {
    public let name: Name
    public let arguments: [Argument]
    public let loc: Location
    public init(name: Name, arguments: [Argument], loc: Location) {
        self.name = name
        self.arguments = arguments
        self.loc = loc
    }
}

/// Type : NamedType | ListType | NonNullType
public indirect enum TypeNode: Sendable {
    case named(Name)
    case list(TypeNode, Location)
    case nonNull(TypeNode, Location)

    public var loc: Location {
        switch self {
        case .named(let n): return n.loc
        case .list(_, let l), .nonNull(_, let l): return l
        }
    }

    /// The named type at the core of list and non-null wrappers.
    public var namedType: Name {
        switch self {
        case .named(let n): return n
        case .list(let t, _), .nonNull(let t, _): return t.namedType
        }
    }
}
