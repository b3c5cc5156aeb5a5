/// What a resolver produces: a value that is already there (completed at once, on
/// the fast path, with no task), or work to await (run concurrently with the
/// other pending work of the request).
public enum Resolved: Sendable {
    case value((any Sendable)?)
    case async(@Sendable () async throws -> (any Sendable)?)

    public static let null = Resolved.value(nil)
}

/// Resolves one field of one object. `source` is the parent object's value, `args`
/// the coerced arguments, `context` the request's context value.
public typealias FieldResolver = @Sendable (_ source: (any Sendable)?, _ args: Arguments, _ context: (any Sendable)?, _ info: ResolveInfo) throws -> Resolved

/// Resolves a subscription root field to its source stream of events.
public typealias SubscriptionResolver = @Sendable (_ source: (any Sendable)?, _ args: Arguments, _ context: (any Sendable)?, _ info: ResolveInfo) async throws -> any AsyncSequence<any Sendable, any Error>

/// Resolves the concrete object type name of a value of an abstract type.
public typealias TypeResolver = @Sendable (_ value: (any Sendable)?, _ context: (any Sendable)?, _ info: ResolveInfo) throws -> String?

/// A field's coerced argument values.
public struct Arguments: Sendable {
    public let values: JSONObject

    public init(_ values: JSONObject = JSONObject()) { self.values = values }

    public subscript(name: String) -> JSON? { values[name] }

    public func string(_ name: String) -> String? { values[name]?.stringValue }
    public func int(_ name: String) -> Int? { values[name]?.intValue }
    public func bool(_ name: String) -> Bool? { values[name]?.boolValue }

    public static let empty = Arguments()
}

/// What a resolver knows about the field it resolves.
public struct ResolveInfo: Sendable {
    let plan: FieldPlan
    let shared: ExecutionShared

    init(plan: FieldPlan, shared: ExecutionShared) {
        self.plan = plan
        self.shared = shared
    }

    public var fieldName: String { plan.field.name }
    public var responseKey: String { plan.responseKey }
    public var fieldNodes: [Field] { plan.fieldNodes }
    public var returnType: GraphQLType { plan.field.type }
    public var parentType: GraphQLObjectType { plan.parentType }
    public var schema: GraphQLSchema { shared.schema }
    public var fragments: [String: FragmentDefinition] { shared.fragments }
    public var rootValue: (any Sendable)? { shared.rootValue }
    public var operation: OperationDefinition { shared.operation }
    public var variableValues: JSONObject { shared.variableValues }
    /// The field definition being resolved.
    public var field: GraphQLField { plan.field }
}
