// Execution (spec 6): ExecuteSelectionSet, ExecuteField, CompleteValue.
//
// The executor completes everything that is already available synchronously, in
// one depth-first pass with no task per field. A resolver that returns `.async`
// leaves a placeholder and a pending entry (its path and the nearest ancestor that
// may become null); after the pass, all pending work runs concurrently, and each
// result is completed the same way and written into the response at its path.
// Keys a DataLoader collected during a pass therefore form one batch.

/// One step of the response path while executing: a field (by its plan, which
/// the plan tree keeps alive for the whole execution, so no reference counting on
/// the hot path) or a list index.
enum PathElement {
    case field(Unmanaged<FieldPlan>)
    case index(Int)

    var key: PathKey {
        switch self {
        case .field(let plan): return plan.takeUnretainedValue().pathKey
        case .index(let i): return .index(i)
        }
    }
}

struct PendingField {
    let path: [PathElement]
    /// Length of the path prefix that becomes null if this field's value is an
    /// error that propagates (spec 6.4.4); 0 is `data` itself.
    let boundary: Int
    let plan: FieldPlan
    let work: @Sendable () async throws -> (any Sendable)?
}

/// The value inside `value`, whose dynamic type the caller checked is `T`
/// (no general cast).
@inline(__always)
func unbox<T>(_ value: any Sendable, _: T.Type) -> T {
    func open<V: Sendable>(_ value: V) -> T { unsafeBitCast(value, to: T.self) }
    return open(value)
}

/// A Swift array as a list value, read item by item.
protocol ListValue {
    var listCount: Int { get }
    var elementIsOptional: Bool { get }
    func listItem(_ index: Int) -> (any Sendable)?
}

extension Array: ListValue {
    var listCount: Int { count }
    var elementIsOptional: Bool { Element.self is any OptionalValue.Type }
    /// An array that reached the executor was `Sendable`, so its elements are:
    /// `any Sendable` has `Any`'s layout (a marker protocol has no witness table).
    func listItem(_ index: Int) -> (any Sendable)? { unsafeBitCast(self[index] as Any, to: (any Sendable).self) }
}

/// Optional, for telling arrays of optionals (whose nil items complete as null).
protocol OptionalValue {}
extension Optional: OptionalValue {}

/// The outcome of a field that must be null although its type forbids it: the
/// error is recorded, and the nearest nullable ancestor becomes null.
struct PropagateNull: Error {}

final class Execution {
    let shared: ExecutionShared
    @exclusivity(unchecked) var errors: [GraphQLError] = []
    @exclusivity(unchecked) var path: [PathElement] = []
    @exclusivity(unchecked) var boundary = 0
    @exclusivity(unchecked) var pending: [PendingField] = []
    @exclusivity(unchecked) var data: JSON = .null
    /// The operation's root plans. They own the whole plan tree (each plan caches
    /// its sub-plans), which `PathElement`s reference without retaining: holding
    /// them here keeps the tree alive until pending work has drained. (A local
    /// variable is not enough: an optimised build may release it at its last use,
    /// before the `await`.)
    private var rootPlanTree: [FieldPlan] = []

    /// The response path of what is executing now.
    var responsePath: [PathKey] { path.map(\.key) }

    init(shared: ExecutionShared) {
        self.shared = shared
        path.reserveCapacity(32)
    }

    // MARK: Operations

    /// CollectFields() of the operation; its errors null the whole data.
    func rootPlans(_ rootType: GraphQLObjectType) -> [FieldPlan]? {
        if let shared = shared.planCache?.rootPlans(shared, rootType) {
            rootPlanTree = shared
            return shared
        }
        do {
            rootPlanTree = try shared.collectFields(rootType, [shared.operation.selectionSet])
            return rootPlanTree
        } catch {
            errors.append(error)
            return nil
        }
    }

    func executeQuery(_ rootType: GraphQLObjectType) async -> JSON {
        guard let plans = rootPlans(rootType) else { return .null }
        data = executeFields(plans, rootType, shared.rootValue).map { JSON.object($0) } ?? .null
        await drain()
        return data
    }

    /// Mutations: root fields one after another, each with all its pending work.
    func executeMutation(_ rootType: GraphQLObjectType) async -> JSON {
        guard let plans = rootPlans(rootType) else { return .null }
        data = .object(JSONObject(minimumCapacity: plans.count))
        for plan in plans {
            guard let value = executeField(plan, shared.rootValue) else {
                data = .null
                break
            }
            guard case .object(var object) = data else { break }
            data = .null
            object.append(plan.responseKey, value)
            data = .object(object)
            await drain()
            if data.isNull { break }
        }
        return data
    }

    // MARK: Fields

    /// ExecuteSelectionSet() over collected plans; nil when a non-null field failed.
    func executeFields(_ plans: [FieldPlan], _ objectType: GraphQLObjectType, _ source: (any Sendable)?) -> JSONObject? {
        var object = JSONObject(minimumCapacity: plans.count)
        for plan in plans {
            if plan.isTypeName {
                object.append(plan.responseKey, .string(objectType.name))
                continue
            }
            guard let value = executeField(plan, source) else { return nil }
            object.append(plan.responseKey, value)
        }
        return object
    }

    /// ExecuteSelectionSet() for a JSON object source: fields with no resolver read
    /// the member directly and complete as JSON, with no boxing or casting.
    func executeFields(_ plans: [FieldPlan], _ objectType: GraphQLObjectType, json source: JSONObject, boxed: JSON) -> JSONObject? {
        var object = JSONObject(minimumCapacity: plans.count)
        for plan in plans {
            if plan.isTypeName {
                object.append(plan.responseKey, .string(objectType.name))
                continue
            }
            let value: JSON?
            if plan.isPlainLeaf {
                value = executePlainLeaf(plan, source)
            } else if plan.field.resolve == nil {
                value = executeDefaultField(plan, source)
            } else {
                value = executeField(plan, boxed)
            }
            guard let value else { return nil }
            object.append(plan.responseKey, value)
        }
        return object
    }

    /// ExecuteField() for a scalar or enum field with the default resolver and no
    /// arguments: nothing below it can be pending, so the path is only built if
    /// completion fails.
    @inline(__always)
    func executePlainLeaf(_ plan: FieldPlan, _ source: JSONObject) -> JSON? {
        let value = plan.member(of: source) ?? .null
        do {
            return try completeJSONOrNull(plan.returnType, plan, value)
        } catch {
            path.append(.field(Unmanaged.passUnretained(plan)))
            defer { path.removeLast() }
            return handleFieldError(error, plan.returnType, plan)
        }
    }

    /// ExecuteField() with the default resolver over a JSON object.
    @inline(__always)
    func executeDefaultField(_ plan: FieldPlan, _ source: JSONObject) -> JSON? {
        path.append(.field(Unmanaged.passUnretained(plan)))
        let savedBoundary = boundary
        if plan.returnNullable { boundary = path.count }
        defer {
            path.removeLast()
            boundary = savedBoundary
        }
        do {
            if plan.hasArguments { _ = try plan.argumentValues(shared) }
            let value = plan.member(of: source) ?? .null
            guard let completed = try completeJSONOrNull(plan.returnType, plan, value) else {
                return plan.returnNullable ? .null : nil
            }
            return completed
        } catch {
            return handleFieldError(error, plan.returnType, plan)
        }
    }

    /// CompleteValue() of a JSON value that may be null.
    @inline(__always)
    func completeJSONOrNull(_ type: GraphQLType, _ plan: FieldPlan, _ json: JSON) throws -> JSON? {
        if case .null = json {
            if type.isNonNull {
                throw GraphQLError("Cannot return null for non-nullable field \(plan.parentType.name).\(plan.field.name).")
            }
            return .null
        }
        return try completeJSON(type, plan, json)
    }

    /// ExecuteField(): resolve, then complete; nil propagates a null upwards.
    func executeField(_ plan: FieldPlan, _ source: (any Sendable)?) -> JSON? {
        path.append(.field(Unmanaged.passUnretained(plan)))
        let savedBoundary = boundary
        if !plan.returnType.isNonNull { boundary = path.count }
        defer {
            path.removeLast()
            boundary = savedBoundary
        }
        let resolved: Resolved
        do {
            // Arguments are coerced even for the default resolver: invalid ones are errors.
            let args = try plan.argumentValues(shared)
            if let resolve = plan.field.resolve {
                resolved = try resolve(source, args, shared.context, ResolveInfo(plan: plan, shared: shared))
            } else {
                resolved = .value(Self.defaultResolve(source, plan.field.name))
            }
        } catch {
            return handleFieldError(error, plan.returnType, plan)
        }
        switch resolved {
        case .value(let value):
            if let value {
                if let json = completeLeaf(plan.leaf, value) { return json }
                // (JSON values take the general path: a JSON null is null, not an object.)
                if let objectType = plan.returnObject, Swift.type(of: value) != JSON.self {
                    return objectType._withUnsafeGuaranteedRef { objectType in
                        finishField(plan) { try completeObject(objectType, plan, value) }
                    }
                }
            } else if plan.returnNullable {
                return .null
            }
            return completeField(plan, value)
        case .async(let work):
            pending.append(PendingField(path: path, boundary: boundary, plan: plan, work: work))
            return .null
        }
    }

    /// CompleteValue() of a built-in scalar or enum value of the expected Swift
    /// type, with no walk of the type and no dynamic cast; nil when the value
    /// needs the general path (another type, an out-of-range Int, an unknown
    /// enum value: its errors are raised there).
    @inline(__always)
    func completeLeaf(_ leaf: FieldPlan.Leaf, _ value: any Sendable) -> JSON? {
        let dynamicType = Swift.type(of: value)
        switch leaf {
        case .string:
            if dynamicType == String.self { return .string(unbox(value, String.self)) }
        case .int:
            if dynamicType == Int.self {
                let int = unbox(value, Int.self)
                if int >= Int(Int32.min) && int <= Int(Int32.max) { return .int(int) }
            }
        case .boolean:
            if dynamicType == Bool.self { return .bool(unbox(value, Bool.self)) }
        case .float:
            if dynamicType == Double.self {
                let double = unbox(value, Double.self)
                if double.isFinite { return .double(double) }
            }
        case .enumType(let enumType):
            if dynamicType == String.self {
                let name = unbox(value, String.self)
                if enumType._withUnsafeGuaranteedRef({ $0.hasValue(name) }) { return .string(name) }
            }
        case .none:
            break
        }
        return nil
    }

    func completeField(_ plan: FieldPlan, _ value: (any Sendable)?) -> JSON? {
        finishField(plan) { try completeValue(plan.returnType, plan, value) }
    }

    /// A field's completed value, with its errors recorded and nulls propagated.
    @inline(__always)
    func finishField(_ plan: FieldPlan, _ complete: () throws -> JSON?) -> JSON? {
        do {
            guard let completed = try complete() else {
                // A non-null descendant failed: null here if this field may be null.
                return plan.returnType.isNonNull ? nil : .null
            }
            return completed
        } catch {
            return handleFieldError(error, plan.returnType, plan)
        }
    }

    /// The default resolver: the source's member named like the field.
    @inline(__always) static func defaultResolve(_ source: (any Sendable)?, _ name: String) -> (any Sendable)? {
        guard let source else { return nil }
        if type(of: source) == JSON.self {
            if case .object(let object) = source as! JSON { return object[name] }
            return nil
        }
        if let dictionary = source as? [String: any Sendable] { return dictionary[name] }
        if let dictionary = source as? [String: (any Sendable)?] { return dictionary[name] ?? nil }
        return nil
    }

    /// Records a field error; returns null for a nullable type, nil to propagate.
    func handleFieldError(_ error: any Error, _ type: GraphQLType, _ plan: FieldPlan) -> JSON? {
        if !(error is PropagateNull) {
            errors.append(Self.locatedError(error, plan.locations, responsePath, shared.unexpectedErrors))
        }
        return type.isNonNull ? nil : .null
    }

    static func locatedError(_ error: any Error, _ locations: [SourceLocation], _ path: [PathKey], _ policy: UnexpectedErrorPolicy) -> GraphQLError {
        switch error {
        case var graphQLError as GraphQLError:
            if graphQLError.locations.isEmpty { graphQLError.locations = locations }
            if graphQLError.path == nil { graphQLError.path = path }
            return graphQLError
        case let coercion as CoercionError:
            return GraphQLError(coercion.message, locations: locations, path: path)
        case let convertible as GraphQLErrorConvertible:
            return GraphQLError(convertible.graphQLMessage, locations: locations, path: path, extensions: convertible.graphQLExtensions)
        default:
            return policy.present(error, locations: locations, path: path)
        }
    }

    // MARK: Values

    /// CompleteValue(); throws a field error, returns nil when a null propagates.
    func completeValue(_ type: GraphQLType, _ plan: FieldPlan, _ value: (any Sendable)?) throws -> JSON? {
        if case .nonNull(let inner) = type {
            guard let completed = try completeValue(inner, plan, value) else { return nil }
            if completed.isNull {
                throw GraphQLError("Cannot return null for non-nullable field \(plan.parentType.name).\(plan.field.name).")
            }
            return completed
        }
        guard let value else { return .null }
        // Exact type checks first: a failing `as?` walks the runtime's whole cast machinery.
        if Swift.type(of: value) == JSON.self {
            let json = value as! JSON
            if case .null = json { return .null }
            return try completeJSON(type, plan, json)
        }
        switch type {
        case .scalar(let scalar):
            return try scalar.serializeValue(value)
        case .enumType(let enumType):
            return try enumType.serializeValue(value)
        case .object(let objectType):
            return try completeObject(objectType, plan, value)
        case .interface, .union:
            return try completeObject(resolveAbstractType(type.named, plan, value), plan, value)
        case .list(let itemType):
            let dynamicType = Swift.type(of: value)
            if dynamicType == [(any Sendable)?].self {
                let items = unbox(value, [(any Sendable)?].self)
                return try completeList(itemType, plan, items.count) { try self.completeValue(itemType, plan, items[$0]) }
            }
            if dynamicType == [any Sendable].self {
                let items = unbox(value, [any Sendable].self)
                return try completeList(itemType, plan, items.count) { try self.completeValue(itemType, plan, items[$0]) }
            }
            // Any other array item by item: converting it to `[(any Sendable)?]`
            // first would box every item into a new array.
            if let items = value as? any ListValue, !items.elementIsOptional {
                return try completeList(itemType, plan, items.listCount) { try self.completeValue(itemType, plan, items.listItem($0)) }
            }
            guard let items = value as? [(any Sendable)?] else {
                throw GraphQLError("Expected Iterable, but did not find one for field \"\(plan.parentType.name).\(plan.field.name)\".")
            }
            return try completeList(itemType, plan, items.count) { try self.completeValue(itemType, plan, items[$0]) }
        case .nonNull, .inputObject:
            throw GraphQLError("Cannot complete a value of type \(type).")
        }
    }

    /// CompleteValue() for JSON values: the fast path for data held as JSON.
    func completeJSON(_ type: GraphQLType, _ plan: FieldPlan, _ json: JSON) throws -> JSON? {
        switch type {
        case .scalar(let scalar):
            if let builtIn = scalar.builtIn {
                switch (builtIn, json) {
                case (.string, .string), (.id, .string), (.boolean, .bool), (.float, .double): return json
                case (.int, .int(let i)) where i >= Int(Int32.min) && i <= Int(Int32.max): return json
                default: return try GraphQLScalarType.serializeBuiltIn(builtIn, json)
                }
            }
            if let serialize = scalar.serialize { return try serialize(json) }
            return json
        case .enumType(let enumType):
            return try enumType.serializeJSON(json)
        case .object(let objectType):
            return try completeObject(objectType, plan, json: json)
        case .interface, .union:
            return try completeObject(resolveAbstractType(type.named, plan, json), plan, json: json)
        case .list(let itemType):
            guard case .array(let items) = json else {
                throw GraphQLError("Expected Iterable, but did not find one for field \"\(plan.parentType.name).\(plan.field.name)\".")
            }
            return try completeList(itemType, plan, items.count) { try self.completeJSONOrNull(itemType, plan, items[$0]) }
        case .nonNull(let inner):
            guard let completed = try completeJSON(inner, plan, json) else { return nil }
            if completed.isNull {
                throw GraphQLError("Cannot return null for non-nullable field \(plan.parentType.name).\(plan.field.name).")
            }
            return completed
        case .inputObject:
            throw GraphQLError("Cannot complete a value of type \(type).")
        }
    }

    /// CompleteValue() for a list: each item at its index, errors caught per item.
    @inline(__always)
    func completeList(_ itemType: GraphQLType, _ plan: FieldPlan, _ count: Int, _ completeItem: (Int) throws -> JSON?) throws -> JSON? {
        var result: [JSON] = []
        result.reserveCapacity(count)
        let itemNullable = !itemType.isNonNull
        let savedBoundary = boundary
        defer { boundary = savedBoundary }
        for index in 0..<count {
            path.append(.index(index))
            boundary = itemNullable ? path.count : savedBoundary
            let completed: JSON?
            do {
                completed = try completeItem(index)
            } catch {
                completed = handleFieldError(error, itemType, plan)
            }
            path.removeLast()
            guard let completed else {
                if itemNullable {
                    result.append(.null)
                    continue
                }
                return nil
            }
            result.append(completed)
        }
        return .array(result)
    }

    func completeObject(_ objectType: GraphQLObjectType, _ plan: FieldPlan, json: JSON) throws -> JSON? {
        let plans = try plan.subfields(for: objectType, shared)
        guard case .object(let object) = json else { return executeFields(plans, objectType, json).map { .object($0) } }
        return executeFields(plans, objectType, json: object, boxed: json).map { .object($0) }
    }

    func completeObject(_ objectType: GraphQLObjectType, _ plan: FieldPlan, _ value: any Sendable) throws -> JSON? {
        if type(of: value) == JSON.self { return try completeObject(objectType, plan, json: value as! JSON) }
        let plans = try plan.subfields(for: objectType, shared)
        return executeFields(plans, objectType, value).map { .object($0) }
    }

    /// ResolveAbstractType(): the type resolver, `__typename`, or `isTypeOf`.
    func resolveAbstractType(_ abstractType: any GraphQLNamedType, _ plan: FieldPlan, _ value: any Sendable) throws -> GraphQLObjectType {
        let resolver = (abstractType as? GraphQLInterfaceType)?.resolveType ?? (abstractType as? GraphQLUnionType)?.resolveType
        var typeName: String?
        if let resolver {
            typeName = try resolver(value, shared.context, ResolveInfo(plan: plan, shared: shared))
        } else if let json = value as? JSON, case .object(let object) = json, case .string(let name)? = object["__typename"] {
            typeName = name
        } else if let dictionary = value as? [String: any Sendable], let name = dictionary["__typename"] as? String {
            typeName = name
        } else {
            for candidate in shared.schema.possibleTypes(of: abstractType) {
                if let isTypeOf = candidate.isTypeOf, isTypeOf(value) { return candidate }
            }
        }
        guard let typeName else {
            throw GraphQLError("Abstract type \"\(abstractType.name)\" must resolve to an Object type at runtime for field \"\(plan.parentType.name).\(plan.field.name)\". Either the \"\(abstractType.name)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.")
        }
        guard let runtimeType = shared.schema.type(named: typeName) else {
            throw GraphQLError("Abstract type \"\(abstractType.name)\" was resolved to a type \"\(typeName)\" that does not exist inside the schema.")
        }
        guard let objectType = runtimeType as? GraphQLObjectType else {
            throw GraphQLError("Abstract type \"\(abstractType.name)\" was resolved to a non-object type \"\(typeName)\".")
        }
        guard shared.schema.isSubType(abstractType, objectType) else {
            throw GraphQLError("Runtime Object type \"\(objectType.name)\" is not a possible type for \"\(abstractType.name)\".")
        }
        return objectType
    }
}
