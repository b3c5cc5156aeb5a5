/// Argument Uniqueness (spec 5.4.2, for directives in SDL): a directive is given
/// each argument once.
final class SDLUniqueArgumentNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .directive(let directive, _) = node else { return }
        for group in repeatedNames(directive.arguments.map(\.name)) {
            context.report("There can be only one argument named \"\(group.name)\".", group.nodes.map(\.loc))
        }
    }
}
