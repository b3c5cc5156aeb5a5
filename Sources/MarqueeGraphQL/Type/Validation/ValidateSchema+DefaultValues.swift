// Spec 3.6.1 / 3.10: an argument's or input field's default value must be a
// valid value of its type (graphql-js `validateDefaultValue`).

extension SchemaValidationContext {
    func validateDefaultValue(_ input: GraphQLArgument, _ inputString: String, node: InputValueDefinition?) {
        let defaultLoc = node?.defaultValue?.loc ?? input.defaultValueAST?.loc
        var found: [(error: GraphQLError, path: [PathKey])] = []
        if let literal = input.defaultValueAST {
            validateInputLiteral(literal, input.type) { found.append(($0, $1)) }
        } else if let value = input.defaultValue {
            validateInputValue(value, input.type) { found.append(($0, $1)) }
            // A value given in code may be an "internal" (coerced) one: when its
            // "external" form is valid, say so.
            if !found.isEmpty, let uncoerced = uncoerce(value, input.type) {
                var uncoercedErrors = 0
                validateInputValue(uncoerced, input.type) { _, _ in uncoercedErrors += 1 }
                if uncoercedErrors == 0 {
                    report("\(inputString) has invalid default value: \(inspect(value)). Did you mean: \(inspect(uncoerced))?", defaultLoc)
                    return
                }
            }
        }
        for (error, path) in found {
            let message = "\(inputString) has invalid default value\(printPathList(path)): \(error.message)"
            // A literal's problem is where its node is (nowhere for a node made while
            // checking); a JSON value's is at the default value.
            if input.defaultValueAST != nil || !error.locations.isEmpty {
                report(message, locations: error.locations)
            } else {
                report(message, defaultLoc)
            }
        }
    }

    /// The "external" form of a coerced value (graphql-js `uncoerceDefaultValue`).
    private func uncoerce(_ value: JSON, _ type: GraphQLType) -> JSON? {
        switch type {
        case .nonNull(let inner): return uncoerce(value, inner)
        case _ where value.isNull: return .null
        case .list(let itemType):
            guard case .array(let items) = value else { return uncoerce(value, itemType).map { .array([$0]) } }
            var result: [JSON] = []
            for item in items {
                guard let uncoerced = uncoerce(item, itemType) else { return nil }
                result.append(uncoerced)
            }
            return .array(result)
        case .inputObject(let input):
            guard case .object(let object) = value else { return nil }
            var result = JSONObject()
            for entry in object.entries {
                guard let field = input.field(named: entry.key), let uncoerced = uncoerce(entry.value, field.type) else { return nil }
                result.append(entry.key, uncoerced)
            }
            return .object(result)
        case .scalar(let scalar):
            return try? scalar.serializeValue(value)
        case .enumType:
            return value
        default:
            return nil
        }
    }
}
