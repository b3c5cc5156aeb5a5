/// All Variable Usages Are Allowed (spec 5.8.5): each variable's type fits every
/// position it is used in, defaults considered; variables for OneOf input object
/// fields are non-null.
public final class VariablesInAllowedPositionRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterOperationDefinition, .leaveOperationDefinition] }
    private let context: ValidationContext
    private var definitions: [String: VariableDefinition] = [:]

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ operation: OperationDefinition) {
        definitions.removeAll(keepingCapacity: true)
        for definition in operation.variableDefinitions { definitions[definition.variable.value] = definition }
    }

    public func leaveOperationDefinition(_ operation: OperationDefinition) {
        let schema = context.schema
        for usage in context.recursiveVariableUsages(of: operation) {
            let name = usage.node.value
            guard let definition = definitions[name], let locationType = usage.type else { continue }
            guard let variableType = typeFromAST(schema, definition.type) else { continue }
            if !allowedVariableUsage(variableType, definition.defaultValue, locationType, usage.hasDefaultValue) {
                context.report(GraphQLError(
                    "Variable \"$\(name)\" of type \"\(variableType)\" used in position expecting type \"\(locationType)\".",
                    nodes: [definition.loc, usage.node.loc]))
            }
            if case .inputObject(let parentType)? = usage.parentType, parentType.isOneOf, !variableType.isNonNull {
                context.report(GraphQLError(
                    "Variable \"$\(name)\" is of type \"\(variableType)\" but must be non-nullable to be used for OneOf Input Object \"\(parentType.name)\".",
                    nodes: [definition.loc, usage.node.loc]))
            }
        }
    }

    /// A nullable variable fits a non-null position only if the variable or the
    /// position has a default value (a null default does not count).
    private func allowedVariableUsage(_ variableType: GraphQLType, _ variableDefault: Value?, _ locationType: GraphQLType,
                                      _ locationHasDefault: Bool) -> Bool {
        if case .nonNull(let nullableLocationType) = locationType, !variableType.isNonNull {
            var hasNonNullVariableDefault = variableDefault != nil
            if case .null? = variableDefault { hasNonNullVariableDefault = false }
            guard hasNonNullVariableDefault || locationHasDefault else { return false }
            return context.schema.isTypeSubType(variableType, of: nullableLocationType)
        }
        return context.schema.isTypeSubType(variableType, of: locationType)
    }
}
