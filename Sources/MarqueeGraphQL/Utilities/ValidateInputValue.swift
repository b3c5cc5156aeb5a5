// graphql-core 3.3.2 `utilities/validate_input_value.py`: every reason a literal
// (`validate_input_literal`) or a JSON value (`validate_input_value`) is not a
// valid value of an input type, each with the path inside the value where it is.
//
// One walk serves every caller:
// - validation (ValuesOfCorrectType) checks a literal statically: the variables
//   are not known, so a variable is assumed valid (other rules check them);
// - schema validation checks default values, literals (statically) or JSON values;
// - execution, when an argument cannot be coerced, checks the literal with the
//   request's variables and keeps the first problem only.
// Each problem goes to `onError`; an `onError` that throws stops the walk.

/// graphql-core `validate_input_literal`: reports each problem of `literal` as a
/// value of `type` to `onError`, with the path inside the literal. Without
/// `variables` the literal is checked statically; with them, a variable without a
/// runtime value (or null) where the type needs one is a problem too.
func validateInputLiteral<Failure: Error>(
    _ literal: Value, _ type: GraphQLType, variables: JSONObject? = nil,
    onError: @escaping (GraphQLError, [PathKey]) throws(Failure) -> Void
) throws(Failure) {
    var walker = InputValueWalker(variables: variables, onError: onError)
    try walker.literal(literal, type)
}

/// graphql-core `validate_input_value`: reports each problem of a JSON value as a
/// value of `type` to `onError`, with the path inside the value.
func validateInputValue<Failure: Error>(
    _ value: JSON, _ type: GraphQLType, onError: @escaping (GraphQLError, [PathKey]) throws(Failure) -> Void
) throws(Failure) {
    var walker = InputValueWalker(variables: nil, onError: onError)
    try walker.value(value, type)
}

/// The first problem `validateInputLiteral` finds with the request's variables, if any.
func firstInputLiteralProblem(_ literal: Value, _ type: GraphQLType, variables: JSONObject) -> (error: GraphQLError, path: [PathKey])? {
    struct Found: Error {
        let error: GraphQLError
        let path: [PathKey]
    }
    do {
        try validateInputLiteral(literal, type, variables: variables) { (error, path) throws(Found) in
            throw Found(error: error, path: path)
        }
        return nil
    } catch {
        return (error.error, error.path)
    }
}

/// " at .a[0].b" for a path inside a value, "" for the value itself
/// (graphql-core `print_path_list`).
func printPathList(_ path: [PathKey]) -> String {
    guard !path.isEmpty else { return "" }
    return " at " + path.map { key in
        switch key {
        case .key(let k): return "." + k
        case .index(let i): return "[\(i)]"
        }
    }.joined()
}

/// A literal as a constant (graphql-core `replace_variables`): a variable becomes
/// its value, or null without one (always, without `variables`); an input object
/// field given a variable without a value is left out. Lists and objects are new
/// nodes, without a location.
func replacingVariables(_ node: Value, _ variables: JSONObject?) -> Value {
    switch node {
    case .variable(let name):
        guard let value = variables?[name.value] else { return .null(.unknown) }
        return untypedLiteral(value)
    case .list(let items, _):
        return .list(items.map { replacingVariables($0, variables) }, .unknown)
    case .object(let fields, _):
        var kept: [ObjectField] = []
        for field in fields {
            if case .variable(let name) = field.value, variables?[name.value] == nil { continue }
            kept.append(ObjectField(name: field.name, value: replacingVariables(field.value, variables), loc: .unknown))
        }
        return .object(kept, .unknown)
    default:
        return node
    }
}

/// The messages of invalid input values, as graphql-core words them; `found` is
/// the whole value as the message shows it. Variable coercion uses them too.
enum InputValueMessage {
    static func null(_ type: GraphQLType) -> String {
        "Expected value of non-null type \"\(type)\" not to be null."
    }

    static func notAnObject(_ type: GraphQLInputObjectType, found: String) -> String {
        "Expected value of type \"\(type.name)\" to be an object, found: \(found)."
    }

    static func missingField(_ type: GraphQLInputObjectType, _ field: String, found: String) -> String {
        "Expected value of type \"\(type.name)\" to include required field \"\(field)\", found: \(found)."
    }

    static func unknownField(_ type: GraphQLInputObjectType, _ field: String, found: String) -> String {
        let suggestion = didYouMean(suggestionList(field, type.fields.map(\.name)))
        return "Expected value of type \"\(type.name)\" not to include unknown field \"\(field)\""
            + (suggestion.isEmpty ? ", found" : ".\(suggestion) Found") + ": \(found)."
    }

    static func oneOf(_ type: GraphQLInputObjectType) -> String {
        "Within OneOf Input Object type \"\(type.name)\", exactly one field must be specified, and the value for that field must be non-null."
    }

    /// A leaf type's coercion failed with an error that is not a coercion error.
    static func leafFailure(_ type: GraphQLType, _ error: any Error, found: String) -> String {
        "Expected value of type \"\(type)\", but encountered error \"\(error)\"; found: \(found)."
    }
}

/// The walk: the variables (nil: statically), where to report, the path so far.
private struct InputValueWalker<Failure: Error> {
    let variables: JSONObject?
    let onError: (GraphQLError, [PathKey]) throws(Failure) -> Void
    var path: [PathKey] = []

    init(variables: JSONObject?, onError: @escaping (GraphQLError, [PathKey]) throws(Failure) -> Void) {
        self.variables = variables
        self.onError = onError
    }

    /// Reports a problem at the current path, at `location` unless it is unknown
    /// (a node made here, as graphql-core's replaced nodes, has none).
    private func report(_ message: String, at location: Location? = nil) throws(Failure) {
        let nodes = location.map { $0 == .unknown ? [] : [$0] } ?? []
        try onError(GraphQLError(message, nodes: nodes), path)
    }

    /// Reports why a leaf type could not coerce a value: a coercion error's message
    /// (at the literal coerced), a GraphQL error as it is, any other error as such
    /// (at the literal as written).
    private func reportLeaf(_ error: any Error, _ type: GraphQLType, coerced: Value? = nil, written: Value? = nil,
                            found: () -> String) throws(Failure) {
        switch error {
        case let error as CoercionError: try report(error.message, at: coerced?.loc)
        case let error as GraphQLError: try onError(error, path)
        default: try report(InputValueMessage.leafFailure(type, error, found: found()), at: written?.loc)
        }
    }

    // MARK: Literals

    mutating func literal(_ node: Value, _ type: GraphQLType) throws(Failure) {
        if case .variable(let name) = node {
            // Statically there is nothing to check; at run time only that a
            // non-null type gets a value. The variable's type is checked by validation.
            guard let variables, case .nonNull = type else { return }
            switch variables[name.value] {
            case nil:
                try report("Expected variable \"$\(name.value)\" provided to type \"\(type)\" to provide a runtime value.", at: node.loc)
            case .null?:
                try report("Expected variable \"$\(name.value)\" provided to non-null type \"\(type)\" not to be null.", at: node.loc)
            default:
                break
            }
            return
        }
        if case .nonNull(let inner) = type {
            if case .null = node {
                try report(InputValueMessage.null(type), at: node.loc)
                return
            }
            try literal(node, inner)
            return
        }
        if case .null = node { return }
        switch type {
        case .list(let itemType):
            guard case .list(let items, _) = node else {
                try literal(node, itemType)  // a single value is a list of one
                return
            }
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                try literal(item, itemType)
            }
        case .inputObject(let objectType):
            try objectLiteral(node, objectType)
        case .enumType(let enumType):
            let constant = replacingVariables(node, variables)
            do { _ = try enumType.coerceLiteral(constant) } catch {
                try reportLeaf(error, type, coerced: constant, written: node) { printForError(node) }
            }
        case .scalar(let scalar):
            // The specified scalars see the literal with its variables replaced;
            // custom scalars see it as written, with the variables.
            let coerced = scalar.builtIn != nil ? replacingVariables(node, variables) : node
            do { _ = try scalar.coerceLiteral(coerced, variables: variables) } catch {
                try reportLeaf(error, type, coerced: coerced, written: node) { printForError(node) }
            }
        default:
            return
        }
    }

    private mutating func objectLiteral(_ node: Value, _ type: GraphQLInputObjectType) throws(Failure) {
        guard case .object(let fieldNodes, _) = node else {
            try report(InputValueMessage.notAnObject(type, found: printForError(node)), at: node.loc)
            return
        }
        for field in type.fields {
            // Of fields with the same name, the last one counts (validation reports the others).
            guard let fieldNode = fieldNodes.last(where: { $0.name.value == field.name }) else {
                if field.isRequired {
                    try report(InputValueMessage.missingField(type, field.name, found: printForError(node)), at: node.loc)
                }
                continue
            }
            if case .variable(let variable) = fieldNode.value, let variables {
                let value = variables[variable.value]
                if type.isOneOf {
                    let given = "Expected variable \"$\(variable.value)\" provided to field \"\(field.name)\" for OneOf Input Object type \"\(type.name)\""
                    if value == nil {
                        try report(given + " to provide a runtime value.", at: node.loc)
                    } else if value?.isNull == true {
                        try report(given + " not to be null.", at: node.loc)
                    }
                } else if value == nil && !field.isRequired {
                    continue
                }
            }
            path.append(.key(field.name))
            defer { path.removeLast() }
            try literal(fieldNode.value, field.type)
        }
        var knownFields: [ObjectField] = []
        for fieldNode in fieldNodes {
            guard type.field(named: fieldNode.name.value) != nil else {
                try report(InputValueMessage.unknownField(type, fieldNode.name.value, found: printForError(node)), at: fieldNode.loc)
                continue
            }
            knownFields.append(fieldNode)
        }
        guard type.isOneOf else { return }
        guard knownFields.count == 1 else {
            try report(InputValueMessage.oneOf(type), at: node.loc)
            return
        }
        if case .null = knownFields[0].value {
            path.append(.key(knownFields[0].name.value))
            defer { path.removeLast() }
            try report(InputValueMessage.oneOf(type), at: node.loc)
        }
    }

    // MARK: JSON values

    mutating func value(_ value: JSON, _ type: GraphQLType) throws(Failure) {
        if case .nonNull(let inner) = type {
            if value.isNull {
                try report(InputValueMessage.null(type))
                return
            }
            try self.value(value, inner)
            return
        }
        if value.isNull { return }
        switch type {
        case .list(let itemType):
            guard case .array(let items) = value else {
                try self.value(value, itemType)  // a single value is a list of one
                return
            }
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                try self.value(item, itemType)
            }
        case .inputObject(let objectType):
            try objectValue(value, objectType)
        case .enumType(let enumType):
            guard case .string = value else {
                // Unlike variable coercion, with suggestions (as graphql-core).
                let shown = inspect(value)
                try report("Enum \"\(enumType.name)\" cannot represent non-string value: \(shown).\(enumType.didYouMeanValue(shown))")
                return
            }
            do { _ = try enumType.coerceInputValue(value) } catch { try reportLeaf(error, type) { inspect(value) } }
        case .scalar(let scalar):
            do { _ = try scalar.coerceInputValue(value) } catch { try reportLeaf(error, type) { inspect(value) } }
        default:
            return
        }
    }

    private mutating func objectValue(_ value: JSON, _ type: GraphQLInputObjectType) throws(Failure) {
        guard case .object(let object) = value else {
            try report(InputValueMessage.notAnObject(type, found: inspect(value)))
            return
        }
        for field in type.fields {
            guard let fieldValue = object[field.name] else {
                if field.isRequired { try report(InputValueMessage.missingField(type, field.name, found: inspect(value))) }
                continue
            }
            path.append(.key(field.name))
            defer { path.removeLast() }
            try self.value(fieldValue, field.type)
        }
        var known: [String] = []
        for entry in object.entries {
            guard type.field(named: entry.key) != nil else {
                try report(InputValueMessage.unknownField(type, entry.key, found: inspect(value)))
                continue
            }
            known.append(entry.key)
        }
        guard type.isOneOf else { return }
        if known.count != 1 { try report(InputValueMessage.oneOf(type)) }
        if let first = known.first, object[first]?.isNull == true {
            path.append(.key(first))
            defer { path.removeLast() }
            try report(InputValueMessage.oneOf(type))
        }
    }
}
