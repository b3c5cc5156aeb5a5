/// Known Type Names (spec 3.4): every type an SDL document refers to is defined in
/// it, or is a specified scalar or introspection type.
final class SDLKnownTypeNamesRule: SDLValidationRule {
    let context: SDLValidationContext
    private let definedNames: Set<String>
    private let suggestionNames: [String]
    static let standardTypeNames: [String] = GraphQLScalarType.specified.map(\.name) + [
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ]

    init(_ context: SDLValidationContext) {
        self.context = context
        let defined = context.typeDefinitions.map(\.name.value)
        definedNames = Set(defined)
        var unique: [String] = []
        for name in defined where !unique.contains(name) { unique.append(name) }
        suggestionNames = Self.standardTypeNames + unique
    }

    func enter(_ node: SDLNode) {
        guard case .namedType(let name) = node else { return }
        if definedNames.contains(name.value) || Self.standardTypeNames.contains(name.value) { return }
        context.report("Unknown type \"\(name.value)\"." + didYouMean(suggestionList(name.value, suggestionNames)), [name.loc])
    }
}
