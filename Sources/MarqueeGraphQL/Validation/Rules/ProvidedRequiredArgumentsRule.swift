/// Required Arguments (spec 5.4.2.1): a field or directive is given every argument
/// of non-null type that has no default value. Checked on leaving the node, so that
/// errors deeper inside come first.
public final class ProvidedRequiredArgumentsRule: ValidationRule {
    public static var visits: ValidationVisits { [.leaveField, .leaveDirective] }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func leaveField(_ node: Field) {
        guard let field = context.typeInfo.fieldDefinition, !field.arguments.isEmpty else { return }
        for argument in field.arguments where argument.isRequired && !node.arguments.contains(where: { $0.name.value == argument.name }) {
            let owner: String
            if context.typeInfo.type?.named.isIntrospectionType == true {
                owner = "<meta>."
            } else {
                owner = context.typeInfo.parentType.map { "\($0.name)." } ?? ""
            }
            context.report(GraphQLError(
                "Argument \"\(owner)\(node.name.value)(\(argument.name):)\" of type \"\(argument.type)\" is required, but it was not provided.",
                at: node.loc))
        }
    }

    public func leaveDirective(_ node: Directive, location: DirectiveLocation) {
        let name = node.name.value
        guard let directive = context.directiveReference(named: name) else { return }
        for argument in requiredArguments(directive) where !node.arguments.contains(where: { $0.name.value == argument.name }) {
            context.report(GraphQLError(
                "Argument \"@\(name)(\(argument.name):)\" of type \"\(argument.type)\" is required, but it was not provided.",
                at: node.loc))
        }
    }
}

/// The arguments a directive requires, with their types as written.
func requiredArguments(_ directive: DirectiveReference) -> [(name: String, type: String)] {
    switch directive {
    case .schema(let directive):
        return directive.arguments.filter(\.isRequired).map { ($0.name, "\($0.type)") }
    case .document(let definition):
        return definition.arguments.compactMap { argument in
            guard case .nonNull = argument.type, argument.defaultValue == nil else { return nil }
            return (argument.name.value, printType(argument.type))
        }
    }
}
