/// Directives Are Unique Per Location (spec 5.7.3, as it applies to SDL): a
/// non-repeatable directive appears once on an element; a type's definition and
/// extensions count as one element, and so do the schema's.
final class SDLUniqueDirectivesPerLocationRule: SDLValidationRule {
    let context: SDLValidationContext
    private var unique: [String: Bool] = [:]
    private var schemaDirectives: [String: Directive] = [:]
    private var typeDirectives: [String: [String: Directive]] = [:]

    init(_ context: SDLValidationContext) {
        self.context = context
        for directive in GraphQLDirective.specified { unique[directive.name] = !directive.isRepeatable }
        for definition in context.directiveDefinitions { unique[definition.name.value] = !definition.repeatable }
    }

    func enter(_ node: SDLNode) {
        switch node {
        case .schema(let d, _):
            check(d.directives, &schemaDirectives)
        case .type(let d, _):
            check(d.directives, &typeDirectives[d.name.value, default: [:]])
        case .field(let d):
            var seen: [String: Directive] = [:]
            check(d.directives, &seen)
        case .inputValue(let d):
            var seen: [String: Directive] = [:]
            check(d.directives, &seen)
        case .enumValue(let d):
            var seen: [String: Directive] = [:]
            check(d.directives, &seen)
        default:
            return
        }
    }

    private func check(_ directives: [Directive], _ seen: inout [String: Directive]) {
        for directive in directives {
            let name = directive.name.value
            guard unique[name] == true else { continue }
            if let previous = seen[name] {
                context.report("The directive \"@\(name)\" can only be used once at this location.", [previous.loc, directive.loc])
            } else {
                seen[name] = directive
            }
        }
    }
}
