/// A static estimate of what executing an operation costs, for servers that
/// refuse expensive requests before running them: each field costs 1, and the
/// cost of a field's selection is multiplied by the page size it asks for (the
/// value of a size argument such as `first`, given or defaulted). Fragments are
/// expanded (after validation, so they cannot cycle; a cycle counts nothing).
public enum QueryCost {
    /// The cost of the operation `operationName` (or the only one), nil when
    /// there is no such operation.
    public static func estimate(
        document: Document, schema: GraphQLSchema, operationName: String? = nil, variables: JSONObject = JSONObject(),
        sizeArguments: [String] = ["first", "last"]
    ) -> Int? {
        // Computed once per document unless a page size is a variable.
        let key = sizeArguments == ["first", "last"] ? operationName ?? "" : (operationName ?? "") + "\u{0}" + sizeArguments.joined(separator: ",")
        return document.plans.cost(key, schema: schema) {
            guard let operation = document.operation(named: operationName),
                let root = schema.rootType(for: operation.operation) else { return (nil, true) }
            var fragments: [String: FragmentDefinition] = [:]
            for fragment in document.fragments { fragments[fragment.name.value] = fragment }
            var walker = Walker(schema: schema, fragments: fragments, variables: variables, sizeArguments: sizeArguments)
            let cost = walker.cost(operation.selectionSet, root)
            return (cost, !walker.readVariables)
        }
    }

    struct Walker {
        let schema: GraphQLSchema
        let fragments: [String: FragmentDefinition]
        let variables: JSONObject
        let sizeArguments: [String]
        var expanding: Set<String> = []
        /// Whether a page size came from a variable (the cost then depends on the request).
        var readVariables = false

        mutating func cost(_ selectionSet: SelectionSet, _ parent: any GraphQLNamedType) -> Int {
            var total = 0
            for selection in selectionSet.selections {
                switch selection {
                case .field(let field):
                    total = total.addingSaturating(cost(field, parent))
                case .inlineFragment(let fragment):
                    let type = fragment.typeCondition.flatMap { schema.type(named: $0.value) } ?? parent
                    total = total.addingSaturating(cost(fragment.selectionSet, type))
                case .fragmentSpread(let spread):
                    let name = spread.name.value
                    guard let fragment = fragments[name], !expanding.contains(name),
                          let type = schema.type(named: fragment.typeCondition.value) else { continue }
                    expanding.insert(name)
                    total = total.addingSaturating(cost(fragment.selectionSet, type))
                    expanding.remove(name)
                }
            }
            return total
        }

        mutating func cost(_ field: Field, _ parent: any GraphQLNamedType) -> Int {
            guard let selectionSet = field.selectionSet else { return 1 }
            let definition = (parent as? GraphQLObjectType)?.field(named: field.name.value)
                ?? (parent as? GraphQLInterfaceType)?.field(named: field.name.value)
            guard let definition else { return 1 }
            let size = pageSize(field, definition)
            let inner = cost(selectionSet, definition.type.named)
            return 1.addingSaturating(size.multipliedSaturating(inner))
        }

        /// The size argument's value: given as a literal or a variable, else its default; 1 without one.
        mutating func pageSize(_ field: Field, _ definition: GraphQLField) -> Int {
            for name in sizeArguments {
                guard let argument = definition.argument(named: name) else { continue }
                if let given = field.arguments.first(where: { $0.name.value == name }) {
                    switch given.value {
                    case .int(let text, _): return max(1, Int(text) ?? 1)
                    case .variable(let variable):
                        readVariables = true
                        return max(1, variables[variable.value]?.intValue ?? argument.defaultValue?.intValue ?? 1)
                    default: return 1
                    }
                }
                return max(1, argument.defaultValue?.intValue ?? 1)
            }
            return 1
        }
    }
}

extension Int {
    fileprivate func addingSaturating(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    fileprivate func multipliedSaturating(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }
}
