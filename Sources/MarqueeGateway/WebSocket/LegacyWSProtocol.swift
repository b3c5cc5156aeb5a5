import MarqueeGraphQL

/// `graphql-ws`, the legacy subscriptions-transport-ws protocol of older Apollo
/// clients (https://github.com/apollographql/subscriptions-transport-ws/blob/master/PROTOCOL.md).
struct LegacyWSProtocol: WSProtocol {
    static let name = "graphql-ws"

    private(set) var initReceived = false
    private(set) var isAcknowledged = false
    private(set) var active: Set<String> = []

    mutating func receive(_ text: String) -> [WSAction] {
        guard let (type, object) = WSMessage.parse(text) else {
            return [.send(Self.connectionError("Message must be a JSON object with a type"))]
        }
        switch type {
        case "connection_init":
            guard !initReceived else { return [.send(Self.connectionError("Already initialised"))] }
            initReceived = true
            if case .object(let payload)? = object["payload"] { return [.authenticate(payload)] }
            return [.authenticate(JSONObject())]
        case "start":
            let id: String
            if case .string(let given)? = object["id"], !given.isEmpty, given.utf8.count <= 128 { id = given } else {
                return [.send(Self.connectionError("start needs an id"))]
            }
            guard isAcknowledged else {
                return [.send(Self.errorMessage(id, [GraphQLError("Send connection_init first.")]))]
            }
            switch WSMessage.request(object["payload"]) {
            case .failure(let error):
                return [.send(Self.errorMessage(id, [error]))]
            case .success(let request):
                // An id in use is restarted, as subscriptions-transport-ws servers do.
                let restart: [WSAction] = active.contains(id) ? [.stop(id: id)] : []
                active.insert(id)
                return restart + [.start(id: id, request: request)]
            }
        case "stop":
            guard case .string(let id)? = object["id"] else { return [] }
            guard active.remove(id) != nil else { return [] }
            return [.stop(id: id), .send(WSMessage.encode(["id": .string(id), "type": "complete"]))]
        case "connection_terminate":
            return [.close(code: CloseCode.normal, reason: "Terminated by the client")]
        default:
            return [.send(Self.connectionError("Unknown message type '\(type.prefix(40))'"))]
        }
    }

    mutating func receiveBinary() -> [WSAction] {
        [.send(Self.connectionError("Binary messages are not supported"))]
    }

    mutating func authenticated(refusal: String?) -> [WSAction] {
        if let refusal {
            return [.send(Self.connectionError(refusal)), .close(code: CloseCode.forbidden, reason: "Forbidden")]
        }
        isAcknowledged = true
        return [.send(#"{"type":"connection_ack"}"#), .send(#"{"type":"ka"}"#)]
    }

    mutating func initTimedOut() -> [WSAction] {
        initReceived ? [] : [.close(code: CloseCode.initTimeout, reason: "Connection initialisation timeout")]
    }

    mutating func next(id: String, payload: JSON) -> [WSAction] {
        guard active.contains(id) else { return [] }
        return [.send(WSMessage.encode(["id": .string(id), "type": "data", "payload": payload]))]
    }

    func nextPrefix(id: String) -> [UInt8] { WSMessage.prefix(id: id, type: "data") }

    mutating func error(id: String, errors: [GraphQLError]) -> [WSAction] {
        guard active.remove(id) != nil else { return [] }
        return [.send(Self.errorMessage(id, errors))]
    }

    mutating func complete(id: String) -> [WSAction] {
        guard active.remove(id) != nil else { return [] }
        return [.send(WSMessage.encode(["id": .string(id), "type": "complete"]))]
    }

    func keepAlive() -> [WSAction] { isAcknowledged ? [.send(#"{"type":"ka"}"#)] : [] }

    static func connectionError(_ message: String) -> String {
        WSMessage.encode(["type": "connection_error", "payload": .object(["message": .string(message)])])
    }

    /// Legacy `error` carries one error object (older clients read `payload.message`).
    static func errorMessage(_ id: String, _ errors: [GraphQLError]) -> String {
        let first = errors.first?.json ?? .object(["message": "error"])
        return WSMessage.encode(["id": .string(id), "type": "error", "payload": first])
    }
}
