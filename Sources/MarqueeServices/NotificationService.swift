import GRPCCore
import MarqueeProto
import MarqueePubSub
import MarqueeRPC
import MarqueeStore

/// Notifications: persisted, then published on `notification.created:<user>`.
public struct NotificationService: Marquee_V1_NotificationService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    public func createNotification(request: Marquee_V1_CreateNotificationRequest, context: ServerContext) async throws -> Marquee_V1_Notification {
        _ = try requireRole("ADMIN")
        let userID = try Check.id(request.userID, "user_id")
        let record = NotificationRecord(
            id: Identifier.make(), userID: userID, kind: try Check.text(request.kind, "kind", max: 50),
            title: try Check.text(request.title, "title", max: 200), body: try Check.text(request.body, "body", min: 0, max: 2_000),
            read: false, createdAt: Clock.nowMicros())
        try await env.transaction { conn in
            guard try await UserRepository.byIDs(conn, [userID]).first != nil else { throw ServiceError.notFound("user") }
            try await NotificationRepository.insert(conn, record)
        }
        let message = Convert.notification(record)
        await env.publish(Convert.bytes(message), to: Topic.notificationCreated(userID: userID))
        return message
    }

    public func listNotifications(request: Marquee_V1_ListNotificationsRequest, context: ServerContext) async throws -> Marquee_V1_ListNotificationsResponse {
        let caller = try requireCaller()
        let (first, after) = try Check.page(request.page)
        let unread = request.unreadOnly
        let page = try await env.read { conn in
            try await NotificationRepository.list(conn, userID: caller.userID, unreadOnly: unread, first: first, after: after)
        }
        return .with {
            $0.notifications = page.items.map(Convert.notification)
            $0.pageInfo = Convert.pageInfo(page)
        }
    }

    public func markNotificationRead(request: Marquee_V1_MarkNotificationReadRequest, context: ServerContext) async throws -> Marquee_V1_Notification {
        let caller = try requireCaller()
        let id = try Check.id(request.id, "id")
        guard let record = try await env.transaction({ conn in
            try await NotificationRepository.markRead(conn, id: id, userID: caller.userID)
        }) else { throw ServiceError.notFound("notification") }
        return Convert.notification(record)
    }
}
