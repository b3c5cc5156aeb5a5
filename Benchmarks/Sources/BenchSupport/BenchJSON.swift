// A neutral JSON value, parser and comparison, belonging to neither engine: the
// expected responses, the variables and both engines' responses are all turned
// into this before they are compared, so a bug in one engine's JSON code cannot
// hide a wrong response.

public indirect enum BenchJSON: Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([BenchJSON])
    /// Members in document order.
    case object([(String, BenchJSON)])

    public subscript(key: String) -> BenchJSON? {
        if case .object(let members) = self {
            for (k, v) in members where k == key { return v }
        }
        return nil
    }

    public var arrayValue: [BenchJSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var numberValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// Compact JSON text (for messages; not a serializer under test).
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return "\"" + s.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"").replacingAll("\n", "\\n") + "\""
        case .array(let a): return "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let m): return "{" + m.map { "\"\($0.0)\":\($0.1.description)" }.joined(separator: ",") + "}"
        }
    }

    /// Number of leaf values (scalars and nulls), as the fixture README counts them.
    public var leafCount: Int {
        switch self {
        case .array(let a): return a.reduce(0) { $0 + $1.leafCount }
        case .object(let m): return m.reduce(0) { $0 + $1.1.leafCount }
        default: return 1
        }
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard self.contains(target) else { return self }
        return self.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

// MARK: Parsing

public struct BenchJSONError: Error, CustomStringConvertible {
    public let description: String
    public init(description: String) { self.description = description }
}

extension BenchJSON {
    public static func parse(_ text: String) throws -> BenchJSON {
        var bytes = Array(text.utf8)
        bytes.append(0)
        var p = Parser(bytes: bytes)
        p.skipWhitespace()
        let value = try p.value()
        p.skipWhitespace()
        guard p.pos == bytes.count - 1 else { throw BenchJSONError(description: "trailing data at byte \(p.pos)") }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var pos = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipWhitespace() {
            while true {
                switch bytes[pos] {
                case 0x20, 0x0A, 0x0D, 0x09: pos += 1
                default: return
                }
            }
        }

        func fail(_ message: String) -> BenchJSONError { BenchJSONError(description: "\(message) at byte \(pos)") }

        mutating func literal(_ word: String, _ value: BenchJSON) throws -> BenchJSON {
            for b in word.utf8 {
                guard bytes[pos] == b else { throw fail("bad literal") }
                pos += 1
            }
            return value
        }

        mutating func value() throws -> BenchJSON {
            switch bytes[pos] {
            case UInt8(ascii: "{"):
                pos += 1
                var members: [(String, BenchJSON)] = []
                skipWhitespace()
                if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
                while true {
                    skipWhitespace()
                    guard bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected key") }
                    let key = try string()
                    skipWhitespace()
                    guard bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    pos += 1
                    skipWhitespace()
                    members.append((key, try value()))
                    skipWhitespace()
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
                    throw fail("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                pos += 1
                var items: [BenchJSON] = []
                skipWhitespace()
                if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                while true {
                    skipWhitespace()
                    items.append(try value())
                    skipWhitespace()
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                    throw fail("expected ',' or ']'")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                return try number()
            }
        }

        mutating func number() throws -> BenchJSON {
            let start = pos
            var isDouble = false
            if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            while true {
                let b = bytes[pos]
                if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { pos += 1; continue }
                if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+") || (b == UInt8(ascii: "-") && pos > start) {
                    isDouble = true
                    pos += 1
                    continue
                }
                break
            }
            guard pos > start else { throw fail("unexpected character") }
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            if !isDouble, let i = Int(text) { return .int(i) }
            guard let d = Double(text) else { throw fail("bad number \(text)") }
            return .double(d)
        }

        mutating func string() throws -> String {
            pos += 1 // opening quote
            var out: [UInt8] = []
            while true {
                let b = bytes[pos]
                switch b {
                case UInt8(ascii: "\""):
                    pos += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    pos += 1
                    let e = bytes[pos]
                    pos += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if code >= 0xD800 && code < 0xDC00, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") {
                            pos += 2
                            let low = try hex4()
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default: throw fail("bad escape")
                    }
                case 0:
                    if pos >= bytes.count - 1 { throw fail("unterminated string") }
                    out.append(b); pos += 1
                default:
                    out.append(b); pos += 1
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[pos]
                pos += 1
                let d: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
                default: throw fail("bad hex")
                }
                v = v << 4 | d
            }
            return v
        }
    }
}

// MARK: Comparison

extension BenchJSON {
    /// nil when `self` and `other` are equal as parsed JSON (object key order
    /// ignored, numbers compared by value); otherwise where and how they differ.
    public func difference(from other: BenchJSON, path: String = "$") -> String? {
        switch (self, other) {
        case (.null, .null): return nil
        case (.bool(let a), .bool(let b)): return a == b ? nil : "\(path): \(a) vs \(b)"
        case (.string(let a), .string(let b)): return a == b ? nil : "\(path): \"\(a)\" vs \"\(b)\""
        case (.int, _), (.double, _):
            guard let a = numberValue, let b = other.numberValue else { break }
            return a == b ? nil : "\(path): \(a) vs \(b)"
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return "\(path): array of \(a.count) vs \(b.count) items" }
            for i in 0..<a.count {
                if let d = a[i].difference(from: b[i], path: "\(path)[\(i)]") { return d }
            }
            return nil
        case (.object(let a), .object(let b)):
            let keysA = a.map(\.0), keysB = b.map(\.0)
            if Set(keysA) != Set(keysB) || keysA.count != keysB.count {
                let missing = keysB.filter { !keysA.contains($0) }, extra = keysA.filter { !keysB.contains($0) }
                return "\(path): keys differ (missing \(missing), unexpected \(extra))"
            }
            for (k, v) in a {
                if let d = v.difference(from: other[k]!, path: "\(path).\(k)") { return d }
            }
            return nil
        default: break
        }
        return "\(path): \(String(self.description.prefix(80))) vs \(String(other.description.prefix(80)))"
    }

    /// Reorders what the spec leaves unordered in an introspection result and
    /// keeps only the schema's own types (README: names not starting with `__`,
    /// built-in scalars excluded), sorted by name.
    /// `blankInputFieldDefaults` sets every input-object field's `defaultValue` to
    /// null, to tell a known peer bug (below) from any other difference.
    public static func normalizedIntrospection(_ response: BenchJSON, blankInputFieldDefaults: Bool = false) -> BenchJSON {
        let builtIn: Set<String> = ["String", "Int", "Float", "Boolean", "ID"]
        let types = response["data"]?["__schema"]?["types"]?.arrayValue ?? []
        let own = types.filter { t in
            guard let name = t["name"]?.stringValue else { return true }
            return !name.hasPrefix("__") && !builtIn.contains(name)
        }
        return .array(own.map { sortedType($0, blankInputFieldDefaults) }.sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") })
    }

    private static func sortedByName(_ value: BenchJSON?, _ transform: (BenchJSON) -> BenchJSON = { $0 }) -> BenchJSON {
        guard let value else { return .null }
        guard case .array(let items) = value else { return value }
        return .array(items.map(transform).sorted { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") })
    }

    private static func sortedType(_ type: BenchJSON, _ blankInputFieldDefaults: Bool) -> BenchJSON {
        guard case .object(let members) = type else { return type }
        return .object(members.map { key, value in
            switch key {
            case "fields":
                return (key, sortedByName(value) { field in
                    guard case .object(let fm) = field else { return field }
                    return .object(fm.map { k, v in k == "args" ? (k, sortedByName(v)) : (k, v) })
                })
            case "inputFields" where blankInputFieldDefaults:
                return (key, sortedByName(value) { field in
                    guard case .object(let fm) = field else { return field }
                    return .object(fm.map { k, v in k == "defaultValue" ? (k, .null) : (k, v) })
                })
            case "inputFields", "enumValues", "interfaces", "possibleTypes":
                return (key, sortedByName(value))
            default:
                return (key, value)
            }
        })
    }
}
