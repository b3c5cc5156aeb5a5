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
                field.resolve = { source, args, context, info in
                    let state = state(context)
                    guard let caller = state.call.caller else {
                        throw codedError("Sign in to use \(name).", "UNAUTHENTICATED")
                    }
                    guard caller.isAdmin || caller.has(role) else {
                        throw codedError("\(name) requires the \(role) role.", "FORBIDDEN")
                    }
                    if let inner { return try inner(source, args, context, info) }
                    return .value((source as? [String: any Sendable])?[info.fieldName])
                }
            }
        }
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
