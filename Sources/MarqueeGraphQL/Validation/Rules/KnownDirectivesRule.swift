/// Directives Are Defined (spec 5.7.1) and Directives Are In Valid Locations (spec
/// 5.7.2): every directive is defined, by the schema or the document, for the
/// location it is used at.
public final class KnownDirectivesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterDirective }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterDirective(_ node: Directive, location: DirectiveLocation) {
        let name = node.name.value
        let isAllowed: Bool
        switch context.directiveReference(named: name) {
        case .schema(let directive)? where !directive.locations.isEmpty:
            isAllowed = directive.locations.contains(location)
        case .document(let definition)? where definition.locations.contains(where: { DirectiveLocation(rawValue: $0.value) != nil }):
            isAllowed = definition.locations.contains { $0.value == location.rawValue }
        default:
            context.report(GraphQLError("Unknown directive \"@\(name)\".", at: node.loc))
            return
        }
        if !isAllowed {
            context.report(GraphQLError("Directive \"@\(name)\" may not be used on \(location.phrase).", at: node.loc))
        }
    }
}

extension DirectiveLocation {
    /// The location as graphql-core's messages name it: "field", "fragment spread".
    var phrase: String {
        String(rawValue.lowercased().map { $0 == "_" ? " " : $0 })
    }
}
