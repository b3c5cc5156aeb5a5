import Logging
import Metrics
import MarqueeGraphQL
import MarqueePubSub
import MarqueeRPC
import Synchronization

/// The public API: `schema.graphql` with its resolvers and authorisation, the
/// engine, the limits, and the service clients. One per process; shared by the
/// HTTP routes (and the WebSocket protocols).
public final class Gateway: Sendable {
    public typealias Verifier = @Sendable (String) async throws -> Caller

    public let engine: GraphQLEngine
    let config: GatewayConfig
    let clients: ServiceClients
    let verify: Verifier
    let logger: Logger
    /// The WebSocket subscriptions, fanned out per topic.
    let hub: SubscriptionHub
    /// The WebSocket connections' timers.
    let clock: SessionClock
    /// Public entity reads, evicted through the broker.
    let cache: EntityCache
    private let counters = Mutex<[Outcome: Counter]>([:])

    /// `marquee_graphql_requests{outcome}`, made once per outcome (after the metrics system started).
    private func requestCounter(_ outcome: Outcome) -> Counter {
        counters.withLock { counters in
            if let counter = counters[outcome] { return counter }
            let counter = Counter(label: "marquee_graphql_requests", dimensions: [("outcome", "\(outcome)")])
            counters[outcome] = counter
            return counter
        }
    }

    public init(config: GatewayConfig, clients: ServiceClients, pubsub: any PubSub, verify: @escaping Verifier, logger: Logger) throws {
        let schema = try GraphQLSchema.build(sdl: PublicSchema.sdl)
        Resolvers.install(on: schema)
        Resolvers(schema: schema).installSubscriptions(pubsub: pubsub)
        AuthDirective.install(on: schema)
        var limits = GraphQLLimits()
        limits.maxSelectionDepth = config.maxDepth
        limits.maxAliases = config.maxAliases
        var resolverLogger = logger
        resolverLogger[metadataKey: "component"] = "graphql"
        let masked = resolverLogger
        engine = GraphQLEngine(schema: schema, limits: limits, unexpectedErrors: .mask(log: { error, path in
            // The resolvers run inside the request's CallContext: log its request id.
            masked.error("resolver failed", metadata: [
                "error": "\(String(reflecting: error))", "path": "\(path)",
                "request-id": "\(CallContext.current?.requestID ?? "-")",
            ])
        }))
        self.config = config
        self.clients = clients
        self.verify = verify
        self.logger = logger
        let cache = EntityCache(ttl: config.cacheTTL, maxEntries: config.cacheMaxEntries)
        self.cache = cache
        hub = SubscriptionHub(pubsub: pubsub, clients: clients, cache: cache)
        if cache.isEnabled { Task { await cache.follow(pubsub) } }
        clock = SessionClock(keepAlive: config.wsKeepAlive)
    }

    /// What one HTTP (or WebSocket) request asks for.
    public struct Request: Sendable {
        public var graphQL: GraphQLRequest
        public var bearerToken: String?
        public var requestID: String
        /// Only queries may run (GET requests).
        public var queriesOnly = false
        /// Report the RPCs made in `extensions` (`x-marquee-trace: 1`).
        public var trace = false
        /// The caller, when the token was verified already (a WebSocket's connection_init).
        public var caller: Caller?
        /// The connection's token, withdrawn when it expires (WebSocket operations).
        public var revocable: RevocableToken?

        public init(graphQL: GraphQLRequest, bearerToken: String?, requestID: String) {
            self.graphQL = graphQL
            self.bearerToken = bearerToken
            self.requestID = requestID
        }
    }

    /// How the request ended, for the HTTP status.
    public enum Outcome: Sendable, Hashable {
        /// Executed (data present, maybe with field errors).
        case executed
        /// Refused before execution: unparsable, invalid, over a limit.
        case requestError
        /// The token was malformed, forged or expired.
        case unauthenticated
        /// A mutation or subscription over GET.
        case notAllowed
        /// The request ran out of time.
        case timeout
    }

    /// Runs one query or mutation, counting it by outcome (`marquee_graphql_requests`).
    public func execute(_ request: Request) async -> (GraphQLResponse, Outcome) {
        let result = await run(request)
        requestCounter(result.1).increment()
        return result
    }

    private func run(_ request: Request) async -> (GraphQLResponse, Outcome) {
        var call = CallContext(requestID: request.requestID, trace: request.trace ? CallTrace() : nil)
        if let caller = request.caller {
            call.caller = caller
            call.bearerToken = request.bearerToken
        } else if let token = request.bearerToken {
            do {
                call.caller = try await verify(token)
                call.bearerToken = token
            } catch {
                return (GraphQLResponse(errors: [codedError("The access token is invalid or has expired.", "UNAUTHENTICATED")]), .unauthenticated)
            }
        }
        let document: Document
        switch engine.prepare(request.graphQL.query) {
        case .valid(let valid): document = valid
        case .invalid(let response): return (Self.classified(response), .requestError)
        }
        if let refusal = check(document, request) { return refusal }
        // The deadline bounds every service call the resolvers make (the only
        // waits of an execution); a request answered from memory needs no timer.
        let deadline = ContinuousClock.now + config.requestTimeout
        call.deadline = deadline
        let state = RequestState(call: call, clients: clients, cache: cache)
        var response = await CallContext.$current.withValue(call) {
            await GraphQLExecutor.execute(
                schema: engine.schema, document: document, context: state, variableValues: request.graphQL.variables,
                operationName: request.graphQL.operationName, unexpectedErrors: engine.unexpectedErrors)
        }
        guard ContinuousClock.now <= deadline else {
            return (GraphQLResponse(errors: [codedError("The request took longer than \(config.requestTimeout) and was stopped.", "TIMEOUT")]), .timeout)
        }
        if let trace = call.trace {
            var extensions = response.extensions ?? JSONObject()
            let methods = trace.methods
            extensions["rpcCalls"] = .int(methods.count)
            extensions["rpcMethods"] = .array(methods.map { .string($0) })
            response.extensions = extensions
        }
        if response.data == nil { return (Self.codedInputErrors(response), .requestError) }
        return (response, .executed)
    }

    /// An operation over a WebSocket: a subscription to add to the fan-out, or
    /// the single result of a query or mutation, or the errors that stop it at once.
    public enum SocketOperation: Sendable {
        case subscription(SocketSubscription)
        case single(GraphQLResponse)
        case failed([GraphQLError])
    }

    /// A started subscription: its topic, its source (which executes events) and
    /// the group of subscribers it can share executions with.
    public struct SocketSubscription: Sendable {
        let events: TopicEvents
        let source: SubscriptionSource
        let group: String
        let call: CallContext
    }

    /// Starts an operation received on a WebSocket (caller already verified).
    /// `requiresCaller`: whether it must end when the caller's token expires.
    public func open(_ request: Request) async -> (SocketOperation, requiresCaller: Bool) {
        let document: Document
        switch engine.prepare(request.graphQL.query) {
        case .valid(let valid): document = valid
        case .invalid(let response): return (.failed(Self.classified(response).errors), false)
        }
        guard let operation = document.operation(named: request.graphQL.operationName) else {
            return (.failed([codedError("Unknown operation.", "GRAPHQL_VALIDATION_FAILED")]), false)
        }
        let requiresCaller = AuthDirective.requiresCaller(operation, engine.schema)
        guard operation.operation == .subscription else {
            let (response, outcome) = await execute(request)
            return (outcome == .executed ? .single(response) : .failed(response.errors), requiresCaller)
        }
        if let (refusal, _) = check(document, request) { return (.failed(refusal.errors), requiresCaller) }
        let call = CallContext(
            requestID: request.requestID, bearerToken: request.bearerToken, caller: request.caller, revocable: request.revocable)
        let state = RequestState(call: call, clients: clients, cache: cache)
        let graphQL = request.graphQL
        let engine = engine
        let result = await CallContext.$current.withValue(call) {
            await GraphQLExecutor.createSourceEventStream(
                schema: engine.schema, document: document, context: state, variableValues: graphQL.variables,
                operationName: graphQL.operationName, unexpectedErrors: engine.unexpectedErrors)
        }
        switch result {
        case .response(let response):
            return (.failed(Self.codedInputErrors(response).errors), requiresCaller)
        case .source(let source):
            guard let events = source.events as? TopicEvents else {
                return (.failed([codedError("The subscription has no broker topic.", "INTERNAL_SERVER_ERROR")]), requiresCaller)
            }
            return (.subscription(SocketSubscription(events: events, source: source, group: Self.group(graphQL, request.caller), call: call)),
                    requiresCaller)
        }
    }

    /// Subscribers with the same group see the same results: the same operation
    /// and variables, asked by the same user with the same roles (or anonymously).
    static func group(_ request: GraphQLRequest, _ caller: Caller?) -> String {
        var writer = JSONWriter(capacity: 64)
        writer.write(.object(request.variables))
        let who = caller.map { "\($0.userID)|\($0.roles.sorted().joined(separator: ","))" } ?? "-"
        return "\(who)\u{0}\(request.operationName ?? "")\u{0}\(String(decoding: writer.bytes, as: UTF8.self))\u{0}\(request.query)"
    }

    /// The gateway's own refusals: GET mutations, introspection when disabled, cost.
    func check(_ document: Document, _ request: Request) -> (GraphQLResponse, Outcome)? {
        let name = request.graphQL.operationName
        let operation = document.operation(named: name)
        if request.queriesOnly, let operation, operation.operation != .query {
            return (GraphQLResponse(errors: [codedError("Only queries can be sent with GET; send \(operation.operation.rawValue)s with POST.", "METHOD_NOT_ALLOWED")]), .notAllowed)
        }
        if !config.introspection, Introspection.isRequested(in: document) {
            return (GraphQLResponse(errors: [codedError("Introspection is disabled on this server.", "INTROSPECTION_DISABLED")]), .requestError)
        }
        if let cost = QueryCost.estimate(document: document, schema: engine.schema, operationName: name, variables: request.graphQL.variables),
           cost > config.maxCost {
            return (GraphQLResponse(errors: [codedError("The query's estimated cost \(cost == .max ? "overflows" : "is \(cost)"), more than the maximum of \(config.maxCost); ask for smaller pages or fewer fields.", "QUERY_TOO_COMPLEX")]), .requestError)
        }
        return nil
    }

    /// Errors of a request that could not start (variable values that do not
    /// coerce) without a code get BAD_USER_INPUT: the request's input is at fault.
    static func codedInputErrors(_ response: GraphQLResponse) -> GraphQLResponse {
        withCodes(response) { _ in "BAD_USER_INPUT" }
    }

    /// Request errors get a code: parse failures, validation failures, or the limit that refused them.
    static func classified(_ response: GraphQLResponse) -> GraphQLResponse {
        withCodes(response) { $0.message.hasPrefix("Syntax Error:") ? "GRAPHQL_PARSE_FAILED" : "GRAPHQL_VALIDATION_FAILED" }
    }

    /// Gives every error without an `extensions.code` the code `code` picks for it.
    private static func withCodes(_ response: GraphQLResponse, _ code: (GraphQLError) -> String) -> GraphQLResponse {
        var response = response
        response.errors = response.errors.map { error in
            guard error.extensions?["code"] == nil else { return error }
            var error = error
            var extensions = error.extensions ?? JSONObject()
            extensions["code"] = .string(code(error))
            error.extensions = extensions
            return error
        }
        return response
    }

    /// The result of `work`, or nil when it did not finish within `limit` (it is then cancelled).
    static func withTimeout<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async -> T) async -> T? {
        (try? await withTimeout(limit, throwing: work)) ?? nil
    }

    /// The same for work that throws: its error, its result, or nil past `limit`.
    static func withTimeout<T: Sendable>(_ limit: Duration, throwing work: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}

/// Whether a document asks for `__schema` or `__type` (anywhere in it).
enum Introspection {
    static func isRequested(in document: Document) -> Bool {
        for definition in document.definitions {
            switch definition {
            case .operation(let operation): if asks(operation.selectionSet) { return true }
            case .fragment(let fragment): if asks(fragment.selectionSet) { return true }
            default: continue
            }
        }
        return false
    }

    private static func asks(_ selectionSet: SelectionSet) -> Bool {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                if field.name.value == "__schema" || field.name.value == "__type" { return true }
                if let sub = field.selectionSet, asks(sub) { return true }
            case .inlineFragment(let fragment):
                if asks(fragment.selectionSet) { return true }
            case .fragmentSpread:
                continue
            }
        }
        return false
    }
}
