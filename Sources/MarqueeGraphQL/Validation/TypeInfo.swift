/// The schema's view of where a traversal is in a document (graphql-js `TypeInfo`):
/// the output type, parent type and field of the current selection, and the input
/// type, argument, default value and enum value of the current input position.
/// Kept beside the AST, never written into it; the traversal updates it on entering
/// a node before calling the rules, and on leaving after them.
public final class TypeInfo {
    let schema: GraphQLSchema
    /// The output type of each field, operation and fragment being visited, with the
    /// definition of the innermost field (carried into fragments, as graphql-js's
    /// separate field stack would give it).
    @exclusivity(unchecked) private var outputStack: [(type: GraphQLType?, field: GraphQLField?)] = []
    @exclusivity(unchecked) private var parentTypeStack: [(any GraphQLNamedType)?] = []
    /// The type expected at each input position, and whether it has a default value.
    @exclusivity(unchecked) private var inputStack: [(type: GraphQLType?, hasDefault: Bool)] = []

    /// The directive being visited, if the schema defines it.
    @exclusivity(unchecked) public private(set) var directive: GraphQLDirective?
    /// The argument definition of the argument being visited.
    @exclusivity(unchecked) public private(set) var argument: GraphQLArgument?
    /// The enum value definition of the enum literal being visited.
    @exclusivity(unchecked) public private(set) var enumValue: GraphQLEnumValue?
    /// How many value literals enclose the current one (0: the outermost value).
    @exclusivity(unchecked) public internal(set) var valueDepth = 0

    init(schema: GraphQLSchema) {
        self.schema = schema
        outputStack.reserveCapacity(16)
        parentTypeStack.reserveCapacity(16)
    }

    /// The output type of the current field, operation or fragment.
    public var type: GraphQLType? { outputStack.last?.type }
    /// The composite type whose selection set is being visited.
    public var parentType: (any GraphQLNamedType)? { parentTypeStack.last ?? nil }
    /// The definition of the current field.
    public var fieldDefinition: GraphQLField? { outputStack.last?.field }
    /// The type expected at the current input position.
    public var inputType: GraphQLType? { inputStack.last?.type }
    /// The type expected at the enclosing input position.
    public var parentInputType: GraphQLType? {
        inputStack.count > 1 ? inputStack[inputStack.count - 2].type : nil
    }
    /// Whether the current input position (an argument or input field) has a default value.
    public var hasDefaultValue: Bool { inputStack.last?.hasDefault ?? false }

    // MARK: Updates, as graphql-js `TypeInfo.enter` / `leave`

    func enterSelectionSet() {
        let named = type?.named
        parentTypeStack.append(named.flatMap { isCompositeType($0) ? $0 : nil })
    }

    func leaveSelectionSet() { parentTypeStack.removeLast() }

    func enterField(_ node: Field) {
        if let parentType, let definition = schema.fieldDefinition(parentType, node.name.value) {
            outputStack.append((definition.type.isOutputType ? definition.type : nil, definition))
        } else {
            outputStack.append((nil, nil))
        }
    }

    func leaveField() { outputStack.removeLast() }

    func enterOperation(_ node: OperationDefinition) {
        outputStack.append((schema.rootType(for: node.operation).map { .object($0) }, nil))
    }

    /// An inline fragment or fragment definition: its type condition, or else the
    /// enclosing type.
    func enterFragment(typeCondition: Name?) {
        let type: GraphQLType?
        if let typeCondition {
            type = schema.type(named: typeCondition.value)?.graphQLType
        } else {
            type = self.type?.named.graphQLType
        }
        outputStack.append((type.flatMap { $0.isOutputType ? $0 : nil }, fieldDefinition))
    }

    /// Leaving an operation, inline fragment or fragment definition.
    func leaveTypedNode() { outputStack.removeLast() }

    func enterVariableDefinition(_ node: VariableDefinition) {
        let type = typeFromAST(schema, node.type)
        // graphql-js gives a variable's default value no default of its own.
        inputStack.append((type.flatMap { $0.isInputType ? $0 : nil }, false))
    }

    func leaveVariableDefinition() { inputStack.removeLast() }

    func enterDirective(_ node: Directive) { directive = schema.directive(named: node.name.value) }

    func leaveDirective() { directive = nil }

    func enterArgument(_ node: Argument) {
        let definition: GraphQLArgument?
        if let directive {
            definition = directive.argument(named: node.name.value)
        } else if let fieldDefinition {
            definition = fieldDefinition.argument(named: node.name.value)
        } else {
            definition = nil
        }
        argument = definition
        if let definition {
            inputStack.append((definition.type.isInputType ? definition.type : nil, definition.hasDefault))
        } else {
            inputStack.append((nil, false))
        }
    }

    func leaveArgument() {
        argument = nil
        inputStack.removeLast()
    }

    func enterListValue() {
        if case .list(let item)? = inputType?.nullable {
            inputStack.append((item, false))
        } else {
            inputStack.append((nil, false))
        }
    }

    /// Leaving a list value or an object field.
    func leaveInputPosition() { inputStack.removeLast() }

    func enterObjectField(_ node: ObjectField) {
        if let objectType = inputType?.named as? GraphQLInputObjectType, let field = objectType.field(named: node.name.value) {
            inputStack.append((field.type.isInputType ? field.type : nil, field.hasDefault))
        } else {
            inputStack.append((nil, false))
        }
    }

    func enterEnumValue(_ name: String) {
        enumValue = (inputType?.named as? GraphQLEnumType)?.value(named: name)
    }

    func leaveEnumValue() { enumValue = nil }
}

func isCompositeType(_ type: any GraphQLNamedType) -> Bool {
    type is GraphQLObjectType || type is GraphQLInterfaceType || type is GraphQLUnionType
}

func isAbstractType(_ type: any GraphQLNamedType) -> Bool {
    type is GraphQLInterfaceType || type is GraphQLUnionType
}

func isLeafType(_ type: any GraphQLNamedType) -> Bool {
    type is GraphQLScalarType || type is GraphQLEnumType
}
