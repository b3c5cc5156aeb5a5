/// Argument Uniqueness (spec 5.4.2, for directives in SDL): a directive is given
/// each argument once.
final class SDLUniqueArgumentNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .directive(let directive, _) = node else { return }
        var groups: [(name: String, nodes: [Name])] = []
        for argument in directive.arguments {
            if let i = groups.firstIndex(where: { $0.name == argument.name.value }) {
                groups[i].nodes.append(argument.name)
            } else {
                groups.append((argument.name.value, [argument.name]))
            }
        }
        for group in groups where group.nodes.count > 1 {
            context.report("There can be only one argument named \"\(group.name)\".", group.nodes.map(\.loc))
        }
    }
}
