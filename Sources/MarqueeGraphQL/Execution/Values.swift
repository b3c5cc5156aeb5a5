// Input coercion (spec 5.8 / 6.4.1): variables, arguments and literals become JSON
// values of the expected input types. Messages follow the reference implementation.

/// Deeper input values than this are rejected (variables come from JSON that the
/// parser already bounded; this protects the recursion below too).
let maxInputDepth = 200

enum InputCoercion {
    /// CoerceVariableValues(): the operation's variables, or the errors found.
    static func coerceVariableValues(schema: GraphQLSchema, definitions: [VariableDefinition], inputs: JSONObject) -> (values: JSONObject, errors: [GraphQLError]) {
        var coerced = JSONObject(minimumCapacity: definitions.count)
        var errors: [GraphQLError] = []
        for definition in definitions {
            let name = definition.variable.value
            guard let type = typeFromAST(schema, definition.type), type.isInputType else {
                errors.append(GraphQLError("Variable \"$\(name)\" expected value of type \"\(printType(definition.type))\" which cannot be used as an input type.", at: definition.type.loc))
                continue
            }
            guard let value = inputs[name] else {
                if let defaultLiteral = definition.defaultValue {
                    if let value = coerceInputLiteral(defaultLiteral, type: type, variables: nil) {
                        coerced.append(name, value)
                    } else {
                        errors.append(GraphQLError("Variable \"$\(name)\" has invalid default value.", at: definition.loc))
                    }
                } else if type.isNonNull {
                    errors.append(GraphQLError("Variable \"$\(name)\" has invalid value: Expected a value of non-null type \"\(type)\" to be provided.", at: definition.loc))
                }
                continue
            }
            var problems: [(String, [PathKey])] = []
            var path: [PathKey] = []
            let result = coerceInputValue(value, type: type, path: &path, depth: 0) { problems.append(($0, $1)) }
            if problems.isEmpty, let result {
                coerced.append(name, result)
                continue
            }
            // As graphql-core: coercion failed, so explain every reason with the
            // shared input-value validator (it knows all of @oneOf's); our own
            // problems remain the answer for what it does not cover (depth).
            func report(_ message: String, _ path: [PathKey]) {
                errors.append(GraphQLError("Variable \"$\(name)\" has invalid value\(printPathList(path)): \(message)", at: definition.loc))
            }
            let before = errors.count
            if problems.allSatisfy({ $0.1.count < maxInputDepth }) {
                validateInputValue(value, type) { (error, path) in report(error.message, path) }
            }
            if errors.count == before {
                for (message, path) in problems { report(message, path) }
            }
        }
        return (coerced, errors)
    }

    /// Coerces a variable's JSON value; reports every problem with its path.
    static func coerceInputValue(_ value: JSON, type: GraphQLType, path: inout [PathKey], depth: Int, onError: (String, [PathKey]) -> Void) -> JSON? {
        guard depth <= maxInputDepth else {
            onError("Value nested too deeply (more than \(maxInputDepth) levels).", path)
            return nil
        }
        if case .nonNull(let inner) = type {
            if value.isNull {
                onError(InputValueMessage.null(type), path)
                return nil
            }
            return coerceInputValue(value, type: inner, path: &path, depth: depth, onError: onError)
        }
        if value.isNull { return .null }
        switch type {
        case .list(let itemType):
            guard case .array(let items) = value else {
                // A single value is a list of one.
                guard let item = coerceInputValue(value, type: itemType, path: &path, depth: depth + 1, onError: onError) else { return nil }
                return .array([item])
            }
            var result: [JSON] = []
            result.reserveCapacity(items.count)
            var failed = false
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                if let coerced = coerceInputValue(item, type: itemType, path: &path, depth: depth + 1, onError: onError) {
                    result.append(coerced)
                } else {
                    failed = true
                }
                path.removeLast()
            }
            return failed ? nil : .array(result)
        case .inputObject(let inputType):
            guard case .object(let object) = value else {
                onError(InputValueMessage.notAnObject(inputType, found: inspect(value)), path)
                return nil
            }
            var result = JSONObject(minimumCapacity: inputType.fields.count)
            var failed = false
            for field in inputType.fields {
                if let fieldValue = object[field.name] {
                    path.append(.key(field.name))
                    if let coerced = coerceInputValue(fieldValue, type: field.type, path: &path, depth: depth + 1, onError: onError) {
                        result.append(field.name, coerced)
                    } else {
                        failed = true
                    }
                    path.removeLast()
                } else if let defaultValue = field.defaultValue {
                    result.append(field.name, defaultValue)
                } else if field.type.isNonNull {
                    onError(InputValueMessage.missingField(inputType, field.name, found: inspect(value)), path)
                    failed = true
                }
            }
            for entry in object.entries where inputType.field(named: entry.key) == nil {
                onError(InputValueMessage.unknownField(inputType, entry.key, found: inspect(value)), path)
                failed = true
            }
            if inputType.isOneOf, !failed {
                let given = object.entries.filter { inputType.field(named: $0.key) != nil }
                if given.count != 1 {
                    onError(InputValueMessage.oneOf(inputType), path)
                    failed = true
                } else if given[0].value.isNull {
                    path.append(.key(given[0].key))
                    onError(InputValueMessage.oneOf(inputType), path)
                    path.removeLast()
                    failed = true
                }
            }
            return failed ? nil : .object(result)
        case .enumType(let enumType):
            do {
                return try enumType.coerceInputValue(value)
            } catch {
                onError((error as? CoercionError)?.message ?? "\(error)", path)
                return nil
            }
        case .scalar(let scalar):
            do {
                return try scalar.coerceInputValue(value)
            } catch let error as CoercionError {
                onError(error.message, path)
                return nil
            } catch {
                onError(InputValueMessage.leafFailure(type, error, found: inspect(value)), path)
                return nil
            }
        default:
            onError("Expected an input type, found \"\(type)\".", path)
            return nil
        }
    }

    /// valueFromAST(): a literal's value for an input type with the variables
    /// substituted, or nil when it is invalid (validation reports why).
    static func coerceInputLiteral(_ literal: Value, type: GraphQLType, variables: JSONObject?, depth: Int = 0) -> JSON? {
        guard depth <= maxInputDepth else { return nil }
        if case .variable(let name) = literal {
            guard let variables, let value = variables[name.value] else { return nil }  // absent: no value
            if value.isNull && type.isNonNull { return nil }
            return value
        }
        if case .nonNull(let inner) = type {
            if case .null = literal { return nil }
            return coerceInputLiteral(literal, type: inner, variables: variables, depth: depth)
        }
        if case .null = literal { return .null }
        switch type {
        case .list(let itemType):
            guard case .list(let items, _) = literal else {
                guard let item = coerceInputLiteral(literal, type: itemType, variables: variables, depth: depth + 1) else { return nil }
                return .array([item])
            }
            var result: [JSON] = []
            result.reserveCapacity(items.count)
            for item in items {
                if case .variable(let name) = item, variables?[name.value] == nil {
                    // A missing variable in a list is null, if the item may be null.
                    if itemType.isNonNull { return nil }
                    result.append(.null)
                    continue
                }
                guard let coerced = coerceInputLiteral(item, type: itemType, variables: variables, depth: depth + 1) else { return nil }
                result.append(coerced)
            }
            return .array(result)
        case .inputObject(let inputType):
            guard case .object(let fields, _) = literal else { return nil }
            var result = JSONObject(minimumCapacity: inputType.fields.count)
            for field in fields where inputType.field(named: field.name.value) == nil { _ = field; return nil }
            for field in inputType.fields {
                let node = fields.first { $0.name.value == field.name }
                var missing = node == nil
                if let node, case .variable(let name) = node.value, variables?[name.value] == nil { missing = true }
                if missing {
                    if let defaultValue = field.defaultValue {
                        result.append(field.name, defaultValue)
                    } else if field.type.isNonNull {
                        return nil
                    }
                    continue
                }
                guard let coerced = coerceInputLiteral(node!.value, type: field.type, variables: variables, depth: depth + 1) else { return nil }
                result.append(field.name, coerced)
            }
            if inputType.isOneOf {
                guard result.count == 1, fields.count == 1, !result.entries[0].value.isNull else { return nil }
            }
            return .object(result)
        case .enumType(let enumType):
            return try? enumType.coerceLiteral(literal)
        case .scalar(let scalar):
            return try? scalar.coerceLiteral(literal, variables: variables)
        default:
            return nil
        }
    }

    /// CoerceArgumentValues(): a field's or directive's arguments.
    static func coerceArgumentValues(definitions: [GraphQLArgument], nodes: [Argument], variables: JSONObject, at location: Location) throws(GraphQLError) -> JSONObject {
        var coerced = JSONObject(minimumCapacity: definitions.count)
        for definition in definitions {
            let name = definition.name
            let node = nodes.first { $0.name.value == name }
            guard let node else {
                if let defaultValue = definition.defaultValue {
                    coerced.append(name, defaultValue)
                } else if definition.isRequired {
                    throw GraphQLError("Argument \"\(name)\" of required type \"\(definition.type)\" was not provided.", at: location)
                }
                continue
            }
            if case .variable(let variable) = node.value, variables[variable.value] == nil, !definition.isRequired {
                if let defaultValue = definition.defaultValue { coerced.append(name, defaultValue) }
                continue
            }
            guard let value = coerceInputLiteral(node.value, type: definition.type, variables: variables) else {
                // Validation leaves the problems that depend on the variables' values: say which.
                guard let (error, path) = firstInputLiteralProblem(node.value, definition.type, variables: variables) else {
                    throw GraphQLError("Argument \"\(name)\" has invalid value: Expected value of type \"\(definition.type)\", found: \(printForError(node.value)).",
                                       at: node.value.loc)
                }
                throw GraphQLError("Argument \"\(name)\" has invalid value\(printPathList(path)): \(error.message)", locations: error.locations)
            }
            coerced.append(name, value)
        }
        return coerced
    }
}

extension GraphQLEnumType {
    /// Result coercion: the value must name one of the enum's values.
    @inline(__always) func serializeJSON(_ json: JSON) throws -> JSON {
        if case .string(let name) = json, hasValue(name) { return json }
        return try serializeValue(json)
    }

    func serializeValue(_ value: any Sendable) throws -> JSON {
        let name: String?
        let dynamicType = Swift.type(of: value)
        if dynamicType == String.self {
            name = unbox(value, String.self)
        } else if dynamicType == JSON.self {
            name = unbox(value, JSON.self).stringValue
        } else {
            name = value as? String
        }
        if let name, hasValue(name) { return .string(name) }
        let shown = (value as? JSON).map(inspect) ?? JSON(any: value).map(inspect) ?? String(describing: value)
        throw CoercionError("Enum \"\(self.name)\" cannot represent value: \(shown)")
    }

    /// Input coercion of a variable value.
    func coerceInputValue(_ value: JSON) throws -> JSON {
        guard case .string(let name) = value else {
            throw CoercionError("Enum \"\(self.name)\" cannot represent non-string value: \(inspect(value)).")
        }
        guard self.value(named: name) != nil else { throw CoercionError(unknownValueMessage(name)) }
        return value
    }

    /// Input coercion of a literal (variables replaced): an enum value naming one of the values.
    func coerceLiteral(_ literal: Value) throws -> JSON {
        guard case .enumValue(let name, _) = literal else {
            let shown = printForError(literal)
            throw CoercionError("Enum \"\(self.name)\" cannot represent non-enum value: \(shown).\(didYouMeanValue(shown))")
        }
        guard value(named: name) != nil else { throw CoercionError(unknownValueMessage(name)) }
        return .string(name)
    }

    private func unknownValueMessage(_ name: String) -> String {
        "Value \"\(name)\" does not exist in \"\(self.name)\" enum.\(didYouMeanValue(name))"
    }

    /// " Did you mean the enum value …?" for the values like `text`, or "".
    func didYouMeanValue(_ text: String) -> String {
        didYouMean("the enum value", suggestionList(text, values.map(\.name)))
    }
}

/// The schema type a type reference names, or nil when a name is unknown.
public func typeFromAST(_ schema: GraphQLSchema, _ node: TypeNode) -> GraphQLType? {
    switch node {
    case .named(let name): return schema.type(named: name.value)?.graphQLType
    case .list(let inner, _): return typeFromAST(schema, inner).map { .list($0) }
    case .nonNull(let inner, _): return typeFromAST(schema, inner).map { .nonNull($0) }
    }
}

/// valueFromASTUntyped(): a literal as JSON, as written.
public func valueFromASTUntyped(_ literal: Value, variables: JSONObject?) throws -> JSON {
    switch literal {
    case .variable(let name): return variables?[name.value] ?? .null
    case .int(let text, _): return Int(text).map(JSON.int) ?? .double(Double(text) ?? 0)
    case .float(let text, _): return .double(Double(text) ?? 0)
    case .string(let s, _, _): return .string(s)
    case .boolean(let b, _): return .bool(b)
    case .null: return .null
    case .enumValue(let name, _): return .string(name)
    case .list(let items, _): return .array(try items.map { try valueFromASTUntyped($0, variables: variables) })
    case .object(let fields, _):
        var object = JSONObject(minimumCapacity: fields.count)
        for field in fields { object[field.name.value] = try valueFromASTUntyped(field.value, variables: variables) }
        return .object(object)
    }
}
