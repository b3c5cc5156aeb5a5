/// Checks a literal against an input type without variable values (graphql-js
/// `validateInputLiteral`), reporting every problem: variables are assumed valid
/// (other rules check them), and leaf values are coerced by their type.
struct InputLiteralValidator {
    let report: (GraphQLError) -> Void

    func validate(_ node: Value, _ type: GraphQLType) {
        if case .variable = node { return }
        if case .nonNull(let inner) = type {
            if case .null = node {
                report(GraphQLError("Expected value of non-null type \"\(type)\" not to be null.", nodes: located(node)))
                return
            }
            validate(node, inner)
            return
        }
        if case .null = node { return }
        switch type {
        case .list(let itemType):
            if case .list(let items, _) = node {
                for item in items { validate(item, itemType) }
            } else {
                // A single value is a list of one.
                validate(node, itemType)
            }
        case .inputObject(let objectType):
            validateObject(node, objectType)
        case .enumType(let enumType):
            validateEnum(node, enumType)
        case .scalar(let scalar):
            validateScalar(node, scalar)
        default:
            break
        }
    }

    private func validateObject(_ node: Value, _ type: GraphQLInputObjectType) {
        guard case .object(let fields, _) = node else {
            report(GraphQLError("Expected value of type \"\(type.name)\" to be an object, found: \(printForError(node)).", nodes: located(node)))
            return
        }
        for field in type.fields {
            if let fieldNode = fields.last(where: { $0.name.value == field.name }) {
                validate(fieldNode.value, field.type)
            } else if isRequiredInput(field) {
                report(GraphQLError("Expected value of type \"\(type.name)\" to include required field \"\(field.name)\", found: \(printForError(node)).",
                                    nodes: located(node)))
            }
        }
        var knownFields: [ObjectField] = []
        for fieldNode in fields {
            let name = fieldNode.name.value
            guard type.field(named: name) == nil else {
                knownFields.append(fieldNode)
                continue
            }
            let suggestion = didYouMean(suggestionList(name, type.fields.map(\.name)))
            report(GraphQLError("Expected value of type \"\(type.name)\" not to include unknown field \"\(name)\""
                                + (suggestion.isEmpty ? ", found" : ".\(suggestion) Found") + ": \(printForError(node)).",
                                at: fieldNode.loc))
        }
        if type.isOneOf {
            if knownFields.count != 1 {
                report(GraphQLError(oneOfMessage(type), nodes: located(node)))
            } else if case .null = knownFields[0].value {
                report(GraphQLError(oneOfMessage(type), nodes: located(node)))
            }
        }
    }

    private func validateEnum(_ node: Value, _ type: GraphQLEnumType) {
        let literal = replacingVariables(node)
        let names = type.values.map(\.name)
        guard case .enumValue(let name, _) = literal else {
            let text = printForError(literal)
            report(GraphQLError("Enum \"\(type.name)\" cannot represent non-enum value: \(text)."
                                + didYouMean("the enum value", suggestionList(text, names)), nodes: located(literal)))
            return
        }
        if type.value(named: name) == nil {
            report(GraphQLError("Value \"\(name)\" does not exist in \"\(type.name)\" enum."
                                + didYouMean("the enum value", suggestionList(name, names)), nodes: located(literal)))
        }
    }

    private func validateScalar(_ node: Value, _ type: GraphQLScalarType) {
        // The specified scalars see the literal with its variables replaced, as
        // graphql-js does; custom scalars see it as written.
        let literal = type.builtIn != nil ? replacingVariables(node) : node
        do {
            _ = try type.coerceLiteral(literal, variables: nil)
        } catch let error as CoercionError {
            report(GraphQLError(showingLiteral(error.message, literal), nodes: located(literal)))
        } catch let error as GraphQLError {
            report(error)
        } catch {
            report(GraphQLError("Expected value of type \"\(type.name)\", but encountered error \"\(error)\"; found: \(printForError(node)).",
                                nodes: located(node)))
        }
    }

    /// A scalar's message with the literal at its end printed as validation
    /// messages print values (the scalars print lists and objects compactly).
    private func showingLiteral(_ message: String, _ literal: Value) -> String {
        switch literal {
        case .list, .object:
            let compact = printValue(literal)
            guard message.hasSuffix(compact) else { return message }
            return String(message.dropLast(compact.count)) + printForError(literal)
        default:
            return message
        }
    }

    private func oneOfMessage(_ type: GraphQLInputObjectType) -> String {
        "Within OneOf Input Object type \"\(type.name)\", exactly one field must be specified, and the value for that field must be non-null."
    }

    /// The node's location, unless it was made here (graphql-js's replaced nodes have none).
    private func located(_ node: Value) -> [Location] {
        node.loc == .unknown ? [] : [node.loc]
    }
}

/// A literal as a constant (graphql-js `replaceVariables` with no variable values):
/// a variable becomes `null`, an input object field given a variable is dropped.
/// Lists and objects are new nodes, without a location.
func replacingVariables(_ node: Value) -> Value {
    switch node {
    case .variable:
        return .null(.unknown)
    case .list(let items, _):
        return .list(items.map(replacingVariables), .unknown)
    case .object(let fields, _):
        var kept: [ObjectField] = []
        for field in fields {
            if case .variable = field.value { continue }
            kept.append(ObjectField(name: field.name, value: replacingVariables(field.value), loc: .unknown))
        }
        return .object(kept, .unknown)
    default:
        return node
    }
}
