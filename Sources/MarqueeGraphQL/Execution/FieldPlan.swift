import Synchronization

/// Everything about one response key of one selection set that does not change
/// while a request executes: the merged field nodes, the field definition, the
/// coerced arguments (computed once) and, for composite fields, the collected
/// sub-fields per runtime type (computed once per type, not once per object).
final class FieldPlan: @unchecked Sendable {
    let responseKey: String
    let pathKey: PathKey
    let fieldNodes: [Field]
    let field: GraphQLField
    let parentType: GraphQLObjectType
    let returnType: GraphQLType
    let isTypeName: Bool
    let returnNullable: Bool
    let hasArguments: Bool
    /// A scalar or enum field with the default resolver and no arguments.
    let isPlainLeaf: Bool
    /// For `T` and `T!` where T is a built-in scalar or an enum: how a resolved
    /// value completes without walking the type (``Execution/completeLeaf``).
    let leaf: Leaf
    /// For `T` and `T!` where T is an object type (not retained: the schema
    /// outlives every execution, and a retain of a type shared by all requests
    /// is an atomic operation contended between cores).
    let returnObject: Unmanaged<GraphQLObjectType>?

    enum Leaf {
        case none, string, int, float, boolean
        case enumType(Unmanaged<GraphQLEnumType>)
    }

    @exclusivity(unchecked) private var arguments: Arguments?
    @exclusivity(unchecked) private var argumentsError: GraphQLError?

    // Sub-field cache: one entry for monomorphic fields, a dictionary beyond.
    @exclusivity(unchecked) private var subType: GraphQLObjectType?
    @exclusivity(unchecked) private var subPlans: [FieldPlan] = []
    @exclusivity(unchecked) private var subCache: [ObjectIdentifier: [FieldPlan]] = [:]

    /// Where this field's member was found in the last JSON object read: records
    /// of one type share their key order, so the next lookup usually hits at once.
    /// (Atomic: a shared plan is read by concurrent executions.)
    private let memberIndexHint = Atomic<Int>(0)

    /// Shared by executions (``PlanCache``): read-only from now on.
    @exclusivity(unchecked) private(set) var frozen = false

    /// The source object's member named like the field (the default resolver).
    @inline(__always)
    func member(of object: JSONObject) -> JSON? {
        let name = field.name
        return object.entries.withUnsafeBufferPointer { entries -> JSON? in
            let hint = memberIndexHint.load(ordering: .relaxed)
            if hint < entries.count, entries[hint].key == name { return entries[hint].value }
            for index in entries.indices where entries[index].key == name {
                memberIndexHint.store(index, ordering: .relaxed)
                return entries[index].value
            }
            return nil
        }
    }

    init(responseKey: String, fieldNodes: [Field], field: GraphQLField, parentType: GraphQLObjectType) {
        self.responseKey = responseKey
        self.pathKey = .key(responseKey)
        self.fieldNodes = fieldNodes
        self.field = field
        self.parentType = parentType
        self.returnType = field.type
        self.isTypeName = field === Introspection.typeNameField
        self.returnNullable = !field.type.isNonNull
        self.hasArguments = !field.arguments.isEmpty || fieldNodes.contains { !$0.arguments.isEmpty }
        self.isPlainLeaf = !isTypeName && field.resolve == nil && !hasArguments && field.type.nullable.isLeaf
        switch field.type.nullable {
        case .scalar(let scalar):
            switch scalar.builtIn {
            case .string?, .id?: leaf = .string
            case .int?: leaf = .int
            case .float?: leaf = .float
            case .boolean?: leaf = .boolean
            case nil: leaf = .none
            }
            returnObject = nil
        case .enumType(let enumType):
            leaf = .enumType(Unmanaged.passUnretained(enumType))
            returnObject = nil
        case .object(let objectType):
            leaf = .none
            returnObject = Unmanaged.passUnretained(objectType)
        default:
            leaf = .none
            returnObject = nil
        }
    }

    var locations: [SourceLocation] { fieldNodes.map(\.loc.sourceLocation) }

    /// The coerced arguments; variables are fixed for the whole request, so once
    /// (a frozen plan keeps only those without variables, coerced when it was built).
    func argumentValues(_ shared: ExecutionShared) throws(GraphQLError) -> Arguments {
        if let arguments { return arguments }
        if let argumentsError { throw argumentsError }
        if field.arguments.isEmpty {
            if !frozen { arguments = .empty }
            return .empty
        }
        let node = fieldNodes[0]
        if frozen {
            return Arguments(try InputCoercion.coerceArgumentValues(definitions: field.arguments, nodes: node.arguments, variables: shared.variableValues, at: node.loc))
        }
        do {
            let values = try InputCoercion.coerceArgumentValues(definitions: field.arguments, nodes: node.arguments, variables: shared.variableValues, at: node.loc)
            let result = Arguments(values)
            arguments = result
            return result
        } catch {
            argumentsError = error
            throw error
        }
    }

    /// Before freezing: coerces the arguments now if no variable is involved.
    func prepareConstantArguments(_ shared: ExecutionShared) {
        guard !fieldNodes[0].arguments.contains(where: { PlanCache.usesVariable($0.value) }) else { return }
        _ = try? argumentValues(shared)
    }

    func freeze() { frozen = true }

    /// CollectSubfields() for a runtime object type, cached.
    func subfields(for objectType: GraphQLObjectType, _ shared: ExecutionShared) throws(GraphQLError) -> [FieldPlan] {
        if subType === objectType { return subPlans }
        if frozen {
            if let cached = subCache[ObjectIdentifier(objectType)] { return cached }
            return try shared.collectSubfields(objectType, fieldNodes)
        }
        if subType == nil {
            subPlans = try shared.collectSubfields(objectType, fieldNodes)
            subType = objectType
            return subPlans
        }
        let id = ObjectIdentifier(objectType)
        if let cached = subCache[id] { return cached }
        let plans = try shared.collectSubfields(objectType, fieldNodes)
        subCache[id] = plans
        return plans
    }
}

/// What all fields of one request share.
final class ExecutionShared: @unchecked Sendable {
    let schema: GraphQLSchema
    let fragments: [String: FragmentDefinition]
    let rootValue: (any Sendable)?
    let context: (any Sendable)?
    let operation: OperationDefinition
    let variableValues: JSONObject
    let unexpectedErrors: UnexpectedErrorPolicy
    /// The document's shared plans, if it has a cache.
    let planCache: PlanCache?

    init(schema: GraphQLSchema, fragments: [String: FragmentDefinition], rootValue: (any Sendable)?, context: (any Sendable)?,
         operation: OperationDefinition, variableValues: JSONObject, unexpectedErrors: UnexpectedErrorPolicy,
         planCache: PlanCache? = nil) {
        self.unexpectedErrors = unexpectedErrors
        self.planCache = planCache
        self.schema = schema
        self.fragments = fragments
        self.rootValue = rootValue
        self.context = context
        self.operation = operation
        self.variableValues = variableValues
    }

    /// CollectFields() (spec 6.3.2) turned into plans, in response order.
    func collectFields(_ objectType: GraphQLObjectType, _ selectionSets: [SelectionSet]) throws(GraphQLError) -> [FieldPlan] {
        var order: [String] = []
        var groups: [String: [Field]] = [:]
        var visitedFragments: Set<String> = []
        for selectionSet in selectionSets {
            try collect(objectType, selectionSet, &order, &groups, &visitedFragments)
        }
        var plans: [FieldPlan] = []
        plans.reserveCapacity(order.count)
        for key in order {
            let nodes = groups[key]!
            guard let field = schema.fieldDefinition(objectType, nodes[0].name.value) else { continue }
            plans.append(FieldPlan(responseKey: key, fieldNodes: nodes, field: field, parentType: objectType))
        }
        return plans
    }

    func collectSubfields(_ objectType: GraphQLObjectType, _ fieldNodes: [Field]) throws(GraphQLError) -> [FieldPlan] {
        try collectFields(objectType, fieldNodes.compactMap(\.selectionSet))
    }

    private func collect(_ objectType: GraphQLObjectType, _ selectionSet: SelectionSet, _ order: inout [String],
                         _ groups: inout [String: [Field]], _ visitedFragments: inout Set<String>) throws(GraphQLError) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                guard try shouldInclude(field.directives) else { continue }
                let key = field.responseKey
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = [field]
                } else {
                    groups[key]!.append(field)
                }
            case .inlineFragment(let fragment):
                guard try shouldInclude(fragment.directives), doesFragmentApply(fragment.typeCondition, objectType) else { continue }
                try collect(objectType, fragment.selectionSet, &order, &groups, &visitedFragments)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visitedFragments.contains(name), try shouldInclude(spread.directives) else { continue }
                visitedFragments.insert(name)
                guard let fragment = fragments[name], doesFragmentApply(fragment.typeCondition, objectType) else { continue }
                try collect(objectType, fragment.selectionSet, &order, &groups, &visitedFragments)
            }
        }
    }

    private func doesFragmentApply(_ typeCondition: Name?, _ objectType: GraphQLObjectType) -> Bool {
        guard let typeCondition else { return true }
        guard let conditionType = schema.type(named: typeCondition.value) else { return false }
        if conditionType === objectType { return true }
        if conditionType is GraphQLInterfaceType || conditionType is GraphQLUnionType {
            return schema.isSubType(conditionType, objectType)
        }
        return false
    }

    /// `@skip(if:)` and `@include(if:)`, their arguments coerced like any others.
    func shouldInclude(_ directives: [Directive]) throws(GraphQLError) -> Bool {
        if directives.isEmpty { return true }
        for node in directives {
            let name = node.name.value
            guard name == "skip" || name == "include" else { continue }
            let value: Bool
            if node.arguments.count == 1, case .boolean(let b, _) = node.arguments[0].value, node.arguments[0].name.value == "if" {
                value = b  // the common literal case, without coercion machinery
            } else {
                let definition = schema.directive(named: name) ?? (name == "skip" ? GraphQLDirective.skip : GraphQLDirective.include)
                let arguments = try InputCoercion.coerceArgumentValues(definitions: definition.arguments, nodes: node.arguments, variables: variableValues, at: node.loc)
                value = arguments["if"]?.boolValue ?? false
            }
            if name == "skip" && value { return false }
            if name == "include" && !value { return false }
        }
        return true
    }
}
