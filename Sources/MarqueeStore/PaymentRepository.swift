/// Payments and refunds.
public enum PaymentRepository {
    static let columns =
        "id, order_id, amount_minor, currency, refunded_minor, status, card_last4, idempotency_key, created_at"

    static func payment(_ row: SQLRow) -> PaymentRecord {
        PaymentRecord(
            id: row.text(0), orderID: row.text(1), amountMinor: row.int(2), currency: row.text(3), refundedMinor: row.int(4),
            status: row.int(5), cardLast4: row.text(6), idempotencyKey: row.text(7), createdAt: row.int(8))
    }

    public static func insert(_ conn: any SQLConnection, _ payment: PaymentRecord) async throws {
        try await conn.query(
            "INSERT INTO payments (\(columns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            .text(payment.id), .text(payment.orderID), .int(payment.amountMinor), .text(payment.currency),
            .int(payment.refundedMinor), .int(payment.status), .text(payment.cardLast4), .text(payment.idempotencyKey),
            .int(payment.createdAt))
    }

    public static func byOrderIDs(_ conn: any SQLConnection, _ orderIDs: [String]) async throws -> [PaymentRecord] {
        guard !orderIDs.isEmpty else { return [] }
        return try await conn.query(
            "SELECT \(columns) FROM payments WHERE order_id IN (\(placeholders(orderIDs.count)))", orderIDs.map { .text($0) }
        ).map(payment)
    }

    /// Records a refund once per idempotency key; nil when the key was already used
    /// (the payment is returned unchanged by the caller).
    public static func refund(_ conn: any SQLConnection, paymentID: String, amountMinor: Int64, status: Int64, key: String) async throws -> PaymentRecord? {
        let inserted = try await conn.query(
            """
            INSERT INTO refunds (id, payment_id, amount_minor, idempotency_key, created_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (payment_id, idempotency_key) DO NOTHING RETURNING id
            """, .text(Identifier.make()), .text(paymentID), .int(amountMinor), .text(key), .int(Clock.nowMicros()))
        guard !inserted.isEmpty else { return nil }
        return try await conn.query(
            "UPDATE payments SET refunded_minor = refunded_minor + $2, status = $3 WHERE id = $1 RETURNING \(columns)",
            .text(paymentID), .int(amountMinor), .int(status)
        ).first.map(payment)
    }
}
