/// The reconnect schedule: exponential from `initial`, capped at `maximum`, with
/// "equal jitter" (half of each step fixed, half random) so that the processes
/// that lost the same server do not come back in lockstep.
struct RedisBackoff: Sendable {
    let initial: Duration
    let maximum: Duration
    private var ceiling: Duration

    init(initial: Duration = .milliseconds(50), maximum: Duration = .seconds(2)) {
        self.initial = initial
        self.maximum = maximum
        self.ceiling = min(initial, maximum)
    }

    /// The delay before the next attempt; each call doubles the next ceiling.
    mutating func next(using generator: inout some RandomNumberGenerator) -> Duration {
        next(jitter: Double.random(in: 0...1, using: &generator))
    }

    /// The delay before the next attempt, `jitter` (0...1) of the way from half
    /// the current step to all of it.
    mutating func next(jitter: Double) -> Duration {
        let step = ceiling
        ceiling = min(ceiling * 2, maximum)
        let half = step / 2
        return half + half * min(max(jitter, 0), 1)
    }

    /// Back to the first step, after a success.
    mutating func reset() {
        ceiling = min(initial, maximum)
    }
}
