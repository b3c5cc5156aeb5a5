// OverlappingFieldsCanBeMerged: graphql-js's algorithm. Fields are compared
// "within" one collection only once, for the selection set the traversal is at;
// everything else is compared "between" collections and fragments, each pair once:
//
// A) the fields of a selection set are compared within it;
// B) its fields are compared with each fragment it spreads;
// C) the fragments it spreads are compared with each other;
// D-E) comparing fields with a fragment compares them with the fragment's fields,
//   then with the fragments that fragment spreads;
// F-G) comparing two fragments compares their fields, then each with the fragments
//   the other spreads;
// H-J) two fields with selection sets compare those the same way.

/// The state of the rule for one validation: caches of collected fields, of pairs
/// already compared, and the work budget.
final class ConflictFinder {
    let context: ValidationContext
    @exclusivity(unchecked) var collections: [CollectionKey: CollectedFields] = [:]
    /// Fields compared with a fragment, by collection and fragment, and whether the
    /// comparison assumed mutually exclusive parents.
    @exclusivity(unchecked) private var comparedFieldsAndFragments: [ObjectIdentifier: [String?: Bool]] = [:]
    /// Fragments compared with each other (either order), with the same flag.
    @exclusivity(unchecked) private var comparedFragmentPairs: [String?: [String?: Bool]] = [:]
    /// Comparisons allowed per validation (graphql-core `MAX_COMPLEXITY_BUDGET`).
    @exclusivity(unchecked) private var remainingBudget = 500_000

    init(context: ValidationContext) { self.context = context }

    /// Spends comparison work; aborts validation when the budget is gone.
    func spend(_ cost: Int) {
        remainingBudget -= cost
        if remainingBudget < 0 { context.abort() }
    }

    func findConflictsWithinSelectionSet(_ parentType: (any GraphQLNamedType)?, _ selectionSet: SelectionSet) -> [Conflict] {
        var conflicts: [Conflict] = []
        let collected = collectFields(parentType, selectionSet)
        // (A)
        collectConflictsWithin(&conflicts, collected)
        let spreads = collected.spreads
        if !spreads.isEmpty && (!collected.isEmpty || spreads.count > 1) {
            let fragments = resolvedSpreads(collected)
            for (index, fragment) in fragments.enumerated() {
                // (B)
                collectConflictsBetweenFieldsAndFragment(&conflicts, false, collected, fragment)
                // (C)
                for other in fragments[(index + 1)...] {
                    collectConflictsBetweenFragments(&conflicts, false, fragment, other)
                }
            }
        }
        return conflicts
    }

    private func collectConflictsBetweenFieldsAndFragment(_ conflicts: inout [Conflict], _ areMutuallyExclusive: Bool,
                                                          _ collected: CollectedFields, _ spread: ResolvedSpread) {
        spend(1)
        if collected.isEmpty || context.isAborted { return }
        let id = ObjectIdentifier(collected)
        if let compared = comparedFieldsAndFragments[id]?[spread.key], areMutuallyExclusive || !compared { return }
        comparedFieldsAndFragments[id, default: [:]][spread.key] = areMutuallyExclusive
        guard let fragment = spread.definition else { return }
        let collected2 = collectFragmentFields(fragment)
        let referenced = resolvedSpreads(collected2)
        // Do not compare a selection set with itself.
        if collected === collected2 { return }
        // (D)
        collectConflictsBetween(&conflicts, areMutuallyExclusive, collected, collected2)
        // (E)
        for referencedSpread in referenced {
            collectConflictsBetweenFieldsAndFragment(&conflicts, areMutuallyExclusive, collected, referencedSpread)
        }
    }

    private func collectConflictsBetweenFragments(_ conflicts: inout [Conflict], _ areMutuallyExclusive: Bool,
                                                  _ spread1: ResolvedSpread, _ spread2: ResolvedSpread) {
        spend(2)
        // No need to compare a fragment with itself.
        if spread1.key == spread2.key || context.isAborted { return }
        if hasComparedFragments(spread1.key, spread2.key, areMutuallyExclusive) { return }
        comparedFragmentPairs[spread1.key, default: [:]][spread2.key] = areMutuallyExclusive
        guard let fragment1 = spread1.definition, let fragment2 = spread2.definition else { return }
        let collected1 = collectFragmentFields(fragment1)
        let referenced1 = resolvedSpreads(collected1)
        let collected2 = collectFragmentFields(fragment2)
        let referenced2 = resolvedSpreads(collected2)
        // (F)
        collectConflictsBetween(&conflicts, areMutuallyExclusive, collected1, collected2)
        // (G)
        for referenced in referenced2 {
            collectConflictsBetweenFragments(&conflicts, areMutuallyExclusive, spread1, referenced)
        }
        for referenced in referenced1 {
            collectConflictsBetweenFragments(&conflicts, areMutuallyExclusive, referenced, spread2)
        }
    }

    private func hasComparedFragments(_ key1: String?, _ key2: String?, _ areMutuallyExclusive: Bool) -> Bool {
        func has(_ a: String?, _ b: String?) -> Bool {
            guard let compared = comparedFragmentPairs[a]?[b] else { return false }
            return areMutuallyExclusive || !compared
        }
        return has(key1, key2) || has(key2, key1)
    }

    private func findConflictsBetweenSubSelectionSets(_ areMutuallyExclusive: Bool,
                                                      _ parentType1: (any GraphQLNamedType)?, _ selectionSet1: SelectionSet,
                                                      _ parentType2: (any GraphQLNamedType)?, _ selectionSet2: SelectionSet) -> [Conflict] {
        var conflicts: [Conflict] = []
        let collected1 = collectFields(parentType1, selectionSet1)
        let spreads1 = resolvedSpreads(collected1)
        let collected2 = collectFields(parentType2, selectionSet2)
        let spreads2 = resolvedSpreads(collected2)
        // (H)
        collectConflictsBetween(&conflicts, areMutuallyExclusive, collected1, collected2)
        // (I)
        for spread in spreads2 { collectConflictsBetweenFieldsAndFragment(&conflicts, areMutuallyExclusive, collected1, spread) }
        for spread in spreads1 { collectConflictsBetweenFieldsAndFragment(&conflicts, areMutuallyExclusive, collected2, spread) }
        // (J)
        for spread1 in spreads1 {
            for spread2 in spreads2 { collectConflictsBetweenFragments(&conflicts, areMutuallyExclusive, spread1, spread2) }
        }
        return conflicts
    }

    /// Compares every pair of fields with the same response name in one collection.
    private func collectConflictsWithin(_ conflicts: inout [Conflict], _ collected: CollectedFields) {
        for (name, fields) in zip(collected.responseNames, collected.fieldGroups) {
            guard fields.count > 1 else { continue }
            for i in 0..<fields.count {
                for j in (i + 1)..<fields.count {
                    // Fields of one collection are never mutually exclusive.
                    if let conflict = findConflict(false, name, fields[i], fields[j]) { conflicts.append(conflict) }
                }
            }
        }
    }

    private func collectConflictsBetween(_ conflicts: inout [Conflict], _ parentFieldsAreMutuallyExclusive: Bool,
                                         _ collected1: CollectedFields, _ collected2: CollectedFields) {
        if collected1.isEmpty || collected2.isEmpty || context.isAborted { return }
        for overlap in overlappingFields(collected1, collected2) {
            for field1 in overlap.fields1 {
                for field2 in overlap.fields2 {
                    if let conflict = findConflict(parentFieldsAreMutuallyExclusive, overlap.responseName, field1, field2) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// Whether two fields with one response name conflict, their sub-fields included.
    private func findConflict(_ parentFieldsAreMutuallyExclusive: Bool, _ responseName: String,
                              _ field1: FieldDetails, _ field2: FieldDetails) -> Conflict? {
        // Fields of two different object types can never apply to one value, so
        // they may differ in name and arguments.
        let areMutuallyExclusive = parentFieldsAreMutuallyExclusive
            || (field1.parentType !== field2.parentType && field1.parentType is GraphQLObjectType && field2.parentType is GraphQLObjectType)
        let type1 = field1.definition?.type, type2 = field2.definition?.type
        spend(2)
        if context.isAborted { return nil }
        let node1 = field1.node, node2 = field2.node
        if field1.isSimpleLeaf && field2.isSimpleLeaf && node1.name.value == node2.name.value && sameType(type1, type2) { return nil }
        if !areMutuallyExclusive {
            let name1 = node1.name.value, name2 = node2.name.value
            if name1 != name2 {
                return Conflict(responseName: responseName,
                                reason: "\"\(abbreviated(name1))\" and \"\(abbreviated(name2))\" are different fields",
                                fields1: [node1.loc], fields2: [node2.loc])
            }
            if !sameArguments(node1.arguments, node2.arguments) {
                return Conflict(responseName: responseName, reason: "they have differing arguments", fields1: [node1.loc], fields2: [node2.loc])
            }
        }
        if field1.streamDirective != nil || field2.streamDirective != nil {
            var reason = "they have overlapping stream directives"
            if let stream1 = field1.streamDirective, let stream2 = field2.streamDirective, sameArguments(stream1.arguments, stream2.arguments) {
                reason += ". See https://github.com/graphql/defer-stream-wg/discussions/100"
            }
            return Conflict(responseName: responseName, reason: reason, fields1: [node1.loc], fields2: [node2.loc])
        }
        if let type1, let type2, doTypesConflict(type1, type2) {
            return Conflict(responseName: responseName, reason: "they return conflicting types \"\(type1)\" and \"\(type2)\"",
                            fields1: [node1.loc], fields2: [node2.loc])
        }
        if let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet {
            let conflicts = findConflictsBetweenSubSelectionSets(areMutuallyExclusive, type1?.named, selectionSet1, type2?.named, selectionSet2)
            return subfieldConflicts(conflicts, responseName, node1, node2)
        }
        return nil
    }

    /// One conflict for two fields from the conflicts of their sub-fields.
    private func subfieldConflicts(_ conflicts: [Conflict], _ responseName: String, _ node1: Field, _ node2: Field) -> Conflict? {
        guard !conflicts.isEmpty else { return nil }
        var message = ""
        for conflict in conflicts {
            if !message.isEmpty { message += " and " }
            message += "subfields \"\(abbreviated(conflict.responseName))\" conflict because \(conflict.reason)"
            if message.unicodeScalars.count > maxConflictDetailLength { break }
        }
        return Conflict(responseName: responseName, reason: abbreviated(message),
                        fields1: conflictNodes(node1, conflicts.map(\.fields1)), fields2: conflictNodes(node2, conflicts.map(\.fields2)))
    }

    /// The enclosing field, then the fields of the sub-conflicts, at most 20 (the
    /// deeper ones kept).
    private func conflictNodes(_ node: Field, _ conflictFields: [[Location]]) -> [Location] {
        let maxNodes = 20
        var nodes = [node.loc]
        for fields in conflictFields {
            nodes += fields.suffix(maxNodes - nodes.count)
            if nodes.count == maxNodes { break }
        }
        return nodes
    }
}
