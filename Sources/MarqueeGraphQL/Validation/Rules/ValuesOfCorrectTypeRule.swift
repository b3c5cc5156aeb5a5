/// Values of Correct Type (spec 5.6.1), with Input Object Field Names (5.6.2) and
/// Input Object Required Fields (5.6.4): every literal can be coerced to the input
/// type of its position; a OneOf input object literal has exactly one non-null field.
public final class ValuesOfCorrectTypeRule: ValidationRule {
    public static var visits: ValidationVisits { .enterValue }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    /// Checks each outermost literal as a whole (the nested ones with it).
    public func enterValue(_ node: Value) {
        let typeInfo = context.typeInfo
        guard typeInfo.valueDepth == 0 else { return }
        let type: GraphQLType?
        switch node {
        case .variable: return
        // The traversal has already entered the list's item type.
        case .list: type = typeInfo.parentInputType
        default: type = typeInfo.inputType
        }
        guard let type else { return }
        validateInputLiteral(node, type) { [context] error, _ in context.report(error) }
    }
}
