import MarqueeGraphQL

/// What a WebSocket protocol state machine asks its connection to do.
enum WSAction: Sendable, Equatable {
    /// Send this text message.
    case send(String)
    /// Close the socket with this code and reason.
    case close(code: UInt16, reason: String)
    /// Check the `connection_init` payload (its token), then call `authenticated`.
    case authenticate(JSONObject)
    /// Run this operation under this id.
    case start(id: String, request: GraphQLRequest)
    /// Stop the operation with this id (the client completed it).
    case stop(id: String)

    static func == (lhs: WSAction, rhs: WSAction) -> Bool {
        switch (lhs, rhs) {
        case (.send(let a), .send(let b)): a == b
        case (.close(let a, let r), .close(let b, let s)): a == b && r == s
        case (.authenticate(let a), .authenticate(let b)): a == b
        case (.start(let a, let r), .start(let b, let s)): a == b && r.query == s.query && r.operationName == s.operationName && r.variables == s.variables
        case (.stop(let a), .stop(let b)): a == b
        default: false
        }
    }
}

/// The two sub-protocols, as pure state machines: text in, actions out; the
/// connection (``WebSocketSession``) performs the actions and reports back.
protocol WSProtocol: Sendable {
    /// A text message from the client.
    mutating func receive(_ text: String) -> [WSAction]
    /// A binary message from the client (neither protocol uses them).
    mutating func receiveBinary() -> [WSAction]
    /// The outcome of `.authenticate`: nil = accepted, else the reason it was refused.
    mutating func authenticated(refusal: String?) -> [WSAction]
    /// The client did not send `connection_init` in time.
    mutating func initTimedOut() -> [WSAction]
    /// A result of operation `id`.
    mutating func next(id: String, payload: JSON) -> [WSAction]
    /// What precedes the payload in a result message of operation `id` (the
    /// subscription fan-out appends the payload's JSON and `}`).
    func nextPrefix(id: String) -> [UInt8]
    /// Operation `id` failed before producing results (errors, no data).
    mutating func error(id: String, errors: [GraphQLError]) -> [WSAction]
    /// Operation `id` ended.
    mutating func complete(id: String) -> [WSAction]
    /// Sent every keep-alive interval, if the protocol keeps alive from the server.
    func keepAlive() -> [WSAction]
    /// Whether the connection is acknowledged (operations may run).
    var isAcknowledged: Bool { get }
}

/// Close codes of graphql-transport-ws (the graphql-ws library's protocol).
enum CloseCode {
    static let normal: UInt16 = 1000
    static let messageTooBig: UInt16 = 1009
    static let tryAgainLater: UInt16 = 1013
    static let badRequest: UInt16 = 4400
    static let unauthorized: UInt16 = 4401
    static let forbidden: UInt16 = 4403
    static let subprotocolNotAcceptable: UInt16 = 4406
    static let initTimeout: UInt16 = 4408
    static let duplicateSubscriber: UInt16 = 4409
    static let tooManyInitRequests: UInt16 = 4429
    static let internalError: UInt16 = 4500
}

/// Parsing of client messages, shared by both protocols.
enum WSMessage {
    /// The message as a JSON object with a string `type`, or nil.
    static func parse(_ text: String) -> (type: String, object: JSONObject)? {
        guard let json = try? JSONParser.parse(text, maxDepth: 64), case .object(let object) = json,
              case .string(let type)? = object["type"] else { return nil }
        return (type, object)
    }

    /// The GraphQL request of a `subscribe`/`start` payload, or why it is malformed.
    static func request(_ payload: JSON?) -> Result<GraphQLRequest, GraphQLError> {
        guard let payload else { return .failure(GraphQLError("The message has no payload.")) }
        do {
            return .success(try GraphQLRequest(json: payload))
        } catch {
            return .failure(error)
        }
    }

    /// `{"id":<id>,"type":<type>,"payload":`
    static func prefix(id: String, type: String) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.write(.string(id))
        return Array(#"{"id":"#.utf8) + writer.bytes + Array(#","type":"\#(type)","payload":"#.utf8)
    }

    static func encode(_ object: JSONObject) -> String {
        var writer = JSONWriter(capacity: 256)
        writer.write(.object(object))
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
