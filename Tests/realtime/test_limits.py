"""The WebSocket limits set by environment (the `limited` stack, LIMITED_ENV in conftest.py, and
stacks of their own): init timeout → 4408, message size → 1009, operations per connection →
TOO_MANY_SUBSCRIPTIONS, connections per address → 1008, a client that does not read → 1013,
keep-alives (legacy `ka`, graphql-transport-ws `ping`) at MARQUEE_WS_KEEPALIVE_MS."""
from __future__ import annotations

import socket
import time

import pytest
from websockets.exceptions import ConnectionClosed

from rtkit import (LEGACY_WS, SUB_EVENT_UPDATED, TRANSPORT_WS, WS, assert_error_codes, create_event, expect_close,
                   register, start_serve, uid, update_title, UPDATE_EVENT)

# A query with a large answer (the schema's types, fields and descriptions) and a short text.
BIG_QUERY = "{__schema{types{name description fields{name description args{name description}}}}}"


@pytest.fixture(scope="module")
def limited_event(limited):
    gw = limited.client()
    organizer = limited.set_roles(register(gw, "organizer"), ["ATTENDEE", "ORGANIZER"], gw)
    return create_event(gw, organizer)


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS], ids=["transport-ws", "legacy"])
def test_init_timeout_from_env_closes_4408(limited, protocol):
    ws = WS(limited.ws_url(), protocol)
    started = time.monotonic()
    expect_close(ws, 4408, timeout=5)
    took = time.monotonic() - started
    assert took < 2.5, f"MARQUEE_WS_INIT_TIMEOUT_MS=600, closed after {took:.1f}s"


def test_init_in_time_is_not_closed(limited):
    with WS(limited.ws_url()) as ws:
        time.sleep(0.2)
        ws.ack()
        time.sleep(1.0)  # past the init timeout: an initialised connection stays
        assert ws.is_open()


def test_message_size_from_env_closes_1009(limited):
    with WS(limited.ws_url()).ack() as ws:
        ws.send({"type": "ping", "payload": {"pad": "x" * 3500}})
        ws.take(lambda m: m["type"] == "pong", 5, "pong under MARQUEE_WS_MAX_MESSAGE_BYTES=4096")
    ws = WS(limited.ws_url()).ack()
    ws.send({"type": "subscribe", "id": "big", "payload": {"query": "{ __typename }", "extensions": {"pad": "y" * 5000}}})
    expect_close(ws, 1009)


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS], ids=["transport-ws", "legacy"])
def test_too_many_subscriptions_from_env(limited, limited_event, protocol):
    with WS(limited.ws_url(), protocol).ack() as ws:
        ops = [ws.subscribe(SUB_EVENT_UPDATED, {"id": limited_event.id}) for _ in range(3)]
        ws.settle()
        extra = ws.subscribe(SUB_EVENT_UPDATED, {"id": limited_event.id})
        assert_error_codes(ws.error(extra), "TOO_MANY_SUBSCRIPTIONS")
        for op in ops:
            ws.silent(op, 0.1)
        assert ws.is_open(), "the extra operation is refused, the connection stays"


def test_connections_per_address_from_env_close_1008():
    stack = start_serve("conns", extra_env={"MARQUEE_WS_MAX_CONNECTIONS_PER_ADDRESS": "3"})
    try:
        url = stack.ws_url()
        held = [WS(url).ack() for _ in range(3)]
        extra = WS(url)
        expect_close(extra, 1008, timeout=5)
        for ws in held:
            assert ws.is_open(), "the connections within the limit keep working"
        held.pop().close()

        def room() -> bool:
            ws = WS(url)
            try:
                return ws.init({})["type"] == "connection_ack"
            except AssertionError:
                return False
            finally:
                ws.close()
        deadline = time.monotonic() + 5
        while not room():
            assert time.monotonic() < deadline, "a closed connection frees its place"
            time.sleep(0.2)
        for ws in held:
            ws.close()
        assert all(p.alive() for p in stack.procs.values()), stack.logs()
    finally:
        stack.stop()


def test_client_that_does_not_read_is_closed_1013(limited):
    """MARQUEE_WS_QUEUE=8: the client asks for many large answers and reads nothing (a tiny
    receive buffer, no reading thread's buffer); once the kernel's and the server's buffers are
    full, more than 8 messages wait in the connection's queue and the server closes with 1013."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    host, port = limited.url.removeprefix("http://").split(":")
    sock.connect((host, int(port)))
    ws = WS(limited.ws_url(), sock=sock, max_queue=1)
    ws.ack()
    sent = 0
    started = time.monotonic()
    for i in range(600):  # ~40 KB answers each: far more than any buffer between us and the queue
        try:
            ws.send({"type": "subscribe", "id": f"q{i}", "payload": {"query": BIG_QUERY}})
        except ConnectionClosed as exc:  # the server may close while we are still asking
            ws._closed(exc)
            break
        sent += 1
        # Paced: at most 3 operations run at once (MARQUEE_WS_MAX_SUBSCRIPTIONS), and a burst
        # faster than they finish would be answered mostly by short TOO_MANY_SUBSCRIPTIONS errors
        # that all fit in the socket buffers.
        # Stop well within the 10 s the server gives a non-reading client to take its close frame.
        time.sleep(0.01)
        if time.monotonic() - started > 4:
            break
    if ws.close_code is None:
        time.sleep(1.0)
        code, reason = ws.closed(timeout=60)
    else:
        code, reason = ws.close_code, ws.close_reason
    answered = len([m for m in ws.inbox if m["type"] == "next"])
    assert code == 1013, f"expected close 1013 for a client that does not read, got {code} {reason!r} " \
                         f"after {answered} answers of {sent}"
    assert answered < sent, f"all {sent} answers arrived: the queue never overflowed"
    print(f"1013 after {answered} of {sent} answers")


def test_a_subscriber_that_does_not_read_is_closed_1013(limited):
    """The subscription fan-out has the same bound (MARQUEE_WS_QUEUE=8): a subscriber that reads
    nothing, on a busy event whose updates are ~250 KB each (25 aliases of a 10 KB description),
    is closed with 1013 once the socket's buffers are full; a reading subscriber of the same
    event on the same gateway keeps receiving."""
    gw = limited.client()
    organizer = limited.set_roles(register(gw, "organizer"), ["ATTENDEE", "ORGANIZER"], gw)
    setup = create_event(gw, organizer)
    gw.mutate("updateEvent", UPDATE_EVENT, {"input": {"id": setup.id, "description": "x" * 10_000}}, token=organizer)
    aliases = " ".join(f"d{i}: description" for i in range(25))
    query = f"subscription($id: ID!) {{ eventUpdated(id: $id) {{ title {aliases} }} }}"

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    host, port = limited.url.removeprefix("http://").split(":")
    sock.connect((host, int(port)))
    with WS(limited.ws_url(), sock=sock, max_queue=1) as slow, WS(limited.ws_url()).ack() as reader:
        slow.ack()
        slow.subscribe(query, {"id": setup.id})
        watched = reader.subscribe("subscription($id: ID!) { eventUpdated(id: $id) { title } }", {"id": setup.id})
        reader.settle(0)
        time.sleep(0.3)
        last = ""
        for i in range(80):  # 80 x ~250 KB = 20 MB for the slow one: far beyond the kernel's buffers
            last = f"Busy {i} {uid(4)}"
            update_title(gw, organizer, setup.id, last)
            reader.data_until(watched, lambda d: d["eventUpdated"]["title"] == last)
        code, reason = slow.closed(timeout=60)
        assert code == 1013, f"expected 1013 for a subscriber that does not read, got {code} {reason!r}"


def test_a_client_that_reads_gets_every_answer(ws_url):
    """The control of the test above, with the default queue (256): 60 large answers, all read."""
    with WS(ws_url).ack() as ws:
        ops = [ws.subscribe(BIG_QUERY) for _ in range(60)]
        for op in ops:
            assert ws.data(op)["__schema"]["types"]
            ws.complete(op)


def test_keepalive_interval_from_env(limited):
    with WS(limited.ws_url(), LEGACY_WS).ack() as ws:
        first = ws.keepalives
        ws.quiet(lambda m: False, 1.6)  # MARQUEE_WS_KEEPALIVE_MS=300
        assert ws.keepalives - first >= 3, f"{ws.keepalives - first} ka in 1.6s at a 300 ms interval"
    with WS(limited.ws_url(), TRANSPORT_WS).ack() as ws:
        ws.quiet(lambda m: False, 1.6)
        # graphql-transport-ws keeps alive with ping (answered with pong by the client); optional there
        assert ws.is_open()
