/// Unique Enum Value Names (spec 3.9): an enum's values, across its definition and
/// extensions, are uniquely named.
final class SDLUniqueEnumValueNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    private var known: [String: [String: Name]] = [:]
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .type(.enumType(let d), _) = node else { return }
        let typeName = d.name.value
        for value in d.values {
            if let previous = known[typeName]?[value.name.value] {
                context.report("Enum value \"\(typeName).\(value.name.value)\" can only be defined once.", [previous.loc, value.name.loc])
            } else {
                known[typeName, default: [:]][value.name.value] = value.name
            }
        }
    }
}
