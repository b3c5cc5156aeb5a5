/// Required Arguments (spec 5.4.2.1, for directives in SDL): a directive is given
/// every argument that is non-null and has no default.
final class SDLProvidedRequiredArgumentsOnDirectivesRule: SDLValidationRule {
    let context: SDLValidationContext
    /// Each directive's required arguments, with their types as written.
    private var required: [String: [(name: String, type: String)]] = [:]

    init(_ context: SDLValidationContext) {
        self.context = context
        for directive in GraphQLDirective.specified {
            required[directive.name] = requiredArguments(.schema(directive))
        }
        for definition in context.directiveDefinitions {
            required[definition.name.value] = requiredArguments(.document(definition))
        }
    }

    func leave(_ node: SDLNode) {
        guard case .directive(let directive, _) = node, let arguments = required[directive.name.value] else { return }
        let given = Set(directive.arguments.map(\.name.value))
        for argument in arguments where !given.contains(argument.name) {
            context.report("Argument \"@\(directive.name.value)(\(argument.name):)\" of type \"\(argument.type)\" is required, but it was not provided.",
                           [directive.loc])
        }
    }
}
