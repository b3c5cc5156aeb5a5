// Spec 3.3.1 Root Operation Types: a query root type, and each root a different type.

extension SchemaValidationContext {
    func validateRootTypes() {
        if schema.queryType == nil {
            report("Query root type must be provided.", schema.astNode?.loc)
        }
        // Root types in the order of their first operation, as graphql-js groups them.
        var groups: [(type: GraphQLObjectType, operations: [OperationType])] = []
        for operation in [OperationType.query, .mutation, .subscription] {
            guard let root = schema.rootType(for: operation) else { continue }
            if let i = groups.firstIndex(where: { $0.type === root }) {
                groups[i].operations.append(operation)
            } else {
                groups.append((root, [operation]))
            }
        }
        for group in groups where group.operations.count > 1 {
            let list = andList(group.operations.map(\.rawValue))
            report("All root types must be different, \"\(group.type.name)\" type is used as \(list) root types.",
                   group.operations.map { nodes.operationTypeNode($0) })
        }
    }
}

/// "A", "A and B", "A, B, and C" (graphql-js `andList`).
private func andList(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    case 2: return "\(items[0]) and \(items[1])"
    default: return items.dropLast().joined(separator: ", ") + ", and " + items[items.count - 1]
    }
}
