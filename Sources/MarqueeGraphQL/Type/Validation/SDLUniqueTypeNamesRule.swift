/// Unique Type Names (spec 3.4): each named type is defined once.
final class SDLUniqueTypeNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    private var known: [String: Name] = [:]
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .type(let d, isExtension: false) = node else { return }
        let name = d.name
        if let previous = known[name.value] {
            context.report("There can be only one type named \"\(name.value)\".", [previous.loc, name.loc])
        } else {
            known[name.value] = name
        }
    }
}
