/// Directives Are Unique Per Location (spec 5.7.3): a directive that is not
/// repeatable appears at most once on a node (on a type, across its definition and
/// extensions).
public final class UniqueDirectivesPerLocationRule: ValidationRule {
    public static var visits: ValidationVisits {
        [.enterOperationDefinition, .enterVariableDefinition, .enterField, .enterFragmentSpread, .enterInlineFragment,
         .enterFragmentDefinition, .enterTypeSystemNode]
    }
    private let context: ValidationContext
    private var schemaDirectives: [String: Directive] = [:]
    private var typeDirectives: [String: [String: Directive]] = [:]

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ node: OperationDefinition) { checkAlone(node.directives) }
    public func enterVariableDefinition(_ node: VariableDefinition) { checkAlone(node.directives) }
    public func enterField(_ node: Field) { checkAlone(node.directives) }
    public func enterFragmentSpread(_ node: FragmentSpread) { checkAlone(node.directives) }
    public func enterInlineFragment(_ node: InlineFragment) { checkAlone(node.directives) }
    public func enterFragmentDefinition(_ node: FragmentDefinition) { checkAlone(node.directives) }

    public func enterTypeSystemNode(_ node: TypeSystemNode) {
        switch node {
        case .schema(let d, _): check(d.directives, seen: &schemaDirectives)
        case .type(let d, _): check(d.directives, seen: &typeDirectives[d.name.value, default: [:]])
        case .directiveDefinition: break
        case .fieldDefinition(let d): checkAlone(d.directives)
        case .inputValueDefinition(let d): checkAlone(d.directives)
        case .enumValueDefinition(let d): checkAlone(d.directives)
        }
    }

    private func checkAlone(_ directives: [Directive]) {
        guard directives.count > 1 else { return }
        var seen: [String: Directive] = [:]
        check(directives, seen: &seen)
    }

    private func check(_ directives: [Directive], seen: inout [String: Directive]) {
        for directive in directives {
            let name = directive.name.value
            guard let definition = context.directiveReference(named: name), !definition.isRepeatable else { continue }
            if let first = seen[name] {
                context.report(GraphQLError("The directive \"@\(name)\" can only be used once at this location.",
                                            nodes: [first.loc, directive.loc]))
            } else {
                seen[name] = directive
            }
        }
    }
}
