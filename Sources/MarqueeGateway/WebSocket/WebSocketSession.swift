import Foundation
import HummingbirdWebSocket
import Logging
import MarqueeGraphQL
import MarqueeRPC
import NIOCore
import NIOWebSocket
import Synchronization

/// One WebSocket connection speaking `graphql-transport-ws` or `graphql-ws`: runs
/// the protocol's state machine, the operations it starts, the init timeout,
/// keep-alives and token expiry. Outgoing messages go through a bounded queue
/// written by one task: a client that stops reading never delays anyone else;
/// when its queue is full the connection is closed with 1013 (try again later).
actor WebSocketSession {
    private var machine: any WSProtocol
    private let gateway: Gateway
    private let outbox: Outbox
    private let logger: Logger
    private var operations: [String: (task: Task<Void, Never>, requiresCaller: Bool)] = [:]
    private var caller: Caller?
    private var token: String?
    private var revocable: RevocableToken?
    private let headerToken: String?
    private var closing = false
    private var timers: [Task<Void, Never>] = []

    init(machine: any WSProtocol, gateway: Gateway, headerToken: String?, logger: Logger) {
        self.machine = machine
        self.gateway = gateway
        self.headerToken = headerToken
        self.logger = logger
        outbox = Outbox(limit: gateway.config.wsQueue)
    }

    /// Serves the connection until either side closes it.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        let writer = Task { await outbox.drain(into: outbound) }
        let config = gateway.config
        timers.append(Task { [weak self] in
            try? await Task.sleep(for: config.wsInitTimeout)
            await self?.perform { $0.initTimedOut() }
        })
        timers.append(Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: config.wsKeepAlive)
                guard !Task.isCancelled else { return }
                await self?.perform { $0.keepAlive() }
            }
        })
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
        shutDown()
        outbox.finish()
        await writer.value
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
            if !outbox.enqueue(.text(text)) {
                logger.warning("websocket client too slow: outgoing queue full, closing")
                closeConnection(code: CloseCode.tryAgainLater, reason: "Client too slow: outgoing queue full")
            }
        case .close(let code, let reason):
            closeConnection(code: code, reason: reason)
        case .authenticate(let payload):
            let token = Self.token(in: payload) ?? headerToken
            Task { await authenticate(token) }
        case .start(let id, let request):
            start(id, request)
        case .stop(let id):
            operations.removeValue(forKey: id)?.task.cancel()
        }
    }

    private func closeConnection(code: UInt16, reason: String) {
        guard !closing else { return }
        closing = true
        outbox.close(code: code, reason: reason)
        shutDown()
    }

    private func shutDown() {
        for (_, operation) in operations { operation.task.cancel() }
        operations.removeAll()
        for timer in timers { timer.cancel() }
        timers.removeAll()
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
            if let expiry = verified.expiresAt { scheduleExpiry(at: expiry) }
        } catch {
            perform { $0.authenticated(refusal: "The access token is invalid or has expired.") }
        }
    }

    /// When the token expires, operations that needed it end with UNAUTHENTICATED.
    private func scheduleExpiry(at expiry: Double) {
        let delay = max(0, expiry - Date().timeIntervalSince1970)
        timers.append(Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(Int64(delay * 1000)))
            guard !Task.isCancelled else { return }
            await self?.tokenExpired()
        })
    }

    private func tokenExpired() {
        caller = nil
        token = nil
        revocable?.revoke()
        revocable = nil
        let error = codedError("The access token has expired; reconnect with a new one.", "UNAUTHENTICATED")
        for (id, operation) in operations where operation.requiresCaller {
            operation.task.cancel()
            operations[id] = nil
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
            await self?.mark(id, requiresCaller: requiresCaller)
            switch operation {
            case .failed(let errors):
                await self?.perform { $0.error(id: id, errors: errors) }
            case .single(let response):
                await self?.perform { $0.next(id: id, payload: response.json) }
                await self?.finish(id)
            case .stream(let stream):
                do {
                    for try await response in stream {
                        guard let self else { return }
                        await self.perform { $0.next(id: id, payload: response.json) }
                    }
                    await self?.finish(id)
                } catch is CancellationError {
                    return
                } catch {
                    await self?.perform { $0.error(id: id, errors: [codedError("The subscription failed.", "INTERNAL_SERVER_ERROR")]) }
                }
            }
        }
        operations[id] = (task, false)
    }

    private func mark(_ id: String, requiresCaller: Bool) {
        if let operation = operations[id] { operations[id] = (operation.task, requiresCaller) }
    }

    private func finish(_ id: String) {
        guard !Task.isCancelled, operations.removeValue(forKey: id) != nil else { return }
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

/// The bounded outgoing queue of one connection.
final class Outbox: Sendable {
    enum Item: Sendable {
        case text(String)
        case close(code: UInt16, reason: String)
    }

    private let continuation: AsyncStream<Item>.Continuation
    private let stream: AsyncStream<Item>
    private let pending = Atomic<Int>(0)
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        (stream, continuation) = AsyncStream<Item>.makeStream()
    }

    /// False when the queue is full (the client is not reading).
    func enqueue(_ item: Item) -> Bool {
        guard pending.add(1, ordering: .relaxed).newValue <= limit else {
            pending.subtract(1, ordering: .relaxed)
            return false
        }
        continuation.yield(item)
        return true
    }

    func close(code: UInt16, reason: String) {
        continuation.yield(.close(code: code, reason: reason))
        continuation.finish()
    }

    func finish() { continuation.finish() }

    func drain(into outbound: WebSocketOutboundWriter) async {
        for await item in stream {
            pending.subtract(1, ordering: .relaxed)
            do {
                switch item {
                case .text(let text): try await outbound.write(.text(text))
                case .close(let code, let reason):
                    try await outbound.close(WebSocketErrorCode(codeNumber: Int(code)), reason: reason)
                    return
                }
            } catch {
                return
            }
        }
    }
}
