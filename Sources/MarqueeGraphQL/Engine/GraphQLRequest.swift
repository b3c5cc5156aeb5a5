/// A GraphQL request as clients send it: `query`, `variables`, `operationName`.
public struct GraphQLRequest: Sendable {
    public var query: String
    public var variables: JSONObject
    public var operationName: String?

    public init(query: String, variables: JSONObject = JSONObject(), operationName: String? = nil) {
        self.query = query
        self.variables = variables
        self.operationName = operationName
    }

    /// Reads a request from its JSON body; a malformed one gets a request error.
    public init(json: JSON) throws(GraphQLError) {
        guard case .object(let object) = json else {
            throw GraphQLError("Malformed request: the body must be a JSON object.")
        }
        guard let queryValue = object["query"], !queryValue.isNull else {
            throw GraphQLError("Malformed request: \"query\" is required.")
        }
        guard case .string(let query) = queryValue else {
            throw GraphQLError("Malformed request: \"query\" must be a string.")
        }
        var variables = JSONObject()
        switch object["variables"] {
        case nil, .null?: break
        case .object(let v)?: variables = v
        default: throw GraphQLError("Malformed request: \"variables\" must be an object or null.")
        }
        var operationName: String?
        switch object["operationName"] {
        case nil, .null?: break
        case .string(let name)?: operationName = name
        default: throw GraphQLError("Malformed request: \"operationName\" must be a string or null.")
        }
        self.init(query: query, variables: variables, operationName: operationName)
    }

    /// Reads a request from the UTF-8 bytes of JSON text (e.g. an HTTP body, without copying it into a String).
    public init(jsonBytes: UnsafeRawBufferPointer, maxDepth: Int = JSONParser.defaultMaxDepth) throws(GraphQLError) {
        let json: JSON
        do {
            json = try JSONParser.parse(jsonBytes.bindMemory(to: UInt8.self), maxDepth: maxDepth)
        } catch {
            throw GraphQLError("Malformed request: the body is not valid JSON (\(error.description)).")
        }
        try self.init(json: json)
    }

    /// Reads a request from JSON text.
    public init(jsonText: String, maxDepth: Int = JSONParser.defaultMaxDepth) throws(GraphQLError) {
        let json: JSON
        do {
            json = try JSONParser.parse(jsonText, maxDepth: maxDepth)
        } catch {
            throw GraphQLError("Malformed request: the body is not valid JSON (\(error.description)).")
        }
        try self.init(json: json)
    }
}
