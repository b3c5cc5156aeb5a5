/// Unique Directive Names (spec 3.13): each directive is defined once.
final class SDLUniqueDirectiveNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    private var known: [String: Name] = [:]
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .directiveDefinition(let d) = node else { return }
        if let previous = known[d.name.value] {
            context.report("There can be only one directive named \"@\(d.name.value)\".", [previous.loc, d.name.loc])
        } else {
            known[d.name.value] = d.name
        }
    }
}
