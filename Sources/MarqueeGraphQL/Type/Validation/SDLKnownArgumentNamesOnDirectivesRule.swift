/// Argument Names (spec 5.4.1, for directives in SDL): every argument given to a
/// directive is one it defines.
final class SDLKnownArgumentNamesOnDirectivesRule: SDLValidationRule {
    let context: SDLValidationContext
    private var arguments: [String: [String]] = [:]

    init(_ context: SDLValidationContext) {
        self.context = context
        for directive in GraphQLDirective.specified { arguments[directive.name] = directive.arguments.map(\.name) }
        for definition in context.directiveDefinitions { arguments[definition.name.value] = definition.arguments.map(\.name.value) }
    }

    func enter(_ node: SDLNode) {
        guard case .directive(let directive, _) = node, let known = arguments[directive.name.value] else { return }
        for argument in directive.arguments where !known.contains(argument.name.value) {
            context.report("Unknown argument \"\(argument.name.value)\" on directive \"@\(directive.name.value)\"."
                           + didYouMean(suggestionList(argument.name.value, known)), [argument.loc])
        }
    }
}
