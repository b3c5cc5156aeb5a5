import MarqueeGraphQL

/// `graphql-transport-ws`, the protocol of the graphql-ws library
/// (https://github.com/enisdenjo/graphql-ws/blob/master/PROTOCOL.md).
struct TransportWSProtocol: WSProtocol {
    static let name = "graphql-transport-ws"

    private(set) var initReceived = false
    private(set) var isAcknowledged = false
    private(set) var active: Set<String> = []

    mutating func receive(_ text: String) -> [WSAction] {
        guard let (type, object) = WSMessage.parse(text) else {
            return [.close(code: CloseCode.badRequest, reason: "Invalid message received")]
        }
        switch type {
        case "connection_init":
            guard !initReceived else {
                return [.close(code: CloseCode.tooManyInitRequests, reason: "Too many initialisation requests")]
            }
            initReceived = true
            switch object["payload"] {
            case nil, .null?: return [.authenticate(JSONObject())]
            case .object(let payload)?: return [.authenticate(payload)]
            default: return [.close(code: CloseCode.badRequest, reason: "Invalid connection_init payload")]
            }
        case "ping":
            return [.send(#"{"type":"pong"}"#)]
        case "pong":
            return []
        case "subscribe":
            guard isAcknowledged else { return [.close(code: CloseCode.unauthorized, reason: "Unauthorized")] }
            guard case .string(let id)? = object["id"], !id.isEmpty, id.utf8.count <= 128 else {
                return [.close(code: CloseCode.badRequest, reason: "Invalid subscribe message: missing id")]
            }
            let request: GraphQLRequest
            switch WSMessage.request(object["payload"]) {
            case .success(let r): request = r
            case .failure(let error): return [.close(code: CloseCode.badRequest, reason: "Invalid subscribe message: \(error.message)")]
            }
            guard active.insert(id).inserted else {
                return [.close(code: CloseCode.duplicateSubscriber, reason: "Subscriber for \(id) already exists")]
            }
            return [.start(id: id, request: request)]
        case "complete":
            guard case .string(let id)? = object["id"] else {
                return [.close(code: CloseCode.badRequest, reason: "Invalid complete message: missing id")]
            }
            return active.remove(id) == nil ? [] : [.stop(id: id)]
        default:
            return [.close(code: CloseCode.badRequest, reason: "Invalid message received")]
        }
    }

    mutating func receiveBinary() -> [WSAction] {
        [.close(code: CloseCode.badRequest, reason: "Binary messages are not supported")]
    }

    mutating func authenticated(refusal: String?) -> [WSAction] {
        guard refusal == nil else { return [.close(code: CloseCode.forbidden, reason: "Forbidden")] }
        isAcknowledged = true
        return [.send(#"{"type":"connection_ack"}"#)]
    }

    mutating func initTimedOut() -> [WSAction] {
        initReceived ? [] : [.close(code: CloseCode.initTimeout, reason: "Connection initialisation timeout")]
    }

    mutating func next(id: String, payload: JSON) -> [WSAction] {
        guard active.contains(id) else { return [] }
        return [.send(WSMessage.encode(["id": .string(id), "type": "next", "payload": payload]))]
    }

    func nextPrefix(id: String) -> [UInt8] { WSMessage.prefix(id: id, type: "next") }

    mutating func error(id: String, errors: [GraphQLError]) -> [WSAction] {
        guard active.remove(id) != nil else { return [] }
        return [.send(WSMessage.encode(["id": .string(id), "type": "error", "payload": .array(errors.map(\.json))]))]
    }

    mutating func complete(id: String) -> [WSAction] {
        guard active.remove(id) != nil else { return [] }
        return [.send(WSMessage.encode(["id": .string(id), "type": "complete"]))]
    }

    func keepAlive() -> [WSAction] { [.send(#"{"type":"ping"}"#)] }
}
