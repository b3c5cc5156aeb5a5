import GRPCCore
import Logging
import MarqueeProto
import Synchronization
import Testing
@testable import MarqueeRPC

/// A test service: answers GetEventStats after failing `failures` times with
/// UNAVAILABLE, echoing the caller it saw; sleeps when asked for event "slow".
final class FlakyStats: Marquee_V1_AnalyticsService.SimpleServiceProtocol, Sendable {
    let failures: Int
    let attempts = Mutex(0)

    init(failures: Int) { self.failures = failures }

    func getEventStats(request: Marquee_V1_GetEventStatsRequest, context: ServerContext) async throws -> Marquee_V1_EventStats {
        let attempt = attempts.withLock { $0 += 1; return $0 }
        if request.eventID == "slow" { try await Task.sleep(for: .seconds(5)) }
        if request.eventID == "crash" { throw FlakyStatsCrash(secret: "SELECT * FROM users") }
        if attempt <= failures { throw RPCError(code: .unavailable, message: "try again") }
        let call = CallContext.current
        return .with {
            $0.eventID = "\(call?.caller?.userID ?? "-")|\(call?.requestID ?? "-")"
            $0.checkedIn = Int32(attempt)
        }
    }
}

struct FlakyStatsCrash: Error { let secret: String }

/// Runs a server hosting `service` on `listener` and a client to it.
func withServerAndClient(
    _ service: FlakyStats, http2: Bool = false, timeout: Duration = .seconds(2),
    _ body: (any Marquee_V1_AnalyticsService.ClientProtocol, ServiceClients) async throws -> Void
) async throws {
    let inProcess = makeInProcessTransport(timeout: timeout)
    let server = RPCServer(
        listener: http2 ? .http2(host: "127.0.0.1", port: 0) : .inProcess(inProcess),
        services: [service], serviceNames: ["marquee.v1.AnalyticsService"], logger: Logger(label: "test"),
        ready: { true },
        verify: { token in
            guard token == "good" else { throw RPCError(code: .unauthenticated, message: "bad token") }
            return Caller(userID: "u1", roles: ["ATTENDEE"])
        })
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await server.run() }
        let target: Target
        if http2 {
            var port: Int?
            while port == nil {
                port = try await server.listeningPort()
                try await Task.sleep(for: .milliseconds(5))
            }
            target = .http2(host: "127.0.0.1", port: port!)
        } else {
            target = .inProcess(inProcess)
        }
        let client = try RPCClient(target: target, timeout: timeout)
        group.addTask { try await client.run() }
        try await body(client.services.analytics, client.services)
        group.cancelAll()
    }
}

@Suite struct RPCRuntimeTests {
    @Test(arguments: [false, true])
    func theCallerAndRequestIDTravelInMetadata(http2: Bool) async throws {
        try await withServerAndClient(FlakyStats(failures: 0), http2: http2) { stats, _ in
            let answer = try await CallContext.$current.withValue(CallContext(requestID: "req-1", bearerToken: "good")) {
                try await stats.getEventStats(.with { $0.eventID = "e" })
            }
            #expect(answer.eventID == "u1|req-1")
        }
    }

    @Test func anInvalidTokenIsUnauthenticated() async throws {
        try await withServerAndClient(FlakyStats(failures: 0)) { stats, _ in
            await #expect { 
                try await CallContext.$current.withValue(CallContext(requestID: "r", bearerToken: "forged")) {
                    try await stats.getEventStats(.with { $0.eventID = "e" })
                }
            } throws: { ($0 as? RPCError)?.code == .unauthenticated }
        }
    }

    @Test func idempotentReadsAreRetriedOnUnavailable() async throws {
        let service = FlakyStats(failures: 2)
        try await withServerAndClient(service) { stats, _ in
            let answer = try await stats.getEventStats(.with { $0.eventID = "e" })
            #expect(answer.checkedIn == 3)
            #expect(service.attempts.withLock { $0 } == 3)
        }
    }

    @Test func retriesGiveUpAfterThreeAttempts() async throws {
        let service = FlakyStats(failures: 10)
        try await withServerAndClient(service) { stats, _ in
            await #expect { try await stats.getEventStats(.with { $0.eventID = "e" }) } throws: {
                ($0 as? RPCError)?.code == .unavailable
            }
            #expect(service.attempts.withLock { $0 } == 3)
        }
    }

    @Test func everyCallHasADeadline() async throws {
        try await withServerAndClient(FlakyStats(failures: 0), timeout: .milliseconds(200)) { stats, _ in
            let start = ContinuousClock.now
            await #expect { try await stats.getEventStats(.with { $0.eventID = "slow" }) } throws: {
                ($0 as? RPCError)?.code == .deadlineExceeded
            }
            #expect(ContinuousClock.now - start < .seconds(3))
        }
    }

    @Test func unexpectedErrorsAreInternalWithoutDetail() async throws {
        try await withServerAndClient(FlakyStats(failures: 0)) { stats, _ in
            await #expect { try await stats.getEventStats(.with { $0.eventID = "crash" }) } throws: { error in
                guard let error = error as? RPCError else { return false }
                return error.code == .internalError && !error.message.contains("SELECT")
            }
        }
    }

    @Test func theHealthServiceAnswersForHostedServicesOnly() async throws {
        try await withServerAndClient(FlakyStats(failures: 0), http2: true) { _, client in
            let health = client.health
            let server = try await health.check(.with { $0.service = "" })
            let hosted = try await health.check(.with { $0.service = "marquee.v1.AnalyticsService" })
            #expect(server.status == .serving)
            #expect(hosted.status == .serving)
            await #expect { try await health.check(.with { $0.service = "nope.Service" }) } throws: {
                ($0 as? RPCError)?.code == .notFound
            }
        }
    }

    @Test func serviceErrorsNameTheirField() {
        let error = ServiceError.invalid("items[0].quantity", "must be positive")
        #expect(error.rpcErrorCode == .invalidArgument)
        #expect(error.rpcErrorMessage == "items[0].quantity: must be positive")
        #expect(error.rpcErrorMetadata[stringValues: MetadataKey.field].first(where: { _ in true }) == "items[0].quantity")
    }
}
