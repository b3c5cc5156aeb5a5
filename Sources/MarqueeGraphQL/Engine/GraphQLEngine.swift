import Synchronization

/// The whole pipeline for one schema: parse ▸ validate ▸ execute, with a cache of
/// parsed-and-validated documents keyed by the document text, so a repeated query
/// skips straight to execution.
public final class GraphQLEngine: Sendable {
    public let schema: GraphQLSchema
    public let limits: GraphQLLimits
    public let unexpectedErrors: UnexpectedErrorPolicy
    private let cache: DocumentCache

    /// `unexpectedErrors`: how errors that are not meant for clients are reported;
    /// a server should `.mask` them and log what it is handed.
    public init(schema: GraphQLSchema, limits: GraphQLLimits = GraphQLLimits(), cacheCapacity: Int = 1000,
                unexpectedErrors: UnexpectedErrorPolicy = .expose) {
        self.schema = schema
        self.limits = limits
        self.unexpectedErrors = unexpectedErrors
        self.cache = DocumentCache(capacity: cacheCapacity)
    }

    /// The parsed document, if it is valid; otherwise the request's errors.
    public func prepare(_ query: String) -> PreparedDocument {
        if let cached = cache.get(query) { return cached }
        let result = Self.parseAndValidate(query, schema: schema, limits: limits)
        cache.put(query, result)
        return result
    }

    /// Parse and validate without touching the cache.
    public static func parseAndValidate(_ query: String, schema: GraphQLSchema, limits: GraphQLLimits = GraphQLLimits()) -> PreparedDocument {
        guard query.utf8.count <= limits.maxDocumentBytes else {
            return .invalid(GraphQLResponse(errors: [GraphQLError(
                "Document is larger than the maximum of \(limits.maxDocumentBytes) bytes.", extensions: ["code": "QUERY_TOO_LARGE"])]))
        }
        let document: Document
        do {
            document = try Parser.parse(Source(body: query), options: ParseOptions(maxTokens: limits.maxTokens, maxDepth: limits.maxParseDepth))
        } catch {
            return .invalid(GraphQLResponse(errors: [error]))
        }
        var errors = Validator.validate(schema: schema, document: document)
        if errors.isEmpty { errors = DocumentLimits.check(document, limits) }
        return errors.isEmpty ? .valid(document) : .invalid(GraphQLResponse(errors: errors))
    }

    /// Executes a query or mutation request.
    public func execute(_ request: GraphQLRequest, rootValue: (any Sendable)? = nil, context: (any Sendable)? = nil) async -> GraphQLResponse {
        let document: Document
        switch prepare(request.query) {
        case .valid(let d): document = d
        case .invalid(let response): return response
        }
        return await GraphQLExecutor.execute(schema: schema, document: document, rootValue: rootValue, context: context,
                                             variableValues: request.variables, operationName: request.operationName,
                                             unexpectedErrors: unexpectedErrors)
    }

    /// Starts a subscription request.
    public func subscribe(_ request: GraphQLRequest, rootValue: (any Sendable)? = nil, context: (any Sendable)? = nil,
                          eventContext: (@Sendable ((any Sendable)?) -> (any Sendable)?)? = nil) async -> SubscriptionResult {
        let document: Document
        switch prepare(request.query) {
        case .valid(let d): document = d
        case .invalid(let response): return .response(response)
        }
        return await GraphQLExecutor.subscribe(schema: schema, document: document, rootValue: rootValue, context: context,
                                               variableValues: request.variables, operationName: request.operationName,
                                               unexpectedErrors: unexpectedErrors, eventContext: eventContext)
    }
}

/// A document that passed parsing, validation and limits, or the response that
/// says why not.
public enum PreparedDocument: Sendable {
    case valid(Document)
    case invalid(GraphQLResponse)
}

/// A bounded map from document text to its parse-and-validate outcome.
final class DocumentCache: Sendable {
    private struct State {
        var entries: [String: PreparedDocument] = [:]
        var order: [String] = []
        var head = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = capacity }

    func get(_ key: String) -> PreparedDocument? {
        state.withLock { $0.entries[key] }
    }

    func put(_ key: String, _ value: PreparedDocument) {
        guard capacity > 0 else { return }
        state.withLock { state in
            if state.entries[key] != nil { return }
            if state.order.count < capacity {
                state.order.append(key)
            } else {
                // Evict the oldest entry (a ring over insertion order).
                state.entries[state.order[state.head]] = nil
                state.order[state.head] = key
                state.head = (state.head + 1) % capacity
            }
            state.entries[key] = value
        }
    }
}
