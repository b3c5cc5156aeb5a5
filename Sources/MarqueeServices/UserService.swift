import GRPCCore
import MarqueeProto
import MarqueeRPC
import MarqueeStore

/// Profiles and roles. Anyone reads public profiles (names of organisers are shown
/// to anonymous visitors; emails only to their owner and admins); a user edits
/// their own; only administrators list users and change roles.
public struct UserService: Marquee_V1_UserService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    public func getUser(request: Marquee_V1_GetUserRequest, context: ServerContext) async throws -> Marquee_V1_User {
        let caller = CallContext.current?.caller
        let id = try Check.id(request.id, "id")
        guard let user = try await env.transaction({ conn in try await UserRepository.byIDs(conn, [id]).first }) else {
            throw ServiceError.notFound("user")
        }
        return Self.visible(user, to: caller)
    }

    public func batchGetUsers(request: Marquee_V1_BatchGetUsersRequest, context: ServerContext) async throws -> Marquee_V1_BatchGetUsersResponse {
        let caller = CallContext.current?.caller
        let ids = try Check.ids(request.ids, "ids")
        let users = try await env.read { conn in try await UserRepository.byIDs(conn, ids) }
        return .with { $0.users = users.map { Self.visible($0, to: caller) } }
    }

    public func updateProfile(request: Marquee_V1_UpdateProfileRequest, context: ServerContext) async throws -> Marquee_V1_User {
        let caller = try requireCaller()
        // proto3 cannot tell an unset field from an empty one: empty means "unchanged".
        let name = request.displayName.isEmpty ? nil : try Check.text(request.displayName, "display_name", max: 100)
        guard let user = try await env.transaction({ conn in
            guard let name else { return try await UserRepository.byIDs(conn, [caller.userID]).first }
            return try await UserRepository.updateDisplayName(conn, id: caller.userID, displayName: name)
        }) else { throw ServiceError.notFound("user") }
        await env.changed("user:\(caller.userID)")
        return Convert.user(user)
    }

    public func listUsers(request: Marquee_V1_ListUsersRequest, context: ServerContext) async throws -> Marquee_V1_ListUsersResponse {
        _ = try requireRole("ADMIN")
        let (first, after) = try Check.page(request.page)
        let role = request.role == .unspecified ? nil : Convert.roleNames[request.role]
        let page = try await env.read { conn in try await UserRepository.list(conn, role: role, first: first, after: after) }
        return .with {
            $0.users = page.items.map(Convert.user)
            $0.pageInfo = Convert.pageInfo(page)
        }
    }

    public func setRoles(request: Marquee_V1_SetRolesRequest, context: ServerContext) async throws -> Marquee_V1_User {
        _ = try requireRole("ADMIN")
        let id = try Check.id(request.userID, "user_id")
        var names: [String] = []
        for role in request.roles {
            guard let name = Convert.roleNames[role] else { throw ServiceError.invalid("roles", "contains an unknown role") }
            if !names.contains(name) { names.append(name) }
        }
        if !names.contains("ATTENDEE") { names.insert("ATTENDEE", at: 0) }
        let roles = names
        guard let user = try await env.transaction({ conn in try await UserRepository.setRoles(conn, id: id, roles: roles) }) else {
            throw ServiceError.notFound("user")
        }
        await env.changed("user:\(id)")
        return Convert.user(user)
    }

    /// Emails are private: only the user themself and administrators see them.
    static func visible(_ user: UserRecord, to caller: Caller?) -> Marquee_V1_User {
        var message = Convert.user(user)
        if caller?.userID != user.id && caller?.isAdmin != true { message.email = "" }
        return message
    }
}
