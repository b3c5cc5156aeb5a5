/// Executable Definitions (spec 5.1.1): a document to execute holds only operations
/// and fragments.
public final class ExecutableDefinitionsRule: ValidationRule {
    public static var visits: ValidationVisits { .enterDocument }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterDocument(_ node: Document) {
        for definition in node.definitions {
            let name: String
            switch definition {
            case .operation, .fragment: continue
            case .schema, .schemaExtension: name = "schema"
            case .type(let d), .typeExtension(let d): name = "\"\(d.name.value)\""
            case .directive(let d): name = "\"\(d.name.value)\""
            }
            context.report(GraphQLError("The \(name) definition is not executable.", at: definition.loc))
        }
    }
}
