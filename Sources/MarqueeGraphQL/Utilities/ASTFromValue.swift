/// astFromValue(): the literal that writes a coerced input value of `type`, as
/// introspection's `defaultValue` and the schema printer show defaults.
public func astFromValue(_ value: JSON, type: GraphQLType) -> Value? {
    if case .nonNull(let inner) = type {
        if value.isNull { return nil }
        return astFromValue(value, type: inner)
    }
    if value.isNull { return .null(.unknown) }
    switch type {
    case .list(let itemType):
        if case .array(let items) = value {
            return .list(items.compactMap { astFromValue($0, type: itemType) }, .unknown)
        }
        return astFromValue(value, type: itemType)
    case .inputObject(let inputType):
        guard case .object(let object) = value else { return nil }
        var fields: [ObjectField] = []
        for field in inputType.fields {
            guard let fieldValue = object[field.name], let literal = astFromValue(fieldValue, type: field.type) else { continue }
            fields.append(ObjectField(name: Name(value: field.name), value: literal, loc: .unknown))
        }
        return .object(fields, .unknown)
    case .enumType:
        guard case .string(let name) = value else { return nil }
        return .enumValue(name, .unknown)
    case .scalar(let scalar):
        let serialized: JSON
        if scalar.builtIn != nil {
            guard let s = try? scalar.serializeValue(value) else { return nil }
            serialized = s
        } else {
            serialized = value
        }
        return untypedLiteral(serialized, isID: scalar.builtIn == .id)
    default:
        return nil
    }
}

/// A JSON value as the literal that writes it, whatever the type (an ID's
/// integer string as an integer).
func untypedLiteral(_ value: JSON, isID: Bool = false) -> Value {
    switch value {
    case .null: return .null(.unknown)
    case .bool(let b): return .boolean(b, .unknown)
    case .int(let i): return .int(String(i), .unknown)
    case .double(let d):
        if d.rounded(.towardZero) == d, abs(d) < 1e21 { return .int(String(Int(d)), .unknown) }
        return .float(d.description, .unknown)
    case .string(let s):
        if isID, let _ = Int(s), !s.hasPrefix("0") || s == "0", !s.hasPrefix("+") { return .int(s, .unknown) }
        return .string(s, block: false, .unknown)
    case .array(let items): return .list(items.map { untypedLiteral($0) }, .unknown)
    case .object(let object):
        return .object(object.entries.map { ObjectField(name: Name(value: $0.key), value: untypedLiteral($0.value), loc: .unknown) }, .unknown)
    }
}
