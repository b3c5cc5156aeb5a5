import GRPCCore
import MarqueeProto
import Synchronization

/// The standard `grpc.health.v1.Health` service. Each hosted service is SERVING
/// while its readiness check passes (e.g. the store answers); "" is the server
/// as a whole (SERVING when every hosted service is).
public final class HealthService: Grpc_Health_V1_Health.SimpleServiceProtocol, Sendable {
    public typealias Check = @Sendable () async -> Bool
    private let services: [String]
    private let ready: Check
    private let watchInterval: Duration

    public init(services: [String], ready: @escaping Check, watchInterval: Duration = .seconds(5)) {
        self.services = services
        self.ready = ready
        self.watchInterval = watchInterval
    }

    private func status(of service: String) async throws -> Grpc_Health_V1_HealthCheckResponse.ServingStatus {
        guard service.isEmpty || services.contains(service) else {
            throw RPCError(code: .notFound, message: "unknown service '\(service.prefix(200))'")
        }
        return await ready() ? .serving : .notServing
    }

    public func check(
        request: Grpc_Health_V1_HealthCheckRequest, context: ServerContext
    ) async throws -> Grpc_Health_V1_HealthCheckResponse {
        let current = try await status(of: request.service)
        return .with { $0.status = current }
    }

    public func watch(
        request: Grpc_Health_V1_HealthCheckRequest,
        response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
        context: ServerContext
    ) async throws {
        var last: Grpc_Health_V1_HealthCheckResponse.ServingStatus?
        while !Task.isCancelled {
            let current = (try? await status(of: request.service)) ?? .serviceUnknown
            if current != last {
                try await response.write(.with { $0.status = current })
                last = current
            }
            try await Task.sleep(for: watchInterval)
        }
    }
}
