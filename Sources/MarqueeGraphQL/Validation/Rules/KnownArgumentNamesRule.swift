/// Argument Names (spec 5.4.1): every argument given to a field or directive is
/// defined by it.
public final class KnownArgumentNamesRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterDirective, .enterArgument] }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterDirective(_ node: Directive, location: DirectiveLocation) {
        let name = node.name.value
        guard !node.arguments.isEmpty, let known = context.directiveReference(named: name)?.argumentNames else { return }
        for argument in node.arguments where !known.contains(argument.name.value) {
            let argumentName = argument.name.value
            context.report(GraphQLError("Unknown argument \"\(argumentName)\" on directive \"@\(name)\"."
                                        + didYouMean(suggestionList(argumentName, known)), at: argument.loc))
        }
    }

    public func enterArgument(_ node: Argument, parent: ArgumentParent) {
        guard case .field(let fieldName) = parent, context.typeInfo.argument == nil,
              let field = context.typeInfo.fieldDefinition, let parentType = context.typeInfo.parentType else { return }
        let argumentName = node.name.value
        context.report(GraphQLError("Unknown argument \"\(argumentName)\" on field \"\(parentType.name).\(fieldName.value)\"."
                                    + didYouMean(suggestionList(argumentName, field.arguments.map(\.name))), at: node.loc))
    }
}
