/// Fragment Name Uniqueness (spec 5.5.1.1): no two fragments share a name.
public final class UniqueFragmentNamesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterFragmentDefinition }
    private let context: ValidationContext
    private var knownNames: [String: Name] = [:]

    public init(context: ValidationContext) { self.context = context }

    public func enterFragmentDefinition(_ node: FragmentDefinition) {
        let name = node.name
        if let known = knownNames[name.value] {
            context.report(GraphQLError("There can be only one fragment named \"\(name.value)\".", nodes: [known.loc, name.loc]))
        } else {
            knownNames[name.value] = name
        }
    }
}
