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
        var groups: [(name: String, nodes: [Name])] = []
        for argument in arguments {
            if let i = groups.firstIndex(where: { $0.name == argument.name.value }) {
                groups[i].nodes.append(argument.name)
            } else {
                groups.append((argument.name.value, [argument.name]))
            }
        }
        for group in groups where group.nodes.count > 1 {
            context.report("Argument \"\(parentName)(\(group.name):)\" can only be defined once.", group.nodes.map(\.loc))
        }
    }
}
