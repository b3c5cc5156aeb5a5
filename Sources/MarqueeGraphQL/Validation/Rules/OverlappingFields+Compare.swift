// OverlappingFieldsCanBeMerged: comparing the arguments and types of two fields.

extension ConflictFinder {
    /// Whether two argument lists are the same: the same names with the same values,
    /// in any order.
    func sameArguments(_ arguments1: [Argument], _ arguments2: [Argument]) -> Bool {
        if arguments1.isEmpty { return arguments2.isEmpty }
        if arguments1.count != arguments2.count { return false }
        for argument1 in arguments1 {
            spend(1)
            guard let argument2 = arguments2.last(where: { $0.name.value == argument1.name.value }),
                  sameValue(argument1.value, argument2.value) else { return false }
        }
        return true
    }

    /// Whether two types cannot both describe one value: lists and non-null must
    /// match, and leaf types must be the same (composite types are compared through
    /// their fields).
    func doTypesConflict(_ type1: GraphQLType, _ type2: GraphQLType) -> Bool {
        switch (type1, type2) {
        case (.list(let item1), .list(let item2)), (.nonNull(let item1), .nonNull(let item2)):
            spend(1)
            return doTypesConflict(item1, item2)
        case (.list, _), (_, .list), (.nonNull, _), (_, .nonNull):
            return true
        default:
            let named1 = type1.named, named2 = type2.named
            if named1 === named2 { return false }
            spend(1)
            return isLeafType(named1) || isLeafType(named2)
        }
    }

    func sameType(_ type1: GraphQLType?, _ type2: GraphQLType?) -> Bool {
        switch (type1, type2) {
        case (nil, nil): return true
        case (let type1?, let type2?): return type1.isEqual(to: type2)
        default: return false
        }
    }
}

/// Whether two literals are the same value as written (graphql-js compares their
/// printed forms): same kinds and contents, input object fields in any order.
func sameValue(_ value1: Value, _ value2: Value) -> Bool {
    switch (value1, value2) {
    case (.variable(let a), .variable(let b)): return a.value == b.value
    case (.int(let a, _), .int(let b, _)), (.float(let a, _), .float(let b, _)), (.enumValue(let a, _), .enumValue(let b, _)):
        return a == b
    case (.string(let a, let blockA, _), .string(let b, let blockB, _)): return a == b && blockA == blockB
    case (.boolean(let a, _), .boolean(let b, _)): return a == b
    case (.null, .null): return true
    case (.list(let a, _), .list(let b, _)):
        return a.count == b.count && zip(a, b).allSatisfy { sameValue($0, $1) }
    case (.object(let a, _), .object(let b, _)):
        guard a.count == b.count else { return false }
        return zip(sortedByName(a), sortedByName(b)).allSatisfy { $0.name.value == $1.name.value && sameValue($0.value, $1.value) }
    default: return false
    }
}

/// Object fields sorted by name, keeping the order of equal names.
private func sortedByName(_ fields: [ObjectField]) -> [ObjectField] {
    fields.enumerated().sorted { a, b in
        a.element.name.value != b.element.name.value ? a.element.name.value < b.element.name.value : a.offset < b.offset
    }.map(\.element)
}
