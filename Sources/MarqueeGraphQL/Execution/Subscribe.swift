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
        let source: SubscriptionSource
        switch await createSourceEventStream(schema: schema, document: document, rootValue: rootValue, context: context,
                                             variableValues: variableValues, operationName: operationName,
                                             unexpectedErrors: unexpectedErrors) {
        case .source(let s): source = s
        case .response(let response): return .response(response)
        }
        let box = UncheckedSendableBox(source.events)
        let stream = AsyncThrowingStream<GraphQLResponse, any Error> { continuation in
            let task = Task {
                do {
                    for try await event in box.value {
                        continuation.yield(await source.execute(event: event, context: eventContext.map { $0(context) } ?? context))
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

    /// CreateSourceEventStream(): validates the subscription, coerces its
    /// arguments and calls the root field's `subscribe`. The result's `events`
    /// may be consumed by anyone, and `execute(event:context:)` runs
    /// MapSourceToResponseEvent() for one event — so a server can share one
    /// source and one execution between many subscribers of the same operation.
    public static func createSourceEventStream(schema: GraphQLSchema, document: Document, rootValue: (any Sendable)? = nil,
                                               context: (any Sendable)? = nil, variableValues: JSONObject = JSONObject(),
                                               operationName: String? = nil,
                                               unexpectedErrors: UnexpectedErrorPolicy = .expose) async -> SourceStreamResult {
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
        do {
            let args = try plan.argumentValues(shared)
            let events = try await subscribe(rootValue, args, context, ResolveInfo(plan: plan, shared: shared))
            return .source(SubscriptionSource(events: events, shared: shared, rootType: rootType))
        } catch {
            return .response(GraphQLResponse(errors: [Execution.locatedError(error, plan.locations, [plan.pathKey], unexpectedErrors)]))
        }
    }
}

/// A started subscription: its source events and the execution of its
/// selection set against one of them.
public struct SubscriptionSource: @unchecked Sendable {
    /// What the root field's `subscribe` returned.
    public let events: any AsyncSequence<any Sendable, any Error>
    let shared: ExecutionShared
    let rootType: GraphQLObjectType

    /// MapSourceToResponseEvent(): the operation's selection set executed with
    /// `event` as the root value, in `context`.
    public func execute(event: any Sendable, context: (any Sendable)?) async -> GraphQLResponse {
        let eventShared = ExecutionShared(schema: shared.schema, fragments: shared.fragments, rootValue: event, context: context,
                                          operation: shared.operation, variableValues: shared.variableValues,
                                          unexpectedErrors: shared.unexpectedErrors, planCache: shared.planCache)
        let execution = Execution(shared: eventShared)
        let data = await execution.executeQuery(rootType)
        return GraphQLResponse(data: data, errors: execution.errors)
    }
}

/// CreateSourceEventStream()'s outcome.
public enum SourceStreamResult: Sendable {
    case source(SubscriptionSource)
    case response(GraphQLResponse)
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
