// The specified scalars' result and input coercion (spec 3.5.1–3.5.5), with
// graphql-js's error messages.

private let minInt = Int(Int32.min)
private let maxInt = Int(Int32.max)

extension GraphQLScalarType {
    /// Result coercion of a resolved value.
    @inlinable public func serializeValue(_ value: any Sendable) throws -> JSON {
        if let builtIn { return try Self.serializeBuiltIn(builtIn, value) }
        if let serialize { return try serialize(value) }
        return JSON(any: value) ?? .null
    }

    /// Input coercion of a variable value.
    public func coerceInputValue(_ value: JSON) throws -> JSON {
        if let builtIn { return try Self.parseBuiltIn(builtIn, value) }
        if let parseValue { return try parseValue(value) }
        return value
    }

    /// Input coercion of a literal with no variables in it.
    public func coerceLiteral(_ literal: Value, variables: JSONObject?) throws -> JSON {
        if let builtIn { return try Self.parseBuiltInLiteral(builtIn, literal) }
        if let parseLiteral { return try parseLiteral(literal, variables) }
        return try valueFromASTUntyped(literal, variables: variables)
    }

    @usableFromInline static func serializeBuiltIn(_ builtIn: BuiltIn, _ value: any Sendable) throws -> JSON {
        let json: JSON
        if let j = JSON(any: value) { json = j } else {
            throw CoercionError(builtInName(builtIn) + " cannot represent value: " + String(describing: value))
        }
        switch builtIn {
        case .string:
            switch json {
            case .string: return json
            case .bool(let b): return .string(b ? "true" : "false")
            case .int(let i): return .string(String(i))
            case .double(let d) where d.isFinite: return .string(formatNumber(d))
            default: throw CoercionError("String cannot represent value: \(inspect(json))")
            }
        case .int:
            switch json {
            case .int(let i):
                guard i >= minInt && i <= maxInt else { throw CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(json))") }
                return json
            case .bool(let b): return .int(b ? 1 : 0)
            case .double(let d):
                guard d.isFinite, d.rounded(.towardZero) == d else { throw CoercionError("Int cannot represent non-integer value: \(inspect(json))") }
                guard d >= Double(minInt) && d <= Double(maxInt) else { throw CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(json))") }
                return .int(Int(d))
            case .string(let s):
                guard let i = Int(s.trimmingSpaces) else { throw CoercionError("Int cannot represent non-integer value: \(inspect(json))") }
                guard i >= minInt && i <= maxInt else { throw CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(json))") }
                return .int(i)
            default: throw CoercionError("Int cannot represent non-integer value: \(inspect(json))")
            }
        case .float:
            switch json {
            case .double(let d):
                guard d.isFinite else { throw CoercionError("Float cannot represent non numeric value: \(inspect(json))") }
                return json
            case .int: return json
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let s):
                guard let d = Double(s.trimmingSpaces), d.isFinite else { throw CoercionError("Float cannot represent non numeric value: \(inspect(json))") }
                return .double(d)
            default: throw CoercionError("Float cannot represent non numeric value: \(inspect(json))")
            }
        case .boolean:
            switch json {
            case .bool: return json
            case .int(let i): return .bool(i != 0)
            case .double(let d) where d.isFinite: return .bool(d != 0)
            default: throw CoercionError("Boolean cannot represent a non boolean value: \(inspect(json))")
            }
        case .id:
            switch json {
            case .string: return json
            case .int(let i): return .string(String(i))
            case .double(let d) where d.isFinite && d.rounded(.towardZero) == d && abs(d) < 1e18: return .string(String(Int(d)))
            default: throw CoercionError("ID cannot represent value: \(inspect(json))")
            }
        }
    }

    static func parseBuiltIn(_ builtIn: BuiltIn, _ value: JSON) throws -> JSON {
        switch builtIn {
        case .int:
            switch value {
            case .int(let i):
                guard i >= minInt && i <= maxInt else { throw CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(value))") }
                return value
            case .double(let d) where d.isFinite && d.rounded(.towardZero) == d:
                guard d >= Double(minInt) && d <= Double(maxInt) else { throw CoercionError("Int cannot represent non 32-bit signed integer value: \(inspect(value))") }
                return .int(Int(d))
            default: throw CoercionError("Int cannot represent non-integer value: \(inspect(value))")
            }
        case .float:
            switch value {
            case .int, .double: return value
            default: throw CoercionError("Float cannot represent non numeric value: \(inspect(value))")
            }
        case .string:
            guard case .string = value else { throw CoercionError("String cannot represent a non string value: \(inspect(value))") }
            return value
        case .boolean:
            guard case .bool = value else { throw CoercionError("Boolean cannot represent a non boolean value: \(inspect(value))") }
            return value
        case .id:
            switch value {
            case .string: return value
            case .int(let i): return .string(String(i))
            case .double(let d) where d.isFinite && d.rounded(.towardZero) == d && abs(d) < 1e18: return .string(String(Int(d)))
            default: throw CoercionError("ID cannot represent value: \(inspect(value))")
            }
        }
    }

    static func parseBuiltInLiteral(_ builtIn: BuiltIn, _ literal: Value) throws -> JSON {
        switch builtIn {
        case .int:
            guard case .int(let text, _) = literal else { throw CoercionError("Int cannot represent non-integer value: \(printForError(literal))") }
            guard let i = Int(text), i >= minInt && i <= maxInt else { throw CoercionError("Int cannot represent non 32-bit signed integer value: \(text)") }
            return .int(i)
        case .float:
            switch literal {
            case .int(let text, _), .float(let text, _):
                guard let d = Double(text) else { throw CoercionError("Float cannot represent non numeric value: \(printForError(literal))") }
                if case .int = literal, let i = Int(text) { return .int(i) }
                return .double(d)
            default: throw CoercionError("Float cannot represent non numeric value: \(printForError(literal))")
            }
        case .string:
            guard case .string(let s, _, _) = literal else { throw CoercionError("String cannot represent a non string value: \(printForError(literal))") }
            return .string(s)
        case .boolean:
            guard case .boolean(let b, _) = literal else { throw CoercionError("Boolean cannot represent a non boolean value: \(printForError(literal))") }
            return .bool(b)
        case .id:
            switch literal {
            case .string(let s, _, _): return .string(s)
            case .int(let text, _): return .string(text)
            default: throw CoercionError("ID cannot represent a non-string and non-integer value: \(printForError(literal))")
            }
        }
    }

    static func builtInName(_ builtIn: BuiltIn) -> String {
        switch builtIn {
        case .int: return "Int"
        case .float: return "Float"
        case .string: return "String"
        case .boolean: return "Boolean"
        case .id: return "ID"
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}

/// A number as JavaScript prints it: integral values without a fraction.
func formatNumber(_ d: Double) -> String {
    if d.rounded(.towardZero) == d, abs(d) < 1e21 { return String(Int(d)) }
    return d.description
}

/// A value as graphql-js's `inspect` shows it in error messages: at most 10 list
/// items, and lists or objects nested deeper than 2 levels as `[Array]`/`[Object]`.
public func inspect(_ value: JSON) -> String {
    inspect(value, depth: 0)
}

private func inspect(_ value: JSON, depth: Int) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return d.isFinite ? formatNumber(d) : (d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"))
    case .string: return JSONWriter.string(of: value)
    case .array(let items):
        if items.isEmpty { return "[]" }
        if depth >= 2 { return "[Array]" }
        var shown = items.prefix(10).map { inspect($0, depth: depth + 1) }
        let remaining = items.count - shown.count
        if remaining == 1 { shown.append("... 1 more item") } else if remaining > 1 { shown.append("... \(remaining) more items") }
        return "[" + shown.joined(separator: ", ") + "]"
    case .object(let object):
        if object.isEmpty { return "{}" }
        if depth >= 2 { return "[Object]" }
        return "{ " + object.entries.map { "\($0.key): \(inspect($0.value, depth: depth + 1))" }.joined(separator: ", ") + " }"
    }
}

extension JSON {
    /// Converts common Swift values to JSON; nil for values it does not know.
    public init?(any value: any Sendable) {
        // The common types by exact type first: a failing `as?` is slow.
        let dynamicType = type(of: value)
        if dynamicType == String.self {
            self = .string(value as! String)
            return
        }
        if dynamicType == Int.self {
            self = .int(value as! Int)
            return
        }
        if dynamicType == JSON.self {
            self = value as! JSON
            return
        }
        if dynamicType == Bool.self {
            self = .bool(value as! Bool)
            return
        }
        switch value {
        case let v as JSON: self = v
        case let v as String: self = .string(v)
        case let v as Int: self = .int(v)
        case let v as Bool: self = .bool(v)
        case let v as Double: self = .double(v)
        case let v as Int32: self = .int(Int(v))
        case let v as Int64: self = .int(Int(v))
        case let v as UInt32: self = .int(Int(v))
        case let v as Float: self = .double(Double(v))
        case let v as Substring: self = .string(String(v))
        case let v as [any Sendable]:
            var items: [JSON] = []
            items.reserveCapacity(v.count)
            for item in v {
                guard let j = JSON(any: item) else { return nil }
                items.append(j)
            }
            self = .array(items)
        case let v as [String: any Sendable]:
            var object = JSONObject(minimumCapacity: v.count)
            for (key, item) in v.sorted(by: { $0.key < $1.key }) {
                guard let j = JSON(any: item) else { return nil }
                object.append(key, j)
            }
            self = .object(object)
        case let v as Optional<any Sendable>:
            guard let v else {
                self = .null
                return
            }
            guard let j = JSON(any: v) else { return nil }
            self = j
        default: return nil
        }
    }
}
