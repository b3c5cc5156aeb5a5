// Marquee's engine set up on the fixture with the resolver contract of
// shared/bench/README.md (reference.py). Records are the engine's own `JSON`
// values (its fast path); `Node`/`SearchResult` use the engine's default type
// resolution, which reads `__typename` from a JSON object.

import BenchSupport
import MarqueeGraphQL

/// data.json as Marquee JSON, indexed by id.
final class MarqueeStore: Sendable {
    let root: JSON
    let byId: [String: JSON]
    let viewer: JSON?
    let events: [JSON]
    let venues: [JSON]
    let organizers: [JSON]

    init(dataText: String) throws {
        let root = try JSONParser.parse(dataText)
        var byId: [String: JSON] = [:]
        if case .object(let object) = root {
            for entry in object.entries {
                guard case .array(let records) = entry.value else { continue }
                for record in records {
                    if case .string(let id)? = record["id"] { byId[id] = record }
                }
            }
        }
        self.root = root
        self.byId = byId
        viewer = root["viewerId"]?.stringValue.flatMap { byId[$0] }
        events = root["events"]?.arrayValue ?? []
        venues = root["venues"]?.arrayValue ?? []
        organizers = root["organizers"]?.arrayValue ?? []
    }
}

// MARK: Resolver contract

/// Relay connection over an ordered list of records; cursor = record id.
func marqueeConnection(_ records: [JSON], first: Int?, after: String?) -> JSON {
    var start = 0
    if let after, let index = records.firstIndex(where: { $0["id"]?.stringValue == after }) {
        start = index + 1
    }
    let count = records.count
    let end = first.map { min(count, start + max($0, 0)) } ?? count
    var edges: [JSON] = []
    if start < end {
        edges.reserveCapacity(end - start)
        for record in records[start..<end] {
            var edge = JSONObject(minimumCapacity: 2)
            edge.append("cursor", record["id"] ?? .null)
            edge.append("node", record)
            edges.append(.object(edge))
        }
    }
    var pageInfo = JSONObject(minimumCapacity: 4)
    pageInfo.append("hasNextPage", .bool(end < count))
    pageInfo.append("hasPreviousPage", .bool(start > 0))
    pageInfo.append("startCursor", start < end ? records[start]["id"] ?? .null : .null)
    pageInfo.append("endCursor", start < end ? records[end - 1]["id"] ?? .null : .null)
    var connection = JSONObject(minimumCapacity: 3)
    connection.append("edges", .array(edges))
    connection.append("pageInfo", .object(pageInfo))
    connection.append("totalCount", .int(count))
    return .object(connection)
}

extension Arguments {
    /// The argument `name`, nil when absent or null.
    func value(_ name: String) -> JSON? {
        guard let value = self[name], !value.isNull else { return nil }
        return value
    }
}

func marqueeEventMatches(_ store: MarqueeStore, _ event: JSON, _ filter: JSON) -> Bool {
    func list(_ key: String) -> [JSON]? {
        guard let value = filter[key], case .array(let items) = value else { return nil }
        return items
    }
    if let categories = list("categories"), !categories.contains(event["category"] ?? .null) { return false }
    if let statuses = list("statuses"), !statuses.contains(event["status"] ?? .null) { return false }
    if let cityIds = list("cityIds") {
        let venue = event["venueId"]?.stringValue.flatMap { store.byId[$0] }
        if !cityIds.contains(venue?["cityId"] ?? .null) { return false }
    }
    if let organizerId = filter["organizerId"], !organizerId.isNull, event["organizerId"] != organizerId { return false }
    if let range = filter["startsIn"], case .object = range {
        let startsAt = event["startsAt"]?.stringValue ?? ""
        if let from = range["from"]?.stringValue, startsAt < from { return false }
        if let to = range["to"]?.stringValue, startsAt >= to { return false }
    }
    if let price = filter["priceRange"], case .object = price {
        guard let lowest = event["priceRange"]?["min"], case .object = lowest,
              lowest["currency"] == price["currency"],
              let amount = lowest["amount"]?.intValue else { return false }
        if let min = price["min"]?.intValue, amount < min { return false }
        if let max = price["max"]?.intValue, amount > max { return false }
    }
    return true
}

/// Builds Marquee's schema from the fixture SDL and installs the contract.
func makeMarqueeSchema(sdl: String, store: MarqueeStore) throws -> GraphQLSchema {
    let schema = try GraphQLSchema.build(sdl: sdl)
    let byId = store.byId

    let objectTypes = schema.types.compactMap { $0 as? GraphQLObjectType }.filter { !$0.name.hasPrefix("__") }
    let entityNames = Set(objectTypes.filter { $0.interfaces.contains { $0.name == "Node" } }.map(\.name))
    let nodeLike = entityNames.union(["Node", "SearchResult"])

    func ref(_ key: String) -> FieldResolver {
        return { source, _, _, _ in
            guard let id = (source as? JSON)?[key]?.stringValue, let record = byId[id] else { return .null }
            return .value(record)
        }
    }
    func refList(_ key: String) -> FieldResolver {
        return { source, args, _, _ in
            var ids = (source as? JSON)?[key]?.arrayValue ?? []
            if let first = args.value("first")?.intValue { ids = Array(ids.prefix(max(first, 0))) }
            return .value(JSON.array(ids.map { id in id.stringValue.flatMap { byId[$0] } ?? .null }))
        }
    }
    func refConnection(_ key: String) -> FieldResolver {
        return { source, args, _, _ in
            let ids = (source as? JSON)?[key]?.arrayValue ?? []
            var records = ids.compactMap { $0.stringValue.flatMap { byId[$0] } }
            if args.value("unreadOnly")?.boolValue == true {
                records = records.filter { $0["read"]?.boolValue == false }
            }
            return .value(marqueeConnection(records, first: args.value("first")?.intValue, after: args.value("after")?.stringValue))
        }
    }
    func ofType(_ typeName: String) -> FieldResolver {
        return { _, args, _, _ in
            guard let id = args.value("id")?.stringValue, let record = byId[id], record["__typename"]?.stringValue == typeName else { return .null }
            return .value(record)
        }
    }
    let queryResolvers: [String: FieldResolver] = [
        "node": { _, args, _, _ in
            guard let id = args.value("id")?.stringValue, let record = byId[id] else { return .null }
            return .value(record)
        },
        "nodes": { _, args, _, _ in
            .value(JSON.array((args.value("ids")?.arrayValue ?? []).map { id in id.stringValue.flatMap { byId[$0] } ?? .null }))
        },
        "viewer": { _, _, _, _ in store.viewer.map { .value($0) } ?? .null },
        "event": ofType("Event"),
        "venue": ofType("Venue"),
        "organizer": ofType("Organizer"),
        "cities": { _, _, _, _ in .value(store.root["cities"] ?? .null) },
        "events": { _, args, _, _ in
            var records = store.events
            if let filter = args.value("filter") {
                records = records.filter { marqueeEventMatches(store, $0, filter) }
            }
            if args.value("orderBy")?.stringValue == "START_TIME_DESC" { records.reverse() }
            return .value(marqueeConnection(records, first: args.value("first")?.intValue, after: args.value("after")?.stringValue))
        },
        "search": { _, args, _, _ in
            let needle = (args.value("query")?.stringValue ?? "").lowercased()
            let types = args.value("types")?.arrayValue?.compactMap(\.stringValue)
            var out: [JSON] = []
            for (kind, records, key) in [("EVENT", store.events, "title"), ("VENUE", store.venues, "name"), ("ORGANIZER", store.organizers, "name")] {
                if let types, !types.contains(kind) { continue }
                for record in records where (record[key]?.stringValue ?? "").lowercased().contains(needle) {
                    out.append(record)
                }
            }
            let first = args.value("first")?.intValue ?? 10
            return .value(JSON.array(Array(out.prefix(max(first, 0)))))
        },
    ]

    for type in objectTypes {
        for field in type.fields {
            if type.name == "Query", let resolve = queryResolvers[field.name] {
                field.resolve = resolve
            } else if entityNames.contains(type.name) {
                let named = field.type.named.name
                if named.hasSuffix("Connection") {
                    field.resolve = refConnection(String(field.name.dropLast()) + "Ids")
                } else if nodeLike.contains(named) {
                    field.resolve = field.type.nullable.isListType
                        ? refList(String(field.name.dropLast()) + "Ids")
                        : ref(field.name + "Id")
                }
            }
        }
    }
    return schema
}

// MARK: Conversions

func benchJSON(_ json: JSON) -> BenchJSON {
    switch json {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .double(d)
    case .string(let s): return .string(s)
    case .array(let items): return .array(items.map(benchJSON))
    case .object(let object): return .object(object.entries.map { ($0.key, benchJSON($0.value)) })
    }
}

// MARK: Engine

public final class MarqueeEngine: BenchEngine {
    public let id = "marquee"
    public let displayName = "Marquee"
    let store: MarqueeStore
    let schema: GraphQLSchema
    /// Parse + validate + execute on every request: no document cache.
    let uncachedEngine: GraphQLEngine
    /// The server path: a repeated document skips parse and validate.
    let cachedEngine: GraphQLEngine

    public init(fixture: Fixture) throws {
        store = try MarqueeStore(dataText: fixture.dataText)
        schema = try makeMarqueeSchema(sdl: fixture.schemaSDL, store: store)
        uncachedEngine = GraphQLEngine(schema: schema, cacheCapacity: 0)
        cachedEngine = GraphQLEngine(schema: schema)
    }

    func variables(_ query: QueryCase) throws -> JSONObject {
        guard let text = query.variablesText else { return JSONObject() }
        guard case .object(let object) = try JSONParser.parse(text) else {
            throw BenchJSONError(description: "\(query.name): variables are not an object")
        }
        return object
    }

    func prepared(_ query: QueryCase) throws -> Document {
        let document = try Parser.parse(Source(body: query.text))
        let errors = Validator.validate(schema: schema, document: document)
        guard errors.isEmpty else {
            throw BenchJSONError(description: "Marquee: \(query.name) does not validate: \(errors.map(\.message))")
        }
        return document
    }

    func execute(_ document: Document, _ variables: JSONObject) async -> GraphQLResponse {
        await GraphQLExecutor.execute(schema: schema, document: document, rootValue: store.root, variableValues: variables)
    }

    static func response(_ response: GraphQLResponse) -> BenchJSON {
        benchJSON(response.json)
    }

    public func responses(for query: QueryCase) async throws -> [(way: String, response: BenchJSON)] {
        let document = try prepared(query)
        let variables = try variables(query)
        let request = GraphQLRequest(query: query.text, variables: variables)
        var out: [(way: String, response: BenchJSON)] = []
        out.append((PhaseName.execute, Self.response(await execute(document, variables))))
        out.append((PhaseName.full, Self.response(await uncachedEngine.execute(request, rootValue: store.root))))
        out.append((PhaseName.fullCached, Self.response(await cachedEngine.execute(request, rootValue: store.root))))
        out.append((PhaseName.fullCached + " (2nd)", Self.response(await cachedEngine.execute(request, rootValue: store.root))))
        return out
    }

    public func responseBytes(for query: QueryCase) async throws -> [UInt8]? {
        await execute(try prepared(query), try variables(query)).jsonBytes()
    }

    public func phases(for query: QueryCase) async throws -> [Phase] {
        let schema = self.schema
        let document = try prepared(query)
        let variables = try variables(query)
        let response = await execute(document, variables)
        let request = GraphQLRequest(query: query.text, variables: variables)
        let text = query.text
        let root = store.root
        let uncached = uncachedEngine, cached = cachedEngine
        return [
            Phase(PhaseName.parse) { blackHole(try Parser.parse(Source(body: text))) },
            Phase(PhaseName.validate) { blackHole(Validator.validate(schema: schema, document: document)) },
            Phase(PhaseName.execute) {
                blackHole(await GraphQLExecutor.execute(schema: schema, document: document, rootValue: root, variableValues: variables))
            },
            Phase(PhaseName.serialize) { blackHole(response.jsonBytes()) },
            Phase(PhaseName.full) { blackHole(await uncached.execute(request, rootValue: root)) },
            Phase(PhaseName.fullCached) { blackHole(await cached.execute(request, rootValue: root)) },
        ]
    }

    public func memoryProbe(for query: QueryCase, phase: String) async throws -> () async throws -> Void {
        let request = GraphQLRequest(query: query.text, variables: try variables(query))
        let root = store.root
        switch phase {
        case PhaseName.execute:
            let document = try prepared(query)
            let variables = request.variables
            let schema = self.schema
            return { blackHole(await GraphQLExecutor.execute(schema: schema, document: document, rootValue: root, variableValues: variables)) }
        case PhaseName.full:
            let uncached = uncachedEngine
            return { blackHole(await uncached.execute(request, rootValue: root)) }
        default:
            throw BenchJSONError(description: "no memory probe for phase \(phase)")
        }
    }

}
