/// Input Object Field Uniqueness (spec 5.6.3): an input object literal gives each
/// field at most once.
public final class UniqueInputFieldNamesRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterValue, .leaveValue, .enterObjectField] }
    private let context: ValidationContext
    @exclusivity(unchecked) private var knownNamesStack: [[String: Name]] = []
    @exclusivity(unchecked) private var knownNames: [String: Name] = [:]

    public init(context: ValidationContext) { self.context = context }

    public func enterValue(_ node: Value) {
        guard case .object = node else { return }
        knownNamesStack.append(knownNames)
        knownNames = [:]
    }

    public func leaveValue(_ node: Value) {
        guard case .object = node else { return }
        knownNames = knownNamesStack.removeLast()
    }

    public func enterObjectField(_ node: ObjectField) {
        let name = node.name
        if let known = knownNames[name.value] {
            context.report(GraphQLError("There can be only one input field named \"\(name.value)\".", nodes: [known.loc, name.loc]))
        } else {
            knownNames[name.value] = name
        }
    }
}
