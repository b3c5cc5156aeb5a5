import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import Prometheus
import MarqueeGraphQL
import MarqueeRPC
import NIOCore

/// GraphQL over HTTP (the GraphQL-over-HTTP specification) with Hummingbird:
/// `POST /graphql`, `GET /graphql` (queries; the explorer for browsers),
/// `GET /health`, `GET /ready`; CORS and a request id on every response.
public enum HTTPServer {
    /// Checks run by `/ready` (the services and their store answer).
    public typealias Readiness = @Sendable () async -> Bool

    /// The Hummingbird application serving `gateway` (a `Service`).
    public static func application(
        gateway: Gateway, ready: @escaping Readiness, metrics: PrometheusCollectorRegistry? = nil, logger: Logger
    ) -> some ApplicationProtocol {
        let router = makeRouter(gateway: gateway, ready: ready, metrics: metrics)
        let sockets = WebSocketEndpoint(gateway: gateway, logger: logger)
        var ws = WebSocketServerConfiguration()
        ws.maxFrameSize = gateway.config.wsMaxMessageBytes
        // Both sub-protocols keep alive themselves (ping / ka every MARQUEE_WS_KEEPALIVE_MS);
        // WebSocket-level auto-ping would cost every connection a task and a timer more.
        ws.autoPing = .disabled
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(configuration: .init(ws: ws)) { request, channel, logger in
                sockets.shouldUpgrade(request, channel)
            },
            configuration: .init(address: .hostname(gateway.config.host, port: gateway.config.port), serverName: "marquee"),
            logger: logger)
    }

    /// `metrics`: the registry `MetricsSystem` was bootstrapped with, served at
    /// `GET /metrics` in the Prometheus text format.
    public static func makeRouter(
        gateway: Gateway, ready: @escaping Readiness, metrics: PrometheusCollectorRegistry? = nil
    ) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        if let metrics {
            router.add(middleware: HTTPMetrics())
            router.get("/metrics") { _, _ in
                Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
            }
        }
        router.add(middleware: CORS(origins: gateway.config.corsOrigins))
        let endpoint = GraphQLEndpoint(gateway: gateway)
        router.post("/graphql") { request, context in try await endpoint.post(request, context) }
        router.get("/graphql") { request, context in try await endpoint.get(request, context) }
        for method in [HTTPRequest.Method.put, .patch, .delete] {
            router.on("/graphql", method: method) { _, _ in
                GraphQLEndpoint.error(.methodNotAllowed, "Use POST (or GET for queries).", "METHOD_NOT_ALLOWED", extra: [.allow: "GET, POST, OPTIONS"])
            }
        }
        router.get("/health") { _, _ in
            json(.ok, #"{"status":"ok"}"#)
        }
        router.get("/ready") { _, _ in
            await ready() ? json(.ok, #"{"status":"ready"}"#) : json(.serviceUnavailable, #"{"status":"unavailable"}"#)
        }
        return router
    }

    static func json(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }
}

extension HTTPField.Name {
    static let requestID = Self("x-request-id")!
    static let marqueeTrace = Self("x-marquee-trace")!
}

/// Echoes a sane incoming `x-request-id` or makes one; adds it to the response,
/// and to every log line of the request through `RequestID.current` (a task-local
/// the log handler reads when it writes: no logger copy per request).
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let incoming = request.headers[.requestID].flatMap { id in
            id.utf8.count <= 128 && id.utf8.allSatisfy { $0 > 32 && $0 < 127 } && !id.isEmpty ? id : nil
        }
        let id = incoming ?? RequestID.make()
        var response: Response
        do {
            response = try await RequestID.current.withValue(id) { try await next(request, context) }
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.requestID] = id
        return response
    }
}

/// CORS for a configured list of origins (`*` = any): answers preflights and
/// adds the allow headers to responses for allowed origins.
struct CORS<Context: RequestContext>: RouterMiddleware {
    let origins: [String]

    func allowed(_ origin: String?) -> String? {
        guard let origin else { return nil }
        if origins.contains("*") { return "*" }
        return origins.contains(origin) ? origin : nil
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = allowed(request.headers[.origin])
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var headers: HTTPFields = [:]
            if let origin {
                headers[.accessControlAllowOrigin] = origin
                headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
                headers[.accessControlAllowHeaders] = "content-type, authorization, x-request-id, x-marquee-trace"
                headers[.accessControlMaxAge] = "600"
                if origin != "*" { headers[.vary] = "Origin" }
            }
            return Response(status: origin == nil ? .forbidden : .noContent, headers: headers)
        }
        var response = try await next(request, context)
        if let origin {
            response.headers[.accessControlAllowOrigin] = origin
            response.headers[.accessControlExposeHeaders] = "x-request-id"
            if origin != "*" { response.headers[.vary] = "Origin" }
        }
        return response
    }
}
