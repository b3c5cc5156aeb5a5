import MarqueeGraphQL

/// Field-level authorisation declared in the schema: `@auth(requires: ROLE)` on a
/// field (or on its type) is checked before the field's resolver runs — no
/// token: UNAUTHENTICATED; a token without the role (ADMIN has every role): FORBIDDEN.
enum AuthDirective {
    static func install(on schema: GraphQLSchema) {
        for case let object as GraphQLObjectType in schema.typeMap.values where !object.name.hasPrefix("__") {
            let typeRole = requiredRole(object.directives)
            for field in object.fields {
                guard let role = requiredRole(field.directives) ?? typeRole else { continue }
                let inner = field.resolve
                let name = "\(object.name).\(field.name)"
                if let subscribe = field.subscribe {
                    field.subscribe = { source, args, context, info in
                        try check(state(context), name, role)
                        return try await subscribe(source, args, context, info)
                    }
                }
                field.resolve = { source, args, context, info in
                    try check(state(context), name, role)
                    if let inner { return try inner(source, args, context, info) }
                    return .value((source as? [String: any Sendable])?[info.fieldName])
                }
            }
        }
    }

    static func check(_ state: RequestState, _ name: String, _ role: String) throws {
        guard let caller = state.call.caller else { throw codedError("Sign in to use \(name).", "UNAUTHENTICATED") }
        guard caller.isAdmin || caller.has(role) else { throw codedError("\(name) requires the \(role) role.", "FORBIDDEN") }
    }

    /// Whether the operation's root fields include one that needs a signed-in caller.
    static func requiresCaller(_ operation: OperationDefinition, _ schema: GraphQLSchema) -> Bool {
        guard let root = schema.rootType(for: operation.operation) else { return false }
        for case .field(let field) in operation.selectionSet.selections {
            if let definition = root.field(named: field.name.value), requiredRole(definition.directives) != nil { return true }
        }
        return false
    }

    /// The role an `@auth` directive requires (its default: ATTENDEE), nil without one.
    static func requiredRole(_ directives: [Directive]) -> String? {
        guard let auth = directives.first(where: { $0.name.value == "auth" }) else { return nil }
        if let argument = auth.arguments.first(where: { $0.name.value == "requires" }), case .enumValue(let role, _) = argument.value {
            return role
        }
        return "ATTENDEE"
    }
}
