// Type validation (spec 3, the "Type Validation" sub-sections): what a schema must
// satisfy before it can serve requests. A port of graphql-js's `validateSchema`,
// run by `GraphQLSchema.build` on every schema built from SDL.

/// The errors of `schema`, empty when it is valid: root types, directives, then
/// each type in the schema's order.
public func validateSchema(_ schema: GraphQLSchema) -> [GraphQLError] {
    let context = SchemaValidationContext(schema)
    context.validateRootTypes()
    context.validateDirectives()
    context.validateTypes()
    return context.errors
}

/// What one run of schema validation shares: the schema, its SDL nodes, the errors.
final class SchemaValidationContext {
    let schema: GraphQLSchema
    let nodes: SchemaASTNodes
    private(set) var errors: [GraphQLError] = []

    init(_ schema: GraphQLSchema) {
        self.schema = schema
        self.nodes = SchemaASTNodes(schema)
    }

    /// Records an error at the known ones of `locations`.
    func report(_ message: String, _ locations: [Location?]) {
        let known = locations.compactMap { $0 }.filter { $0 != .unknown }
        errors.append(GraphQLError(message, nodes: known))
    }

    func report(_ message: String, _ location: Location?) {
        report(message, [location])
    }

    func report(_ message: String, locations: [SourceLocation]) {
        errors.append(GraphQLError(message, locations: locations))
    }

    /// Names starting with `__` are reserved for introspection.
    func validateName(_ name: String, _ location: Location?) {
        guard name.hasPrefix("__") else { return }
        report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", location)
    }
}
