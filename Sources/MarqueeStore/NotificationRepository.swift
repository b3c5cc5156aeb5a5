/// Notifications to users.
public enum NotificationRepository {
    static let columns = "id, user_id, kind, title, body, is_read, created_at"

    static func notification(_ row: SQLRow) -> NotificationRecord {
        NotificationRecord(
            id: row.text(0), userID: row.text(1), kind: row.text(2), title: row.text(3), body: row.text(4),
            read: row.bool(5), createdAt: row.int(6))
    }

    public static func insert(_ conn: any SQLConnection, _ notification: NotificationRecord) async throws {
        try await conn.query(
            "INSERT INTO notifications (\(columns)) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            .text(notification.id), .text(notification.userID), .text(notification.kind), .text(notification.title),
            .text(notification.body), SQLValue(notification.read), .int(notification.createdAt))
    }

    public static func list(_ conn: any SQLConnection, userID: String, unreadOnly: Bool, first: Int, after: (Int64, String)?) async throws -> Page<NotificationRecord> {
        try await paginate(
            conn, select: "SELECT \(columns) FROM notifications",
            conditions: ["user_id = $1"] + (unreadOnly ? ["is_read = 0"] : []), binds: [.text(userID)],
            sortColumn: "created_at", descending: true, first: first, after: after, map: notification, key: { ($0.createdAt, $0.id) })
    }

    /// Marks a user's notification read; nil when it is not theirs or does not exist.
    public static func markRead(_ conn: any SQLConnection, id: String, userID: String) async throws -> NotificationRecord? {
        try await conn.query(
            "UPDATE notifications SET is_read = 1 WHERE id = $1 AND user_id = $2 RETURNING \(columns)", .text(id), .text(userID)
        ).first.map(notification)
    }
}
