/// Argument Uniqueness (spec 5.4.2): a field or directive is given each argument at
/// most once.
public final class UniqueArgumentNamesRule: ValidationRule {
    public static var visits: ValidationVisits { [.enterField, .enterDirective] }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterField(_ node: Field) { check(node.arguments) }

    public func enterDirective(_ node: Directive, location: DirectiveLocation) { check(node.arguments) }

    private func check(_ arguments: [Argument]) {
        guard arguments.count > 1 else { return }
        for (name, nodes) in duplicatedNames(arguments, \.name.value) {
            context.report(GraphQLError("There can be only one argument named \"\(name)\".", nodes: nodes.map(\.name.loc)))
        }
    }
}
