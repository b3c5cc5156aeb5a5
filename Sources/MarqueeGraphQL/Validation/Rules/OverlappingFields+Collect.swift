// OverlappingFieldsCanBeMerged: the fields and fragment spreads of a selection set,
// collected once per parent type and selection set and shared by every comparison.

/// A field of a collected selection set, with its parent type and definition.
final class FieldDetails {
    let parentType: (any GraphQLNamedType)?
    let node: Field
    let definition: GraphQLField?
    /// No arguments, no selection set, no `@stream`: compares by name and type alone.
    let isSimpleLeaf: Bool
    let streamDirective: Directive?

    init(parentType: (any GraphQLNamedType)?, node: Field, definition: GraphQLField?) {
        self.parentType = parentType
        self.node = node
        self.definition = definition
        self.streamDirective = node.directives.first { $0.name.value == "stream" }
        self.isSimpleLeaf = node.arguments.isEmpty && node.selectionSet == nil && streamDirective == nil
    }
}

/// A fragment spread resolved to its definition (nil if the document has none).
struct ResolvedSpread {
    let definition: FragmentDefinition?
    /// The fragment's identity in the pair caches: its name, or nil if unknown.
    var key: String? { definition?.name.value }
}

/// The fields of a selection set by response name (inline fragments included), and
/// the fragment spreads found in it.
final class CollectedFields {
    /// Response names in the order first selected, and the fields of each.
    @exclusivity(unchecked) private(set) var responseNames: [String] = []
    @exclusivity(unchecked) private(set) var fieldGroups: [[FieldDetails]] = []
    /// The position of each response name, once there are too many to search.
    @exclusivity(unchecked) private var indexByName: [String: Int]?
    @exclusivity(unchecked) var spreads: [FragmentSpread] = []
    /// The spreads resolved to distinct fragments, once computed.
    @exclusivity(unchecked) var resolvedSpreads: [ResolvedSpread]?
    /// The fields sharing a response name with another collection, by that collection.
    @exclusivity(unchecked) var overlaps: [ObjectIdentifier: [(responseName: String, fields1: [FieldDetails], fields2: [FieldDetails])]] = [:]

    var isEmpty: Bool { responseNames.isEmpty }

    func fields(named name: String) -> [FieldDetails]? {
        position(of: name).map { fieldGroups[$0] }
    }

    func append(_ field: FieldDetails) {
        let name = field.node.responseKey
        if let position = position(of: name) {
            fieldGroups[position].append(field)
            return
        }
        responseNames.append(name)
        fieldGroups.append([field])
        if indexByName != nil {
            indexByName![name] = responseNames.count - 1
        } else if responseNames.count > 16 {
            indexByName = Dictionary(uniqueKeysWithValues: responseNames.enumerated().map { ($1, $0) })
        }
    }

    private func position(of name: String) -> Int? {
        if let indexByName { return indexByName[name] }
        return responseNames.firstIndex(of: name)
    }
}

/// A collection's cache key: the parent type and the selection set, by identity.
struct CollectionKey: Hashable {
    let parentType: ObjectIdentifier?
    let selectionSet: Int
}

extension ConflictFinder {
    func collectFields(_ parentType: (any GraphQLNamedType)?, _ selectionSet: SelectionSet) -> CollectedFields {
        guard let identity = selectionSet.identity else { return CollectedFields() }
        let key = CollectionKey(parentType: parentType.map { ObjectIdentifier($0) }, selectionSet: identity)
        if let cached = collections[key] { return cached }
        let collected = CollectedFields()
        collect(parentType, selectionSet, into: collected)
        collections[key] = collected
        return collected
    }

    func collectFragmentFields(_ fragment: FragmentDefinition) -> CollectedFields {
        collectFields(context.schema.type(named: fragment.typeCondition.value), fragment.selectionSet)
    }

    private func collect(_ parentType: (any GraphQLNamedType)?, _ selectionSet: SelectionSet, into collected: CollectedFields) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                let definition: GraphQLField?
                if let object = parentType as? GraphQLObjectType {
                    definition = object.field(named: field.name.value)
                } else if let interface = parentType as? GraphQLInterfaceType {
                    definition = interface.field(named: field.name.value)
                } else {
                    definition = nil
                }
                collected.append(FieldDetails(parentType: parentType, node: field, definition: definition))
            case .fragmentSpread(let spread):
                collected.spreads.append(spread)
            case .inlineFragment(let fragment):
                let type: (any GraphQLNamedType)?
                if let typeCondition = fragment.typeCondition {
                    type = context.schema.type(named: typeCondition.value)
                } else {
                    type = parentType
                }
                collect(type, fragment.selectionSet, into: collected)
            }
        }
    }

    /// The distinct fragments a collection spreads, in the order first spread.
    func resolvedSpreads(_ collected: CollectedFields) -> [ResolvedSpread] {
        if let cached = collected.resolvedSpreads { return cached }
        var result: [ResolvedSpread] = []
        var seen: Set<String?> = []
        for spread in collected.spreads {
            spend(1)
            let resolved = ResolvedSpread(definition: context.fragment(named: spread.name.value))
            if seen.insert(resolved.key).inserted { result.append(resolved) }
        }
        collected.resolvedSpreads = result
        return result
    }

    /// The response names two collections share, with their fields on each side.
    func overlappingFields(_ collected1: CollectedFields, _ collected2: CollectedFields)
        -> [(responseName: String, fields1: [FieldDetails], fields2: [FieldDetails])] {
        let key = ObjectIdentifier(collected2)
        if let cached = collected1.overlaps[key] { return cached }
        var overlaps: [(responseName: String, fields1: [FieldDetails], fields2: [FieldDetails])] = []
        for name in collected1.responseNames {
            spend(1)
            if let fields2 = collected2.fields(named: name), !fields2.isEmpty {
                overlaps.append((name, collected1.fields(named: name)!, fields2))
            }
        }
        collected1.overlaps[key] = overlaps
        return overlaps
    }
}
