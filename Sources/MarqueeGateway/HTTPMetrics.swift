import Dispatch
import HTTPTypes
import Hummingbird
import Metrics
import Synchronization

/// Request metrics by route, method and status, under the names Hummingbird's
/// `MetricsMiddleware` uses (`hb.requests`, `http.server.request.duration`,
/// `hb.request.errors`, `http.server.active_requests`), so dashboards built for
/// Hummingbird services read ours.
///
/// Why not Hummingbird's middleware: it records after the body is written by
/// wrapping the body in a closure, and a wrapped body loses Hummingbird's
/// single-buffer path: the head and the body then leave in two `write` calls
/// (two TCP segments, two wake-ups of the client) instead of one. Every response
/// of this server is a complete buffer when the handler returns, so the time to
/// produce it is recorded then, and the body stays as it is.
struct HTTPMetrics<Context: RequestContext>: RouterMiddleware {
    let cache = MetricsCache()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let active = cache.active(request.method)
        active.increment()
        defer { active.decrement() }
        let status: HTTPResponse.Status
        let response: Response
        do {
            response = try await next(request, context)
            status = response.status
        } catch {
            status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            let metrics = cache.endpoint(.init(route: context.endpointPath ?? "NotFound", method: request.method, status: status))
            metrics.requests.increment()
            metrics.errors.increment()
            throw error
        }
        let metrics = cache.endpoint(.init(route: context.endpointPath ?? "Unknown", method: request.method, status: status))
        metrics.requests.increment()
        metrics.duration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
        return response
    }

    /// The metric objects per method and per (route, method, status), made once:
    /// a factory lookup per request would hash the labels every time.
    final class MetricsCache: Sendable {
        struct EndpointID: Hashable {
            let route: String
            let method: HTTPRequest.Method
            let status: HTTPResponse.Status
        }

        struct Endpoint: Sendable {
            let requests: Counter
            let duration: Metrics.Timer
            let errors: Counter

            init(_ id: EndpointID) {
                let labels = [
                    ("http.route", id.route), ("http.request.method", id.method.rawValue),
                    ("http.response.status_code", String(id.status.code)),
                ]
                requests = Counter(label: "hb.requests", dimensions: labels)
                duration = Metrics.Timer(label: "http.server.request.duration", dimensions: labels, preferredDisplayUnit: .seconds)
                errors = Counter(
                    label: "hb.request.errors",
                    dimensions: [
                        ("http.route", id.route), ("http.request.method", id.method.rawValue),
                        ("error.type", String(id.status.code)),
                    ])
            }
        }

        private let endpoints = Mutex<[EndpointID: Endpoint]>([:])
        private let methods = Mutex<[HTTPRequest.Method: Meter]>([:])

        func endpoint(_ id: EndpointID) -> Endpoint {
            endpoints.withLock { table in
                if let found = table[id] { return found }
                let made = Endpoint(id)
                table[id] = made
                return made
            }
        }

        func active(_ method: HTTPRequest.Method) -> Meter {
            methods.withLock { table in
                if let found = table[method] { return found }
                let made = Meter(label: "http.server.active_requests", dimensions: [("http.request.method", method.rawValue)])
                table[method] = made
                return made
            }
        }
    }
}
