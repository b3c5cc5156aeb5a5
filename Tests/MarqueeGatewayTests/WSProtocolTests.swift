import Testing
@testable import MarqueeGateway
import MarqueeGraphQL

/// The WebSocket sub-protocols as state machines, without sockets.
@Suite struct TransportWSProtocolTests {
    func acknowledged() -> TransportWSProtocol {
        var machine = TransportWSProtocol()
        _ = machine.receive(#"{"type":"connection_init"}"#)
        _ = machine.authenticated(refusal: nil)
        return machine
    }

    @Test func initIsAuthenticatedThenAcknowledged() {
        var machine = TransportWSProtocol()
        #expect(machine.receive(#"{"type":"connection_init","payload":{"authorization":"Bearer t"}}"#) == [.authenticate(["authorization": "Bearer t"])])
        #expect(machine.authenticated(refusal: nil) == [.send(#"{"type":"connection_ack"}"#)])
        #expect(machine.isAcknowledged)
    }

    @Test func aRefusedTokenClosesWith4403() {
        var machine = TransportWSProtocol()
        _ = machine.receive(#"{"type":"connection_init"}"#)
        #expect(machine.authenticated(refusal: "bad") == [.close(code: 4403, reason: "Forbidden")])
    }

    @Test func aSecondInitClosesWith4429() {
        var machine = acknowledged()
        #expect(machine.receive(#"{"type":"connection_init"}"#) == [.close(code: 4429, reason: "Too many initialisation requests")])
    }

    @Test func subscribingBeforeTheAckClosesWith4401() {
        var machine = TransportWSProtocol()
        #expect(machine.receive(#"{"id":"1","type":"subscribe","payload":{"query":"{ cities }"}}"#) == [.close(code: 4401, reason: "Unauthorized")])
    }

    @Test func theInitTimeoutClosesWith4408OnlyWithoutInit() {
        var waiting = TransportWSProtocol()
        #expect(waiting.initTimedOut() == [.close(code: 4408, reason: "Connection initialisation timeout")])
        var initialised = acknowledged()
        #expect(initialised.initTimedOut().isEmpty)
    }

    @Test func aDuplicateIDClosesWith4409() {
        var machine = acknowledged()
        let subscribe = #"{"id":"a","type":"subscribe","payload":{"query":"subscription { notificationAdded { id } }"}}"#
        #expect(machine.receive(subscribe) == [.start(id: "a", request: GraphQLRequest(query: "subscription { notificationAdded { id } }"))])
        #expect(machine.receive(subscribe) == [.close(code: 4409, reason: "Subscriber for a already exists")])
    }

    @Test(arguments: ["not json", "[]", #"{"type":"nope"}"#, #"{"type":"subscribe","payload":{"query":"{ a }"}}"#,
                      #"{"id":"1","type":"subscribe"}"#, #"{"id":"1","type":"subscribe","payload":{"query":7}}"#])
    func malformedMessagesCloseWith4400(message: String) {
        var machine = acknowledged()
        let actions = machine.receive(message)
        guard case .close(let code, _)? = actions.first else {
            Issue.record("expected a close, got \(actions)")
            return
        }
        #expect(code == 4400)
    }

    @Test func pingIsAnsweredWithPongAtAnyTime() {
        var machine = TransportWSProtocol()
        #expect(machine.receive(#"{"type":"ping"}"#) == [.send(#"{"type":"pong"}"#)])
        #expect(machine.receive(#"{"type":"pong"}"#).isEmpty)
    }

    @Test func resultsErrorsAndCompletionFollowTheOperation() {
        var machine = acknowledged()
        _ = machine.receive(#"{"id":"x","type":"subscribe","payload":{"query":"{ cities }"}}"#)
        #expect(machine.next(id: "x", payload: ["data": ["cities": []]]) == [.send(#"{"id":"x","type":"next","payload":{"data":{"cities":[]}}}"#)])
        #expect(machine.complete(id: "x") == [.send(#"{"id":"x","type":"complete"}"#)])
        // Nothing more for a finished operation.
        #expect(machine.next(id: "x", payload: .null).isEmpty)
        _ = machine.receive(#"{"id":"y","type":"subscribe","payload":{"query":"{ cities }"}}"#)
        #expect(machine.error(id: "y", errors: [GraphQLError("no")]) == [.send(#"{"id":"y","type":"error","payload":[{"message":"no"}]}"#)])
    }

    @Test func theClientCompletesAnOperation() {
        var machine = acknowledged()
        _ = machine.receive(#"{"id":"x","type":"subscribe","payload":{"query":"{ cities }"}}"#)
        #expect(machine.receive(#"{"id":"x","type":"complete"}"#) == [.stop(id: "x")])
        #expect(machine.receive(#"{"id":"x","type":"complete"}"#).isEmpty)
    }
}

@Suite struct LegacyWSProtocolTests {
    @Test func initIsAcknowledgedWithAKeepAlive() {
        var machine = LegacyWSProtocol()
        #expect(machine.receive(#"{"type":"connection_init","payload":{}}"#) == [.authenticate([:])])
        #expect(machine.authenticated(refusal: nil) == [.send(#"{"type":"connection_ack"}"#), .send(#"{"type":"ka"}"#)])
        #expect(machine.keepAlive() == [.send(#"{"type":"ka"}"#)])
    }

    @Test func startDataStopComplete() {
        var machine = LegacyWSProtocol()
        _ = machine.receive(#"{"type":"connection_init"}"#)
        _ = machine.authenticated(refusal: nil)
        #expect(machine.receive(#"{"id":"1","type":"start","payload":{"query":"{ cities }"}}"#) == [.start(id: "1", request: GraphQLRequest(query: "{ cities }"))])
        #expect(machine.next(id: "1", payload: ["data": .null]) == [.send(#"{"id":"1","type":"data","payload":{"data":null}}"#)])
        #expect(machine.receive(#"{"id":"1","type":"stop"}"#) == [.stop(id: "1"), .send(#"{"id":"1","type":"complete"}"#)])
    }

    @Test func malformedMessagesAnswerConnectionErrorAndKeepTheConnection() {
        var machine = LegacyWSProtocol()
        let actions = machine.receive("{{{")
        #expect(actions == [.send(#"{"type":"connection_error","payload":{"message":"Message must be a JSON object with a type"}}"#)])
    }

    @Test func aRefusedTokenIsAConnectionErrorThenAClose() {
        var machine = LegacyWSProtocol()
        _ = machine.receive(#"{"type":"connection_init"}"#)
        let actions = machine.authenticated(refusal: "expired")
        #expect(actions == [.send(#"{"type":"connection_error","payload":{"message":"expired"}}"#), .close(code: 4403, reason: "Forbidden")])
    }

    @Test func startBeforeInitIsAnError() {
        var machine = LegacyWSProtocol()
        let actions = machine.receive(#"{"id":"1","type":"start","payload":{"query":"{ cities }"}}"#)
        #expect(actions == [.send(#"{"id":"1","type":"error","payload":{"message":"Send connection_init first."}}"#)])
    }

    @Test func terminateCloses() {
        var machine = LegacyWSProtocol()
        #expect(machine.receive(#"{"type":"connection_terminate"}"#) == [.close(code: 1000, reason: "Terminated by the client")])
    }
}

@Suite struct ConnectionInitTokenTests {
    @Test func tokensAreFoundWhereClientsPutThem() {
        #expect(WebSocketSession.token(in: ["authorization": "Bearer abc"]) == "abc")
        #expect(WebSocketSession.token(in: ["Authorization": "abc"]) == "abc")
        #expect(WebSocketSession.token(in: ["token": "abc"]) == "abc")
        #expect(WebSocketSession.token(in: ["headers": ["Authorization": "Bearer abc"]]) == "abc")
        #expect(WebSocketSession.token(in: [:]) == nil)
    }
}
