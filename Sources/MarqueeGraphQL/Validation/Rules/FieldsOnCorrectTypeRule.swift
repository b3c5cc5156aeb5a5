/// Field Selections (spec 5.3.1): every selected field is defined on its parent type
/// (or is a meta-field such as `__typename`). Suggests an inline fragment on the
/// types that do have the field, or else similarly named fields.
public final class FieldsOnCorrectTypeRule: ValidationRule {
    public static var visits: ValidationVisits { .enterField }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterField(_ node: Field) {
        guard let parentType = context.typeInfo.parentType, context.typeInfo.fieldDefinition == nil else { return }
        let fieldName = node.name.value
        var suggestion = didYouMean("to use an inline fragment on", suggestedTypeNames(parentType, fieldName))
        if suggestion.isEmpty { suggestion = didYouMean(suggestedFieldNames(parentType, fieldName)) }
        context.report(GraphQLError("Cannot query field \"\(fieldName)\" on type \"\(parentType.name)\"." + suggestion, at: node.loc))
    }

    /// The object types and interfaces among the possible types of an abstract type
    /// that define the field: the most referenced first, super types before sub types.
    private func suggestedTypeNames(_ type: any GraphQLNamedType, _ fieldName: String) -> [String] {
        guard isAbstractType(type) else { return [] }
        let schema = context.schema
        var suggested: [any GraphQLNamedType] = []
        var usageCount: [String: Int] = [:]
        func add(_ type: any GraphQLNamedType) {
            if !suggested.contains(where: { $0 === type }) { suggested.append(type) }
        }
        for possibleType in schema.possibleTypes(of: type) where possibleType.field(named: fieldName) != nil {
            add(possibleType)
            usageCount[possibleType.name] = 1
            for interface in possibleType.interfaces where interface.field(named: fieldName) != nil {
                add(interface)
                usageCount[interface.name, default: 0] += 1
            }
        }
        let sorted = pythonSorted(suggested) { a, b in
            let usageDifference = usageCount[b.name, default: 0] - usageCount[a.name, default: 0]
            if usageDifference != 0 { return usageDifference < 0 }
            if a is GraphQLInterfaceType && schema.isSubType(a, b) { return true }
            if b is GraphQLInterfaceType && schema.isSubType(b, a) { return false }
            return naturalCompare(a.name, b.name) < 0
        }
        return sorted.map(\.name)
    }

    private func suggestedFieldNames(_ type: any GraphQLNamedType, _ fieldName: String) -> [String] {
        if let object = type as? GraphQLObjectType { return suggestionList(fieldName, object.fields.map(\.name)) }
        if let interface = type as? GraphQLInterfaceType { return suggestionList(fieldName, interface.fields.map(\.name)) }
        return []
    }
}

/// Sorts as CPython's `sorted` does a short list (a leading run, then binary
/// insertion), so an inconsistent ordering gives graphql-core's result too.
func pythonSorted<T>(_ items: [T], by isLess: (T, T) -> Bool) -> [T] {
    var a = items
    let n = a.count
    guard n > 1 else { return a }
    // count_run: a strictly descending run is reversed, an ascending one is kept.
    var run = 2
    if isLess(a[1], a[0]) {
        while run < n && isLess(a[run], a[run - 1]) { run += 1 }
        a[0..<run].reverse()
    } else {
        while run < n && !isLess(a[run], a[run - 1]) { run += 1 }
    }
    // binarysort of the rest into the sorted prefix.
    for start in run..<n {
        let pivot = a[start]
        var low = 0, high = start
        while low < high {
            let middle = low + (high - low) / 2
            if isLess(pivot, a[middle]) { high = middle } else { low = middle + 1 }
        }
        a.remove(at: start)
        a.insert(pivot, at: low)
    }
    return a
}
