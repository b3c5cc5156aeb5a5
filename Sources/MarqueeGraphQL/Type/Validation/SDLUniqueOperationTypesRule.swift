/// Unique Operation Types (spec 3.3.1): one root type per operation.
final class SDLUniqueOperationTypesRule: SDLValidationRule {
    let context: SDLValidationContext
    private var defined: [OperationType: OperationTypeDefinition] = [:]
    init(_ context: SDLValidationContext) { self.context = context }

    func enter(_ node: SDLNode) {
        guard case .schema(let d, _) = node else { return }
        for operationType in d.operationTypes {
            if let previous = defined[operationType.operation] {
                context.report("There can be only one \(operationType.operation.rawValue) type in schema.", [previous.loc, operationType.loc])
            } else {
                defined[operationType.operation] = operationType
            }
        }
    }
}
