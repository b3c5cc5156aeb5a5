import Foundation
import GRPCCore
import HummingbirdBcrypt
import MarqueeProto
import MarqueeRPC
import MarqueeStore

/// Accounts and tokens: bcrypt passwords, short-lived JWT access tokens, rotating
/// refresh tokens stored hashed; presenting a rotated token again revokes its family.
public struct AuthService: Marquee_V1_AuthService.SimpleServiceProtocol {
    let env: ServiceEnvironment

    public init(env: ServiceEnvironment) { self.env = env }

    public func register(request: Marquee_V1_RegisterRequest, context: ServerContext) async throws -> Marquee_V1_AuthTokens {
        let email = try Self.email(request.email)
        let password = try Self.password(request.password)
        let displayName = try Check.text(request.displayName, "display_name", max: 100)
        let hash = await Self.bcrypt(password, cost: env.settings.bcryptCost)
        let user = UserRecord(
            id: Identifier.make(), email: email, passwordHash: hash, displayName: displayName, roles: ["ATTENDEE"],
            createdAt: Clock.nowMicros())
        do {
            try await env.transaction { conn in try await UserRepository.insert(conn, user) }
        } catch let error as StoreError where error.kind == .uniqueViolation {
            throw ServiceError.alreadyExists("an account with this email already exists", reason: "EMAIL_TAKEN")
        }
        return try await issueTokens(for: user, familyID: Identifier.make())
    }

    public func login(request: Marquee_V1_LoginRequest, context: ServerContext) async throws -> Marquee_V1_AuthTokens {
        let email = request.email.trimmingWhitespace().lowercased()
        guard !email.isEmpty else { throw ServiceError.invalid("email", "is required") }
        guard !request.password.isEmpty else { throw ServiceError.invalid("password", "is required") }
        let user = try await env.read { conn in try await UserRepository.byEmail(conn, email) }
        let password = request.password
        // Hash even for unknown emails, so timing does not reveal which exist.
        let matches = await Self.offload { Bcrypt.verify(password, hash: user?.passwordHash ?? Self.dummyHash) }
        guard let user, matches else { throw ServiceError.unauthenticated("wrong email or password") }
        return try await issueTokens(for: user, familyID: Identifier.make())
    }

    public func refreshToken(request: Marquee_V1_RefreshTokenRequest, context: ServerContext) async throws -> Marquee_V1_AuthTokens {
        guard !request.refreshToken.isEmpty else { throw ServiceError.invalid("refresh_token", "is required") }
        let hash = TokenKeys.hash(request.refreshToken)
        let now = Clock.nowMicros()
        let state = try await env.transaction { conn -> UserRepository.RefreshState in
            let state = try await UserRepository.consumeRefreshToken(conn, hash: hash, now: now)
            if case .reused(let family) = state {
                try await UserRepository.revokeFamily(conn, familyID: family, now: now)
            }
            return state
        }
        switch state {
        case .active(let userID, let familyID):
            guard let user = try await env.transaction({ conn in try await UserRepository.byIDs(conn, [userID]).first }) else {
                throw ServiceError.unauthenticated("the refresh token is invalid")
            }
            return try await issueTokens(for: user, familyID: familyID)
        case .reused:
            env.logger.warning("refresh token reuse: family revoked")
            throw ServiceError.unauthenticated("the refresh token was already used; all sessions of this login are revoked")
        case .expired:
            throw ServiceError.unauthenticated("the refresh token has expired")
        case .unknown:
            throw ServiceError.unauthenticated("the refresh token is invalid")
        }
    }

    public func logout(request: Marquee_V1_LogoutRequest, context: ServerContext) async throws -> Marquee_V1_LogoutResponse {
        guard !request.refreshToken.isEmpty else { throw ServiceError.invalid("refresh_token", "is required") }
        let hash = TokenKeys.hash(request.refreshToken)
        _ = try await env.transaction { conn in
            try await UserRepository.revokeFamily(conn, ofToken: hash, now: Clock.nowMicros())
        }
        return Marquee_V1_LogoutResponse()
    }

    public func verifyToken(request: Marquee_V1_VerifyTokenRequest, context: ServerContext) async throws -> Marquee_V1_Claims {
        guard !request.accessToken.isEmpty else { throw ServiceError.invalid("access_token", "is required") }
        let (caller, expires) = try await env.tokens.verify(request.accessToken)
        return .with {
            $0.userID = caller.userID
            $0.roles = caller.roles.sorted().map(Convert.role)
            $0.expiresAt = .init(date: expires)
        }
    }

    private func issueTokens(for user: UserRecord, familyID: String) async throws -> Marquee_V1_AuthTokens {
        let (access, expires) = try await env.tokens.accessToken(userID: user.id, roles: user.roles)
        let refresh = TokenKeys.newRefreshToken()
        let refreshExpires = Clock.nowMicros() + env.settings.refreshTokenTTL * 1_000_000
        try await env.transaction { conn in
            try await UserRepository.insertRefreshToken(
                conn, hash: TokenKeys.hash(refresh), familyID: familyID, userID: user.id, expiresAt: refreshExpires)
        }
        return .with {
            $0.accessToken = access
            $0.accessTokenExpiresAt = .init(date: expires)
            $0.refreshToken = refresh
            $0.userID = user.id
            $0.roles = user.roles.map(Convert.role)
        }
    }

    static func email(_ raw: String) throws -> String {
        let email = raw.trimmingWhitespace().lowercased()
        guard !email.isEmpty else { throw ServiceError.invalid("email", "is required") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !email.contains(where: \.isWhitespace) else {
            throw ServiceError.invalid("email", "is not a valid email address")
        }
        return email
    }

    static func password(_ raw: String) throws -> String {
        guard raw.count >= 8 else { throw ServiceError.invalid("password", "must be at least 8 characters") }
        guard raw.utf8.count <= 72 else { throw ServiceError.invalid("password", "must be at most 72 bytes") }
        return raw
    }

    /// bcrypt off the cooperative pool: it takes tens of milliseconds by design.
    static func bcrypt(_ password: String, cost: UInt8) async -> String {
        await offload { Bcrypt.hash(password, cost: cost) }
    }

    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    static let dummyHash = Bcrypt.hash("not a password", cost: 4)

    /// Creates (or promotes) an administrator directly in the store: `marquee admin create`.
    public static func createAdmin(env: ServiceEnvironment, email: String, password: String) async throws -> String {
        try await ensureUser(env: env, email: email, password: password, displayName: "Administrator", roles: ["ADMIN"])
    }

    /// Makes sure a user with this email exists (created with the password when
    /// new) and holds `roles` besides ATTENDEE; returns its id. For tools and demo data.
    public static func ensureUser(
        env: ServiceEnvironment, email rawEmail: String, password rawPassword: String, displayName: String, roles: [String]
    ) async throws -> String {
        let email = try Self.email(rawEmail)
        let password = try Self.password(rawPassword)
        let hash = await bcrypt(password, cost: env.settings.bcryptCost)
        return try await env.transaction { conn in
            if let existing = try await UserRepository.byEmail(conn, email) {
                let merged = existing.roles + roles.filter { !existing.roles.contains($0) }
                if merged != existing.roles { _ = try await UserRepository.setRoles(conn, id: existing.id, roles: merged) }
                return existing.id
            }
            let user = UserRecord(
                id: Identifier.make(), email: email, passwordHash: hash, displayName: displayName,
                roles: ["ATTENDEE"] + roles.filter { $0 != "ATTENDEE" }, createdAt: Clock.nowMicros())
            try await UserRepository.insert(conn, user)
            return user.id
        }
    }

    /// Sets the roles of the user with this email (ATTENDEE always kept): `marquee user set-roles`.
    public static func setRoles(env: ServiceEnvironment, email rawEmail: String, roles: [String]) async throws -> [String] {
        let email = try Self.email(rawEmail)
        let known = Set(Convert.roleNames.values)
        for role in roles where !known.contains(role) { throw ServiceError.invalid("roles", "unknown role \(role)") }
        let names = ["ATTENDEE"] + roles.filter { $0 != "ATTENDEE" }
        return try await env.transaction { conn in
            guard let user = try await UserRepository.byEmail(conn, email) else { throw ServiceError.notFound("user") }
            return try await UserRepository.setRoles(conn, id: user.id, roles: names)?.roles ?? []
        }
    }
}
