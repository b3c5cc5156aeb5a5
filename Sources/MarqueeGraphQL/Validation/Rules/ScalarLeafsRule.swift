/// Leaf Field Selections (spec 5.3.3): fields of scalar and enum types have no
/// selection set; fields of object, interface and union types have one.
public final class ScalarLeafsRule: ValidationRule {
    public static var visits: ValidationVisits { .enterField }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterField(_ node: Field) {
        guard let type = context.typeInfo.type else { return }
        let name = node.name.value
        if isLeafType(type.named) {
            if let selectionSet = node.selectionSet {
                context.report(GraphQLError(
                    "Field \"\(name)\" must not have a selection since type \"\(type)\" has no subfields.", at: selectionSet.loc))
            }
        } else if node.selectionSet == nil {
            context.report(GraphQLError(
                "Field \"\(name)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
                at: node.loc))
        }
    }
}
