// The peer: GraphQLSwift/GraphQL 4.3.0, set up on the fixture with the
// resolver contract of shared/bench/README.md (reference.py).
//
// Its data model: records are `[String: any Sendable]` (what its default resolver
// reads), lists are `[(any Sendable)?]` (what its list completion casts to),
// absent values are left out of the dictionaries (a stored nil would reach the
// scalar serializers). Two quirks of 4.3.0 shape the setup (README): a schema
// built from SDL cannot be given a type resolver (`resolveType` is a `let`), so
// `Node` and `SearchResult` are recreated with one reading `__typename`, and
// every type or field that refers to them is rewired; and the fields of an SDL
// type are rebuilt each time its `fields` closure runs, so the resolvers are set
// on one materialized field map that replaces the closure.

import BenchSupport
import Foundation
import GraphQL
import OrderedCollections

typealias Record = [String: any Sendable]

/// data.json in the peer's data model, indexed by id.
final class PeerStore: Sendable {
    let root: Record
    let byId: [String: Record]
    let viewer: Record?
    let events: [Record]
    let venues: [Record]
    let organizers: [Record]

    init(_ data: BenchJSON) {
        let root = PeerStore.native(data) as! Record
        var byId: [String: Record] = [:]
        for (_, value) in root {
            guard let list = value as? [(any Sendable)?] else { continue }
            for case let record as Record in list {
                byId[record["id"] as! String] = record
            }
        }
        self.root = root
        self.byId = byId
        viewer = (root["viewerId"] as? String).flatMap { byId[$0] }
        func records(_ key: String) -> [Record] { (root[key] as? [(any Sendable)?] ?? []).map { $0 as! Record } }
        events = records("events")
        venues = records("venues")
        organizers = records("organizers")
    }

    static func native(_ json: BenchJSON) -> (any Sendable)? {
        switch json {
        case .null: return nil
        case .bool(let b): return b
        case .int(let i): return i
        case .double(let d): return d
        case .string(let s): return s
        case .array(let items): return items.map { native($0) } as [(any Sendable)?]
        case .object(let members):
            var record = Record(minimumCapacity: members.count)
            for (key, value) in members {
                if let v = native(value) { record[key] = v }
            }
            return record
        }
    }
}

// MARK: Resolver contract

/// Relay connection over an ordered list of records; cursor = record id.
func peerConnection(_ records: [Record], first: Int?, after: String?) -> Record {
    var start = 0
    if let after, let index = records.firstIndex(where: { ($0["id"] as? String) == after }) {
        start = index + 1
    }
    let count = records.count
    let end = first.map { min(count, start + max($0, 0)) } ?? count
    let page = start < end ? Array(records[start..<end]) : []
    let edges: [(any Sendable)?] = page.map { record -> (any Sendable)? in
        ["cursor": record["id"]!, "node": record] as Record
    }
    var pageInfo: Record = ["hasNextPage": end < count, "hasPreviousPage": start > 0]
    if let first = page.first { pageInfo["startCursor"] = first["id"]! }
    if let last = page.last { pageInfo["endCursor"] = last["id"]! }
    return ["edges": edges, "pageInfo": pageInfo, "totalCount": count]
}

extension Map {
    /// The argument `name` of a field's argument map, nil when absent or null.
    func arg(_ name: String) -> Map? {
        guard let value = dictionary?[name] else { return nil }
        switch value {
        case .null, .undefined: return nil
        default: return value
        }
    }
}

func peerEventMatches(_ store: PeerStore, _ event: Record, _ filter: OrderedDictionary<String, Map>) -> Bool {
    func list(_ key: String) -> [String]? {
        guard let value = filter[key], case .array(let items) = value else { return nil }
        return items.compactMap(\.string)
    }
    if let categories = list("categories"), !categories.contains(event["category"] as? String ?? "") { return false }
    if let statuses = list("statuses"), !statuses.contains(event["status"] as? String ?? "") { return false }
    if let cityIds = list("cityIds") {
        let venue = (event["venueId"] as? String).flatMap { store.byId[$0] }
        if !cityIds.contains(venue?["cityId"] as? String ?? "") { return false }
    }
    if let organizerId = filter["organizerId"]?.string, (event["organizerId"] as? String) != organizerId { return false }
    if let range = filter["startsIn"]?.dictionary {
        let startsAt = event["startsAt"] as? String ?? ""
        if let from = range["from"]?.string, startsAt < from { return false }
        if let to = range["to"]?.string, startsAt >= to { return false }
    }
    if let price = filter["priceRange"]?.dictionary {
        guard let lowest = (event["priceRange"] as? Record)?["min"] as? Record,
              (lowest["currency"] as? String) == price["currency"]?.string,
              let amount = lowest["amount"] as? Int else { return false }
        if let min = price["min"]?.int, amount < min { return false }
        if let max = price["max"]?.int, amount > max { return false }
    }
    return true
}

/// Builds the peer's schema from the fixture SDL and installs the contract.
func makePeerSchema(sdl: String, store: PeerStore) throws -> GraphQLSchema {
    let built = try buildSchema(source: sdl)
    let byId = store.byId

    let typename: GraphQLTypeResolve = { value, _ in
        (value as! Record)["__typename"] as! String
    }
    // Recreate the abstract types with a type resolver.
    let oldNode = built.getType(name: "Node") as! GraphQLInterfaceType
    let oldSearch = built.getType(name: "SearchResult") as! GraphQLUnionType
    let nodeFields = try oldNode.fields()
    let node = try GraphQLInterfaceType(
        name: "Node", description: oldNode.description, fields: { nodeFields }, interfaces: { [] },
        resolveType: typename, astNode: oldNode.astNode)
    let search = try GraphQLUnionType(
        name: "SearchResult", description: oldSearch.description, resolveType: typename,
        types: try oldSearch.types())
    let replacements: [String: GraphQLNamedType] = ["Node": node, "SearchResult": search]

    func substitute(_ type: GraphQLType) -> GraphQLType {
        if let nonNull = type as? GraphQLNonNull { return GraphQLNonNull(substitute(nonNull.ofType) as! GraphQLNullableType) }
        if let list = type as? GraphQLList { return GraphQLList(substitute(list.ofType)) }
        if let named = type as? GraphQLNamedType, let replacement = replacements[named.name] { return replacement }
        return type
    }
    func refersToReplaced(_ type: GraphQLType) -> Bool {
        guard let named = getNamedType(type: type) else { return false }
        return replacements[named.name] != nil
    }

    let objectTypes = built.typeMap.values.compactMap { $0 as? GraphQLObjectType }.filter { !$0.name.hasPrefix("__") }
    let entityNames = Set(objectTypes.filter { (try? $0.interfaces().contains { $0.name == "Node" }) ?? false }.map(\.name))
    let nodeLike = entityNames.union(["Node", "SearchResult"])

    // Entity resolvers (contract rules 1-3; rule 3 is the default resolver).
    func ref(_ key: String) -> GraphQLFieldResolve {
        return { source, _, _, _ in
            guard let id = (source as! Record)[key] as? String, let record = byId[id] else { return nil }
            return record
        }
    }
    func refList(_ key: String) -> GraphQLFieldResolve {
        return { source, args, _, _ in
            var ids = ((source as! Record)[key] as? [(any Sendable)?]) ?? []
            if let first = args.arg("first")?.int { ids = Array(ids.prefix(max(first, 0))) }
            return ids.map { id -> (any Sendable)? in
                guard let id = id as? String, let record = byId[id] else { return nil }
                return record
            } as [(any Sendable)?]
        }
    }
    func refConnection(_ key: String) -> GraphQLFieldResolve {
        return { source, args, _, _ in
            let ids = ((source as! Record)[key] as? [(any Sendable)?]) ?? []
            var records = ids.compactMap { ($0 as? String).flatMap { byId[$0] } }
            if args.arg("unreadOnly")?.bool == true {
                records = records.filter { ($0["read"] as? Bool) == false }
            }
            return peerConnection(records, first: args.arg("first")?.int, after: args.arg("after")?.string)
        }
    }
    func ofType(_ typeName: String) -> GraphQLFieldResolve {
        return { _, args, _, _ in
            guard let id = args.arg("id")?.string, let record = byId[id], (record["__typename"] as? String) == typeName else { return nil }
            return record
        }
    }
    let queryResolvers: [String: GraphQLFieldResolve] = [
        "node": { _, args, _, _ in
            guard let id = args.arg("id")?.string, let record = byId[id] else { return nil }
            return record
        },
        "nodes": { _, args, _, _ in
            (args.arg("ids")?.array ?? []).map { id -> (any Sendable)? in
                guard let id = id.string, let record = byId[id] else { return nil }
                return record
            } as [(any Sendable)?]
        },
        "viewer": { _, _, _, _ in store.viewer },
        "event": ofType("Event"),
        "venue": ofType("Venue"),
        "organizer": ofType("Organizer"),
        "cities": { _, _, _, _ in store.root["cities"] },
        "events": { _, args, _, _ in
            var records = store.events
            if let filter = args.arg("filter")?.dictionary {
                records = records.filter { peerEventMatches(store, $0, filter) }
            }
            if args.arg("orderBy")?.string == "START_TIME_DESC" { records.reverse() }
            return peerConnection(records, first: args.arg("first")?.int, after: args.arg("after")?.string)
        },
        "search": { _, args, _, _ in
            let needle = (args.arg("query")?.string ?? "").lowercased()
            let types = args.arg("types")?.array?.compactMap(\.string)
            var out: [(any Sendable)?] = []
            for (kind, records, key) in [("EVENT", store.events, "title"), ("VENUE", store.venues, "name"), ("ORGANIZER", store.organizers, "name")] {
                if let types, !types.contains(kind) { continue }
                for record in records where (record[key] as? String ?? "").lowercased().contains(needle) {
                    out.append(record)
                }
            }
            let first = args.arg("first")?.int ?? 10
            return Array(out.prefix(max(first, 0)))
        },
    ]

    for type in objectTypes {
        var fields = try type.fields()
        for (name, field) in fields {
            var field = field
            if refersToReplaced(field.type) {
                field = GraphQLField(
                    type: substitute(field.type) as! GraphQLOutputType, description: field.description,
                    deprecationReason: field.deprecationReason, args: field.args, astNode: field.astNode)
                fields[name] = field
            }
            if type.name == "Query", let resolve = queryResolvers[name] {
                field.resolve = resolve
            } else if entityNames.contains(type.name), let named = getNamedType(type: field.type)?.name {
                if named.hasSuffix("Connection") {
                    field.resolve = refConnection(String(name.dropLast()) + "Ids")
                } else if nodeLike.contains(named) {
                    let nullable = (field.type as? GraphQLNonNull)?.ofType ?? field.type
                    field.resolve = nullable is GraphQLList ? refList(String(name.dropLast()) + "Ids") : ref(name + "Id")
                }
            }
        }
        let materialized = fields
        type.fields = { materialized }
        let interfaces = try type.interfaces()
        if interfaces.contains(where: { $0.name == "Node" }) {
            let rewired = interfaces.map { $0.name == "Node" ? node : $0 }
            type.interfaces = { rewired }
        }
    }

    let types: [GraphQLNamedType] = built.typeMap.values
        .filter { !$0.name.hasPrefix("__") }
        .map { replacements[$0.name] ?? $0 }
    return try GraphQLSchema(
        query: built.queryType, mutation: built.mutationType, subscription: built.subscriptionType,
        types: types, directives: built.directives)
}

// MARK: Conversions

func peerMap(_ json: BenchJSON) -> Map {
    switch json {
    case .null: return .null
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .double(d)
    case .string(let s): return .string(s)
    case .array(let items): return .array(items.map(peerMap))
    case .object(let members):
        var dictionary = OrderedDictionary<String, Map>()
        for (key, value) in members { dictionary[key] = peerMap(value) }
        return .dictionary(dictionary)
    }
}

func benchJSON(_ map: Map) -> BenchJSON {
    switch map {
    case .undefined, .null: return .null
    case .bool(let b): return .bool(b)
    case .number(let n):
        switch n.storageType {
        case .bool: return .bool(n.boolValue)
        case .int: return .int(n.intValue)
        case .double, .unknown: return .double(n.doubleValue)
        }
    case .string(let s): return .string(s)
    case .array(let items): return .array(items.map(benchJSON))
    case .dictionary(let d): return .object(d.map { ($0.key, benchJSON($0.value)) })
    }
}

func benchJSON(_ result: GraphQLResult) -> BenchJSON {
    var members: [(String, BenchJSON)] = []
    if !result.errors.isEmpty {
        members.append(("errors", .array(result.errors.map { .object([("message", .string($0.message))]) })))
    }
    if let data = result.data { members.append(("data", benchJSON(data))) }
    return .object(members)
}

// MARK: Engine

public final class GraphQLSwiftEngine: BenchEngine {
    public let id = "graphqlswift"
    public let displayName = "GraphQLSwift 4.3.0"
    let store: PeerStore
    let schema: GraphQLSchema
    let encoder = GraphQLJSONEncoder()

    public init(fixture: Fixture) throws {
        store = PeerStore(fixture.dataJSON)
        schema = try makePeerSchema(sdl: fixture.schemaSDL, store: store)
        let schemaErrors = validateSchema(schema: schema)
        guard schemaErrors.isEmpty else {
            throw BenchJSONError(description: "GraphQLSwift schema invalid: \(schemaErrors.map(\.message))")
        }
    }

    func variables(_ query: QueryCase) -> [String: Map] {
        guard case .object(let members)? = query.variables else { return [:] }
        var out: [String: Map] = [:]
        for (key, value) in members { out[key] = peerMap(value) }
        return out
    }

    func prepared(_ query: QueryCase) throws -> Document {
        let document = try GraphQL.parse(source: Source(body: query.text))
        let errors = GraphQL.validate(schema: schema, ast: document)
        guard errors.isEmpty else {
            throw BenchJSONError(description: "GraphQLSwift: \(query.name) does not validate: \(errors.map(\.message))")
        }
        return document
    }

    func execute(_ document: Document, _ variables: [String: Map]) async throws -> GraphQLResult {
        try await GraphQL.execute(schema: schema, documentAST: document, rootValue: store.root, context: (),
                                  variableValues: variables)
    }

    func full(_ query: QueryCase, _ variables: [String: Map]) async throws -> GraphQLResult {
        try await graphql(schema: schema, request: query.text, rootValue: store.root, context: (), variableValues: variables)
    }

    public func responses(for query: QueryCase) async throws -> [(way: String, response: BenchJSON)] {
        let document = try prepared(query)
        let variables = variables(query)
        return [
            (PhaseName.execute, benchJSON(try await execute(document, variables))),
            (PhaseName.full, benchJSON(try await full(query, variables))),
        ]
    }

    public func responseBytes(for query: QueryCase) async throws -> [UInt8]? {
        let result = try await execute(try prepared(query), variables(query))
        return Array(try encoder.encode(result))
    }

    public func phases(for query: QueryCase) async throws -> [Phase] {
        let schema = self.schema
        let document = try prepared(query)
        let variables = variables(query)
        let result = try await execute(document, variables)
        let encoder = self.encoder
        let text = query.text
        return [
            Phase(PhaseName.parse) { blackHole(try GraphQL.parse(source: Source(body: text))) },
            Phase(PhaseName.validate) { blackHole(GraphQL.validate(schema: schema, ast: document)) },
            Phase(PhaseName.execute) { blackHole(try await self.execute(document, variables)) },
            Phase(PhaseName.serialize) { blackHole(try encoder.encode(result)) },
            Phase(PhaseName.full) { blackHole(try await self.full(query, variables)) },
        ]
    }

    public func memoryProbe(for query: QueryCase, phase: String) async throws -> () async throws -> Void {
        let variables = variables(query)
        switch phase {
        case PhaseName.execute:
            let document = try prepared(query)
            return { blackHole(try await self.execute(document, variables)) }
        case PhaseName.full:
            return { blackHole(try await self.full(query, variables)) }
        default:
            throw BenchJSONError(description: "no memory probe for phase \(phase)")
        }
    }
}
