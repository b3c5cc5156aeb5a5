/// Lone Schema Definition (spec 3.3): a document defines the schema at most once.
final class SDLLoneSchemaDefinitionRule: SDLValidationRule {
    let context: SDLValidationContext
    private var count = 0
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .schema(let d, isExtension: false) = node else { return }
        if count > 0 { context.report("Must provide only one schema definition.", [d.loc]) }
        count += 1
    }
}
