/// Operation Name Uniqueness (spec 5.2.2.1): no two operations share a name.
public final class UniqueOperationNamesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterOperationDefinition }
    private let context: ValidationContext
    private var knownNames: [String: Name] = [:]

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ node: OperationDefinition) {
        guard let name = node.name else { return }
        if let known = knownNames[name.value] {
            context.report(GraphQLError("There can be only one operation named \"\(name.value)\".", nodes: [known.loc, name.loc]))
        } else {
            knownNames[name.value] = name
        }
    }
}
