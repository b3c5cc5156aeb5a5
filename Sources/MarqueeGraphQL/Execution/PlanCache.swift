import Synchronization

/// The field plans of one document's operations, built once and shared by every
/// execution of that (cached) document.
///
/// CollectFields() depends only on the document and the schema unless a `@skip`
/// or `@include` condition is a variable — such documents are not cached — and a
/// shared plan keeps nothing of one execution: arguments without variables are
/// coerced once, when the plans are built; arguments with variables, at every
/// execution. The plans are built eagerly for every runtime type a field can
/// have and then frozen (read-only), so concurrent executions share them safely.
public final class PlanCache: Sendable {
    private struct Key: Hashable {
        let operation: String?
        let rootType: ObjectIdentifier
    }

    private enum Entry {
        case plans([FieldPlan])
        case uncacheable
    }

    /// Per schema (held, so that its identity cannot be reused): the entries.
    private let state = Mutex<(schema: GraphQLSchema?, entries: [Key: Entry])>((nil, [:]))
    /// The operation each name selects and the document's fragments (GetOperation()), once.
    private let selections = Mutex<[String?: Selection]>([:])

    /// The result of looking up an operation by name in this document.
    enum Selection {
        case operation(OperationDefinition, fragments: [String: FragmentDefinition])
        case failure([GraphQLError])
    }

    /// GetOperation() for `operationName`, computed by `compute` the first time.
    func selection(_ operationName: String?, _ compute: () -> Selection) -> Selection {
        if let found = selections.withLock({ $0[operationName] }) { return found }
        let selection = compute()
        selections.withLock { $0[operationName] = selection }
        return selection
    }

    /// Estimated costs that depend on no variable (``QueryCost``), per schema.
    private let costs = Mutex<(schema: GraphQLSchema?, values: [String: Int?])>((nil, [:]))

    /// Documents whose plans would be larger are executed the ordinary way.
    static let maxPlans = 2000

    public init() {}

    /// The frozen root plans of the request's operation, or nil when they cannot be shared.
    func rootPlans(_ shared: ExecutionShared, _ rootType: GraphQLObjectType) -> [FieldPlan]? {
        let key = Key(operation: shared.operation.name?.value, rootType: ObjectIdentifier(rootType))
        let found: Entry?? = state.withLock { state in
            guard state.schema === shared.schema else { return .none }
            return .some(state.entries[key])
        }
        switch found {
        case .some(.some(.plans(let plans))): return plans
        case .some(.some(.uncacheable)): return nil
        default: break
        }
        let built = Self.build(shared, rootType)
        state.withLock { state in
            if state.schema !== shared.schema {
                state.schema = shared.schema
                state.entries = [:]
            }
            state.entries[key] = built.map(Entry.plans) ?? .uncacheable
        }
        return built
    }

    /// A variable-independent value for `key`, computed once per schema.
    func cost(_ key: String, schema: GraphQLSchema, _ compute: () -> (value: Int?, cacheable: Bool)) -> Int? {
        if let found = costs.withLock({ $0.schema === schema ? $0.values[key] : nil }) { return found }
        let (value, cacheable) = compute()
        guard cacheable else { return value }
        costs.withLock { costs in
            if costs.schema !== schema {
                costs.schema = schema
                costs.values = [:]
            }
            costs.values[key] = value
        }
        return value
    }

    private static func build(_ shared: ExecutionShared, _ rootType: GraphQLObjectType) -> [FieldPlan]? {
        guard !variableConditions(shared) else { return nil }
        guard let roots = try? shared.collectFields(rootType, [shared.operation.selectionSet]) else { return nil }
        var all: [FieldPlan] = []
        var pending = roots
        while let plan = pending.popLast() {
            all.append(plan)
            guard all.count <= maxPlans else { return nil }
            plan.prepareConstantArguments(shared)
            let runtimeTypes: [GraphQLObjectType]
            switch plan.returnType.named {
            case let object as GraphQLObjectType: runtimeTypes = [object]
            case let abstract as GraphQLInterfaceType: runtimeTypes = shared.schema.possibleTypes(of: abstract)
            case let abstract as GraphQLUnionType: runtimeTypes = shared.schema.possibleTypes(of: abstract)
            default: runtimeTypes = []
            }
            for type in runtimeTypes {
                guard let sub = try? plan.subfields(for: type, shared) else { return nil }
                pending.append(contentsOf: sub)
            }
        }
        for plan in all { plan.freeze() }
        return roots
    }

    /// Whether a `@skip` / `@include` of the operation or its fragments depends on a variable.
    private static func variableConditions(_ shared: ExecutionShared) -> Bool {
        if variableConditions(shared.operation.selectionSet) { return true }
        return shared.fragments.values.contains { variableConditions($0.directives) || variableConditions($0.selectionSet) }
    }

    private static func variableConditions(_ selectionSet: SelectionSet) -> Bool {
        selectionSet.selections.contains { selection in
            switch selection {
            case .field(let field):
                return variableConditions(field.directives) || field.selectionSet.map(variableConditions) == true
            case .inlineFragment(let fragment):
                return variableConditions(fragment.directives) || variableConditions(fragment.selectionSet)
            case .fragmentSpread(let spread):
                return variableConditions(spread.directives)
            }
        }
    }

    private static func variableConditions(_ directives: [Directive]) -> Bool {
        directives.contains { directive in
            (directive.name.value == "skip" || directive.name.value == "include") && directive.arguments.contains { usesVariable($0.value) }
        }
    }

    static func usesVariable(_ value: Value) -> Bool {
        switch value {
        case .variable: return true
        case .list(let values, _): return values.contains(where: usesVariable)
        case .object(let fields, _): return fields.contains { usesVariable($0.value) }
        default: return false
        }
    }
}
