import Logging
import NIOCore

extension RedisSubscriber {
    /// Keeps the subscriber connection up until the task is cancelled: connects,
    /// re-subscribes every live topic, waits for the connection to drop, and
    /// tries again with exponential backoff and jitter. `reconnected` gets the
    /// time the connection was down, each time it comes back after a loss.
    func maintainConnection(to url: RedisURL, reconnected: (Duration) -> Void) async {
        let clock = ContinuousClock()
        var backoff = RedisBackoff()
        var random = SystemRandomNumberGenerator()
        var lostAt: ContinuousClock.Instant?
        var failures = 0
        while !Task.isCancelled {
            var client: RedisClient?
            do {
                client = try await RedisClient.connect(to: url, on: eventLoop) { [self] pipeline in
                    try pipeline.addHandler(RedisSubscriberHandler(subscriber: self))
                }
                try await attach(client!.channel, timeout: .seconds(2)).get()
                backoff.reset()
                failures = 0
                let topics = try await liveTopicCount().get()
                if let lostAt {
                    let gap = lostAt.duration(to: clock.now)
                    reconnected(gap)
                    logger.warning(
                        "Redis subscriber connection restored after \(gap.wholeMilliseconds) ms down",
                        metadata: ["redis": "\(url.endpoint)", "down_ms": "\(gap.wholeMilliseconds)", "topics": "\(topics)"])
                } else {
                    logger.info("Redis subscriber connected", metadata: ["redis": "\(url.endpoint)", "topics": "\(topics)"])
                }
                lostAt = nil
                let channel = client!.channel
                await withTaskCancellationHandler {
                    try? await channel.closeFuture.get()
                } onCancel: {
                    channel.close(promise: nil)
                }
                if Task.isCancelled { break }
                lostAt = clock.now
                logger.warning("Redis subscriber connection lost; reconnecting", metadata: ["redis": "\(url.endpoint)"])
            } catch {
                client?.close()
                if Task.isCancelled { break }
                failures += 1
                let detail = (error as? RedisError)?.detail ?? "\(error)"
                logger.log(
                    level: failures == 1 ? .warning : .debug,
                    "Redis subscriber cannot connect; retrying",
                    metadata: ["redis": "\(url.endpoint)", "error": "\(detail)", "attempt": "\(failures)"])
            }
            do {
                try await Task.sleep(for: backoff.next(using: &random))
            } catch {
                break
            }
        }
    }
}

extension Duration {
    /// Whole milliseconds, for logs.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
