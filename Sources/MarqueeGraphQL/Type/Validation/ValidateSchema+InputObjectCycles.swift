// Spec 3.10 "InputObjectHasUnbreakableCycle": an input object must admit a finite
// value. A non-null field of input object type needs that type to admit one; a
// @oneOf input object needs just one of its fields to. graphql-js finds every
// input object without a finite value in one pass, propagating along reverse
// edges from the ones known to have one, then reports each cycle once.

private final class FiniteValueState {
    let input: GraphQLInputObjectType
    var targets: [(field: GraphQLInputField, target: GraphQLInputObjectType)] = []
    var dependents: [FiniteValueState] = []
    var unresolvedTargetCount = 0
    var hasFiniteValue = false
    init(_ input: GraphQLInputObjectType) { self.input = input }
}

extension SchemaValidationContext {
    func detectInputObjectsWithoutFiniteValues(_ inputObjects: [GraphQLInputObjectType]) {
        var states: [ObjectIdentifier: FiniteValueState] = [:]
        let ordered = inputObjects.map { input in
            let state = FiniteValueState(input)
            states[ObjectIdentifier(input)] = state
            return state
        }
        var withFiniteValues: [FiniteValueState] = []
        func markFinite(_ state: FiniteValueState) {
            guard !state.hasFiniteValue else { return }
            state.hasFiniteValue = true
            withFiniteValues.append(state)
        }
        for state in ordered {
            for field in state.input.fields {
                guard let target = finiteValueTarget(state.input, field.type) else { continue }
                state.targets.append((field, target))
                states[ObjectIdentifier(target)]?.dependents.append(state)
            }
            if state.input.isOneOf {
                if state.input.fields.isEmpty || state.targets.count < state.input.fields.count { markFinite(state) }
            } else {
                state.unresolvedTargetCount = state.targets.count
                if state.targets.isEmpty { markFinite(state) }
            }
        }
        while let next = withFiniteValues.popLast() {
            for dependent in next.dependents where !dependent.hasFiniteValue {
                if dependent.input.isOneOf {
                    markFinite(dependent)
                    continue
                }
                dependent.unresolvedTargetCount -= 1
                if dependent.unresolvedTargetCount == 0 { markFinite(dependent) }
            }
        }
        var reporter = CycleReporter(context: self, states: states)
        for state in ordered where !state.hasFiniteValue { reporter.reportCycles(state) }
    }

    /// The input object a field needs a finite value of, if any.
    private func finiteValueTarget(_ input: GraphQLInputObjectType, _ fieldType: GraphQLType) -> GraphQLInputObjectType? {
        if input.isOneOf {
            if case .inputObject(let target) = fieldType { return target }
            return nil
        }
        if case .nonNull(.inputObject(let target)) = fieldType { return target }
        return nil
    }
}

/// Reports each cycle of input objects without finite values once, with the
/// fields it goes through.
private struct CycleReporter {
    let context: SchemaValidationContext
    let states: [ObjectIdentifier: FiniteValueState]
    var visited: Set<ObjectIdentifier> = []
    var fieldPath: [(name: String, loc: Location?)] = []
    var fieldPathIndexByType: [ObjectIdentifier: Int] = [:]

    init(context: SchemaValidationContext, states: [ObjectIdentifier: FiniteValueState]) {
        self.context = context
        self.states = states
    }

    mutating func reportCycles(_ state: FiniteValueState) {
        let id = ObjectIdentifier(state.input)
        guard !visited.contains(id) else { return }
        visited.insert(id)
        fieldPathIndexByType[id] = fieldPath.count
        for (field, target) in state.targets {
            guard let targetState = states[ObjectIdentifier(target)], !targetState.hasFiniteValue else { continue }
            let cycleIndex = fieldPathIndexByType[ObjectIdentifier(target)]
            let fieldNode = context.nodes.inputField(state.input.name, field.name)
            fieldPath.append(("\(state.input.name).\(field.name)", fieldNode?.loc ?? field.loc))
            if let cycleIndex {
                let cycle = fieldPath[cycleIndex...]
                context.report("Input Object \(target.name) cannot be provided a finite value because it references itself through fields: "
                               + cycle.map(\.name).joined(separator: ", ") + ".", cycle.map(\.loc))
            } else {
                reportCycles(targetState)
            }
            fieldPath.removeLast()
        }
        fieldPathIndexByType[id] = nil
    }
}
