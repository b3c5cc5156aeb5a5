/// A leaf type whose values are opaque to GraphQL (spec 3.5): the built-in `Int`,
/// `Float`, `String`, `Boolean` and `ID`, or a custom scalar.
public final class GraphQLScalarType: GraphQLNamedType, @unchecked Sendable {
    public enum BuiltIn: Sendable {
        case int, float, string, boolean, id
    }

    public let name: String
    public var description: String?
    public var specifiedByURL: String?
    public var directives: [Directive] = []
    public var loc: Location?
    /// Set for the five specified scalars; their coercion is built into the engine.
    public let builtIn: BuiltIn?
    /// Result coercion; nil passes JSON-representable values through.
    public var serialize: (@Sendable (_ value: any Sendable) throws -> JSON)?
    /// Input coercion of a variable's JSON value; nil passes it through.
    public var parseValue: (@Sendable (_ value: JSON) throws -> JSON)?
    /// Input coercion of a literal (variables already substituted are not seen here);
    /// nil converts the literal to JSON as written.
    public var parseLiteral: (@Sendable (_ literal: Value, _ variables: JSONObject?) throws -> JSON)?

    public init(name: String, description: String? = nil, specifiedByURL: String? = nil,
                serialize: (@Sendable (any Sendable) throws -> JSON)? = nil,
                parseValue: (@Sendable (JSON) throws -> JSON)? = nil,
                parseLiteral: (@Sendable (Value, JSONObject?) throws -> JSON)? = nil) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.serialize = serialize
        self.parseValue = parseValue
        self.parseLiteral = parseLiteral
        self.builtIn = nil
    }

    init(builtIn: BuiltIn, name: String, description: String) {
        self.name = name
        self.description = description
        self.builtIn = builtIn
    }

    public var graphQLType: GraphQLType { .scalar(self) }

    public static let int = GraphQLScalarType(builtIn: .int, name: "Int", description:
        "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.")
    public static let float = GraphQLScalarType(builtIn: .float, name: "Float", description:
        "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).")
    public static let string = GraphQLScalarType(builtIn: .string, name: "String", description:
        "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.")
    public static let boolean = GraphQLScalarType(builtIn: .boolean, name: "Boolean", description:
        "The `Boolean` scalar type represents `true` or `false`.")
    public static let id = GraphQLScalarType(builtIn: .id, name: "ID", description:
        "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.")

    public static let specified: [GraphQLScalarType] = [.string, .int, .float, .boolean, .id]
}

/// An error of input or result coercion, before a location or path is attached.
public struct CoercionError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
