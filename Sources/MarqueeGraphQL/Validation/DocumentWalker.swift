/// The one traversal of a validation (graphql-js `visit` with a `TypeInfoVisitor`
/// around a `ParallelVisitor`): visits the document depth-first in source order,
/// updates the ``TypeInfo`` on entering each node, calls the rules that implement
/// the node's method, and updates the `TypeInfo` again on leaving. Recursion depth is
/// bounded by the parser's nesting limit.
struct DocumentWalker {
    let context: ValidationContext
    let typeInfo: TypeInfo
    let rules: RuleDispatch
    /// Set when collecting variable usages: variable definitions and subtrees
    /// without variables are skipped.
    var collectsVariables = false
    /// The fragment nesting check of the main traversal.
    var nesting: FragmentNesting?

    func walkDocument(_ document: Document) {
        rules.enterDocument(document)
        for definition in document.definitions {
            if context.isAborted { return }
            switch definition {
            case .operation(let operation): walkOperation(operation)
            case .fragment(let fragment): walkFragmentDefinition(fragment)
            case .schema(let d): walkSchemaDefinition(d, isExtension: false)
            case .schemaExtension(let d): walkSchemaDefinition(d, isExtension: true)
            case .type(let d): walkTypeDefinition(d, isExtension: false)
            case .typeExtension(let d): walkTypeDefinition(d, isExtension: true)
            case .directive(let d): walkDirectiveDefinition(d)
            }
        }
        if context.isAborted { return }
        rules.leaveDocument(document)
    }

    func walkOperation(_ node: OperationDefinition) {
        if let nesting, nesting.isTooDeep(node) {
            context.abort()
            return
        }
        typeInfo.enterOperation(node)
        rules.enterOperationDefinition(node)
        if !collectsVariables {
            for variable in node.variableDefinitions { walkVariableDefinition(variable) }
        }
        walkDirectives(node.directives, location: node.operation.directiveLocation)
        walkSelectionSet(node.selectionSet, parent: .operation)
        if context.isAborted { return }
        rules.leaveOperationDefinition(node)
        typeInfo.leaveTypedNode()
    }

    func walkFragmentDefinition(_ node: FragmentDefinition) {
        if let nesting, nesting.isTooDeep(node) {
            context.abort()
            return
        }
        typeInfo.enterFragment(typeCondition: node.typeCondition)
        rules.enterFragmentDefinition(node)
        rules.enterNamedType(node.typeCondition)
        walkDirectives(node.directives, location: .fragmentDefinition)
        walkSelectionSet(node.selectionSet, parent: .fragmentDefinition)
        if context.isAborted { return }
        rules.leaveFragmentDefinition(node)
        typeInfo.leaveTypedNode()
    }

    func walkVariableDefinition(_ node: VariableDefinition) {
        typeInfo.enterVariableDefinition(node)
        rules.enterVariableDefinition(node)
        walkType(node.type)
        if let defaultValue = node.defaultValue, rules.visitsValues { walkValue(defaultValue) }
        walkDirectives(node.directives, location: .variableDefinition)
        rules.leaveVariableDefinition(node)
        typeInfo.leaveVariableDefinition()
    }

    func walkSelectionSet(_ node: SelectionSet, parent: SelectionSetParent) {
        typeInfo.enterSelectionSet()
        rules.enterSelectionSet(node, parent: parent)
        for selection in node.selections {
            if context.isAborted { return }
            switch selection {
            case .field(let field): walkField(field)
            case .fragmentSpread(let spread): walkFragmentSpread(spread)
            case .inlineFragment(let fragment): walkInlineFragment(fragment)
            }
        }
        rules.leaveSelectionSet(node, parent: parent)
        typeInfo.leaveSelectionSet()
    }

    func walkField(_ node: Field) {
        if collectsVariables && !node.hasVariables { return }
        typeInfo.enterField(node)
        rules.enterField(node)
        walkArguments(node.arguments, parent: .field(node.name))
        walkDirectives(node.directives, location: .field)
        if let selectionSet = node.selectionSet {
            walkSelectionSet(selectionSet, parent: .field)
            if context.isAborted { return }
        }
        rules.leaveField(node)
        typeInfo.leaveField()
    }

    func walkFragmentSpread(_ node: FragmentSpread) {
        rules.enterFragmentSpread(node)
        walkDirectives(node.directives, location: .fragmentSpread)
        rules.leaveFragmentSpread(node)
    }

    func walkInlineFragment(_ node: InlineFragment) {
        if collectsVariables && !hasVariables(node.directives) && !hasVariables(node.selectionSet) { return }
        typeInfo.enterFragment(typeCondition: node.typeCondition)
        rules.enterInlineFragment(node)
        if let typeCondition = node.typeCondition {
            rules.enterNamedType(typeCondition)
        }
        walkDirectives(node.directives, location: .inlineFragment)
        walkSelectionSet(node.selectionSet, parent: .inlineFragment)
        if context.isAborted { return }
        rules.leaveInlineFragment(node)
        typeInfo.leaveTypedNode()
    }

    func walkDirectives(_ directives: [Directive], location: DirectiveLocation) {
        for directive in directives {
            typeInfo.enterDirective(directive)
            rules.enterDirective(directive, location: location)
            walkArguments(directive.arguments, parent: .directive(directive.name))
            rules.leaveDirective(directive, location: location)
            typeInfo.leaveDirective()
        }
    }

    func walkArguments(_ arguments: [Argument], parent: ArgumentParent) {
        for argument in arguments {
            typeInfo.enterArgument(argument)
            rules.enterArgument(argument, parent: parent)
            if rules.visitsValues { walkValue(argument.value) }
            rules.leaveArgument(argument, parent: parent)
            typeInfo.leaveArgument()
        }
    }

    func walkValue(_ node: Value) {
        switch node {
        case .list(let items, _):
            typeInfo.enterListValue()
            rules.enterValue(node)
            typeInfo.valueDepth += 1
            for item in items { walkValue(item) }
            typeInfo.valueDepth -= 1
            rules.leaveValue(node)
            typeInfo.leaveInputPosition()
        case .object(let fields, _):
            rules.enterValue(node)
            typeInfo.valueDepth += 1
            for field in fields {
                typeInfo.enterObjectField(field)
                rules.enterObjectField(field)
                walkValue(field.value)
                rules.leaveObjectField(field)
                typeInfo.leaveInputPosition()
            }
            typeInfo.valueDepth -= 1
            rules.leaveValue(node)
        case .enumValue(let name, _):
            typeInfo.enterEnumValue(name)
            rules.enterValue(node)
            rules.leaveValue(node)
            typeInfo.leaveEnumValue()
        default:
            rules.enterValue(node)
            rules.leaveValue(node)
        }
    }

    func walkType(_ node: TypeNode) {
        switch node {
        case .named(let name):
            rules.enterNamedType(name)
        case .list(let inner, _), .nonNull(let inner, _):
            walkType(inner)
        }
    }
}

extension OperationType {
    /// Where a directive on an operation of this type is applied.
    var directiveLocation: DirectiveLocation {
        switch self {
        case .query: return .query
        case .mutation: return .mutation
        case .subscription: return .subscription
        }
    }
}
