/// A directive as the document (in SDL) or the schema defines it.
enum DirectiveReference {
    case document(DirectiveDefinition)
    case schema(GraphQLDirective)

    var isRepeatable: Bool {
        switch self {
        case .document(let d): return d.repeatable
        case .schema(let d): return d.isRepeatable
        }
    }

    var argumentNames: [String] {
        switch self {
        case .document(let d): return d.arguments.map(\.name.value)
        case .schema(let d): return d.arguments.map(\.name)
        }
    }
}

extension ValidationContext {
    /// The directive named `name`: a definition in the document wins over the
    /// schema's, as in graphql-js where the rules add the document's to the schema's.
    func directiveReference(named name: String) -> DirectiveReference? {
        if hasDirectiveDefinitions, let definition = documentDirectives[name] { return .document(definition) }
        return schema.directive(named: name).map { .schema($0) }
    }

    /// The document's directive definitions by name (the last one wins).
    private var documentDirectives: [String: DirectiveDefinition] {
        var definitions: [String: DirectiveDefinition] = [:]
        for case .directive(let definition) in document.definitions { definitions[definition.name.value] = definition }
        return definitions
    }
}
