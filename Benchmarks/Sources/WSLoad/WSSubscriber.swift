import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// One graphql-transport-ws subscriber as a raw SwiftNIO channel: the HTTP/1
/// upgrade to WebSocket, then `WSSubscriber` reads the frames on the event
/// loop (no task per connection or per message; the peer of `PushHandler`).
/// Counts a connection that never reaches the WebSocket handler as failed.
func connectSubscriber(
    host: String, port: Int, uri: String, recorder: Recorder,
    subscribe: @escaping @Sendable (Int) -> String, maxRetries: Int, connectOnly: Bool
) {
    let counted = Flag()
    let fail: @Sendable (String) -> Void = { text in
        guard counted.setOnce() else { return }
        recorder.failed.add(1, ordering: .relaxed)
        recorder.error(text)
    }
    ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .channelOption(.socketOption(.tcp_nodelay), value: 1)
        .channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                let upgrader = NIOTypedWebSocketClientUpgrader<Bool>(
                    maxFrameSize: 1 << 16,
                    upgradePipelineHandler: { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(WSSubscriber(
                                recorder: recorder, subscribe: subscribe, maxRetries: maxRetries, connectOnly: connectOnly))
                            return true
                        }
                    }
                )
                var headers = HTTPHeaders()
                headers.add(name: "Host", value: "\(host):\(port)")
                headers.add(name: "Sec-WebSocket-Protocol", value: "graphql-transport-ws")
                headers.add(name: "Content-Length", value: "0")
                let configuration = NIOTypedHTTPClientUpgradeConfiguration<Bool>(
                    upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: uri, headers: headers),
                    upgraders: [upgrader],
                    notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(false) }
                )
                let upgraded = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                    configuration: .init(upgradeConfiguration: configuration))
                upgraded.whenComplete { result in
                    switch result {
                    case .success(true):
                        // Now the upgrade handler forwards writes: WSSubscriber starts.
                        channel.pipeline.fireUserInboundEventTriggered(WSSubscriber.Upgraded())
                    case .success(false):
                        fail("upgrade declined")
                        channel.close(promise: nil)
                    case .failure(let error):
                        fail("upgrade: \(error)")
                        channel.close(promise: nil)
                    }
                }
            }
        }
        .connect(host: host, port: port)
        .whenFailure { error in fail("\(error)") }
}

/// Reads graphql-transport-ws frames: connection_init on start, subscribe on the
/// ack, pongs, subscribe retries on `error`, and the latency of every `next`
/// (the same byte search as before on the frame's bytes).
final class WSSubscriber: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private static let descriptionKey = Array(#""description":""#.utf8)
    private static let probeKey = Array(#""title":"probe""#.utf8)
    private static let nextKey = Array(#""type":"next""#.utf8)
    private static let pingKey = Array(#""type":"ping""#.utf8)
    private static let ackKey = Array(#""type":"connection_ack""#.utf8)
    private static let errorKey = Array(#""type":"error""#.utf8)
    private static let maxMessage = 1 << 16

    private let recorder: Recorder
    private let subscribe: @Sendable (Int) -> String
    private let maxRetries: Int
    private let connectOnly: Bool
    private var active = false
    private var acknowledged = false
    private var seen = false
    private var subscribedHere = false
    private var attempt = 1
    /// A fragmented message being reassembled (its first frame's opcode in `fragmentedText`).
    private var fragments: ByteBuffer?
    private var fragmentedText = false
    private var closeDescription: String?
    private var closeSent = false
    private var failure: (any Error)?

    init(recorder: Recorder, subscribe: @escaping @Sendable (Int) -> String, maxRetries: Int, connectOnly: Bool) {
        self.recorder = recorder
        self.subscribe = subscribe
        self.maxRetries = maxRetries
        self.connectOnly = connectOnly
    }

    /// Fired once the upgrade is complete (writes during the upgrade would fail).
    struct Upgraded {}

    func handlerAdded(context: ChannelHandlerContext) {
        recorder.connected.add(1, ordering: .relaxed)
        if context.channel.isActive {
            active = true
        } else {
            // Closed during the upgrade: channelInactive will not come.
            recorder.failed.add(1, ordering: .relaxed)
            recorder.error("closed before subscribing: no close frame")
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is Upgraded {
            if active { send(context: context, text: #"{"type":"connection_init","payload":{}}"#) }
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if active {
            active = false
            if subscribedHere {
                recorder.closed.add(1, ordering: .relaxed)
            } else {
                recorder.failed.add(1, ordering: .relaxed)
            }
            if let failure {
                recorder.error("\(failure)")
            } else {
                recorder.error("\(subscribedHere ? "closed by the server" : "closed before subscribing"): \(closeDescription ?? "no close frame")")
            }
        }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if failure == nil { failure = error }
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary:
            if frame.fin {
                if frame.opcode == .text { text(context: context, frame.unmaskedData) }
            } else {
                fragments = frame.unmaskedData
                fragmentedText = frame.opcode == .text
            }
        case .continuation:
            guard fragments != nil else {
                failure = failure ?? WSClientError("continuation frame without a first frame")
                context.close(promise: nil)
                return
            }
            var more = frame.unmaskedData
            fragments!.writeBuffer(&more)
            if fragments!.readableBytes > Self.maxMessage {
                failure = failure ?? WSClientError("message larger than \(Self.maxMessage) bytes")
                fragments = nil
                context.close(promise: nil)
                return
            }
            if frame.fin {
                let message = fragments!
                fragments = nil
                if fragmentedText { text(context: context, message) }
            }
        case .ping:
            write(context: context, opcode: .pong, data: frame.unmaskedData)
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readWebSocketErrorCode()
            let reason = data.readString(length: data.readableBytes) ?? ""
            if closeDescription == nil {
                closeDescription = code.map { "\($0) \(reason)" } ?? "no close code"
            }
            if !closeSent {
                closeSent = true
                var echo = context.channel.allocator.buffer(capacity: 2)
                if let code { echo.write(webSocketErrorCode: code) }
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: echo)))
                    .assumeIsolated()
                    .whenComplete { _ in context.close(promise: nil) }
            }
        default:
            break
        }
    }

    /// One complete text message.
    private func text(context: ChannelHandlerContext, _ message: ByteBuffer) {
        let received = nowNanoseconds()
        let kind = message.readableBytesView.withContiguousStorageIfAvailable { bytes -> Int in
            if find(Self.nextKey, in: bytes) != nil {
                if !seen {
                    seen = true
                    recorder.live.add(1, ordering: .relaxed)
                }
                if find(Self.probeKey, in: bytes) != nil {
                    recorder.probes.add(1, ordering: .relaxed)
                } else if let at = find(Self.descriptionKey, in: bytes), let sent = decimal(in: bytes, at: at) {
                    recorder.record(sent: sent, received: received)
                }
                return 0
            }
            if find(Self.pingKey, in: bytes) != nil { return 1 }
            if find(Self.ackKey, in: bytes) != nil { return 2 }
            if find(Self.errorKey, in: bytes) != nil { return 4 }
            return 3
        } ?? 3
        switch kind {
        case 1:
            send(context: context, text: #"{"type":"pong"}"#)
        case 2 where !acknowledged && connectOnly:
            // --connect-only: an acknowledged connection with no subscription.
            acknowledged = true
            recorder.subscribed.add(1, ordering: .relaxed)
        case 2 where !acknowledged:
            acknowledged = true
            send(context: context, text: subscribe(attempt))
            recorder.subscribed.add(1, ordering: .relaxed)
            subscribedHere = true
        case 4 where attempt <= maxRetries:
            // The subscription failed (e.g. the event service did not answer
            // within the RPC deadline while thousands subscribe at once):
            // subscribe again with a new id after a pause.
            recorder.retries.add(1, ordering: .relaxed)
            recorder.error("subscribe error (retried): \(WSLoad.errorMessage(String(buffer: message)))")
            attempt += 1
            let next = attempt
            let pause = TimeAmount.nanoseconds(Int64.random(in: 500_000_000...1_500_000_000))
            context.eventLoop.assumeIsolated().scheduleTask(in: pause) {
                guard self.active else { return }
                self.send(context: context, text: self.subscribe(next))
            }
        case 4:
            recorder.gaveUp.add(1, ordering: .relaxed)
            recorder.error("subscribe error (gave up): \(WSLoad.errorMessage(String(buffer: message)))")
        case 3:
            recorder.error("unexpected: \(String(buffer: message).prefix(120))")
        default:
            break
        }
    }

    private func send(context: ChannelHandlerContext, text: String) {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
        buffer.writeString(text)
        write(context: context, opcode: .text, data: buffer)
    }

    /// Client frames are masked (RFC 6455 5.3).
    private func write(context: ChannelHandlerContext, opcode: WebSocketOpcode, data: ByteBuffer) {
        guard !closeSent else { return }
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: opcode, maskKey: .random(), data: data)), promise: nil)
    }
}

struct WSClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
