import GRPCCore
import MarqueeGraphQL
import MarqueeRPC

/// How a failed service call reaches a client: every gRPC status has a GraphQL
/// `extensions.code`; user-fixable ones can become a mutation payload's `UserError`.
struct ServiceFailure: Error, GraphQLErrorConvertible {
    let code: String
    let message: String
    /// The input field concerned, as a GraphQL path (["items", "0", "quantity"]).
    let field: [String]?
    /// Whether a person can fix it by changing the input (goes into payload errors).
    let userFixable: Bool

    /// A problem the gateway finds in a mutation's input itself.
    init(badInput message: String, field: [String]) {
        code = "BAD_USER_INPUT"
        self.message = message
        self.field = field
        userFixable = true
    }

    init(_ error: RPCError) {
        let fieldText = error.metadata[stringValues: MetadataKey.field].first(where: { _ in true })
        let reason = error.metadata[stringValues: MetadataKey.reason].first(where: { _ in true })
        field = fieldText.map(Self.path)
        var message = error.message
        if let fieldText, message.hasPrefix(fieldText + ": ") { message.removeFirst(fieldText.count + 2) }
        switch error.code {
        case .invalidArgument: code = reason ?? "BAD_USER_INPUT"; userFixable = true
        case .notFound: code = "NOT_FOUND"; userFixable = true
        case .alreadyExists: code = reason ?? "ALREADY_EXISTS"; userFixable = true
        case .failedPrecondition: code = reason ?? "FAILED_PRECONDITION"; userFixable = true
        case .outOfRange: code = "BAD_USER_INPUT"; userFixable = true
        case .unauthenticated: code = "UNAUTHENTICATED"; userFixable = false
        case .permissionDenied: code = "FORBIDDEN"; userFixable = false
        case .resourceExhausted: code = "RATE_LIMITED"; userFixable = false
        case .deadlineExceeded: code = "TIMEOUT"; message = "a service did not answer in time"; userFixable = false
        case .unavailable:
            code = "SERVICE_UNAVAILABLE"
            message = error.message.isEmpty || error.message.contains("connect") ? "a service is unavailable, try again" : error.message
            userFixable = false
        default: code = "INTERNAL_SERVER_ERROR"; message = "Internal server error."; userFixable = false
        }
        self.message = message
    }

    var graphQLMessage: String { message }
    var graphQLExtensions: JSONObject? { ["code": .string(code)] }

    /// The UserError object of a mutation payload.
    var userError: [String: any Sendable] {
        var object: [String: any Sendable] = ["message": message, "code": code]
        if let field { object["field"] = field.map { $0 as any Sendable } }
        return object
    }

    /// "items[0].ticket_type_id" → ["items", "0", "ticketTypeId"].
    static func path(_ field: String) -> [String] {
        var parts: [String] = []
        for piece in field.split(separator: ".") {
            var name = piece
            var indexes: [String] = []
            while let open = name.lastIndex(of: "["), name.last == "]" {
                indexes.insert(String(name[name.index(after: open)..<name.index(before: name.endIndex)]), at: 0)
                name = name[..<open]
            }
            parts.append(camelCase(String(name)))
            parts += indexes
        }
        return parts
    }

    static func camelCase(_ snake: String) -> String {
        var out = ""
        var upper = false
        for character in snake {
            if character == "_" { upper = true; continue }
            out.append(upper ? Character(character.uppercased()) : character)
            upper = false
        }
        return out
    }
}

/// A GraphQL error with a code, for what the gateway itself refuses.
func codedError(_ message: String, _ code: String) -> GraphQLError {
    GraphQLError(message, extensions: ["code": .string(code)])
}

/// Runs one service call; RPC failures become `ServiceFailure`s.
@inline(__always)
/// Within the request's deadline (`CallContext.deadline`): past it, the call is
/// cancelled and fails with TIMEOUT.
func serviceCall<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    do {
        guard let deadline = CallContext.current?.deadline else { return try await body() }
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw codedError("The request ran out of time.", "TIMEOUT") }
        guard let value = try await Gateway.withTimeout(remaining, throwing: body) else {
            throw codedError("The request ran out of time.", "TIMEOUT")
        }
        return value
    } catch let error as RPCError {
        throw ServiceFailure(error)
    }
}
