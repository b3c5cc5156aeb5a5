"""The legacy `graphql-ws` sub-protocol (subscriptions-transport-ws) on the raw socket:
connection_init → connection_ack + ka, start/data/error/complete/stop, connection_terminate,
connection_error for malformed messages (the connection stays open), a bad token."""
from __future__ import annotations

import json

import pytest

from rtkit import (LEGACY_WS, ME, SUB_EVENT_UPDATED, SUB_NOTIFICATION_ADDED, WS, assert_error_codes, create_event,
                   expect_close, update_title, uid)


def legacy(url: str, **kw) -> WS:
    ws = WS(url, LEGACY_WS, **kw)
    assert ws.conn.subprotocol == LEGACY_WS, ws.conn.subprotocol
    return ws


def test_connection_ack_then_ka(ws_url):
    with legacy(ws_url) as ws:
        ws.send({"type": "connection_init", "payload": {}})
        first = ws.conn.recv(timeout=10)
        assert json.loads(first)["type"] == "connection_ack", first
        second = ws.conn.recv(timeout=10)
        assert json.loads(second)["type"] == "ka", f"a keep-alive follows the ack at once: {second}"


def test_start_data_complete_for_a_query(ws_url, event):
    with legacy(ws_url).ack() as ws:
        op = ws.subscribe("query($id: ID!) { event(id: $id) { id title organizer { name } } }", {"id": event.id})
        got = ws.data(op)["event"]
        assert got["id"] == event.id and got["organizer"]["name"] == event.event["organizer"]["name"], got
        ws.complete(op)


def test_mutation_with_the_token_of_connection_init(ws_url, attendee, event):
    with legacy(ws_url).ack(attendee.token) as ws:
        assert ws.data(ws.subscribe(ME))["me"]["id"] == attendee.id
        op = ws.subscribe("""mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
            order { status } errors { code } } }""",
                          {"input": {"eventId": event.id, "idempotencyKey": uid(20),
                                     "items": [{"ticketTypeId": event.tt["id"], "quantity": 1}]}})
        assert ws.data(op)["placeOrder"] == {"order": {"status": "PENDING"}, "errors": []}
        ws.complete(op)


def test_subscription_data_and_stop(ws_url, gw, organizer):
    event = create_event(gw, organizer)
    with legacy(ws_url).ack() as ws:
        op = ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id})
        ws.settle()
        title = f"Legacy {uid(6)}"
        update_title(gw, organizer, event.id, title)
        got = ws.data_until(op, lambda d: d["eventUpdated"]["title"] == title)["eventUpdated"]
        assert got["id"] == event.id and got["venue"]["city"] == event.event["venue"]["city"], got
        assert got["organizer"]["name"] == organizer.display_name, got
        ws.stop(op)
        # subscriptions-transport-ws servers answer stop with complete; none may be fine too
        try:
            ws.complete(op, timeout=2)
        except AssertionError:
            pass
        ws.settle(0.3)
        update_title(gw, organizer, event.id, f"Legacy after stop {uid(6)}")
        ws.silent(op, 1.0)


def test_errors_before_start_are_an_error_message(ws_url):
    with legacy(ws_url).ack() as ws:
        op = ws.subscribe("subscription { noSuchField }")
        payload = ws.error(op)
        assert payload, payload
        op = ws.subscribe(SUB_NOTIFICATION_ADDED)
        assert_error_codes(ws.error(op), "UNAUTHENTICATED")
        op = ws.subscribe(SUB_EVENT_UPDATED, {"id": "not-an-id"})
        assert_error_codes(ws.error(op), "NOT_FOUND", "BAD_USER_INPUT")
        assert ws.is_open()


@pytest.mark.parametrize("message", [
    "not json at all",
    json.dumps({"type": "no_such_type"}),
    json.dumps({"payload": {}}),
    json.dumps({"type": "start", "payload": {"query": "{ __typename }"}}),
], ids=["non-json", "unknown-type", "no-type", "start-without-id"])
def test_malformed_messages_give_connection_error_and_keep_the_connection(ws_url, message):
    with legacy(ws_url).ack() as ws:
        ws.send(message)
        err = ws.take(lambda m: m["type"] == "connection_error", 5, "connection_error")
        assert err.get("payload") is not None, err
        assert ws.is_open(), f"the connection stays open after {message!r}"


def test_connection_terminate_closes(ws_url):
    ws = legacy(ws_url).ack()
    ws.send({"type": "connection_terminate"})
    code, _ = ws.closed(5)
    assert code in (1000, 1001, 1005), f"a normal close, got {code}"


def test_invalid_token_gives_connection_error_then_4403(ws_url):
    ws = legacy(ws_url)
    ws.send({"type": "connection_init", "payload": {"authorization": "Bearer not.a.token"}})
    expect_close(ws, 4403)
    assert [m for m in ws.inbox if m["type"] == "connection_error"], f"connection_error first: {ws.inbox}"
    assert not [m for m in ws.inbox if m["type"] == "connection_ack"], ws.inbox


def test_anonymous_connection_without_payload(ws_url, event):
    with legacy(ws_url) as ws:
        ws.send({"type": "connection_init"})
        ws.take(lambda m: m["type"] == "connection_ack", 10, "connection_ack")
        assert ws.data(ws.subscribe("query($id: ID!) { event(id: $id) { id } }", {"id": event.id}))["event"]
