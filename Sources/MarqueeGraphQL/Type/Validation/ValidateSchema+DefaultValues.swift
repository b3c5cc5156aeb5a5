// Spec 3.6.1 / 3.10: an argument's or input field's default value must be a
// valid value of its type (graphql-js `validateDefaultValue`).

extension SchemaValidationContext {
    func validateDefaultValue(_ input: GraphQLArgument, _ inputString: String, node: InputValueDefinition?) {
        let defaultLoc = node?.defaultValue?.loc ?? input.defaultValueAST?.loc
        var found: [(message: String, path: [PathKey], locations: [Location])] = []
        var validator = InputValueValidator { found.append(($0, $1, $2)) }
        if let literal = input.defaultValueAST {
            validator.validateLiteral(literal, input.type)
        } else if let value = input.defaultValue {
            validator.validateValue(value, input.type)
            // A value given in code may be an "internal" (coerced) one: when its
            // "external" form is valid, say so.
            if !found.isEmpty, let uncoerced = uncoerce(value, input.type) {
                var uncoercedErrors = 0
                var check = InputValueValidator { _, _, _ in uncoercedErrors += 1 }
                check.validateValue(uncoerced, input.type)
                if uncoercedErrors == 0 {
                    report("\(inputString) has invalid default value: \(inspect(value)). Did you mean: \(inspect(uncoerced))?", defaultLoc)
                    return
                }
            }
        }
        for error in found {
            let locations: [Location?] = error.locations.isEmpty ? [defaultLoc] : error.locations
            report("\(inputString) has invalid default value\(printPathList(error.path)): \(error.message)", locations)
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

    /// " at .a[0].b" for a path inside a value, "" for the value itself.
    private func printPathList(_ path: [PathKey]) -> String {
        guard !path.isEmpty else { return "" }
        return " at " + path.map { key in
            switch key {
            case .key(let k): return ".\(k)"
            case .index(let i): return "[\(i)]"
            }
        }.joined()
    }
}
