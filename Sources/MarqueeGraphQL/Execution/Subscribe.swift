// Subscriptions (spec 6.2.3): CreateSourceEventStream() and MapSourceToResponseEvent().

extension GraphQLExecutor {
    /// Subscribe(): a stream of responses, one per source event, or the request
    /// errors when the subscription cannot start. `eventContext`, when given, makes
    /// the context each event is executed with from `context` (e.g. fresh
    /// per-event DataLoaders, so no event sees another's cached values).
    public static func subscribe(schema: GraphQLSchema, document: Document, rootValue: (any Sendable)? = nil,
                                 context: (any Sendable)? = nil, variableValues: JSONObject = JSONObject(),
                                 operationName: String? = nil, unexpectedErrors: UnexpectedErrorPolicy = .expose,
                                 eventContext: (@Sendable ((any Sendable)?) -> (any Sendable)?)? = nil) async -> SubscriptionResult {
        let shared: ExecutionShared
        switch prepare(schema: schema, document: document, rootValue: rootValue, context: context, variableValues: variableValues,
                       operationName: operationName, unexpectedErrors: unexpectedErrors) {
        case .success(let s): shared = s
        case .failure(let errors): return .response(GraphQLResponse(errors: errors))
        }
        guard shared.operation.operation == .subscription, let rootType = schema.subscriptionType else {
            return .response(GraphQLResponse(errors: [GraphQLError("Schema is not configured to execute subscription operation.", at: shared.operation.loc)]))
        }
        let plans: [FieldPlan]
        do {
            plans = try shared.collectFields(rootType, [shared.operation.selectionSet])
        } catch {
            return .response(GraphQLResponse(errors: [error]))
        }
        guard let plan = plans.first else {
            return .response(GraphQLResponse(errors: [GraphQLError("Subscription must select one top level field.", at: shared.operation.loc)]))
        }
        guard let subscribe = plan.field.subscribe else {
            return .response(GraphQLResponse(errors: [GraphQLError("Subscription field \"\(plan.field.name)\" has no source stream.", locations: plan.locations, path: [plan.pathKey])]))
        }
        let events: any AsyncSequence<any Sendable, any Error>
        do {
            let args = try plan.argumentValues(shared)
            events = try await subscribe(rootValue, args, context, ResolveInfo(plan: plan, shared: shared))
        } catch {
            return .response(GraphQLResponse(errors: [Execution.locatedError(error, plan.locations, [plan.pathKey], unexpectedErrors)]))
        }
        let box = UncheckedSendableBox(events)
        let stream = AsyncThrowingStream<GraphQLResponse, any Error> { continuation in
            let task = Task {
                do {
                    for try await event in box.value {
                        // MapSourceToResponseEvent(): execute the selection with the event as root.
                        let eventShared = ExecutionShared(schema: schema, fragments: shared.fragments, rootValue: event,
                                                          context: eventContext.map { $0(context) } ?? context,
                                                          operation: shared.operation, variableValues: shared.variableValues,
                                                          unexpectedErrors: unexpectedErrors)
                        let execution = Execution(shared: eventShared)
                        let data = await execution.executeQuery(rootType)
                        continuation.yield(GraphQLResponse(data: data, errors: execution.errors))
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return .stream(stream)
    }
}

/// A subscription's response stream, or the single response that ends it at once.
public enum SubscriptionResult: Sendable {
    case stream(AsyncThrowingStream<GraphQLResponse, any Error>)
    case response(GraphQLResponse)
}

/// Carries a value the compiler cannot prove Sendable into the single task that uses it.
struct UncheckedSendableBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
