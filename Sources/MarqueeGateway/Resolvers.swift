import MarqueeGraphQL
import MarqueeProto

/// Attaches resolvers to the schema built from `schema.graphql`.
struct Resolvers {
    let schema: GraphQLSchema

    /// Sets the resolver of `type.field`; the source is expected to be a `Source`.
    func on<Source: Sendable>(
        _ type: String, _ field: String, _: Source.Type,
        _ body: @escaping @Sendable (Source, Arguments, RequestState) throws -> Resolved
    ) {
        guard let object = schema.type(named: type) as? GraphQLObjectType, let definition = object.field(named: field) else {
            preconditionFailure("schema.graphql has no field \(type).\(field)")
        }
        definition.resolve = { source, args, context, _ in
            let state = state(context)
            if let source, let resolved = try withExact(source, as: Source.self, { try body($0, args, state) }) {
                return resolved
            }
            if let cast = source as? Source {
                return try body(cast, args, state)  // e.g. the root fields' `Never?` of a nil root value
            }
            return .null
        }
    }

    /// A field whose value is computed from the source alone.
    func value<Source: Sendable>(_ type: String, _ field: String, _: Source.Type, _ body: @escaping @Sendable (Source) -> (any Sendable)?) {
        on(type, field, Source.self) { source, _, _ in .value(body(source)) }
    }

    /// A field resolved by awaiting `body` (a loader or a service call).
    func async<Source: Sendable>(
        _ type: String, _ field: String, _: Source.Type,
        _ body: @escaping @Sendable (Source, Arguments, RequestState) async throws -> (any Sendable)?
    ) {
        on(type, field, Source.self) { source, args, state in .async { try await body(source, args, state) } }
    }

    /// Every resolver of the public API.
    static func install(on schema: GraphQLSchema) {
        let resolvers = Resolvers(schema: schema)
        DateTime.install(in: schema)
        resolvers.installTypes()
        resolvers.installQueries()
        resolvers.installMutations()
        resolvers.installAbstractTypes()
    }
}

/// An organiser as attendees see it: a user's id and public name.
struct OrganizerValue: Sendable {
    let id: String
    let name: String

    init(_ user: Marquee_V1_User?, id: String) {
        self.id = id
        name = user?.displayName ?? "Unknown organiser"
    }
}

/// One line of an order, with the order's event (to find its ticket type).
struct OrderItemValue: Sendable {
    let item: Marquee_V1_OrderItem
    let eventID: String
}

/// Sales of one ticket type, with the event it belongs to.
struct TicketTypeStatsValue: Sendable {
    let stats: Marquee_V1_TicketTypeStats
    let eventID: String
}

/// A Relay connection as the default resolver reads it.
func connection<Node: Sendable>(_ nodes: [Node], _ page: Marquee_V1_PageInfo, hadCursor: Bool) -> [String: any Sendable] {
    var edges: [any Sendable] = []
    edges.reserveCapacity(nodes.count)
    for (index, node) in nodes.enumerated() {
        let cursor = index < page.cursors.count ? page.cursors[index] : (index == nodes.count - 1 ? page.endCursor : "")
        edges.append(["cursor": cursor, "node": node] as [String: any Sendable])
    }
    var pageInfo: [String: any Sendable] = ["hasNextPage": page.hasNextPage_p, "hasPreviousPage": hadCursor]
    if let first = page.cursors.first { pageInfo["startCursor"] = first }
    if !page.endCursor.isEmpty { pageInfo["endCursor"] = page.endCursor }
    return ["edges": edges, "pageInfo": pageInfo, "totalCount": Int(page.totalCount)]
}

/// The page request of a connection field's `first`/`after` arguments.
func pageRequest(_ args: Arguments) throws -> Marquee_V1_PageRequest {
    let first = args.int("first") ?? 20
    guard first >= 0, first <= 100 else { throw codedError("`first` must be between 0 and 100.", "BAD_USER_INPUT") }
    return .with {
        $0.first = Int32(max(first, 1))
        $0.after = args.string("after") ?? ""
    }
}

/// `value as? T` for a value whose dynamic type is exactly `T` (the common case
/// here: resolvers know their sources' types), without the runtime's general
/// cast machinery; anything else takes the ordinary cast.
@inline(__always)
func exactCast<T>(_ value: any Sendable, to _: T.Type) -> T? {
    func open<V: Sendable>(_ value: V) -> T? {
        if V.self == T.self { return unsafeBitCast(value, to: T.self) }
        return value as? T
    }
    return open(value)
}

/// Calls `body` with the value inside `value` when its dynamic type is exactly
/// `T`, read in place (nil otherwise). A protobuf message is a large struct of
/// strings: copying it out of the existential, as a cast does, retains every
/// string it holds — and a cached entity's strings are shared by every request
/// on every core, so those are contended atomic operations.
@inline(__always)
func withExact<T, R>(_ value: any Sendable, as _: T.Type, _ body: (T) throws -> R) throws -> R? {
    func open<V: Sendable>(_ value: V) throws -> R? {
        guard V.self == T.self else { return nil }
        return try withUnsafePointer(to: value) { pointer in
            try pointer.withMemoryRebound(to: T.self, capacity: 1) { try body($0.pointee) }
        }
    }
    return try open(value)
}
