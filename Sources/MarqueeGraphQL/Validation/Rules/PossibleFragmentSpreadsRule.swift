/// Fragment Spread Is Possible (spec 5.5.2.3): a fragment is spread only where some
/// object could satisfy both its type condition and the parent type.
public final class PossibleFragmentSpreadsRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterInlineFragment, .enterFragmentSpread] }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterInlineFragment(_ node: InlineFragment) {
        guard let fragmentType = context.typeInfo.type?.named, isCompositeType(fragmentType),
              let parentType = context.typeInfo.parentType,
              !context.schema.doTypesOverlap(fragmentType, parentType) else { return }
        context.report(GraphQLError(
            "Fragment cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
            at: node.loc))
    }

    public func enterFragmentSpread(_ node: FragmentSpread) {
        let name = node.name.value
        guard let fragment = context.fragment(named: name),
              let fragmentType = context.schema.type(named: fragment.typeCondition.value), isCompositeType(fragmentType),
              let parentType = context.typeInfo.parentType,
              !context.schema.doTypesOverlap(fragmentType, parentType) else { return }
        context.report(GraphQLError(
            "Fragment \"\(name)\" cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
            at: node.loc))
    }
}
