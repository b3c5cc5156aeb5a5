import Crypto
import Foundation
import JWTKit
import MarqueeRPC

/// The claims of an access token.
struct AccessClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var iss: IssuerClaim
    var roles: [String]

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
        guard iss.value == TokenKeys.issuer else { throw JWTError.claimVerificationFailure(failedClaim: iss, reason: "issuer") }
    }
}

/// Signs and verifies access tokens (HS256), makes refresh tokens (random,
/// stored only as SHA-256 hashes) and signs ticket QR payloads (HMAC-SHA256).
public struct TokenKeys: Sendable {
    static let issuer = "marquee"
    let keys: JWTKeyCollection
    let accessTTL: Int64
    let qrKey: SymmetricKey

    public init(secret: String, accessTTL: Int64) async {
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.accessTTL = accessTTL
        qrKey = SymmetricKey(data: SHA256.hash(data: Array(("qr:" + secret).utf8)))
    }

    /// A signed access token for the user and its expiry (seconds since 1970).
    public func accessToken(userID: String, roles: [String]) async throws -> (token: String, expiresAt: Date) {
        let now = Date()
        let expires = now.addingTimeInterval(TimeInterval(accessTTL))
        let claims = AccessClaims(
            sub: SubjectClaim(value: userID), exp: ExpirationClaim(value: expires), iat: IssuedAtClaim(value: now),
            iss: IssuerClaim(value: Self.issuer), roles: roles)
        return (try await keys.sign(claims), expires)
    }

    /// The verified caller of an access token; UNAUTHENTICATED when it is
    /// malformed, forged or expired.
    public func verify(_ token: String) async throws -> (caller: Caller, expiresAt: Date) {
        do {
            let claims = try await keys.verify(token, as: AccessClaims.self)
            let caller = Caller(userID: claims.sub.value, roles: Set(claims.roles), expiresAt: claims.exp.value.timeIntervalSince1970)
            return (caller, claims.exp.value)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw ServiceError.unauthenticated("the access token has expired")
        } catch {
            throw ServiceError.unauthenticated("the access token is invalid")
        }
    }

    /// A new refresh token (256 random bits, URL-safe).
    static func newRefreshToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// How a refresh token is stored: its SHA-256, in hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The QR payload of a ticket: `MQT1.<ticket id>.<code>.<signature>`.
    func qrPayload(ticketID: String, code: String) -> String {
        "MQT1.\(ticketID).\(code).\(signature(ticketID: ticketID, code: code))"
    }

    /// The ticket id of a genuine QR payload; nil when malformed or tampered with.
    func verifyQR(_ payload: String) -> (ticketID: String, code: String)? {
        let parts = payload.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "MQT1", payload.utf8.count < 512 else { return nil }
        let ticketID = String(parts[1]), code = String(parts[2])
        let expected = Array(signature(ticketID: ticketID, code: code).utf8)
        let given = Array(parts[3].utf8)
        guard expected.count == given.count else { return nil }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, given) { difference |= a ^ b }
        return difference == 0 ? (ticketID, code) : nil
    }

    private func signature(ticketID: String, code: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(ticketID).\(code)".utf8), using: qrKey)
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
