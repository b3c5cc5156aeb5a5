/// Users and their refresh tokens.
public enum UserRepository {
    static let columns = "id, email, password_hash, display_name, roles, created_at"

    static func user(_ row: SQLRow) -> UserRecord {
        UserRecord(
            id: row.text(0), email: row.text(1), passwordHash: row.text(2), displayName: row.text(3),
            roles: row.text(4).split(separator: ",").map(String.init), createdAt: row.int(5))
    }

    /// Inserts a user; `StoreError.uniqueViolation` when the email is taken.
    public static func insert(_ conn: any SQLConnection, _ user: UserRecord) async throws {
        try await conn.query(
            "INSERT INTO users (\(columns)) VALUES ($1, $2, $3, $4, $5, $6)",
            .text(user.id), .text(user.email), .text(user.passwordHash), .text(user.displayName),
            .text(user.roles.joined(separator: ",")), .int(user.createdAt))
    }

    public static func byEmail(_ conn: any SQLConnection, _ email: String) async throws -> UserRecord? {
        try await conn.query("SELECT \(columns) FROM users WHERE email = $1", .text(email)).first.map(user)
    }

    public static func byIDs(_ conn: any SQLConnection, _ ids: [String]) async throws -> [UserRecord] {
        guard !ids.isEmpty else { return [] }
        let list = placeholders(ids.count)
        return try await conn.query("SELECT \(columns) FROM users WHERE id IN (\(list))", ids.map { .text($0) }).map(user)
            .inRequestOrder(ids, \.id)
    }

    public static func updateDisplayName(_ conn: any SQLConnection, id: String, displayName: String) async throws -> UserRecord? {
        try await conn.query(
            "UPDATE users SET display_name = $1 WHERE id = $2 RETURNING \(columns)", .text(displayName), .text(id)
        ).first.map(user)
    }

    public static func setRoles(_ conn: any SQLConnection, id: String, roles: [String]) async throws -> UserRecord? {
        try await conn.query(
            "UPDATE users SET roles = $1 WHERE id = $2 RETURNING \(columns)", .text(roles.joined(separator: ",")), .text(id)
        ).first.map(user)
    }

    /// Users by creation, optionally only those holding `role`.
    public static func list(_ conn: any SQLConnection, role: String?, first: Int, after: (Int64, String)?) async throws -> Page<UserRecord> {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let role {
            binds.append(.text("%\(role)%"))
            conditions.append("(',' || roles || ',') LIKE $\(binds.count)")
        }
        return try await paginate(
            conn, select: "SELECT \(columns) FROM users", conditions: conditions, binds: binds,
            sortColumn: "created_at", first: first, after: after, map: user, key: { ($0.createdAt, $0.id) })
    }

    // MARK: refresh tokens

    public enum RefreshState: Sendable, Equatable {
        /// Usable: the user it belongs to and its family.
        case active(userID: String, familyID: String)
        /// Already rotated or revoked: presenting it again is reuse.
        case reused(familyID: String)
        case expired
        case unknown
    }

    public static func insertRefreshToken(_ conn: any SQLConnection, hash: String, familyID: String, userID: String, expiresAt: Int64) async throws {
        try await conn.query(
            "INSERT INTO refresh_tokens (token_hash, family_id, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)",
            .text(hash), .text(familyID), .text(userID), .int(expiresAt), .int(Clock.nowMicros()))
    }

    /// Marks the token used (one winner under concurrency) and reports what it was.
    public static func consumeRefreshToken(_ conn: any SQLConnection, hash: String, now: Int64) async throws -> RefreshState {
        let claimed = try await conn.query(
            """
            UPDATE refresh_tokens SET used_at = $2
            WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2
            RETURNING user_id, family_id
            """, .text(hash), .int(now))
        if let row = claimed.first { return .active(userID: row.text(0), familyID: row.text(1)) }
        guard let row = try await conn.query(
            "SELECT family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1", .text(hash)
        ).first else { return .unknown }
        if row.optionalInt(2) != nil || row.optionalInt(3) != nil { return .reused(familyID: row.text(0)) }
        return .expired
    }

    public static func revokeFamily(_ conn: any SQLConnection, familyID: String, now: Int64) async throws {
        try await conn.query(
            "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL", .text(familyID), .int(now))
    }

    /// Revokes the family of a token (logout); false when the token is unknown.
    public static func revokeFamily(_ conn: any SQLConnection, ofToken hash: String, now: Int64) async throws -> Bool {
        guard let row = try await conn.query("SELECT family_id FROM refresh_tokens WHERE token_hash = $1", .text(hash)).first else {
            return false
        }
        try await revokeFamily(conn, familyID: row.text(0), now: now)
        return true
    }
}

extension Array {
    /// The records ordered as their ids were asked for (batch reads answer in request order).
    func inRequestOrder(_ ids: [String], _ id: (Element) -> String) -> [Element] {
        var position: [String: Int] = [:]
        for (index, key) in ids.enumerated() where position[key] == nil { position[key] = index }
        return sorted { (position[id($0)] ?? Int.max) < (position[id($1)] ?? Int.max) }
    }
}

/// "$1, $2, …, $n" starting after `offset` binds.
public func placeholders(_ count: Int, after offset: Int = 0) -> String {
    (1...count).map { "$\($0 + offset)" }.joined(separator: ", ")
}

/// Keyset pagination by (sortColumn, id): `first` items after the cursor, plus
/// whether more follow and the total matching the conditions.
func paginate<Item>(
    _ conn: any SQLConnection, select: String, conditions: [String], binds: [SQLValue],
    sortColumn: String, idColumn: String = "id", descending: Bool = false, first: Int, after: (Int64, String)?,
    map: (SQLRow) -> Item, key: (Item) -> (Int64, String)
) async throws -> Page<Item> {
    let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
    let countSQL = "SELECT COUNT(*) FROM (\(select)\(filter)) AS matching"
    let total = try await conn.query(countSQL, binds).first?.int(0) ?? 0
    var pageConditions = conditions
    var pageBinds = binds
    if let after {
        pageBinds.append(.int(after.0))
        pageBinds.append(.text(after.1))
        let n = pageBinds.count
        let beyond = descending ? "<" : ">"
        pageConditions.append(
            "(\(sortColumn) \(beyond) $\(n - 1) OR (\(sortColumn) = $\(n - 1) AND \(idColumn) \(beyond) $\(n)))")
    }
    let pageFilter = pageConditions.isEmpty ? "" : " WHERE " + pageConditions.joined(separator: " AND ")
    pageBinds.append(.int(Int64(first + 1)))
    let rows = try await conn.query(
        "\(select)\(pageFilter) ORDER BY \(sortColumn)\(descending ? " DESC" : ""), \(idColumn)\(descending ? " DESC" : "") LIMIT $\(pageBinds.count)",
        pageBinds)
    let items = rows.prefix(first).map(map)
    let cursors = items.map { let (k, id) = key($0); return Cursor.encode(k, id) }
    return Page(
        items: Array(items), hasNextPage: rows.count > first, endCursor: cursors.last ?? "", totalCount: Int(total),
        cursors: cursors)
}
