/// Operation Type Existence (spec 5.2.1.1): the schema has a root type for each
/// operation's type.
public final class KnownOperationTypesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterOperationDefinition }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ node: OperationDefinition) {
        if context.schema.rootType(for: node.operation) == nil {
            context.report(GraphQLError("The \(node.operation.rawValue) operation is not supported by the schema.", at: node.loc))
        }
    }
}
