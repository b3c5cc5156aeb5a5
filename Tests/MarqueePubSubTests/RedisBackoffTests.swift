import Testing
@testable import MarqueePubSub

@Suite struct RedisBackoffTests {
    @Test func doublesFrom50MillisecondsUpTo2SecondsWithHalfOfEachStepFixed() {
        var backoff = RedisBackoff()
        let delays = (0..<9).map { _ in backoff.next(jitter: 0) }
        #expect(delays == [25, 50, 100, 200, 400, 800, 1000, 1000, 1000].map { Duration.milliseconds($0) })
    }

    @Test func theJitterReachesTheFullStep() {
        var backoff = RedisBackoff()
        let delays = (0..<8).map { _ in backoff.next(jitter: 1) }
        #expect(delays == [50, 100, 200, 400, 800, 1600, 2000, 2000].map { Duration.milliseconds($0) })
    }

    @Test func halfwayJitterIsThreeQuartersOfTheStep() {
        var backoff = RedisBackoff()
        #expect(backoff.next(jitter: 0.5) == .microseconds(37_500))
    }

    @Test func randomDelaysStayWithinTheirStep() {
        var backoff = RedisBackoff()
        var random = SystemRandomNumberGenerator()
        for ceiling in [50, 100, 200, 400, 800, 1600, 2000, 2000].map({ Duration.milliseconds($0) }) {
            let delay = backoff.next(using: &random)
            #expect(delay >= ceiling / 2 && delay <= ceiling)
        }
    }

    @Test func resetStartsOver() {
        var backoff = RedisBackoff()
        for _ in 0..<5 { _ = backoff.next(jitter: 0) }
        backoff.reset()
        #expect(backoff.next(jitter: 0) == .milliseconds(25))
    }
}
