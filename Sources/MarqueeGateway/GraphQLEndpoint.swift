import HTTPTypes
import Hummingbird
import MarqueeGraphQL
import MarqueeRPC
import NIOCore

/// `/graphql`: request parsing, content negotiation and status codes as the
/// GraphQL-over-HTTP specification has them.
struct GraphQLEndpoint: Sendable {
    let gateway: Gateway

    static let graphQLResponse = "application/graphql-response+json"

    /// Which media type the client wants the response in; nil when it accepts neither.
    static func responseType(_ accept: String?) -> String? {
        guard let accept, !accept.isEmpty else { return "application/json" }
        let types = accept.split(separator: ",").map { $0.split(separator: ";")[0].trimmingCharacters(in: " ").lowercased() }
        if types.contains(graphQLResponse) { return graphQLResponse }
        if types.contains("application/json") || types.contains("*/*") || types.contains("application/*") { return "application/json" }
        return nil
    }

    /// The request headers the endpoint reads, found in one pass over the fields
    /// (each `HTTPFields` lookup by name walks all fields and builds an array).
    struct Headers {
        var accept: String?
        var contentType: String?
        var contentLength: String?
        var authorization: String?
        var trace: String?

        init(_ fields: HTTPFields) {
            func add(_ value: String, to existing: inout String?) {
                existing = existing.map { $0 + ", " + value } ?? value
            }
            for field in fields {
                switch field.name {
                case .accept: add(field.value, to: &accept)
                case .contentType: add(field.value, to: &contentType)
                case .contentLength: add(field.value, to: &contentLength)
                case .authorization: add(field.value, to: &authorization)
                case .marqueeTrace: add(field.value, to: &trace)
                default: continue
                }
            }
        }
    }

    func post(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let headers = Headers(request.headers)
        guard let mediaType = Self.responseType(headers.accept) else {
            return Self.error(.notAcceptable, "Accept application/graphql-response+json or application/json.", "NOT_ACCEPTABLE")
        }
        let rawContentType = headers.contentType
        let contentType = rawContentType == "application/json" ? rawContentType
            : rawContentType?.split(separator: ";").first?.trimmingCharacters(in: " ").lowercased()
        guard contentType == "application/json" || contentType == "application/graphql-response+json" else {
            return Self.error(.unsupportedMediaType, "Send the request as application/json.", "UNSUPPORTED_MEDIA_TYPE", mediaType: mediaType)
        }
        let limit = gateway.config.maxBodyBytes
        if let length = headers.contentLength.flatMap(Int.init), length > limit {
            return Self.error(.contentTooLarge, "The request body is larger than \(limit) bytes.", "PAYLOAD_TOO_LARGE", mediaType: mediaType)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            return Self.error(.contentTooLarge, "The request body is larger than \(limit) bytes.", "PAYLOAD_TOO_LARGE", mediaType: mediaType)
        }
        let graphQL: GraphQLRequest
        do {
            graphQL = try body.withUnsafeReadableBytes { bytes throws(GraphQLError) in try GraphQLRequest(jsonBytes: bytes) }
        } catch {
            return Self.error(.badRequest, error.message, "BAD_REQUEST", mediaType: mediaType)
        }
        return await run(graphQL, headers, mediaType: mediaType, queriesOnly: false)
    }

    func get(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let parameters = Self.formDecoded(request.uri.query ?? "")
        let headers = Headers(request.headers)
        if parameters["query"] == nil, (headers.accept ?? "").contains("text/html") {
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: ExplorerPage.html)))
        }
        guard let mediaType = Self.responseType(headers.accept) else {
            return Self.error(.notAcceptable, "Accept application/graphql-response+json or application/json.", "NOT_ACCEPTABLE")
        }
        guard let query = parameters["query"] else {
            return Self.error(.badRequest, "The request has no `query` parameter.", "BAD_REQUEST", mediaType: mediaType)
        }
        var object = JSONObject()
        object["query"] = .string(query)
        if let operationName = parameters["operationName"], !operationName.isEmpty { object["operationName"] = .string(operationName) }
        if let variables = parameters["variables"], !variables.isEmpty {
            do {
                object["variables"] = try JSONParser.parse(variables)
            } catch {
                return Self.error(.badRequest, "The `variables` parameter is not JSON.", "BAD_REQUEST", mediaType: mediaType)
            }
        }
        let graphQL: GraphQLRequest
        do {
            graphQL = try GraphQLRequest(json: .object(object))
        } catch {
            return Self.error(.badRequest, error.message, "BAD_REQUEST", mediaType: mediaType)
        }
        return await run(graphQL, headers, mediaType: mediaType, queriesOnly: true)
    }

    private func run(_ graphQL: GraphQLRequest, _ headers: Headers, mediaType: String, queriesOnly: Bool) async -> Response {
        var gatewayRequest = Gateway.Request(
            graphQL: graphQL, bearerToken: Self.bearerToken(headers.authorization),
            requestID: RequestID.current.get() ?? MarqueeRPC.RequestID.make())
        gatewayRequest.queriesOnly = queriesOnly
        gatewayRequest.trace = gateway.config.allowTrace && headers.trace == "1"
        if headers.authorization != nil, gatewayRequest.bearerToken == nil {
            return Self.error(.unauthorized, "The Authorization header must be `Bearer <token>`.", "UNAUTHENTICATED", mediaType: mediaType)
        }
        let (response, outcome) = await gateway.execute(gatewayRequest)
        var status: HTTPResponse.Status = .ok
        var headers: HTTPFields = [
            .contentType: mediaType == Self.graphQLResponse ? "application/graphql-response+json; charset=utf-8" : "application/json; charset=utf-8",
            .cacheControl: "no-store",
        ]
        switch outcome {
        case .notAllowed:
            status = .methodNotAllowed
            headers[.allow] = "POST"
        case .executed:
            status = .ok
        case .requestError, .unauthenticated, .timeout:
            // The legacy media type answers 200 for every well-formed request.
            if mediaType == Self.graphQLResponse {
                status = outcome == .unauthenticated ? .unauthorized : outcome == .timeout ? .gatewayTimeout : .badRequest
            }
        }
        let bytes = response.withJSONBytes { ByteBuffer(bytes: $0) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: bytes))
    }

    /// `application/x-www-form-urlencoded` query parameters: `+` is a space, `%XX` a byte.
    static func formDecoded(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0]), value = parts.count > 1 ? decode(parts[1]) : ""
            if parameters[name] == nil { parameters[name] = value }
        }
        return parameters
    }

    private static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if let high = iterator.next(), let low = iterator.next(), let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.count > 7, header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst(7).trimmingCharacters(in: " ")
        return token.isEmpty ? nil : token
    }

    /// A request-level error response with a GraphQL error body.
    static func error(
        _ status: HTTPResponse.Status, _ message: String, _ code: String, mediaType: String = "application/json",
        extra: HTTPFields = [:]
    ) -> Response {
        let body = GraphQLResponse(errors: [codedError(message, code)]).jsonBytes()
        var headers: HTTPFields = [.contentType: "\(mediaType); charset=utf-8"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
