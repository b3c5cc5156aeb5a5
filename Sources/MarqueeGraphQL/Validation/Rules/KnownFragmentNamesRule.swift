/// Fragment Spread Target Defined (spec 5.5.2.1): every spread names a fragment of
/// the document.
public final class KnownFragmentNamesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterFragmentSpread }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterFragmentSpread(_ node: FragmentSpread) {
        if context.fragment(named: node.name.value) == nil {
            context.report(GraphQLError("Unknown fragment \"\(node.name.value)\".", at: node.name.loc))
        }
    }
}
