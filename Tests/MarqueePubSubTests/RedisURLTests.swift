import Testing
@testable import MarqueePubSub

@Suite struct RedisURLTests {
    @Test func hostAndPort() throws {
        let url = try RedisURL("redis://127.0.0.1:6380")
        #expect(url.host == "127.0.0.1" && url.port == 6380)
        #expect(url.username == nil && url.password == nil && url.database == 0)
        #expect(url.endpoint == "127.0.0.1:6380")
    }

    @Test func portDefaultsTo6379AndDatabaseIsParsed() throws {
        let url = try RedisURL("redis://cache.internal/3")
        #expect(url.host == "cache.internal")
        #expect(url.port == 6379)
        #expect(url.database == 3)
    }

    @Test func passwordWithoutUser() throws {
        let url = try RedisURL("redis://:s3cr%40t@localhost:7000/")
        #expect(url.username == nil)
        #expect(url.password == "s3cr@t")
        #expect(url.endpoint == "localhost:7000")
    }

    @Test func userAndPassword() throws {
        let url = try RedisURL("redis://app:pa:ss@h:1")
        #expect(url.username == "app")
        #expect(url.password == "pa:ss")
    }

    @Test func ipv6Literal() throws {
        let url = try RedisURL("redis://[::1]:6390")
        #expect(url.host == "::1")
        #expect(url.port == 6390)
        #expect(url.endpoint == "[::1]:6390")
    }

    @Test(arguments: [
        "http://localhost:6379", "redis://", "redis://host:0", "redis://host:port", "redis://host:6379/x",
        "redis://user@host:6379", "redis://:bad%zz@host", "redis://[::1", "redis://:pw@:6379",
    ])
    func invalidURLsAreRejected(_ string: String) {
        #expect(throws: RedisError.invalidURL) { try RedisURL(string) }
    }

    @Test func theErrorNeverShowsThePassword() {
        do {
            _ = try RedisURL("redis://:hunter2@host:99999")
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("hunter2"))
            #expect(!error.detail.contains("hunter2"))
        }
    }
}
