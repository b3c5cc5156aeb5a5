/// Fragments On Composite Types (spec 5.5.1.3): a fragment's type condition is an
/// object, interface or union type.
public final class FragmentsOnCompositeTypesRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterInlineFragment, .enterFragmentDefinition] }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterInlineFragment(_ node: InlineFragment) {
        guard let typeCondition = node.typeCondition, isNonCompositeType(typeCondition) else { return }
        context.report(GraphQLError("Fragment cannot condition on non composite type \"\(typeCondition.value)\".", at: typeCondition.loc))
    }

    public func enterFragmentDefinition(_ node: FragmentDefinition) {
        guard isNonCompositeType(node.typeCondition) else { return }
        context.report(GraphQLError(
            "Fragment \"\(node.name.value)\" cannot condition on non composite type \"\(node.typeCondition.value)\".",
            at: node.typeCondition.loc))
    }

    private func isNonCompositeType(_ name: Name) -> Bool {
        guard let type = context.schema.type(named: name.value) else { return false }
        return !isCompositeType(type)
    }
}
