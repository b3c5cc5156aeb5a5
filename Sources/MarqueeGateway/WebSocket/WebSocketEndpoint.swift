import HTTPTypes
import HummingbirdWebSocket
import Logging
import Metrics
import NIOCore
import Synchronization

/// The WebSocket upgrade at `/graphql`: picks the sub-protocol the client offers
/// (`graphql-transport-ws` preferred, then the legacy `graphql-ws`), enforces the
/// connections-per-address limit, and runs a ``WebSocketSession``.
struct WebSocketEndpoint: Sendable {
    let gateway: Gateway
    let logger: Logger
    let connections = ConnectionCounter()

    func shouldUpgrade(_ request: HTTPRequest, _ channel: any Channel) -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> {
        guard request.path?.split(separator: "?").first == "/graphql" else { return .dontUpgrade }
        let offered = request.headerFields[values: .secWebSocketProtocol]
            .flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: " ") }
        let chosen: (any WSProtocol)?
        var headers: HTTPFields = [:]
        if offered.contains(TransportWSProtocol.name) {
            chosen = TransportWSProtocol()
            headers[.secWebSocketProtocol] = TransportWSProtocol.name
        } else if offered.contains(LegacyWSProtocol.name) {
            chosen = LegacyWSProtocol()
            headers[.secWebSocketProtocol] = LegacyWSProtocol.name
        } else {
            chosen = nil
        }
        // A socket of small messages: read into small buffers (grown when reads are large).
        let small = AdaptiveRecvByteBufferAllocator(minimum: 64, initial: 256, maximum: 65536)
        if channel.eventLoop.inEventLoop, let options = channel.syncOptions {
            try? options.setOption(.recvAllocator, value: small)
        } else {
            channel.setOption(.recvAllocator, value: small).whenFailure { _ in }
        }
        let address = channel.remoteAddress?.ipAddress ?? "unknown"
        let headerToken = GraphQLEndpoint.bearerToken(request.headerFields[.authorization])
        let gateway = gateway, logger = logger, connections = connections
        let limit = gateway.config.wsMaxConnectionsPerAddress
        return .upgrade(headers) { inbound, outbound, _ in
            guard let chosen else {
                try await outbound.close(.init(codeNumber: Int(CloseCode.subprotocolNotAcceptable)), reason: "Subprotocol not acceptable")
                return
            }
            guard connections.open(address, limit: limit) else {
                try await outbound.close(.policyViolation, reason: "Too many connections from this address")
                return
            }
            let open = Meter(label: "marquee_websocket_connections")
            open.increment()
            defer {
                connections.close(address)
                open.decrement()
            }
            let session = WebSocketSession(machine: chosen, gateway: gateway, channel: channel, headerToken: headerToken, logger: logger)
            await session.run(inbound: inbound, outbound: outbound)
        }
    }
}

/// Open WebSocket connections per client address.
final class ConnectionCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func open(_ address: String, limit: Int) -> Bool {
        counts.withLock { counts in
            let current = counts[address, default: 0]
            guard current < limit else { return false }
            counts[address] = current + 1
            return true
        }
    }

    func close(_ address: String) {
        counts.withLock { counts in
            let remaining = counts[address, default: 1] - 1
            counts[address] = remaining > 0 ? remaining : nil
        }
    }

    var total: Int { counts.withLock { $0.values.reduce(0, +) } }
}
