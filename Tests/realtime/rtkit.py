"""Shared machinery of the realtime end-to-end suite (Tests/realtime): GraphQL subscriptions
over WebSocket at `ws://HOST:PORT/graphql`.

* starting `$MARQUEE_BIN serve` on a fresh SQLite file, or several `serve` processes sharing a
  fresh PostgreSQL database (`MARQUEE_TEST_DATABASE_URL`) and one Redis (`REDIS_URL`);
* a throwaway `redis-server` of our own (for the restart test);
* the domain steps (events, orders, payments, check-ins) with the suite's own selections;
* `WS`, a small synchronous client of both sub-protocols (`graphql-transport-ws` and the
  legacy `graphql-ws`) on the `websockets` library, for raw protocol tests.

Processes, stores, accounts and roles (`marquee admin create`, `marquee user set-roles`), login
and the HTTP GraphQL client come from Tests/gateway/gatewaykit.py (conftest.py puts Tests/gateway
on sys.path), run as suite "REALTIME": MARQUEE_REALTIME_REQUIRE_BIN, MARQUEE_REALTIME_KEEP_LOGS.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Callable

import gatewaykit
import pytest
from gatewaykit import (CANCEL_ORDER, CHECK_IN, GOOD_CARD, USER_ERRORS, Account, EventSetup, Gateway,  # noqa: F401
                        Proc, Stack, base_env, create_database, free_port, in_days, jwt_payload, jwt_resign, login,
                        login_as, now, parse_dt, port_open, register, require_gateway, uid)
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect as ws_connect

SUITE = "REALTIME"

TRANSPORT_WS = "graphql-transport-ws"   # the graphql-ws library's protocol
LEGACY_WS = "graphql-ws"                # subscriptions-transport-ws

# How long a subscriber waits after `subscribe` before the test triggers an update: the server
# sets a subscription up asynchronously (an RPC to check the caller may watch it, then the
# broker's subscribe), and graphql-transport-ws has no acknowledgement of `subscribe`.
SETTLE = float(os.environ.get("MARQUEE_REALTIME_SETTLE", "0.5"))
SETTLE_REDIS = float(os.environ.get("MARQUEE_REALTIME_SETTLE_REDIS", "1.0"))
EVENT_TIMEOUT = 10.0


def wait_for(fn: Callable[[], Any], timeout: float = 10.0, interval: float = 0.1, what: str = "condition"):
    """Calls fn until it returns something truthy (returned), else fails after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} not reached within {timeout:.1f}s (last: {value!r})")
        time.sleep(interval)


def database_url() -> str:
    url = os.environ.get("MARQUEE_TEST_DATABASE_URL")
    if not url:
        pytest.skip("needs PostgreSQL: MARQUEE_TEST_DATABASE_URL is unset (scripts/test sets it)")
    return url


def redis_url() -> str:
    url = os.environ.get("MARQUEE_TEST_REDIS_URL")
    if not url:
        pytest.skip("needs Redis: MARQUEE_TEST_REDIS_URL is unset (scripts/test sets it)")
    return url


# --------------------------------------------------------------------------- GraphQL documents
# (the suite's own, smaller selections; REGISTER, LOGIN, CANCEL_ORDER and CHECK_IN are gatewaykit's)

TICKET_TYPE_FIELDS = "id name price { amountMinor currency } capacity remaining perOrderLimit"
EVENT_FIELDS = (f"id slug title description status startsAt endsAt "
                f"venue {{ id name city }} organizer {{ id name }} ticketTypes {{ {TICKET_TYPE_FIELDS} }}")
CREATE_EVENT = f"""mutation CreateEvent($input: CreateEventInput!) {{
  createEvent(input: $input) {{ event {{ {EVENT_FIELDS} }} {USER_ERRORS} }} }}"""
UPDATE_EVENT = f"""mutation UpdateEvent($input: UpdateEventInput!) {{
  updateEvent(input: $input) {{ event {{ id title }} {USER_ERRORS} }} }}"""
ADD_TICKET_TYPE = f"""mutation AddTicketType($input: AddTicketTypeInput!) {{
  addTicketType(input: $input) {{ ticketType {{ {TICKET_TYPE_FIELDS} }} {USER_ERRORS} }} }}"""
PUBLISH_EVENT = f"""mutation Publish($id: ID!) {{ publishEvent(id: $id) {{ event {{ {EVENT_FIELDS} }} {USER_ERRORS} }} }}"""
CANCEL_EVENT = f"""mutation CancelEvent($id: ID!) {{ cancelEvent(id: $id) {{ event {{ id status }} {USER_ERRORS} }} }}"""

ORDER_FIELDS = ("id status total { amountMinor currency } expiresAt event { id } "
                "items { quantity ticketType { id } } tickets { id code status qrPayload }")
PLACE_ORDER = f"""mutation PlaceOrder($input: PlaceOrderInput!) {{
  placeOrder(input: $input) {{ order {{ {ORDER_FIELDS} }} {USER_ERRORS} }} }}"""
PAY_ORDER = f"""mutation PayOrder($input: PayOrderInput!) {{
  payOrder(input: $input) {{ payment {{ id status }} order {{ id status }} {USER_ERRORS} }} }}"""
REFUND_ORDER = f"""mutation RefundOrder($input: RefundOrderInput!) {{
  refundOrder(input: $input) {{ payment {{ id status }} order {{ id status }} {USER_ERRORS} }} }}"""
GET_ORDER = f"""query Order($id: ID!) {{ order(id: $id) {{ {ORDER_FIELDS} }} }}"""

# The subscriptions, with nested selections (each update is executed against them).
SUB_EVENT_UPDATED = """subscription EventUpdated($id: ID!) { eventUpdated(id: $id) {
  id title status venue { name city } organizer { name } ticketTypes { id name remaining price { amountMinor } } } }"""
SUB_TICKET_AVAILABILITY = """subscription Availability($id: ID!) { ticketAvailability(eventId: $id) {
  event { id title } ticketTypes { id name remaining } } }"""
SUB_ORDER_STATUS = """subscription OrderStatus($id: ID!) { orderStatus(orderId: $id) {
  id status event { id title } tickets { code status } total { amountMinor currency } } }"""
SUB_NOTIFICATION_ADDED = """subscription { notificationAdded { id kind title body read createdAt } }"""
SUB_CHECK_INS = """subscription CheckIns($id: ID!) { checkIns(eventId: $id) {
  ticket { code status event { id } } checkedInAt } }"""
ME = "query Me { me { id email } }"



# --------------------------------------------------------------------------- stacks

def new_workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"marquee-rt-{prefix}-"))


def start_serve(prefix: str = "serve", *, extra_env: dict[str, str] | None = None) -> Stack:
    """`marquee serve` on a fresh SQLite file, with an admin."""
    return gatewaykit.start_serve(new_workdir(prefix), extra_env=extra_env, suite=SUITE)


def start_pair(prefix: str, redis: str, *, names: tuple[str, ...] = ("A", "B"),
               extra_env: dict[str, str] | None = None) -> Stack:
    """Several `marquee serve` processes on one fresh PostgreSQL database and one Redis."""
    base = database_url()
    require_gateway(SUITE)
    db, url, drop = create_database(base, "marquee_rt")
    stack = Stack("pair", new_workdir(prefix), {"DATABASE_URL": url},
                  f"{prefix}: {len(names)} serve on postgres:{db} + {redis}", SUITE)
    stack._cleanups.append(drop)
    with stack.starting(stack.description):
        stack.create_admin()  # also migrates the new database before the servers start
        for name in names:
            stack.serve(name, {"REDIS_URL": redis, **(extra_env or {})})
    return stack


class RedisServer:
    """A throwaway redis-server of our own on a fixed loopback port (restartable on it)."""

    def __init__(self, workdir: Path, port: int | None = None):
        if not shutil.which("redis-server"):
            pytest.fail("redis-server is not on PATH (scripts/test installs Debian's redis-server)")
        self.workdir = workdir
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}"
        self.proc: Proc | None = None
        self.starts = 0

    def start(self) -> None:
        self.starts += 1
        self.proc = Proc(f"redis-{self.starts}", ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port),
                                                  "--save", "", "--appendonly", "no", "--dir", str(self.workdir)],
                         base_env(), self.workdir)
        wait_for(lambda: port_open(self.port) or not self.proc.alive(), 10, what="redis-server listening")
        assert self.proc.alive(), f"redis-server exited:\n{self.proc.log_tail()}"

    def kill(self) -> None:
        if self.proc:
            self.proc.kill()

    def stop(self) -> None:
        if self.proc:
            self.proc.stop()


# --------------------------------------------------------------------------- domain helpers

def create_event(gw: Gateway, organizer: Account, *, title: str | None = None, publish: bool = True,
                 ticket_types: list[dict] | None = None, token: Callable[[], str] | None = None) -> EventSetup:
    """An event of `organizer` (published unless told), one ticket type by default: 25.00 EUR, 100 seats.
    `token` gives the token for each mutation (for stacks with short-lived tokens)."""
    tok = token or (lambda: organizer.token)
    title = title or f"Concert {uid(8)}"
    city = f"Wsville {uid(6)}"
    event = gw.mutate("createEvent", CREATE_EVENT, {"input": {
        "title": title, "description": f"All about {title}.", "venueName": f"Hall {uid(6)}",
        "venueAddress": "Main Street 1", "city": city, "country": "DE",
        "startsAt": in_days(30), "endsAt": in_days(30.125)}}, token=tok())["event"]
    types = []
    for spec in ticket_types if ticket_types is not None else [{}]:
        types.append(add_ticket_type(gw, organizer, event["id"], token=tok(), **spec))
    if publish:
        event = gw.mutate("publishEvent", PUBLISH_EVENT, {"id": event["id"]}, token=tok())["event"]
    return EventSetup(event, types, organizer, city)


def add_ticket_type(gw: Gateway, organizer: Account, event_id: str, *, name: str | None = None,
                    price: int = 2500, capacity: int = 100, per_order_limit: int = 10, token=None) -> dict:
    return gw.mutate("addTicketType", ADD_TICKET_TYPE, {"input": {
        "eventId": event_id, "name": name or f"General {uid(4)}",
        "price": {"amountMinor": price, "currency": "EUR"}, "capacity": capacity,
        "perOrderLimit": per_order_limit}}, token=token or organizer)["ticketType"]


def update_title(gw: Gateway, organizer, event_id: str, title: str) -> dict:
    return gw.mutate("updateEvent", UPDATE_EVENT, {"input": {"id": event_id, "title": title}}, token=organizer)


def place_order(gw: Gateway, buyer, event_id: str, items: list[tuple[str, int]]) -> dict:
    payload = gw.mutate("placeOrder", PLACE_ORDER, {"input": {
        "eventId": event_id, "idempotencyKey": str(uuid.uuid4()),
        "items": [{"ticketTypeId": t, "quantity": q} for t, q in items]}}, token=buyer)
    return payload["order"]


def pay_order(gw: Gateway, buyer, order_id: str, card: str = GOOD_CARD) -> dict:
    payload = gw.mutate("payOrder", PAY_ORDER, {"input": {
        "orderId": order_id, "cardNumber": card, "expMonth": 12, "expYear": now().year + 3, "cvc": "123",
        "idempotencyKey": str(uuid.uuid4())}}, token=buyer)
    assert payload["payment"]["status"] == "SUCCEEDED", payload
    return payload


def cancel_order(gw: Gateway, buyer, order_id: str) -> dict:
    return gw.mutate("cancelOrder", CANCEL_ORDER, {"id": order_id}, token=buyer)


def refund_order(gw: Gateway, organizer, order_id: str) -> dict:
    return gw.mutate("refundOrder", REFUND_ORDER, {"input": {"orderId": order_id,
                                                             "idempotencyKey": str(uuid.uuid4())}},
                     token=organizer)


def get_order(gw: Gateway, buyer, order_id: str) -> dict:
    return gw.ok(GET_ORDER, {"id": order_id}, token=buyer)["order"]


def check_in(gw: Gateway, staff, event_id: str, qr_payload: str) -> dict:
    return gw.mutate("checkInTicket", CHECK_IN, {"input": {"eventId": event_id, "qrPayload": qr_payload}},
                     token=staff)


# --------------------------------------------------------------------------- WebSocket client

def error_codes(payload: Any) -> list[str]:
    """The extensions.code of every error in an `error` payload: a list of GraphQL errors
    (graphql-transport-ws), one error object, or an object with `errors` (legacy graphql-ws)."""
    if isinstance(payload, dict) and isinstance(payload.get("errors"), list):
        payload = payload["errors"]
    errors = payload if isinstance(payload, list) else [payload]
    return [((e or {}).get("extensions") or {}).get("code") for e in errors if isinstance(e, dict)]


class WSClosed(AssertionError):
    pass


class WS:
    """A synchronous client of one WebSocket connection, in either sub-protocol.

    Messages that are not the one a call waits for are kept (in arrival order) for later calls;
    legacy `ka` messages are counted and dropped; graphql-transport-ws `ping`s from the server are
    answered with `pong` (and counted)."""

    def __init__(self, url: str, protocol: str | None = TRANSPORT_WS, *, subprotocols: list[str] | None = None,
                 headers: dict[str, str] | None = None, sock: socket.socket | None = None,
                 max_queue: int | None = 16, open_timeout: float = 10.0):
        offered = subprotocols if subprotocols is not None else ([protocol] if protocol else None)
        self.conn = ws_connect(url, subprotocols=offered, additional_headers=headers, open_timeout=open_timeout,
                               compression=None, max_size=None, ping_interval=None, sock=sock,
                               max_queue=max_queue, close_timeout=3)
        self.protocol = self.conn.subprotocol or protocol
        self.inbox: list[dict] = []
        self.keepalives = 0
        self.server_pings = 0
        self.close_code: int | None = None
        self.close_reason = ""
        self._ids = 0

    @property
    def legacy(self) -> bool:
        return self.protocol == LEGACY_WS

    def __enter__(self) -> "WS":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass

    def new_id(self) -> str:
        self._ids += 1
        return f"op{self._ids}"

    # -- raw I/O
    def send(self, message: dict | str | bytes) -> None:
        self.conn.send(message if isinstance(message, (str, bytes)) else json.dumps(message))

    def _read(self, timeout: float) -> dict | None:
        """One message (None on timeout); raises WSClosed when the connection closes."""
        try:
            raw = self.conn.recv(timeout=timeout)
        except TimeoutError:
            return None
        except ConnectionClosed as exc:
            self._closed(exc)
            raise WSClosed(f"connection closed with {self.close_code} {self.close_reason!r}") from None
        try:
            message = json.loads(raw)
        except ValueError:
            raise AssertionError(f"the server sent a message that is not JSON: {raw!r}") from None
        assert isinstance(message, dict) and isinstance(message.get("type"), str), f"not a message: {raw!r}"
        if message["type"] == "ka":
            self.keepalives += 1
        elif message["type"] == "ping" and not self.legacy:
            self.server_pings += 1
            self.send({"type": "pong"})
        return message

    def _closed(self, exc: ConnectionClosed) -> None:
        if exc.rcvd is not None:
            self.close_code, self.close_reason = exc.rcvd.code, exc.rcvd.reason
        elif self.close_code is None:
            self.close_code, self.close_reason = 1006, "no close frame received"

    def take(self, pred: Callable[[dict], bool], timeout: float = EVENT_TIMEOUT, what: str = "a message") -> dict:
        """The first message (kept or new) for which pred holds."""
        for i, m in enumerate(self.inbox):
            if pred(m):
                return self.inbox.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {what} within {timeout:.1f}s; kept messages: {self.inbox[-8:]}")
            m = self._read(min(left, 1.0))
            if m is None or m["type"] == "ka" or (m["type"] == "ping" and not self.legacy and not pred(m)):
                continue
            if pred(m):
                return m
            self.inbox.append(m)

    def quiet(self, pred: Callable[[dict], bool], wait: float) -> None:
        """Asserts that no message for which pred holds arrives within `wait` seconds."""
        for m in self.inbox:
            assert not pred(m), f"unexpected message {m}"
        deadline = time.monotonic() + wait
        while (left := deadline - time.monotonic()) > 0:
            m = self._read(min(left, 0.5))
            if m is None or m["type"] in ("ka", "ping"):
                continue
            assert not pred(m), f"unexpected message {m}"
            self.inbox.append(m)

    def closed(self, timeout: float = 10.0) -> tuple[int | None, str]:
        """Reads (and keeps) messages until the server closes; returns (code, reason)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                m = self._read(max(0.01, min(deadline - time.monotonic(), 1.0)))
            except WSClosed:
                return self.close_code, self.close_reason
            if m is not None and m["type"] not in ("ka", "ping"):
                self.inbox.append(m)
        raise AssertionError(f"the server did not close the connection within {timeout:.1f}s; "
                             f"kept: {self.inbox[-5:]}")

    def is_open(self) -> bool:
        """Whether the connection still answers (a ping/pong of the sub-protocol, or a `{ __typename }`)."""
        try:
            if self.legacy:
                op = self.new_id()
                self.send({"type": "start", "id": op, "payload": {"query": "{ __typename }"}})
                self.take(lambda m: m.get("id") == op and m["type"] in ("data", "error"), 5, "an answer")
            else:
                self.send({"type": "ping"})
                self.take(lambda m: m["type"] == "pong", 5, "pong")
            return True
        except (WSClosed, ConnectionClosed):
            return False

    # -- the protocols
    def init(self, payload: dict | None = None, *, timeout: float = 10.0) -> dict:
        msg: dict = {"type": "connection_init"}
        if payload is not None:
            msg["payload"] = payload
        self.send(msg)
        return self.take(lambda m: m["type"] in ("connection_ack", "connection_error"), timeout,
                         "connection_ack")

    def ack(self, token: str | None = None) -> "WS":
        """connection_init (with the token in `authorization`, if any), asserting connection_ack."""
        got = self.init({"authorization": f"Bearer {token}"} if token else {})
        assert got["type"] == "connection_ack", f"expected connection_ack, got {got}"
        return self

    def subscribe(self, query: str, variables: dict | None = None, op_id: str | None = None) -> str:
        op_id = op_id or self.new_id()
        payload: dict = {"query": query}
        if variables is not None:
            payload["variables"] = variables
        self.send({"type": "start" if self.legacy else "subscribe", "id": op_id, "payload": payload})
        return op_id

    def stop(self, op_id: str) -> None:
        self.send({"type": "stop" if self.legacy else "complete", "id": op_id})

    def settle(self, seconds: float = SETTLE) -> None:
        """Gives subscriptions just sent time to be set up on the server (see SETTLE)."""
        if not self.legacy:
            self.send({"type": "ping"})
            self.take(lambda m: m["type"] == "pong", 5, "pong")
        time.sleep(seconds)

    def result(self, op_id: str, timeout: float = EVENT_TIMEOUT) -> dict:
        """The next `next`/`data` message of op_id (fails on `error`/`complete`); returns its payload."""
        m = self.take(lambda m: m.get("id") == op_id, timeout, f"message for {op_id}")
        assert m["type"] in ("next", "data"), f"expected a result for {op_id}, got {m}"
        assert isinstance(m.get("payload"), dict), m
        return m["payload"]

    def data(self, op_id: str, timeout: float = EVENT_TIMEOUT) -> dict:
        """The data of the next result of op_id, which must carry no errors."""
        payload = self.result(op_id, timeout)
        assert not payload.get("errors") and payload.get("data") is not None, f"result with errors: {payload}"
        return payload["data"]

    def data_until(self, op_id: str, pred: Callable[[dict], bool], timeout: float = EVENT_TIMEOUT) -> dict:
        """Results of op_id until one's data satisfies pred (earlier ones are skipped)."""
        deadline = time.monotonic() + timeout
        seen: list[dict] = []
        while True:
            left = deadline - time.monotonic()
            try:
                if left <= 0:
                    raise AssertionError("no message: time is up")
                d = self.data(op_id, left)
            except WSClosed:
                raise
            except AssertionError as exc:
                if str(exc).startswith("no message"):
                    raise AssertionError(f"no matching result for {op_id} within {timeout:.1f}s; "
                                         f"results before: {seen}") from None
                raise
            if pred(d):
                return d
            seen.append(d)

    def error(self, op_id: str, timeout: float = EVENT_TIMEOUT) -> dict | list:
        """The `error` message of op_id; returns its payload."""
        m = self.take(lambda m: m.get("id") == op_id, timeout, f"message for {op_id}")
        assert m["type"] == "error", f"expected an error for {op_id}, got {m}"
        return m["payload"]

    def complete(self, op_id: str, timeout: float = EVENT_TIMEOUT) -> None:
        m = self.take(lambda m: m.get("id") == op_id, timeout, f"message for {op_id}")
        assert m["type"] == "complete", f"expected complete for {op_id}, got {m}"

    def single(self, query: str, variables: dict | None = None, timeout: float = EVENT_TIMEOUT) -> dict:
        """A query or mutation over the socket: one result, then complete; returns the result's payload."""
        op = self.subscribe(query, variables)
        payload = self.result(op, timeout)
        self.complete(op, timeout)
        return payload

    def silent(self, op_id: str, wait: float = 1.0) -> None:
        """No message for op_id within `wait` seconds."""
        self.quiet(lambda m: m.get("id") == op_id, wait)


def assert_error_codes(payload, *codes: str) -> None:
    got = error_codes(payload)
    assert set(got) & set(codes), f"expected an error with code in {codes}, got {got}: {payload}"
    errors = payload if isinstance(payload, list) else [payload]
    for e in errors:
        if isinstance(e, dict) and "errors" not in e:
            assert isinstance(e.get("message"), str) and e["message"], f"error without message: {e}"


def expect_close(ws: WS, code: int, timeout: float = 10.0) -> str:
    got, reason = ws.closed(timeout)
    assert got == code, f"expected close {code}, got {got} {reason!r}; kept messages: {ws.inbox[-5:]}"
    return reason
