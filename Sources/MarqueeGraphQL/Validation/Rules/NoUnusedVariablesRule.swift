/// All Variables Used (spec 5.8.4): every variable an operation defines is used, in
/// the operation or in the fragments it spreads.
public final class NoUnusedVariablesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterOperationDefinition }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ operation: OperationDefinition) {
        guard !operation.variableDefinitions.isEmpty else { return }
        let used = Set(context.recursiveVariableUsages(of: operation).map(\.node.value))
        for definition in operation.variableDefinitions where !used.contains(definition.variable.value) {
            let name = definition.variable.value
            let message = operation.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is never used."
            context.report(GraphQLError(message, at: definition.loc))
        }
    }
}
