/// Fragment Spread Type Existence (spec 5.5.1.2): every type a document names, in
/// variable definitions and type conditions, is defined by the schema.
public final class KnownTypeNamesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterNamedType }
    private let context: ValidationContext
    private var definedTypeNames: Set<String>?
    private var typeNames: [String]?

    /// Names a type system document may use without defining them.
    private static let standardTypeNames = GraphQLScalarType.specified.map(\.name)
        + ["__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind"]

    public init(context: ValidationContext) { self.context = context }

    public func enterNamedType(_ node: Name) {
        let name = node.value
        if context.schema.type(named: name) != nil { return }
        let defined = definedTypeNames ?? documentTypeNames()
        definedTypeNames = defined
        if defined.contains(name) { return }
        let isSDL = context.isInTypeSystemDefinition
        if isSDL && Self.standardTypeNames.contains(name) { return }
        let known = typeNames ?? Array(Set(context.schema.typeMap.keys).union(defined))
        typeNames = known
        var seen: Set<String> = []
        let options = (isSDL ? Self.standardTypeNames + known : known).filter { seen.insert($0).inserted }
        let suggestions = suggestionList(name, options)
        context.report(GraphQLError("Unknown type \"\(name)\"." + didYouMean(suggestions), at: node.loc))
    }

    private func documentTypeNames() -> Set<String> {
        var names: Set<String> = []
        for case .type(let definition) in context.document.definitions { names.insert(definition.name.value) }
        return names
    }
}
