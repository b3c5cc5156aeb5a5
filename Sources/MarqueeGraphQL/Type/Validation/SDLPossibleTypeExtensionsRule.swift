/// Possible Type Extensions (spec 3.4.3): an extension extends a type defined in
/// the document, of the same kind.
final class SDLPossibleTypeExtensionsRule: SDLValidationRule {
    let context: SDLValidationContext
    private var definitions: [String: TypeDefinition] = [:]
    private var definedNames: [String] = []

    init(_ context: SDLValidationContext) {
        self.context = context
        for definition in context.typeDefinitions {
            if definitions[definition.name.value] == nil { definedNames.append(definition.name.value) }
            definitions[definition.name.value] = definition
        }
    }

    func enter(_ node: SDLNode) {
        guard case .type(let extensionNode, isExtension: true) = node else { return }
        let name = extensionNode.name.value
        guard let definition = definitions[name] else {
            context.report("Cannot extend type \"\(name)\" because it is not defined." + didYouMean(suggestionList(name, definedNames)),
                           [extensionNode.name.loc])
            return
        }
        if definition.kindName != extensionNode.kindName {
            context.report("Cannot extend non-\(extensionNode.kindName) type \"\(name)\".", [definition.loc, extensionNode.loc])
        }
    }
}
