/// Fragment Spreads Must Not Form Cycles (spec 5.5.2.2). Reports every cycle once,
/// from the first fragment of the document that is on it.
public final class NoFragmentCyclesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterFragmentDefinition }
    private let context: ValidationContext
    /// Fragments already explored (keeps the search linear).
    private var visited: Set<String> = []
    /// The spreads from the fragment where the search started to the current one.
    private var spreadPath: [FragmentSpread] = []
    private var spreadPathIndexByName: [String: Int] = [:]

    public init(context: ValidationContext) { self.context = context }

    public func enterFragmentDefinition(_ node: FragmentDefinition) { detectCycles(from: node) }

    private func detectCycles(from fragment: FragmentDefinition) {
        let name = fragment.name.value
        guard visited.insert(name).inserted else { return }
        let spreads = context.fragmentSpreads(in: fragment.selectionSet)
        if spreads.isEmpty { return }
        spreadPathIndexByName[name] = spreadPath.count
        for spread in spreads {
            let spreadName = spread.name.value
            spreadPath.append(spread)
            if let cycleIndex = spreadPathIndexByName[spreadName] {
                let cycle = spreadPath[cycleIndex...]
                let via = cycle.dropLast().map { "\"\($0.name.value)\"" }.joined(separator: ", ")
                context.report(GraphQLError("Cannot spread fragment \"\(spreadName)\" within itself" + (via.isEmpty ? "." : " via \(via)."),
                                            nodes: cycle.map(\.loc)))
            } else if let target = context.fragment(named: spreadName) {
                detectCycles(from: target)
            }
            spreadPath.removeLast()
        }
        spreadPathIndexByName[name] = nil
    }
}
