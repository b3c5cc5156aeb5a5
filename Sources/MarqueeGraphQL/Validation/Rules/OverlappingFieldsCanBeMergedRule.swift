/// Field Selection Merging (spec 5.3.2): fields with the same response name, in a
/// selection set and in the fragments it spreads, can be merged: same field, same
/// arguments (unless their parents are different object types), compatible types,
/// and mergeable sub-selections. graphql-js's algorithm, with its pair caches so
/// each pair of fields and fragments is compared once.
public final class OverlappingFieldsCanBeMergedRule: ValidationRule {
    public static var visits: ValidationVisits { .enterSelectionSet }
    private let context: ValidationContext
    private let finder: ConflictFinder

    public init(context: ValidationContext) {
        self.context = context
        self.finder = ConflictFinder(context: context)
    }

    public func enterSelectionSet(_ node: SelectionSet, parent: SelectionSetParent) {
        // An inline fragment's fields are part of the enclosing selection set.
        if parent == .inlineFragment { return }
        let selections = node.selections
        if selections.count <= 1 {
            guard case .inlineFragment? = selections.first else { return }
        }
        // Distinct fields and no fragments: nothing to compare.
        if hasOnlyDistinctFields(selections) { return }
        let conflicts = finder.findConflictsWithinSelectionSet(context.typeInfo.parentType, node)
        for conflict in conflicts {
            context.report(GraphQLError(
                "Fields \"\(abbreviated(conflict.responseName))\" conflict because \(conflict.reason). "
                    + "Use different aliases on the fields to fetch both if this was intentional.",
                nodes: conflict.fields1 + conflict.fields2))
        }
    }
}

/// Whether the selections are fields with distinct response names (checked only
/// for short lists).
private func hasOnlyDistinctFields(_ selections: [Selection]) -> Bool {
    guard selections.count <= 32 else { return false }
    var keys: [String] = []
    keys.reserveCapacity(selections.count)
    for selection in selections {
        guard case .field(let field) = selection else { return false }
        let key = field.alias?.value ?? field.name.value
        if keys.contains(key) { return false }
        keys.append(key)
    }
    return true
}

/// Two sets of fields with one response name that cannot be merged, and why.
struct Conflict {
    let responseName: String
    let reason: String
    let fields1: [Location]
    let fields2: [Location]
}

/// Conflict details are cut at this many characters.
let maxConflictDetailLength = 1000

/// `text` cut to ``maxConflictDetailLength`` characters (Unicode scalars), with "...".
func abbreviated(_ text: String) -> String {
    guard text.unicodeScalars.count > maxConflictDetailLength else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.prefix(maxConflictDetailLength))
    return String(scalars) + "..."
}
