import Foundation
import HummingbirdWebSocket
import Logging
import MarqueeGraphQL
import MarqueeRPC
import NIOCore
import NIOWebSocket
import Synchronization

/// One WebSocket connection speaking `graphql-transport-ws` or `graphql-ws`: runs
/// the protocol's state machine and the operations it starts; its timers (init
/// timeout, keep-alives, token expiry) are kept by the gateway's ``SessionClock``
/// and its subscriptions by the ``SubscriptionHub``. Outgoing messages go straight
/// to the socket through a bounded queue (``SocketWriter``): a client that stops
/// reading never delays anyone else; when its queue is full the connection is
/// closed with 1013 (try again later).
actor WebSocketSession {
    private enum Operation {
        /// Starting (or a query/mutation running).
        case running(Task<Void, Never>)
        /// A live subscription in the hub.
        case subscribed(SubscriptionHub.Registration)
    }

    private var machine: any WSProtocol
    private let gateway: Gateway
    private let writer: SocketWriter
    private let logger: Logger
    private var operations: [String: (operation: Operation, requiresCaller: Bool)] = [:]
    private var caller: Caller?
    private var token: String?
    private var revocable: RevocableToken?
    private let headerToken: String?
    private var closing = false
    private var outbound: WebSocketOutboundWriter?
    private var closeTask: Task<Void, Never>?

    init(machine: any WSProtocol, gateway: Gateway, channel: any Channel, headerToken: String?, logger: Logger) {
        self.machine = machine
        self.gateway = gateway
        self.headerToken = headerToken
        self.logger = logger
        writer = SocketWriter(channel: channel, limit: gateway.config.wsQueue)
    }

    /// Serves the connection until either side closes it.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        self.outbound = outbound
        writer.onOverflow { [weak self] in Task { await self?.overflow() } }
        let config = gateway.config
        gateway.clock.register(self, initTimeout: config.wsInitTimeout)
        do {
            for try await message in inbound.messages(maxSize: config.wsMaxMessageBytes) {
                switch message {
                case .text(let text): perform { $0.receive(text) }
                case .binary: perform { $0.receiveBinary() }
                }
                if closing { break }
            }
        } catch {
            // Oversized or malformed frames: say so with the close code, never crash.
            closeConnection(code: CloseCode.messageTooBig, reason: "Message too large or malformed")
        }
        gateway.clock.unregister(self)
        shutDown()
        self.outbound = nil
        if let closeTask {
            // The close frame waits behind what the client has not read yet; a
            // client that reads nothing for 10 s more is disconnected without it.
            let sent = await Gateway.withTimeout(.seconds(10)) { await closeTask.value; return true }
            if sent == nil { try? await writer.channel.close() }
        }
    }

    func initTimedOut() { perform { $0.initTimedOut() } }

    func keepAlive() { perform { $0.keepAlive() } }

    /// The client does not read: its queue is full.
    func overflow() {
        guard !closing else { return }
        logger.warning("websocket client too slow: outgoing queue full, closing")
        closeConnection(code: CloseCode.tryAgainLater, reason: "Client too slow: outgoing queue full")
    }

    /// Runs a state-machine step and performs its actions.
    private func perform(_ step: (inout any WSProtocol) -> [WSAction]) {
        guard !closing else { return }
        let actions = step(&machine)
        for action in actions { execute(action) }
    }

    private func execute(_ action: WSAction) {
        switch action {
        case .send(let text):
            if !writer.send(text) { overflow() }
        case .close(let code, let reason):
            closeConnection(code: code, reason: reason)
        case .authenticate(let payload):
            gateway.clock.initialised(self)
            let token = Self.token(in: payload) ?? headerToken
            Task { await authenticate(token) }
        case .start(let id, let request):
            start(id, request)
        case .stop(let id):
            stop(id)
        }
    }

    private func stop(_ id: String) {
        switch operations.removeValue(forKey: id)?.operation {
        case .running(let task)?: task.cancel()
        case .subscribed(let registration)?: gateway.hub.remove(registration)
        case nil: break
        }
    }

    private func closeConnection(code: UInt16, reason: String) {
        guard !closing else { return }
        closing = true
        shutDown()
        if let outbound {
            // After the messages already queued: the close goes through the same event loop.
            closeTask = Task { try? await outbound.close(WebSocketErrorCode(codeNumber: Int(code)), reason: reason) }
        }
    }

    private func shutDown() {
        for id in Array(operations.keys) { stop(id) }
        gateway.clock.unregister(self)
    }

    private func authenticate(_ token: String?) async {
        guard let token else {
            perform { $0.authenticated(refusal: nil) }
            return
        }
        do {
            let verified = try await gateway.verify(token)
            caller = verified
            self.token = token
            revocable = RevocableToken(token)
            perform { $0.authenticated(refusal: nil) }
            if let expiry = verified.expiresAt {
                let delay = max(0, expiry - Date().timeIntervalSince1970)
                gateway.clock.expire(self, after: .milliseconds(Int64(delay * 1000)))
            }
        } catch {
            perform { $0.authenticated(refusal: "The access token is invalid or has expired.") }
        }
    }

    /// When the token expires, operations that needed it end with UNAUTHENTICATED.
    func tokenExpired() {
        caller = nil
        token = nil
        revocable?.revoke()
        revocable = nil
        let error = codedError("The access token has expired; reconnect with a new one.", "UNAUTHENTICATED")
        for (id, operation) in operations where operation.requiresCaller {
            stop(id)
            perform { $0.error(id: id, errors: [error]) }
        }
    }

    private func start(_ id: String, _ graphQL: GraphQLRequest) {
        let limit = gateway.config.wsMaxSubscriptions
        guard operations.count < limit else {
            let error = codedError("At most \(limit) operations per connection.", "TOO_MANY_SUBSCRIPTIONS")
            perform { $0.error(id: id, errors: [error]) }
            return
        }
        var request = Gateway.Request(graphQL: graphQL, bearerToken: token, requestID: MarqueeRPC.RequestID.make())
        request.caller = caller
        request.revocable = revocable
        let gateway = gateway
        let task = Task { [weak self] in
            let (operation, requiresCaller) = await gateway.open(request)
            guard let self else { return }
            switch operation {
            case .failed(let errors):
                await self.failed(id, errors)
            case .single(let response):
                await self.mark(id, requiresCaller: requiresCaller)
                await self.perform { $0.next(id: id, payload: response.json) }
                await self.finish(id)
            case .subscription(let subscription):
                await self.subscribe(id, subscription, requiresCaller: requiresCaller)
            }
        }
        operations[id] = (.running(task), false)
    }

    /// Adds a started subscription to the hub, unless it was stopped meanwhile.
    private func subscribe(_ id: String, _ subscription: Gateway.SocketSubscription, requiresCaller: Bool) async {
        guard case .running? = operations[id]?.operation, !closing else { return }
        let subscriber = SubscriptionHub.Subscriber(
            writer: writer, prefix: machine.nextPrefix(id: id), call: subscription.call,
            overflow: { [weak self] in Task { await self?.overflow() } },
            ended: { [weak self] in Task { await self?.finish(id) } })
        do {
            let registration = try await gateway.hub.add(subscriber, to: subscription.events, group: subscription.group, source: subscription.source)
            // Stopped, or the connection closed, while the broker subscribed?
            guard case .running? = operations[id]?.operation, !closing else {
                gateway.hub.remove(registration)
                return
            }
            operations[id] = (.subscribed(registration), requiresCaller)
        } catch {
            guard operations[id] != nil else { return }
            operations[id] = nil
            perform { $0.error(id: id, errors: [codedError("The subscription could not start: the message broker is unavailable.", "SERVICE_UNAVAILABLE")]) }
        }
    }

    private func failed(_ id: String, _ errors: [GraphQLError]) {
        guard operations.removeValue(forKey: id) != nil else { return }
        perform { $0.error(id: id, errors: errors) }
    }

    private func mark(_ id: String, requiresCaller: Bool) {
        if let operation = operations[id] { operations[id] = (operation.operation, requiresCaller) }
    }

    private func finish(_ id: String) {
        guard operations.removeValue(forKey: id) != nil else { return }
        perform { $0.complete(id: id) }
    }

    /// The token of a connection_init payload: `authorization` / `Authorization`
    /// ("Bearer …" or bare), `token`, `accessToken`, or `headers.Authorization`.
    static func token(in payload: JSONObject) -> String? {
        var candidates: [JSON?] = [payload["authorization"], payload["Authorization"], payload["token"], payload["accessToken"]]
        if case .object(let headers)? = payload["headers"] {
            candidates += [headers["authorization"], headers["Authorization"]]
        }
        for case .string(let value)? in candidates where !value.isEmpty {
            return GraphQLEndpoint.bearerToken(value) ?? (value.contains(" ") ? nil : value)
        }
        return nil
    }
}
