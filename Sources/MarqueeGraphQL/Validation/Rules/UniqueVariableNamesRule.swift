/// Variable Uniqueness (spec 5.8.1): no two variables of an operation share a name.
public final class UniqueVariableNamesRule: ValidationRule {
    public static var visits: ValidationVisits { .enterOperationDefinition }
    private let context: ValidationContext

    public init(context: ValidationContext) { self.context = context }

    public func enterOperationDefinition(_ node: OperationDefinition) {
        for (name, variables) in duplicatedNames(node.variableDefinitions, \.variable.value) {
            context.report(GraphQLError("There can be only one variable named \"$\(name)\".",
                                        nodes: variables.map { nameLocation(ofVariable: $0.variable) }))
        }
    }
}

/// The items that share a name with another, grouped by name, groups in the order
/// their names first appear.
func duplicatedNames<T>(_ items: [T], _ name: (T) -> String) -> [(String, [T])] {
    guard items.count > 1 else { return [] }
    let names = items.map(name)
    // Short lists of distinct names, the usual case, need no grouping.
    if names.count <= 16 && names.indices.allSatisfy({ i in !names[..<i].contains(names[i]) }) { return [] }
    var order: [String] = []
    var groups: [String: [T]] = [:]
    for (item, key) in zip(items, names) {
        if groups[key] == nil { order.append(key) }
        groups[key, default: []].append(item)
    }
    return order.compactMap { key in groups[key]!.count > 1 ? (key, groups[key]!) : nil }
}

/// The location of a variable's name after its `$` (the AST keeps only the
/// variable's, which covers the `$`).
func nameLocation(ofVariable variable: Name) -> Location {
    let loc = variable.loc
    guard loc != .unknown else { return loc }
    let start = Int(loc.end) - variable.value.utf8.count
    return Location(start: start, end: Int(loc.end), line: Int(loc.line), column: Int(loc.column) + start - Int(loc.start))
}
