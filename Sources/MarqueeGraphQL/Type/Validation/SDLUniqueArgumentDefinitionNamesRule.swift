/// Unique Argument Definition Names (spec 3.6.1, 3.13): the arguments of a field or
/// directive definition are uniquely named.
final class SDLUniqueArgumentDefinitionNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        switch node {
        case .directiveDefinition(let d):
            check("@\(d.name.value)", d.arguments)
        case .type(.object(let d), _), .type(.interface(let d), _):
            for field in d.fields { check("\(d.name.value).\(field.name.value)", field.arguments) }
        default:
            return
        }
    }

    private func check(_ parentName: String, _ arguments: [InputValueDefinition]) {
        for group in repeatedNames(arguments.map(\.name)) {
            context.report("Argument \"\(parentName)(\(group.name):)\" can only be defined once.", group.nodes.map(\.loc))
        }
    }
}
