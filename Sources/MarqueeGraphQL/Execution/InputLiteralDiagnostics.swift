// Why a literal (with the request's variables) is not a valid value of an input
// type: the first problem, as graphql-core 3.3 / graphql-js 17 word it
// (`validate_input_literal`). Used when argument coercion fails at execution time,
// which validation leaves only for problems that depend on variable values.

enum InputLiteralDiagnostics {
    struct Problem {
        let message: String
        let location: Location
        let path: [PathKey]
    }

    static func firstProblem(_ literal: Value, type: GraphQLType, variables: JSONObject?) -> Problem? {
        var path: [PathKey] = []
        return check(literal, type, variables, &path)
    }

    private static func check(_ literal: Value, _ type: GraphQLType, _ variables: JSONObject?, _ path: inout [PathKey]) -> Problem? {
        func problem(_ message: String, _ node: Location) -> Problem { Problem(message: message, location: node, path: path) }
        if case .variable(let name) = literal {
            guard type.isNonNull else { return nil }
            switch variables?[name.value] {
            case nil: return problem("Expected variable \"$\(name.value)\" provided to type \"\(type)\" to provide a runtime value.", literal.loc)
            case .null?: return problem("Expected variable \"$\(name.value)\" provided to non-null type \"\(type)\" not to be null.", literal.loc)
            default: return nil
            }
        }
        if case .nonNull(let inner) = type {
            if case .null = literal { return problem("Expected value of non-null type \"\(type)\" not to be null.", literal.loc) }
            return check(literal, inner, variables, &path)
        }
        if case .null = literal { return nil }
        switch type {
        case .list(let itemType):
            guard case .list(let items, _) = literal else { return check(literal, itemType, variables, &path) }
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                if let found = check(item, itemType, variables, &path) { return found }
            }
            return nil
        case .inputObject(let inputType):
            guard case .object(let fields, let loc) = literal else {
                return problem("Expected value of type \"\(inputType.name)\" to be an object, found: \(printValue(literal)).", literal.loc)
            }
            for field in inputType.fields {
                guard let node = fields.first(where: { $0.name.value == field.name }) else {
                    if field.isRequired {
                        return problem("Expected value of type \"\(inputType.name)\" to include required field \"\(field.name)\", found: \(printValue(literal)).", loc)
                    }
                    continue
                }
                if case .variable(let variable) = node.value {
                    let value = variables?[variable.value]
                    if inputType.isOneOf {
                        if value == nil {
                            return problem("Expected variable \"$\(variable.value)\" provided to field \"\(field.name)\" for OneOf Input Object type \"\(inputType.name)\" to provide a runtime value.", loc)
                        }
                        if value == .null {
                            return problem("Expected variable \"$\(variable.value)\" provided to field \"\(field.name)\" for OneOf Input Object type \"\(inputType.name)\" not to be null.", loc)
                        }
                    } else if value == nil && !field.isRequired {
                        continue
                    }
                }
                path.append(.key(field.name))
                defer { path.removeLast() }
                if let found = check(node.value, field.type, variables, &path) { return found }
            }
            var known: [ObjectField] = []
            for node in fields {
                if inputType.field(named: node.name.value) == nil {
                    let suggestion = didYouMean(suggestionList(node.name.value, inputType.fields.map(\.name)))
                    return problem("Expected value of type \"\(inputType.name)\" not to include unknown field \"\(node.name.value)\"" + (suggestion.isEmpty ? ", found" : ".\(suggestion) Found") + ": \(printValue(literal)).", node.loc)
                }
                known.append(node)
            }
            if inputType.isOneOf {
                let message = "Within OneOf Input Object type \"\(inputType.name)\", exactly one field must be specified, and the value for that field must be non-null."
                if known.count != 1 { return problem(message, loc) }
                if case .null = known[0].value {
                    path.append(.key(known[0].name.value))
                    defer { path.removeLast() }
                    return problem(message, loc)
                }
            }
            return nil
        case .enumType, .scalar:
            let substituted = substitute(literal, variables)
            if InputCoercion.coerceInputLiteral(substituted, type: type, variables: variables) != nil { return nil }
            do {
                switch type {
                case .enumType(let enumType): _ = try enumType.coerceLiteral(substituted)
                case .scalar(let scalar): _ = try scalar.coerceLiteral(substituted, variables: variables)
                default: break
                }
            } catch let error as CoercionError {
                return problem(error.message, literal.loc)
            } catch {
                return problem("Expected value of type \"\(type)\", but encountered error \"\(error)\"; found: \(printValue(literal)).", literal.loc)
            }
            return problem("Expected value of type \"\(type)\", found: \(printValue(literal)).", literal.loc)
        default:
            return nil
        }
    }

    /// The literal with variables replaced by literals of their values.
    static func substitute(_ literal: Value, _ variables: JSONObject?) -> Value {
        switch literal {
        case .variable(let name):
            guard let value = variables?[name.value] else { return .null(name.loc) }
            return literalOf(value, name.loc)
        case .list(let items, let loc): return .list(items.map { substitute($0, variables) }, loc)
        case .object(let fields, let loc):
            return .object(fields.map { ObjectField(name: $0.name, value: substitute($0.value, variables), loc: $0.loc) }, loc)
        default: return literal
        }
    }

    static func literalOf(_ value: JSON, _ loc: Location) -> Value {
        switch value {
        case .null: return .null(loc)
        case .bool(let b): return .boolean(b, loc)
        case .int(let i): return .int(String(i), loc)
        case .double(let d): return .float(d.description, loc)
        case .string(let s): return .string(s, block: false, loc)
        case .array(let items): return .list(items.map { literalOf($0, loc) }, loc)
        case .object(let object):
            return .object(object.entries.map { ObjectField(name: Name(value: $0.key, loc: loc), value: literalOf($0.value, loc), loc: loc) }, loc)
        }
    }
}

extension GraphQLEnumType {
    /// Input coercion of a literal: an enum value naming one of the values.
    func coerceLiteral(_ literal: Value) throws -> JSON {
        guard case .enumValue(let name, _) = literal else {
            let shown = printValue(literal)
            throw CoercionError("Enum \"\(self.name)\" cannot represent non-enum value: \(shown)." + didYouMean("the enum value", suggestionList(shown, values.map(\.name))))
        }
        guard value(named: name) != nil else {
            throw CoercionError("Value \"\(name)\" does not exist in \"\(self.name)\" enum." + didYouMean("the enum value", suggestionList(name, values.map(\.name))))
        }
        return .string(name)
    }
}
