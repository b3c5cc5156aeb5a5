/// Where a directive may appear (spec 3.13, `DirectiveLocation`).
public enum DirectiveLocation: String, Sendable, CaseIterable {
    // Executable locations
    case query = "QUERY"
    case mutation = "MUTATION"
    case subscription = "SUBSCRIPTION"
    case field = "FIELD"
    case fragmentDefinition = "FRAGMENT_DEFINITION"
    case fragmentSpread = "FRAGMENT_SPREAD"
    case inlineFragment = "INLINE_FRAGMENT"
    case variableDefinition = "VARIABLE_DEFINITION"
    // Type system locations
    case schema = "SCHEMA"
    case scalar = "SCALAR"
    case object = "OBJECT"
    case fieldDefinition = "FIELD_DEFINITION"
    case argumentDefinition = "ARGUMENT_DEFINITION"
    case interface = "INTERFACE"
    case union = "UNION"
    case enumType = "ENUM"
    case enumValue = "ENUM_VALUE"
    case inputObject = "INPUT_OBJECT"
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"

    public var isExecutable: Bool {
        switch self {
        case .query, .mutation, .subscription, .field, .fragmentDefinition, .fragmentSpread, .inlineFragment, .variableDefinition: return true
        default: return false
        }
    }

    /// The description introspection gives each location (as graphql-js has them).
    public var descriptionText: String {
        switch self {
        case .query: return "Location adjacent to a query operation."
        case .mutation: return "Location adjacent to a mutation operation."
        case .subscription: return "Location adjacent to a subscription operation."
        case .field: return "Location adjacent to a field."
        case .fragmentDefinition: return "Location adjacent to a fragment definition."
        case .fragmentSpread: return "Location adjacent to a fragment spread."
        case .inlineFragment: return "Location adjacent to an inline fragment."
        case .variableDefinition: return "Location adjacent to an operation variable definition."
        case .schema: return "Location adjacent to a schema definition."
        case .scalar: return "Location adjacent to a scalar definition."
        case .object: return "Location adjacent to an object type definition."
        case .fieldDefinition: return "Location adjacent to a field definition."
        case .argumentDefinition: return "Location adjacent to an argument definition."
        case .interface: return "Location adjacent to an interface definition."
        case .union: return "Location adjacent to a union definition."
        case .enumType: return "Location adjacent to an enum definition."
        case .enumValue: return "Location adjacent to an enum value definition."
        case .inputObject: return "Location adjacent to an input object type definition."
        case .inputFieldDefinition: return "Location adjacent to an input object field definition."
        }
    }
}

/// A directive definition (spec 3.13).
public final class GraphQLDirective: @unchecked Sendable {
    public let name: String
    public var description: String?
    public var locations: [DirectiveLocation]
    public var arguments: [GraphQLArgument]
    public var isRepeatable: Bool
    public var loc: Location?

    public init(name: String, description: String? = nil, locations: [DirectiveLocation], arguments: [GraphQLArgument] = [], isRepeatable: Bool = false) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
    }

    public func argument(named name: String) -> GraphQLArgument? {
        for argument in arguments where argument.name == name { return argument }
        return nil
    }

    public var isSpecified: Bool { GraphQLDirective.specified.contains { $0 === self } }

    public static let include = GraphQLDirective(
        name: "include",
        description: "Directs the executor to include this field or fragment only when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [GraphQLArgument(name: "if", type: .nonNull(.scalar(.boolean)), description: "Included when true.")])

    public static let skip = GraphQLDirective(
        name: "skip",
        description: "Directs the executor to skip this field or fragment when the `if` argument is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [GraphQLArgument(name: "if", type: .nonNull(.scalar(.boolean)), description: "Skipped when true.")])

    public static let defaultDeprecationReason = "No longer supported"

    public static let deprecated = GraphQLDirective(
        name: "deprecated",
        description: "Marks an element of a GraphQL schema as no longer supported.",
        locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
        arguments: [GraphQLArgument(
            name: "reason", type: .nonNull(.scalar(.string)),
            description: "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            defaultValue: .string(defaultDeprecationReason),
            defaultValueAST: .string(defaultDeprecationReason, block: false, .unknown))])

    public static let specifiedBy = GraphQLDirective(
        name: "specifiedBy",
        description: "Exposes a URL that specifies the behavior of this scalar.",
        locations: [.scalar],
        arguments: [GraphQLArgument(name: "url", type: .nonNull(.scalar(.string)), description: "The URL that specifies the behavior of this scalar.")])

    public static let oneOf = GraphQLDirective(
        name: "oneOf",
        description: "Indicates exactly one field must be supplied and this field must not be `null`.",
        locations: [.inputObject])

    /// The directives every schema has, in graphql-js's order.
    public static let specified: [GraphQLDirective] = [include, skip, deprecated, specifiedBy, oneOf]
}
