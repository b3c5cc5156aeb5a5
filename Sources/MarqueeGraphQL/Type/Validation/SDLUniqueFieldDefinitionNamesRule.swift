/// Unique Field Definition Names (spec 3.6, 3.7, 3.10): the fields of an object
/// type, interface or input object, across its definition and extensions, are
/// uniquely named.
final class SDLUniqueFieldDefinitionNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    private var known: [String: [String: Name]] = [:]
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .type(let definition, _) = node else { return }
        let names: [Name]
        switch definition {
        case .object(let d), .interface(let d): names = d.fields.map(\.name)
        case .inputObject(let d): names = d.fields.map(\.name)
        default: return
        }
        let typeName = definition.name.value
        for name in names {
            if let previous = known[typeName]?[name.value] {
                context.report("Field \"\(typeName).\(name.value)\" can only be defined once.", [previous.loc, name.loc])
            } else {
                known[typeName, default: [:]][name.value] = name
            }
        }
    }
}
