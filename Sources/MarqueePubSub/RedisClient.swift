import NIOCore
import NIOPosix

/// One connection to Redis for request/response commands: the publisher pool's
/// connections, the subscriber connection before it subscribes, and the tests'
/// plain connections.
final class RedisClient: Sendable {
    let channel: any Channel

    private init(channel: any Channel) {
        self.channel = channel
    }

    /// Connects and authenticates. `configure` adds handlers after the request
    /// handler (they see the replies nobody asked for).
    static func connect(
        to url: RedisURL,
        on group: any EventLoopGroup,
        timeout: TimeAmount = .seconds(1),
        configure: @escaping @Sendable (ChannelPipeline.SynchronousOperations) throws -> Void = { _ in }
    ) async throws(RedisError) -> RedisClient {
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(timeout)
                .channelOption(.socketOption(.so_keepalive), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        try pipeline.addHandler(RedisReplyDecoder())
                        try pipeline.addHandler(RedisRequestHandler())
                        try configure(pipeline)
                    }
                }
                .connect(host: url.host, port: url.port)
                .get()
        } catch {
            throw RedisError(.unavailable, detail: "connecting to \(url.endpoint): \(error)")
        }
        let client = RedisClient(channel: channel)
        if let password = url.password {
            do throws(RedisError) {
                let reply = try await client.send(
                    .auth(username: url.username, password: password), deadline: .now() + timeout)
                if case .error(let text) = reply {
                    throw RedisError(.authenticationFailed, detail: text)
                }
            } catch {
                client.close()
                throw error
            }
        }
        return client
    }

    var isActive: Bool { channel.isActive }

    /// Sends one command and waits for its reply (an `.error` reply is returned,
    /// not thrown). Past `deadline`, the connection is closed and the call throws.
    func send(_ command: RedisCommand, deadline: NIODeadline? = nil) async throws(RedisError) -> RedisReply {
        let reply = channel.eventLoop.makePromise(of: RedisReply.self)
        channel.writeAndFlush(RedisRequest(command: command, reply: reply), promise: nil)
        let timeout = deadline.map { deadline in
            channel.eventLoop.scheduleTask(deadline: deadline) { [channel] in
                channel.close(promise: nil)
            }
        }
        defer { timeout?.cancel() }
        do {
            return try await reply.futureResult.get()
        } catch let error as RedisError {
            if error.code == .connectionClosed, let deadline, deadline <= .now() {
                throw RedisError(.timedOut, detail: "\(command.name) got no reply in time")
            }
            throw error
        } catch {
            throw RedisError(.connectionClosed, detail: "\(error)")
        }
    }

    func close() {
        channel.close(promise: nil)
    }
}
