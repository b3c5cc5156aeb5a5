/// Executes GraphQL requests against a schema (spec 6).
public enum GraphQLExecutor {
    /// ExecuteRequest() for a query or mutation of a validated document.
    public static func execute(schema: GraphQLSchema, document: Document, rootValue: (any Sendable)? = nil,
                               context: (any Sendable)? = nil, variableValues: JSONObject = JSONObject(),
                               operationName: String? = nil, unexpectedErrors: UnexpectedErrorPolicy = .expose) async -> GraphQLResponse {
        let shared: ExecutionShared
        switch prepare(schema: schema, document: document, rootValue: rootValue, context: context, variableValues: variableValues,
                       operationName: operationName, unexpectedErrors: unexpectedErrors) {
        case .success(let s): shared = s
        case .failure(let errors): return GraphQLResponse(errors: errors)
        }
        let operation = shared.operation
        guard let rootType = schema.rootType(for: operation.operation) else {
            return GraphQLResponse(errors: [GraphQLError("Schema is not configured to execute \(operation.operation.rawValue) operation.", at: operation.loc)])
        }
        let execution = Execution(shared: shared)
        let data: JSON
        switch operation.operation {
        case .query: data = await execution.executeQuery(rootType)
        case .mutation: data = await execution.executeMutation(rootType)
        case .subscription:
            // Executing a subscription operation directly runs it once, like a query.
            data = await execution.executeQuery(rootType)
        }
        return GraphQLResponse(data: data, errors: execution.errors)
    }

    /// GetOperation() and CoerceVariableValues(): the per-request state, or request errors.
    static func prepare(schema: GraphQLSchema, document: Document, rootValue: (any Sendable)?, context: (any Sendable)?,
                        variableValues: JSONObject, operationName: String?, unexpectedErrors: UnexpectedErrorPolicy) -> Prepared {
        // The operation and fragments depend on the document alone: found once per document.
        let operation: OperationDefinition
        let fragments: [String: FragmentDefinition]
        switch document.plans.selection(operationName, { selectOperation(document, operationName) }) {
        case .operation(let op, let f):
            operation = op
            fragments = f
        case .failure(let errors):
            return .failure(errors)
        }
        let (variables, errors) = InputCoercion.coerceVariableValues(schema: schema, definitions: operation.variableDefinitions, inputs: variableValues)
        guard errors.isEmpty else { return .failure(errors) }
        return .success(ExecutionShared(schema: schema, fragments: fragments, rootValue: rootValue, context: context,
                                        operation: operation, variableValues: variables, unexpectedErrors: unexpectedErrors,
                                        planCache: document.plans))
    }

    /// GetOperation(): the operation `operationName` selects, with the document's fragments.
    static func selectOperation(_ document: Document, _ operationName: String?) -> PlanCache.Selection {
        var operation: OperationDefinition?
        var fragments: [String: FragmentDefinition] = [:]
        var operationCount = 0
        for definition in document.definitions {
            switch definition {
            case .operation(let op):
                operationCount += 1
                if let operationName {
                    if op.name?.value == operationName { operation = op }
                } else if operation == nil {
                    operation = op
                }
            case .fragment(let fragment):
                fragments[fragment.name.value] = fragment
            default:
                continue
            }
        }
        guard let operation else {
            if let operationName { return .failure([GraphQLError("Unknown operation named \"\(operationName)\".")]) }
            return .failure([GraphQLError("Must provide an operation.")])
        }
        if operationName == nil && operationCount > 1 {
            return .failure([GraphQLError("Must provide operation name if query contains multiple operations.")])
        }
        return .operation(operation, fragments: fragments)
    }
}

/// The state a request executes with, or the request errors that stop it.
enum Prepared {
    case success(ExecutionShared)
    case failure([GraphQLError])
}
