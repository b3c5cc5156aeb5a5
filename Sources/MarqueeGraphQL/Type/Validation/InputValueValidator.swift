// graphql-js `validateInputLiteral` (statically, without variable values) and
// `validateInputValue`: every reason a literal or a JSON value is not a valid
// value of an input type, each with the path inside the value where it is.
// Schema validation uses them to check default values.

struct InputValueValidator {
    /// One problem: the message, the path inside the value, the nodes it concerns.
    typealias OnError = (_ message: String, _ path: [PathKey], _ locations: [Location]) -> Void

    let onError: OnError
    private var path: [PathKey] = []

    init(onError: @escaping OnError) { self.onError = onError }

    private func report(_ message: String, _ locations: [Location] = []) { onError(message, path, locations) }

    // MARK: Literals

    mutating func validateLiteral(_ value: Value, _ type: GraphQLType) {
        // Variables are not known statically: nothing to report.
        if case .variable = value { return }
        if case .nonNull(let inner) = type {
            if case .null = value {
                report("Expected value of non-null type \"\(type)\" not to be null.", [value.loc])
                return
            }
            validateLiteral(value, inner)
            return
        }
        if case .null = value { return }
        switch type {
        case .list(let itemType):
            guard case .list(let items, _) = value else {
                validateLiteral(value, itemType)  // a list of one
                return
            }
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                validateLiteral(item, itemType)
                path.removeLast()
            }
        case .inputObject(let input):
            validateObjectLiteral(value, input)
        case .enumType(let enumType):
            validateEnumLiteral(value, enumType)
        case .scalar(let scalar):
            do {
                _ = try scalar.coerceLiteral(value, variables: nil)
            } catch let error as CoercionError {
                report(error.message, [value.loc])
            } catch {
                report("Expected value of type \"\(type)\", but encountered error \"\(error)\"; found: \(SchemaPrinter.value(value)).", [value.loc])
            }
        default:
            return
        }
    }

    private mutating func validateObjectLiteral(_ value: Value, _ input: GraphQLInputObjectType) {
        guard case .object(let fieldNodes, _) = value else {
            report("Expected value of type \"\(input.name)\" to be an object, found: \(SchemaPrinter.value(value)).", [value.loc])
            return
        }
        for field in input.fields {
            guard let fieldNode = fieldNodes.first(where: { $0.name.value == field.name }) else {
                if field.isRequired {
                    report("Expected value of type \"\(input.name)\" to include required field \"\(field.name)\", found: \(SchemaPrinter.value(value)).", [value.loc])
                }
                continue
            }
            path.append(.key(field.name))
            validateLiteral(fieldNode.value, field.type)
            path.removeLast()
        }
        var known: [ObjectField] = []
        for fieldNode in fieldNodes {
            guard input.field(named: fieldNode.name.value) != nil else {
                let suggestion = didYouMean(suggestionList(fieldNode.name.value, input.fields.map(\.name)))
                report("Expected value of type \"\(input.name)\" not to include unknown field \"\(fieldNode.name.value)\""
                       + (suggestion.isEmpty ? ", found" : ".\(suggestion) Found") + ": \(SchemaPrinter.value(value)).", [fieldNode.loc])
                continue
            }
            known.append(fieldNode)
        }
        guard input.isOneOf else { return }
        guard known.count == 1 else {
            report(oneOfMessage(input), [value.loc])
            return
        }
        if case .null = known[0].value {
            path.append(.key(known[0].name.value))
            report(oneOfMessage(input), [value.loc])
            path.removeLast()
        }
    }

    private func validateEnumLiteral(_ value: Value, _ enumType: GraphQLEnumType) {
        let printed = SchemaPrinter.value(value)
        let suggestions = didYouMean("the enum value", suggestionList(printed, enumType.values.map(\.name)))
        if case .enumValue(let name, _) = value {
            if enumType.value(named: name) == nil {
                report("Value \"\(printed)\" does not exist in \"\(enumType.name)\" enum.\(suggestions)", [value.loc])
            }
            return
        }
        report("Enum \"\(enumType.name)\" cannot represent non-enum value: \(printed).\(suggestions)", [value.loc])
    }

    // MARK: JSON values

    mutating func validateValue(_ value: JSON, _ type: GraphQLType) {
        if case .nonNull(let inner) = type {
            if value.isNull {
                report("Expected value of non-null type \"\(type)\" not to be null.")
                return
            }
            validateValue(value, inner)
            return
        }
        if value.isNull { return }
        switch type {
        case .list(let itemType):
            guard case .array(let items) = value else {
                validateValue(value, itemType)
                return
            }
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                validateValue(item, itemType)
                path.removeLast()
            }
        case .inputObject(let input):
            validateObjectValue(value, input)
        case .enumType(let enumType):
            guard case .string(let name) = value else {
                let shown = inspect(value)
                let suggestions = didYouMean("the enum value", suggestionList(shown, enumType.values.map(\.name)))
                report("Enum \"\(enumType.name)\" cannot represent non-string value: \(shown).\(suggestions)")
                return
            }
            if enumType.value(named: name) == nil {
                let suggestions = didYouMean("the enum value", suggestionList(name, enumType.values.map(\.name)))
                report("Value \"\(name)\" does not exist in \"\(enumType.name)\" enum.\(suggestions)")
            }
        case .scalar(let scalar):
            do {
                _ = try scalar.coerceInputValue(value)
            } catch let error as CoercionError {
                report(error.message)
            } catch {
                report("Expected value of type \"\(type)\", but encountered error \"\(error)\"; found: \(inspect(value)).")
            }
        default:
            return
        }
    }

    private mutating func validateObjectValue(_ value: JSON, _ input: GraphQLInputObjectType) {
        guard case .object(let object) = value else {
            report("Expected value of type \"\(input.name)\" to be an object, found: \(inspect(value)).")
            return
        }
        for field in input.fields {
            guard let fieldValue = object[field.name] else {
                if field.isRequired {
                    report("Expected value of type \"\(input.name)\" to include required field \"\(field.name)\", found: \(inspect(value)).")
                }
                continue
            }
            path.append(.key(field.name))
            validateValue(fieldValue, field.type)
            path.removeLast()
        }
        var known: [String] = []
        for entry in object.entries {
            guard input.field(named: entry.key) != nil else {
                let suggestion = didYouMean(suggestionList(entry.key, input.fields.map(\.name)))
                report("Expected value of type \"\(input.name)\" not to include unknown field \"\(entry.key)\""
                       + (suggestion.isEmpty ? ", found" : ".\(suggestion) Found") + ": \(inspect(value)).")
                continue
            }
            known.append(entry.key)
        }
        guard input.isOneOf else { return }
        if known.count != 1 { report(oneOfMessage(input)) }
        if let first = known.first, object[first]?.isNull == true {
            path.append(.key(first))
            report(oneOfMessage(input))
            path.removeLast()
        }
    }

    private func oneOfMessage(_ input: GraphQLInputObjectType) -> String {
        "Within OneOf Input Object type \"\(input.name)\", exactly one field must be specified, and the value for that field must be non-null."
    }
}
