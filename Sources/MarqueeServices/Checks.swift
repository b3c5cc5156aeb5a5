import MarqueeProto
import MarqueeRPC
import MarqueeStore

/// The caller of the current call, or UNAUTHENTICATED.
func requireCaller() throws -> Caller {
    guard let caller = CallContext.current?.caller else { throw ServiceError.unauthenticated() }
    return caller
}

/// The caller if it holds one of `roles` (ADMIN always does), or PERMISSION_DENIED.
func requireRole(_ roles: String...) throws -> Caller {
    let caller = try requireCaller()
    guard caller.isAdmin || roles.contains(where: caller.has) else {
        throw ServiceError.permissionDenied("requires the \(roles.joined(separator: " or ")) role")
    }
    return caller
}

/// Input checks that answer INVALID_ARGUMENT naming the field.
enum Check {
    static func text(_ value: String, _ field: String, min: Int = 1, max: Int) throws -> String {
        let trimmed = value.trimmingWhitespace()
        guard trimmed.count >= min else {
            throw ServiceError.invalid(field, min == 1 ? "is required" : "must be at least \(min) characters")
        }
        guard trimmed.count <= max else { throw ServiceError.invalid(field, "must be at most \(max) characters") }
        return trimmed
    }

    static func id(_ value: String, _ field: String) throws -> String {
        guard !value.isEmpty else { throw ServiceError.invalid(field, "is required") }
        guard value.utf8.count <= 64 else { throw ServiceError.invalid(field, "is not a valid id") }
        return value
    }

    static func ids(_ values: [String], _ field: String, max: Int = 500) throws -> [String] {
        guard values.count <= max else { throw ServiceError.invalid(field, "at most \(max) ids per call") }
        var seen = Set<String>()
        return try values.filter { seen.insert(try id($0, field)).inserted }
    }

    /// The page size (default 20, 1…100) and the decoded cursor.
    static func page(_ page: Marquee_V1_PageRequest) throws -> (first: Int, after: (Int64, String)?) {
        guard page.first >= 0 else { throw ServiceError.invalid("page.first", "must not be negative") }
        // 0 = the default page; larger than 100 is clamped to 100.
        let first = page.first == 0 ? 20 : min(100, Int(page.first))
        guard !page.after.isEmpty else { return (first, nil) }
        guard let cursor = Cursor.decode(page.after) else { throw ServiceError.invalid("page.after", "is not a valid cursor") }
        return (first, cursor)
    }

    static func currency(_ value: String, _ field: String) throws -> String {
        guard value.utf8.count == 3, value.utf8.allSatisfy({ (65...90).contains($0) }) else {
            throw ServiceError.invalid(field, "must be a three-letter ISO 4217 code such as EUR")
        }
        return value
    }

    static func url(_ value: String, _ field: String) throws -> String {
        guard !value.isEmpty else { return "" }
        guard value.utf8.count <= 2048, value.hasPrefix("https://") || value.hasPrefix("http://") else {
            throw ServiceError.invalid(field, "must be an http(s) URL")
        }
        return value
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
