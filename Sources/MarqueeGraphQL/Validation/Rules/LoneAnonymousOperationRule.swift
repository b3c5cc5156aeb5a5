/// Lone Anonymous Operation (spec 5.2.3.1): an operation without a name is the only
/// operation of its document.
public final class LoneAnonymousOperationRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterDocument, .enterOperationDefinition] }
    private let context: ValidationContext
    private var operationCount = 0

    public init(context: ValidationContext) { self.context = context }

    public func enterDocument(_ node: Document) {
        operationCount = node.definitions.count { if case .operation = $0 { true } else { false } }
    }

    public func enterOperationDefinition(_ node: OperationDefinition) {
        if node.name == nil && operationCount > 1 {
            context.report(GraphQLError("This anonymous operation must be the only defined operation.", at: node.loc))
        }
    }
}
