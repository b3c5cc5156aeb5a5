// The depth-first traversal behind `visit`. Each `walk` enters a node, walks its
// children in graphql-js's order and leaves it; it returns false once a visitor has
// asked to stop, so that every caller returns at once. Recursion is bounded by the
// parser's `maxDepth`.

extension ASTVisitor {
    /// Runs `enter`, then (on `.continue`) the children and `leave`.
    @inline(__always)
    mutating func step(_ action: VisitAction, _ children: (inout Self) -> Bool, _ leave: (inout Self) -> Void) -> Bool {
        switch action {
        case .stop: return false
        case .skip: return true
        case .continue:
            guard children(&self) else { return false }
            leave(&self)
            return true
        }
    }

    mutating func walk(_ node: Document) -> Bool {
        step(enter(node)) { visitor in
            for index in node.definitions.indices where !visitor.walk(node.definitions[index]) { return false }
            return true
        } _: { $0.leave(node) }
    }

    mutating func walk(_ node: Definition) -> Bool {
        switch node {
        case .operation(let operation): return walk(operation)
        case .fragment(let fragment): return walk(fragment)
        case .schema(let schema): return walk(schema, isExtension: false)
        case .schemaExtension(let schema): return walk(schema, isExtension: true)
        case .type(let type): return walk(type, isExtension: false)
        case .typeExtension(let type): return walk(type, isExtension: true)
        case .directive(let directive): return walk(directive)
        }
    }

    mutating func walk(_ node: OperationDefinition) -> Bool {
        step(enter(node)) { visitor in
            for index in node.variableDefinitions.indices where !visitor.walk(node.variableDefinitions[index]) {
                return false
            }
            return visitor.walk(node.directives) && visitor.walk(node.selectionSet)
        } _: { $0.leave(node) }
    }

    mutating func walk(_ node: VariableDefinition) -> Bool {
        step(enter(node)) { visitor in
            guard visitor.walk(node.type) else { return false }
            if let defaultValue = node.defaultValue, !visitor.walk(defaultValue) { return false }
            return visitor.walk(node.directives)
        } _: { $0.leave(node) }
    }

    mutating func walk(_ node: SelectionSet) -> Bool {
        step(enter(node)) { visitor in
            for index in node.selections.indices where !visitor.walk(node.selections[index]) { return false }
            return true
        } _: { $0.leave(node) }
    }

    mutating func walk(_ node: Selection) -> Bool {
        switch node {
        case .field(let field): return walk(field)
        case .fragmentSpread(let spread): return walk(spread)
        case .inlineFragment(let fragment): return walk(fragment)
        }
    }

    mutating func walk(_ node: Field) -> Bool {
        step(enter(node)) { visitor in
            guard visitor.walk(node.arguments) && visitor.walk(node.directives) else { return false }
            if let selectionSet = node.selectionSet { return visitor.walk(selectionSet) }
            return true
        } _: { $0.leave(node) }
    }

    mutating func walk(_ nodes: [Argument]) -> Bool {
        for index in nodes.indices where !walk(nodes[index]) { return false }
        return true
    }

    mutating func walk(_ node: Argument) -> Bool {
        step(enter(node)) { $0.walk(node.value) } _: { $0.leave(node) }
    }

    mutating func walk(_ node: FragmentSpread) -> Bool {
        step(enter(node)) { $0.walk(node.directives) } _: { $0.leave(node) }
    }

    mutating func walk(_ node: InlineFragment) -> Bool {
        step(enter(node)) { $0.walk(node.directives) && $0.walk(node.selectionSet) } _: { $0.leave(node) }
    }

    mutating func walk(_ node: FragmentDefinition) -> Bool {
        step(enter(node)) { $0.walk(node.directives) && $0.walk(node.selectionSet) } _: { $0.leave(node) }
    }

    mutating func walk(_ node: Value) -> Bool {
        step(enter(node)) { visitor in
            switch node {
            case .list(let values, _):
                for index in values.indices where !visitor.walk(values[index]) { return false }
            case .object(let fields, _):
                for index in fields.indices where !visitor.walk(fields[index]) { return false }
            default:
                break
            }
            return true
        } _: { $0.leave(node) }
    }

    mutating func walk(_ node: ObjectField) -> Bool {
        step(enter(node)) { $0.walk(node.value) } _: { $0.leave(node) }
    }

    mutating func walk(_ nodes: [Directive]) -> Bool {
        for index in nodes.indices where !walk(nodes[index]) { return false }
        return true
    }

    mutating func walk(_ node: Directive) -> Bool {
        step(enter(node)) { $0.walk(node.arguments) } _: { $0.leave(node) }
    }

    mutating func walk(_ node: TypeNode) -> Bool {
        step(enter(node)) { visitor in
            switch node {
            case .named: return true
            case .list(let inner, _), .nonNull(let inner, _): return visitor.walk(inner)
            }
        } _: { $0.leave(node) }
    }
}
