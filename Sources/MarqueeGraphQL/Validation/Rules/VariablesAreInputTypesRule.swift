/// Variables Are Input Types (spec 5.8.2): each variable has a scalar, enum or input
/// object type.
public final class VariablesAreInputTypesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterVariableDefinition }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterVariableDefinition(_ node: VariableDefinition) {
        guard let type = typeFromAST(context.schema, node.type), !type.isInputType else { return }
        context.report(GraphQLError(
            "Variable \"$\(node.variable.value)\" cannot be non-input type \"\(printType(node.type))\".", at: node.type.loc))
    }
}
