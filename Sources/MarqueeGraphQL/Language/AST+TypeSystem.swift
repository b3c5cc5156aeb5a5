// The type system definition language (spec section 3): SDL definitions and extensions.
// An extension uses the same node as its definition, with no description; the
// `Definition` case tells the two apart.

/// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
public struct SchemaDefinition: Sendable {
    public let description: StringValue?
    public let directives: [Directive]
    public let operationTypes: [OperationTypeDefinition]
    public let loc: Location
    public init(description: StringValue?, directives: [Directive], operationTypes: [OperationTypeDefinition], loc: Location) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// RootOperationTypeDefinition : OperationType : NamedType
public struct OperationTypeDefinition: Sendable {
    public let operation: OperationType
    public let type: Name
    public let loc: Location
    public init(operation: OperationType, type: Name, loc: Location) {
        self.operation = operation
        self.type = type
        self.loc = loc
    }
}

/// A string literal kept with its kind, for descriptions (printed back as written).
public struct StringValue: Sendable {
    public let value: String
    public let block: Bool
    public let loc: Location
    public init(value: String, block: Bool, loc: Location) {
        self.value = value
        self.block = block
        self.loc = loc
    }
}

public enum TypeDefinition: Sendable {
    case scalar(ScalarTypeDefinition)
    case object(ObjectTypeDefinition)
    case interface(ObjectTypeDefinition)
    case union(UnionTypeDefinition)
    case enumType(EnumTypeDefinition)
    case inputObject(InputObjectTypeDefinition)

    public var name: Name {
        switch self {
        case .scalar(let d): return d.name
        case .object(let d), .interface(let d): return d.name
        case .union(let d): return d.name
        case .enumType(let d): return d.name
        case .inputObject(let d): return d.name
        }
    }

    public var loc: Location {
        switch self {
        case .scalar(let d): return d.loc
        case .object(let d), .interface(let d): return d.loc
        case .union(let d): return d.loc
        case .enumType(let d): return d.loc
        case .inputObject(let d): return d.loc
        }
    }

    /// The kind of type it defines, as error messages name it ("input object").
    var kindName: String {
        switch self {
        case .scalar: return "scalar"
        case .object: return "object"
        case .interface: return "interface"
        case .union: return "union"
        case .enumType: return "enum"
        case .inputObject: return "input object"
        }
    }

    public var directives: [Directive] {
        switch self {
        case .scalar(let d): return d.directives
        case .object(let d), .interface(let d): return d.directives
        case .union(let d): return d.directives
        case .enumType(let d): return d.directives
        case .inputObject(let d): return d.directives
        }
    }

    public var description: StringValue? {
        switch self {
        case .scalar(let d): return d.description
        case .object(let d), .interface(let d): return d.description
        case .union(let d): return d.description
        case .enumType(let d): return d.description
        case .inputObject(let d): return d.description
        }
    }
}

/// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
public struct ScalarTypeDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let directives: [Directive]
    public let loc: Location
    public init(description: StringValue?, name: Name, directives: [Directive], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// ObjectTypeDefinition / InterfaceTypeDefinition :
/// Description? type|interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
public struct ObjectTypeDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let interfaces: [Name]
    public let directives: [Directive]
    public let fields: [FieldDefinition]
    public let loc: Location
    public init(description: StringValue?, name: Name, interfaces: [Name], directives: [Directive], fields: [FieldDefinition], loc: Location) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
public struct FieldDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let arguments: [InputValueDefinition]
    public let type: TypeNode
    public let directives: [Directive]
    public let loc: Location
    public init(description: StringValue?, name: Name, arguments: [InputValueDefinition], type: TypeNode, directives: [Directive], loc: Location) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.loc = loc
    }
}

/// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
public struct InputValueDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let type: TypeNode
    public let defaultValue: Value?
    public let directives: [Directive]
    public let loc: Location
    public init(description: StringValue?, name: Name, type: TypeNode, defaultValue: Value?, directives: [Directive], loc: Location) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
public struct UnionTypeDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let directives: [Directive]
    public let types: [Name]
    public let loc: Location
    public init(description: StringValue?, name: Name, directives: [Directive], types: [Name], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
public struct EnumTypeDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let directives: [Directive]
    public let values: [EnumValueDefinition]
    public let loc: Location
    public init(description: StringValue?, name: Name, directives: [Directive], values: [EnumValueDefinition], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// EnumValueDefinition : Description? EnumValue Directives[Const]?
public struct EnumValueDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let directives: [Directive]
    public let loc: Location
    public init(description: StringValue?, name: Name, directives: [Directive], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
public struct InputObjectTypeDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let directives: [Directive]
    public let fields: [InputValueDefinition]
    public let loc: Location
    public init(description: StringValue?, name: Name, directives: [Directive], fields: [InputValueDefinition], loc: Location) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
public struct DirectiveDefinition: Sendable {
    public let description: StringValue?
    public let name: Name
    public let arguments: [InputValueDefinition]
    public let repeatable: Bool
    public let locations: [Name]
    public let loc: Location
    public init(description: StringValue?, name: Name, arguments: [InputValueDefinition], repeatable: Bool, locations: [Name], loc: Location) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.repeatable = repeatable
        self.locations = locations
        self.loc = loc
    }
}
