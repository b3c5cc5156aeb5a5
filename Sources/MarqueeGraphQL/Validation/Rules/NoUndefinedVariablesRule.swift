/// All Variable Uses Defined (spec 5.8.3): every variable an operation uses, also
/// through its fragments, is defined by the operation.
public final class NoUndefinedVariablesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterOperationDefinition }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ operation: OperationDefinition) {
        let defined = Set(operation.variableDefinitions.map(\.variable.value))
        for usage in context.recursiveVariableUsages(of: operation) where !defined.contains(usage.node.value) {
            let name = usage.node.value
            let message = operation.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is not defined."
            context.report(GraphQLError(message, nodes: [usage.node.loc, operation.loc]))
        }
    }
}
