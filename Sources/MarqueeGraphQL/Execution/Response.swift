/// A GraphQL response (spec 7.1): `data` and/or `errors`.
public struct GraphQLResponse: Sendable {
    /// nil: no `data` entry (a request error); `.null`: `"data": null`.
    public var data: JSON?
    public var errors: [GraphQLError]
    public var extensions: JSONObject?

    public init(data: JSON?, errors: [GraphQLError] = [], extensions: JSONObject? = nil) {
        self.data = data
        self.errors = errors
        self.extensions = extensions
    }

    /// A request error: errors and no data.
    public init(errors: [GraphQLError]) {
        self.init(data: nil, errors: errors)
    }

    public var json: JSON {
        var object = JSONObject(minimumCapacity: 3)
        if !errors.isEmpty { object.append("errors", .array(errors.map(\.json))) }
        if let data { object.append("data", data) }
        if let extensions, !extensions.isEmpty { object.append("extensions", .object(extensions)) }
        return .object(object)
    }

    /// The compact UTF-8 JSON of the response, written directly.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 4096)
        writer.write(json)
        return writer.bytes
    }

    /// The response as compact JSON, without copying it (valid inside `body` only).
    public func withJSONBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var writer = JSONWriter(capacity: 4096)
        writer.write(json)
        return try writer.withUnsafeBytes(body)
    }
}
