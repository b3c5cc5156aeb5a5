"""graphql-transport-ws (the graphql-ws library's protocol) on the raw socket, default limits:
the handshake, every close code that needs no special limit, ping/pong, queries and mutations
over `subscribe`, `error` before start, the client's `complete`, and the default limits that are
cheap to reach (message size, init timeout, 100 operations per connection)."""
from __future__ import annotations

import json
import time

import pytest

from rtkit import (LEGACY_WS, ME, SUB_EVENT_UPDATED, TRANSPORT_WS, WS, assert_error_codes, expect_close,
                   create_event, jwt_resign, place_order, update_title, uid)


def test_upgrade_on_the_http_port_with_graphql_transport_ws(ws_url):
    with WS(ws_url, TRANSPORT_WS) as ws:
        assert ws.conn.subprotocol == TRANSPORT_WS, "the server selects the offered graphql-transport-ws"
        ws.ack()
        assert ws.is_open()


def test_graphql_transport_ws_is_picked_when_both_are_offered(ws_url):
    with WS(ws_url, subprotocols=[LEGACY_WS, TRANSPORT_WS]) as ws:
        assert ws.conn.subprotocol in (TRANSPORT_WS, LEGACY_WS), ws.conn.subprotocol
        ws.protocol = ws.conn.subprotocol
        ws.ack()
        assert ws.is_open()


@pytest.mark.parametrize("offered", [["graphql-unknown"], None], ids=["unknown", "none"])
def test_neither_subprotocol_upgrades_then_closes_4406(ws_url, offered):
    ws = WS(ws_url, None, subprotocols=offered)
    assert ws.conn.subprotocol is None, ws.conn.subprotocol
    expect_close(ws, 4406, timeout=5)


def test_ping_pong(ws_url):
    with WS(ws_url).ack() as ws:
        ws.send({"type": "ping", "payload": {"n": 1}})
        pong = ws.take(lambda m: m["type"] == "pong", 5, "pong")
        assert pong["type"] == "pong"
        ws.send({"type": "pong"})  # an unsolicited pong is fine
        assert ws.is_open()


def test_ping_is_answered_before_connection_init(ws_url):
    # graphql-transport-ws allows ping/pong at any time
    with WS(ws_url) as ws:
        ws.send({"type": "ping"})
        ws.take(lambda m: m["type"] == "pong", 5, "pong")
        ws.ack()


def test_query_over_subscribe_gives_next_then_complete(ws_url, event):
    with WS(ws_url).ack() as ws:
        payload = ws.single("""query($id: ID!) { event(id: $id) { id title venue { city } ticketTypes { name } } }""",
                            {"id": event.id})
        assert not payload.get("errors"), payload
        got = payload["data"]["event"]
        assert got["id"] == event.id and got["title"] == event.event["title"], got
        assert got["venue"]["city"] == event.event["venue"]["city"], got
        assert got["ticketTypes"][0]["name"] == event.tt["name"], got


def test_mutation_over_subscribe_with_the_connection_token(ws_url, gw, event, attendee):
    with WS(ws_url).ack(attendee.token) as ws:
        me = ws.single(ME)["data"]["me"]
        assert me["id"] == attendee.id, me
        payload = ws.single("""mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
            order { id status event { id } items { quantity } } errors { code } } }""",
                            {"input": {"eventId": event.id, "idempotencyKey": uid(20),
                                       "items": [{"ticketTypeId": event.tt["id"], "quantity": 1}]}})
        placed = payload["data"]["placeOrder"]
        assert placed["errors"] == [] and placed["order"]["status"] == "PENDING", placed
        assert placed["order"]["event"]["id"] == event.id, placed


def test_anonymous_mutation_needing_a_user(ws_url, event):
    with WS(ws_url).ack() as ws:
        op = ws.subscribe("""mutation($id: ID!) { cancelOrder(id: $id) { order { id } } }""", {"id": event.id})
        m = ws.take(lambda m: m.get("id") == op, 10, "an answer")
        if m["type"] == "next":  # a field error in a result, as over HTTP
            assert "UNAUTHENTICATED" in [(e.get("extensions") or {}).get("code") for e in m["payload"]["errors"]], m
            ws.complete(op)
        else:
            assert m["type"] == "error", m
            assert_error_codes(m["payload"], "UNAUTHENTICATED")


def test_operation_errors_before_start_are_an_error_message(ws_url):
    with WS(ws_url).ack() as ws:
        op = ws.subscribe("subscription { noSuchField }")
        errors = ws.error(op)
        assert isinstance(errors, list) and errors, f"graphql-transport-ws `error` carries a list: {errors}"
        assert all(isinstance(e.get("message"), str) and e["message"] for e in errors), errors
        assert all((e.get("extensions") or {}).get("code") for e in errors), f"every error has a code: {errors}"
        # a syntax error too
        op = ws.subscribe("subscription {")
        errors = ws.error(op)
        assert isinstance(errors, list) and errors, errors
        assert all((e.get("extensions") or {}).get("code") for e in errors), f"every error has a code: {errors}"
        # the connection stays usable
        assert ws.is_open()


@pytest.mark.parametrize("variables", [None, {"id": 5}, {"id": None}], ids=["missing", "wrong-type", "null"])
def test_variable_errors_are_an_error_message_with_a_code(ws_url, variables):
    with WS(ws_url).ack() as ws:
        op = ws.subscribe(SUB_EVENT_UPDATED, variables)
        errors = ws.error(op)
        assert isinstance(errors, list) and errors, errors
        assert_error_codes(errors, "BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED")
        assert ws.is_open()


@pytest.mark.parametrize("bad_id", ["not-an-id", "RXZlbnQ6bm9wZQ"], ids=["garbage", "base64"])
def test_unknown_ids_are_an_error_message(ws_url, bad_id):
    with WS(ws_url).ack() as ws:
        op = ws.subscribe(SUB_EVENT_UPDATED, {"id": bad_id})
        assert_error_codes(ws.error(op), "NOT_FOUND", "BAD_USER_INPUT")


def test_client_complete_stops_a_subscription(ws_url, gw, organizer):
    event = create_event(gw, organizer)
    with WS(ws_url).ack() as ws:
        stopped = ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id})
        kept = ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id})
        ws.settle()
        title = f"Before stop {uid(6)}"
        update_title(gw, organizer, event.id, title)
        assert ws.data_until(stopped, lambda d: d["eventUpdated"]["title"] == title)
        assert ws.data_until(kept, lambda d: d["eventUpdated"]["title"] == title)
        ws.stop(stopped)
        ws.settle(0.3)
        title = f"After stop {uid(6)}"
        update_title(gw, organizer, event.id, title)
        assert ws.data_until(kept, lambda d: d["eventUpdated"]["title"] == title)
        ws.silent(stopped, 1.0)
        # the id may be used again once completed
        again = ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id}, op_id=stopped)
        ws.settle()
        title = f"Reused id {uid(6)}"
        update_title(gw, organizer, event.id, title)
        assert ws.data_until(again, lambda d: d["eventUpdated"]["title"] == title)


def test_complete_of_an_unknown_id_is_ignored(ws_url):
    with WS(ws_url).ack() as ws:
        ws.send({"type": "complete", "id": "never-started"})
        assert ws.is_open()


# ---------------------------------------------------------------- close codes

@pytest.mark.parametrize("message", [
    "this is not json",
    "[1, 2, 3]",
    json.dumps({"type": "no_such_type"}),
    json.dumps({"id": "x", "payload": {"query": "{ __typename }"}}),
], ids=["non-json", "not-an-object", "unknown-type", "no-type"])
def test_invalid_message_closes_4400(ws_url, message):
    ws = WS(ws_url).ack()
    ws.send(message)
    expect_close(ws, 4400)


@pytest.mark.parametrize("message", [
    {"type": "subscribe", "payload": {"query": "{ __typename }"}},
    {"type": "subscribe", "id": "", "payload": {"query": "{ __typename }"}},
    {"type": "subscribe", "id": "s1"},
    {"type": "subscribe", "id": "s1", "payload": {}},
    {"type": "subscribe", "id": "s1", "payload": {"variables": {}}},
], ids=["no-id", "empty-id", "no-payload", "empty-payload", "no-query"])
def test_subscribe_without_id_or_query_closes_4400(ws_url, message):
    ws = WS(ws_url).ack()
    ws.send(message)
    expect_close(ws, 4400)


def test_subscribe_before_connection_ack_closes_4401(ws_url):
    ws = WS(ws_url)
    ws.subscribe("{ __typename }")
    expect_close(ws, 4401)


@pytest.mark.parametrize("make_token", [
    lambda t: "garbage",
    lambda t: t[:-4] + ("AAAA" if not t.endswith("AAAA") else "BBBB"),
    lambda t: jwt_resign(t, exp=int(time.time()) - 60),
    lambda t: jwt_resign(t, secret="another-secret-that-is-long-enough-0123456789"),
], ids=["garbage", "tampered", "expired", "wrong-secret"])
def test_invalid_token_closes_4403(ws_url, attendee, make_token):
    ws = WS(ws_url)
    ws.send({"type": "connection_init", "payload": {"authorization": f"Bearer {make_token(attendee.token)}"}})
    expect_close(ws, 4403)
    assert not [m for m in ws.inbox if m["type"] == "connection_ack"], ws.inbox


def test_invalid_token_in_the_upgrade_header_closes_4403(ws_url):
    ws = WS(ws_url, headers={"Authorization": "Bearer not.a.token"})
    ws.send({"type": "connection_init"})
    expect_close(ws, 4403)


def test_duplicate_subscriber_id_closes_4409(ws_url, event):
    ws = WS(ws_url).ack()
    ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id}, op_id="same")
    ws.settle(0.2)
    ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id}, op_id="same")
    expect_close(ws, 4409)


def test_second_connection_init_closes_4429(ws_url):
    ws = WS(ws_url).ack()
    ws.send({"type": "connection_init"})
    expect_close(ws, 4429)


def test_no_connection_init_within_the_default_3s_closes_4408(ws_url):
    ws = WS(ws_url)
    started = time.monotonic()
    expect_close(ws, 4408, timeout=10)
    took = time.monotonic() - started
    assert 2.0 <= took <= 6.0, f"closed after {took:.1f}s, expected about 3s (the default)"


def test_message_over_the_default_64k_closes_1009(ws_url):
    with WS(ws_url).ack() as ws:
        # just under the limit is fine
        ws.send({"type": "ping", "payload": {"pad": "x" * (65536 - 200)}})
        ws.take(lambda m: m["type"] == "pong", 10, "pong for a message under 64 KiB")
    ws = WS(ws_url).ack()
    ws.send({"type": "ping", "payload": {"pad": "x" * 70000}})
    expect_close(ws, 1009)


def test_at_most_100_operations_per_connection_by_default(ws_url, event):
    with WS(ws_url).ack() as ws:
        ops = [ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id}) for _ in range(100)]
        ws.settle(1.0)
        extra = ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id})
        assert_error_codes(ws.error(extra), "TOO_MANY_SUBSCRIPTIONS")
        for op in ops[:5]:
            ws.silent(op, 0.1)
        assert ws.is_open()
        # one completed makes room for another
        ws.stop(ops[0])
        ws.settle(0.3)
        again = ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id})
        ws.silent(again, 1.0)


def test_connection_stays_open_while_subscriptions_run(ws_url, gw, event, attendee):
    """Placing an order reaches a ticketAvailability subscriber on a connection that also ran
    queries and had an error: one connection, many operations."""
    with WS(ws_url).ack(attendee.token) as ws:
        op = ws.subscribe("""subscription($id: ID!) { ticketAvailability(eventId: $id) {
            ticketTypes { id remaining } } }""", {"id": event.id})
        bad = ws.subscribe("subscription { nope }")
        ws.error(bad)
        ws.single("{ __typename }")
        ws.settle()
        before = gw.ok("query($id: ID!) { event(id: $id) { ticketTypes { id remaining } } }",
                       {"id": event.id})["event"]["ticketTypes"][0]["remaining"]
        place_order(gw, attendee, event.id, [(event.tt["id"], 2)])
        d = ws.data_until(op, lambda d: d["ticketAvailability"]["ticketTypes"][0]["remaining"] <= before - 2)
        assert d["ticketAvailability"]["ticketTypes"][0]["id"] == event.tt["id"], d
