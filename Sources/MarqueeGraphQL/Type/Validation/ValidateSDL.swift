// Validation of an SDL document before a schema is built from it (graphql-js
// `validateSDL` / `assertValidSDL`): the SDL rules, run in one traversal of the
// document, in graphql-js's order.

/// The errors of an SDL document, empty when a schema can be built from it.
public func validateSDL(_ document: Document) -> [GraphQLError] {
    let context = SDLValidationContext(document)
    let rules: [any SDLValidationRule] = [
        SDLLoneSchemaDefinitionRule(context),
        SDLUniqueOperationTypesRule(context),
        SDLUniqueTypeNamesRule(context),
        SDLUniqueEnumValueNamesRule(context),
        SDLUniqueFieldDefinitionNamesRule(context),
        SDLUniqueArgumentDefinitionNamesRule(context),
        SDLUniqueDirectiveNamesRule(context),
        SDLKnownTypeNamesRule(context),
        SDLKnownDirectivesRule(context),
        SDLUniqueDirectivesPerLocationRule(context),
        SDLPossibleTypeExtensionsRule(context),
        SDLKnownArgumentNamesOnDirectivesRule(context),
        SDLUniqueArgumentNamesRule(context),
        SDLUniqueInputFieldNamesRule(context),
        SDLProvidedRequiredArgumentsOnDirectivesRule(context),
    ]
    SDLWalker(rules: rules).walk(document)
    return context.errors
}

/// The names given more than once, each with all its nodes, in the order of
/// their first use.
func repeatedNames(_ names: [Name]) -> [(name: String, nodes: [Name])] {
    var groups: [(name: String, nodes: [Name])] = []
    for name in names {
        if let i = groups.firstIndex(where: { $0.name == name.value }) {
            groups[i].nodes.append(name)
        } else {
            groups.append((name.value, [name]))
        }
    }
    return groups.filter { $0.nodes.count > 1 }
}

/// The document being validated and the errors found so far.
final class SDLValidationContext {
    let document: Document
    private(set) var errors: [GraphQLError] = []

    init(_ document: Document) { self.document = document }

    func report(_ message: String, _ locations: [Location]) {
        errors.append(GraphQLError(message, nodes: locations))
    }

    /// The directive definitions of the document.
    var directiveDefinitions: [DirectiveDefinition] {
        document.definitions.compactMap { if case .directive(let d) = $0 { return d } else { return nil } }
    }

    /// The type definitions (not extensions) of the document.
    var typeDefinitions: [TypeDefinition] {
        document.definitions.compactMap { if case .type(let d) = $0 { return d } else { return nil } }
    }
}
