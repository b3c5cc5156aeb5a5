/// Directives Are Defined, Directives Are In Valid Locations (spec 5.7.1, 5.7.2,
/// as they apply to SDL): every applied directive is a specified one or defined in
/// the document, and may be used where it is.
final class SDLKnownDirectivesRule: SDLValidationRule {
    let context: SDLValidationContext
    private var locations: [String: Set<String>] = [:]

    init(_ context: SDLValidationContext) {
        self.context = context
        for directive in GraphQLDirective.specified { locations[directive.name] = Set(directive.locations.map(\.rawValue)) }
        for definition in context.directiveDefinitions { locations[definition.name.value] = Set(definition.locations.map(\.value)) }
    }

    func enter(_ node: SDLNode) {
        guard case .directive(let directive, let location) = node else { return }
        let name = directive.name.value
        guard let allowed = locations[name] else {
            context.report("Unknown directive \"@\(name)\".", [directive.loc])
            return
        }
        if !allowed.contains(location.rawValue) {
            context.report("Directive \"@\(name)\" may not be used on \(location.rawValue).", [directive.loc])
        }
    }
}
