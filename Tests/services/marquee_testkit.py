"""Shared machinery of the Marquee gRPC integration tests (Tests/services).

Importing this module compiles the protos of proto/ into Python stubs in a temporary
directory (with grpc_tools.protoc) and puts that directory on sys.path, so the generated
modules are re-exported from here (`from marquee_testkit import orders_pb2`).

It also knows how to start the server (`$MARQUEE_BIN service ...`) on a fresh store
(SQLite file, or a new database on the PostgreSQL of MARQUEE_TEST_DATABASE_URL), and
offers thin client wrappers and helpers that tests share.
"""
from __future__ import annotations

import atexit
import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable, Sequence

import grpc
import pytest
from google.protobuf import timestamp_pb2

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PROTO_DIR = REPO / "proto"

JWT_SECRET = "marquee-integration-tests-jwt-secret-0123456789"  # >= 32 characters
BCRYPT_COST = "4"
ORDER_HOLD_SECONDS = 900
READY_TIMEOUT = 60.0
CALL_TIMEOUT = 15.0

GOOD_CARD = "4242424242424242"
DECLINED_CARD = "4000000000000002"
INSUFFICIENT_FUNDS_CARD = "4000000000009995"
PROCESSING_ERROR_CARD = "4000000000000119"
LUHN_INVALID_CARD = "4242424242424241"

Code = grpc.StatusCode


# --------------------------------------------------------------------------- stubs

def _protoc(include: Path, files: Sequence[str], out: Path) -> None:
    cmd = [sys.executable, "-m", "grpc_tools.protoc", "-I", str(include),
           f"--python_out={out}", f"--grpc_python_out={out}", *files]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"protoc failed ({' '.join(cmd)}):\n{done.stdout}\n{done.stderr}")


def _generate_stubs() -> Path:
    out = Path(tempfile.mkdtemp(prefix="marquee-pb-"))
    atexit.register(shutil.rmtree, out, True)
    marquee_protos = sorted(str(p) for p in (PROTO_DIR / "marquee" / "v1").glob("*.proto"))
    if not marquee_protos:
        raise RuntimeError(f"no .proto files under {PROTO_DIR / 'marquee' / 'v1'}")
    _protoc(PROTO_DIR, marquee_protos, out)
    # grpc/health/v1/health.proto would become the Python package `grpc.health.v1`, which
    # grpcio's own `grpc` package shadows; compile an unchanged copy of it under another
    # directory instead (the proto package, hence the wire names, stay grpc.health.v1).
    health_src = out / "_health_src"
    (health_src / "marquee_health" / "v1").mkdir(parents=True)
    shutil.copy(PROTO_DIR / "grpc" / "health" / "v1" / "health.proto",
                health_src / "marquee_health" / "v1" / "health.proto")
    _protoc(health_src, [str(health_src / "marquee_health" / "v1" / "health.proto")], out)
    for pkg in ("marquee", "marquee/v1", "marquee_health", "marquee_health/v1"):
        (out / pkg / "__init__.py").touch()
    sys.path.insert(0, str(out))
    return out


STUBS_DIR = _generate_stubs()

from marquee.v1 import analytics_pb2, analytics_pb2_grpc  # noqa: E402
from marquee.v1 import auth_pb2, auth_pb2_grpc  # noqa: E402
from marquee.v1 import common_pb2  # noqa: E402
from marquee.v1 import events_pb2, events_pb2_grpc  # noqa: E402
from marquee.v1 import notifications_pb2, notifications_pb2_grpc  # noqa: E402
from marquee.v1 import orders_pb2, orders_pb2_grpc  # noqa: E402
from marquee.v1 import payments_pb2, payments_pb2_grpc  # noqa: E402
from marquee.v1 import tickets_pb2, tickets_pb2_grpc  # noqa: E402
from marquee.v1 import users_pb2, users_pb2_grpc  # noqa: E402
from marquee_health.v1 import health_pb2, health_pb2_grpc  # noqa: E402

SERVING = health_pb2.HealthCheckResponse.SERVING

ROLE_ATTENDEE = common_pb2.ROLE_ATTENDEE
ROLE_ORGANIZER = common_pb2.ROLE_ORGANIZER
ROLE_STAFF = common_pb2.ROLE_STAFF
ROLE_ADMIN = common_pb2.ROLE_ADMIN


# --------------------------------------------------------------------------- time & money

def now() -> datetime:
    return datetime.now(timezone.utc)


def ts(dt: datetime) -> timestamp_pb2.Timestamp:
    out = timestamp_pb2.Timestamp()
    out.FromDatetime(dt)
    return out


def ts_in(**delta) -> timestamp_pb2.Timestamp:
    return ts(now() + timedelta(**delta))


def to_dt(value: timestamp_pb2.Timestamp) -> datetime:
    return value.ToDatetime(tzinfo=timezone.utc)


def eur(amount_minor: int) -> common_pb2.Money:
    return common_pb2.Money(amount_minor=amount_minor, currency="EUR")


def assert_money(money: common_pb2.Money, amount_minor: int, currency: str = "EUR") -> None:
    assert money.amount_minor == amount_minor, f"amount {money.amount_minor} != {amount_minor}"
    if amount_minor != 0 or money.currency:
        assert money.currency == currency, f"currency {money.currency!r} != {currency!r}"


def uid(n: int = 10) -> str:
    return uuid.uuid4().hex[:n]


def unique_email(prefix: str = "user") -> str:
    return f"{prefix}-{uuid.uuid4().hex}@example.test"


# --------------------------------------------------------------------------- errors

# SQL keywords as queries spell them, and what SQLite / PostgreSQL drivers put in their errors.
_SQL_STATEMENT = re.compile(r"\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
                            r"|\bRETURNING\b|\bWHERE\b.+=\s*(\?|\$\d)")
_STORE_ERROR = re.compile(r"sqlstate|sqlite|postgres|psqlerror|\bpq:|unique constraint|constraint failed"
                          r"|violates\b.*\bconstraint\b|duplicate key value|syntax error at or near"
                          r"|no such (table|column)|relation \"", re.IGNORECASE)


def assert_no_sql(details: str | None) -> None:
    text = details or ""
    assert not (_SQL_STATEMENT.search(text) or _STORE_ERROR.search(text)), (
        f"error message leaks SQL/store details: {text!r}")


class _Caught:
    error: grpc.RpcError | None = None

    @property
    def code(self) -> grpc.StatusCode:
        return self.error.code()

    @property
    def details(self) -> str:
        return self.error.details() or ""


@contextlib.contextmanager
def raises(codes: grpc.StatusCode | Iterable[grpc.StatusCode], *, field: str | None = None,
           field_prefix: str | tuple[str, ...] | None = None, contains: str | None = None):
    """Expects the block to fail with a gRPC status among `codes`.

    `field`: the details must start with "<field>: ".  `field_prefix`: the field part
    (before the first ": ") must start with it (or with one of a tuple of prefixes).  `contains`: case-insensitive substring.
    Every error message is also checked not to leak SQL.
    """
    allowed = {codes} if isinstance(codes, grpc.StatusCode) else set(codes)
    caught = _Caught()
    with pytest.raises(grpc.RpcError) as info:
        yield caught
    err = info.value
    caught.error = err
    details = err.details() or ""
    assert err.code() in allowed, (
        f"expected {sorted(c.name for c in allowed)}, got {err.code().name}: {details!r}")
    assert_no_sql(details)
    if field is not None:
        assert details.startswith(f"{field}: "), f"details should start with {field + ': '!r}: {details!r}"
    if field_prefix is not None:
        head, sep, _ = details.partition(": ")
        assert sep and head.startswith(field_prefix), (
            f"details should name a field starting with {field_prefix!r}: {details!r}")
    if contains is not None:
        assert contains.lower() in details.lower(), f"details should mention {contains!r}: {details!r}"


def outcome(fut: grpc.Future):
    """(StatusCode, response-or-None, details) of a finished call future."""
    try:
        return Code.OK, fut.result(), ""
    except grpc.RpcError as err:  # grpc.Future raises the RpcError itself
        return err.code(), None, err.details() or ""


# --------------------------------------------------------------------------- JWT (for tamper tests)

def b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt_parts(token: str) -> tuple[dict, dict, str]:
    head, body, sig = token.split(".")
    return json.loads(b64url_decode(head)), json.loads(b64url_decode(body)), sig


def jwt_sign(header: dict, payload: dict, secret: str) -> str:
    signing_input = (b64url_encode(json.dumps(header, separators=(",", ":")).encode()) + "."
                     + b64url_encode(json.dumps(payload, separators=(",", ":")).encode()))
    sig = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url_encode(sig)


def tamper(text: str) -> str:
    """Changes one alphanumeric character in the middle of `text` (never the last
    character, whose low bits may be base64 padding that lenient decoders ignore)."""
    assert len(text) >= 3, text
    start = len(text) // 2
    for i in list(range(start, len(text) - 1)) + list(range(0, start)):
        c = text[i]
        if c.isalnum():
            repl = "x" if c.lower() != "x" else "k"
            if c.isdigit():
                repl = "7" if c != "7" else "3"
            return text[:i] + repl + text[i + 1:]
    raise AssertionError(f"nothing to tamper in {text!r}")


# --------------------------------------------------------------------------- client

class Method:
    """A stub method that takes `token=` (an Account or a raw token) and a default timeout."""

    def __init__(self, multicallable, timeout: float):
        self._mc = multicallable
        self._timeout = timeout

    @staticmethod
    def _metadata(token, metadata) -> list[tuple[str, str]]:
        md = list(metadata or ())
        if token is not None:
            raw = token.token if isinstance(token, Account) else token
            md.append(("authorization", f"Bearer {raw}"))
        return md

    def __call__(self, request, *, token=None, metadata=None, timeout=None):
        return self._mc(request, metadata=self._metadata(token, metadata), timeout=timeout or self._timeout)

    def with_call(self, request, *, token=None, metadata=None, timeout=None):
        return self._mc.with_call(request, metadata=self._metadata(token, metadata),
                                  timeout=timeout or self._timeout)

    def future(self, request, *, token=None, metadata=None, timeout=None):
        return self._mc.future(request, metadata=self._metadata(token, metadata),
                               timeout=timeout or self._timeout)


class Stub:
    def __init__(self, stub, timeout: float):
        self._stub = stub
        self._timeout = timeout

    def __getattr__(self, name: str) -> Method:
        return Method(getattr(self._stub, name), self._timeout)


class Api:
    """All Marquee service stubs on one channel."""

    def __init__(self, target: str, timeout: float = CALL_TIMEOUT, own_connection: bool = False):
        self.target = target
        # grpc shares connections between channels of equal arguments unless told not to.
        options = [("grpc.use_local_subchannel_pool", 1)] if own_connection else []
        self.channel = grpc.insecure_channel(target, options=options)
        self.auth = Stub(auth_pb2_grpc.AuthServiceStub(self.channel), timeout)
        self.users = Stub(users_pb2_grpc.UserServiceStub(self.channel), timeout)
        self.events = Stub(events_pb2_grpc.EventServiceStub(self.channel), timeout)
        self.orders = Stub(orders_pb2_grpc.OrderServiceStub(self.channel), timeout)
        self.payments = Stub(payments_pb2_grpc.PaymentServiceStub(self.channel), timeout)
        self.tickets = Stub(tickets_pb2_grpc.TicketServiceStub(self.channel), timeout)
        self.notifications = Stub(notifications_pb2_grpc.NotificationServiceStub(self.channel), timeout)
        self.analytics = Stub(analytics_pb2_grpc.AnalyticsServiceStub(self.channel), timeout)
        self.health = Stub(health_pb2_grpc.HealthStub(self.channel), timeout)

    def close(self) -> None:
        self.channel.close()


# --------------------------------------------------------------------------- server

def marquee_bin() -> Path:
    raw = os.environ.get("MARQUEE_BIN", ".build/debug/marquee")
    path = Path(raw)
    if not path.is_absolute():
        path = path if path.exists() else REPO / raw
    return path.resolve()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Store:
    """A fresh, empty store: the environment that points the server at it."""
    kind: str  # "sqlite" or "postgres"
    env: dict[str, str]
    description: str
    _cleanup: Callable[[], None] | None = None

    def cleanup(self) -> None:
        if self._cleanup:
            self._cleanup()
            self._cleanup = None


def _psql(url: str, sql: str) -> None:
    psql = shutil.which("psql")
    if not psql:
        pytest.fail("MARQUEE_TEST_DATABASE_URL is set but psql is not on PATH")
    done = subprocess.run([psql, url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"psql {sql!r} failed: {done.stderr.strip()}")


def new_store(kind: str, workdir: Path) -> Store:
    if kind == "sqlite":
        path = workdir / "marquee.sqlite"
        return Store(kind, {"MARQUEE_SQLITE_PATH": str(path)}, f"sqlite:{path}")
    if kind == "postgres":
        base = os.environ.get("MARQUEE_TEST_DATABASE_URL")
        if not base:
            pytest.skip("MARQUEE_TEST_DATABASE_URL is not set")
        name = f"marquee_svc_{os.getpid()}_{uuid.uuid4().hex[:10]}"
        _psql(base, f'CREATE DATABASE "{name}"')
        parts = urllib.parse.urlsplit(base)
        url = urllib.parse.urlunsplit(parts._replace(path="/" + name))

        def drop() -> None:
            try:
                _psql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except Exception as exc:  # best effort: the throwaway cluster goes away anyway
                print(f"warning: could not drop {name}: {exc}", file=sys.stderr)

        return Store(kind, {"DATABASE_URL": url}, f"postgres:{name}", drop)
    raise ValueError(kind)


def server_env(store: Store, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("DATABASE_URL", "MARQUEE_SQLITE_PATH"):
        env.pop(key, None)
    env.update({
        "JWT_SECRET": JWT_SECRET,
        "MARQUEE_BCRYPT_COST": BCRYPT_COST,
        "MARQUEE_ORDER_HOLD_SECONDS": str(ORDER_HOLD_SECONDS),
    })
    env.update(store.env)
    env.update(extra or {})
    return env


@dataclass
class Server:
    name: str
    store: Store
    workdir: Path
    env: dict[str, str]
    port: int
    proc: subprocess.Popen
    log_path: Path
    admin_email: str | None = None
    admin_password: str | None = None

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return "<no log>"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


def create_admin(binary: Path, env: dict[str, str], workdir: Path) -> tuple[str, str]:
    email, password = unique_email("admin"), "admin-password-" + uid(12)
    done = subprocess.run([str(binary), "admin", "create", "--email", email, "--password", password],
                          env=env, cwd=workdir, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, (
        f"`marquee admin create` exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return email, password


def wait_ready(server: Server, timeout: float = READY_TIMEOUT, service: str = "") -> None:
    deadline = time.monotonic() + timeout
    channel = grpc.insecure_channel(server.target)
    stub = health_pb2_grpc.HealthStub(channel)
    last = "no answer"
    try:
        while time.monotonic() < deadline:
            if not server.alive():
                raise RuntimeError(f"server exited with {server.proc.returncode} before it was ready")
            try:
                reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=1.0)
                if reply.status == SERVING:
                    return
                last = f"status {reply.status}"
            except grpc.RpcError as err:
                last = f"{err.code().name}: {err.details()}"
            time.sleep(0.1)
        raise RuntimeError(f"server not SERVING after {timeout:.0f}s (last: {last})")
    finally:
        channel.close()


def launch(store: Store, service: str = "all", *, extra_env: dict[str, str] | None = None,
           with_admin: bool = True, host_flag: bool = True) -> Server:
    """Starts `marquee service SERVICE` on a free port and waits until it is SERVING.
    The store is created by the caller and cleaned up by it."""
    binary = marquee_bin()
    if not binary.exists():
        pytest.fail(f"server binary {binary} does not exist (build it, or set MARQUEE_BIN)")
    workdir = Path(tempfile.mkdtemp(prefix=f"marquee-{service}-{store.kind}-"))
    env = server_env(store, extra_env)
    admin = create_admin(binary, env, workdir) if with_admin else (None, None)
    failure = ""
    for attempt in range(3):  # a free port can be taken between probing and binding
        port = free_port()
        log_path = workdir / f"server-{attempt}.log"
        cmd = [str(binary), "service", service]
        if host_flag:
            cmd += ["--host", "127.0.0.1"]
        cmd += ["--port", str(port)]
        log = open(log_path, "wb")
        proc = subprocess.Popen(cmd, env=env, cwd=workdir, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        server = Server(service, store, workdir, env, port, proc, log_path, *admin)
        try:
            wait_ready(server)
            return server
        except RuntimeError as exc:
            tail = server.log_tail()
            server.stop()
            failure = f"{' '.join(cmd)}: {exc}\n--- server log ---\n{tail}"
            if "in use" not in tail.lower():
                break
    pytest.fail(f"could not start the Marquee server:\n{failure}")


# --------------------------------------------------------------------------- accounts & fixtures data

@dataclass
class Account:
    id: str
    email: str
    password: str
    display_name: str
    token: str
    refresh_token: str
    roles: list[int] = field(default_factory=list)


@dataclass
class EventSetup:
    event: events_pb2.Event
    ticket_types: list[events_pb2.TicketType]
    organizer: Account

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def tt(self) -> events_pb2.TicketType:
        return self.ticket_types[0]


class Kit:
    """Helpers bound to one running server and its admin."""

    def __init__(self, server: Server, api: Api):
        self.server = server
        self.api = api
        self._admin: Account | None = None

    # accounts
    def register(self, prefix: str = "user", password: str | None = None) -> Account:
        email = unique_email(prefix)
        password = password or "pw-" + uuid.uuid4().hex[:16]
        name = f"{prefix.title()} {uid(6)}"
        tokens = self.api.auth.Register(auth_pb2.RegisterRequest(email=email, password=password,
                                                                  display_name=name))
        return Account(tokens.user_id, email, password, name, tokens.access_token,
                       tokens.refresh_token, list(tokens.roles))

    def login(self, account: Account) -> Account:
        tokens = self.api.auth.Login(auth_pb2.LoginRequest(email=account.email, password=account.password))
        assert tokens.user_id == account.id
        account.token, account.refresh_token, account.roles = (
            tokens.access_token, tokens.refresh_token, list(tokens.roles))
        return account

    @property
    def admin(self) -> Account:
        if self._admin is None:
            s = self.server
            tokens = self.api.auth.Login(auth_pb2.LoginRequest(email=s.admin_email, password=s.admin_password))
            assert ROLE_ADMIN in tokens.roles, f"admin created by the CLI lacks ROLE_ADMIN: {list(tokens.roles)}"
            self._admin = Account(tokens.user_id, s.admin_email, s.admin_password, "admin",
                                  tokens.access_token, tokens.refresh_token, list(tokens.roles))
        return self._admin

    def set_roles(self, account: Account, roles: Sequence[int]) -> users_pb2.User:
        user = self.api.users.SetRoles(users_pb2.SetRolesRequest(user_id=account.id, roles=list(roles)),
                                       token=self.admin)
        self.login(account)  # roles enter the access token at login
        return user

    def attendee(self) -> Account:
        return self.register("attendee")

    def organizer(self) -> Account:
        acc = self.register("organizer")
        self.set_roles(acc, [ROLE_ATTENDEE, ROLE_ORGANIZER])
        assert ROLE_ORGANIZER in acc.roles
        return acc

    def staff(self) -> Account:
        acc = self.register("staff")
        self.set_roles(acc, [ROLE_ATTENDEE, ROLE_STAFF])
        assert ROLE_STAFF in acc.roles
        return acc

    # events
    def create_event(self, organizer: Account, *, title: str | None = None, city: str = "Berlin",
                     starts_in_days: float = 30, ticket_types: Sequence[dict] | None = None,
                     publish: bool = True) -> EventSetup:
        title = title or f"Concert {uid(8)}"
        starts = now() + timedelta(days=starts_in_days)
        event = self.api.events.CreateEvent(events_pb2.CreateEventRequest(
            title=title, description=f"Description of {title}", venue_name="Hall " + uid(4),
            venue_address="Main Street 1", city=city, country="DE",
            starts_at=ts(starts), ends_at=ts(starts + timedelta(hours=3))), token=organizer)
        types = []
        for spec in (ticket_types if ticket_types is not None else [{}]):
            types.append(self.add_ticket_type(organizer, event.id, **spec))
        if publish:
            event = self.api.events.PublishEvent(events_pb2.EventIdRequest(id=event.id), token=organizer)
        return EventSetup(event, types, organizer)

    def add_ticket_type(self, organizer: Account, event_id: str, *, name: str | None = None,
                        price: int = 2500, capacity: int = 100, per_order_limit: int = 10,
                        sales_start=None, sales_end=None) -> events_pb2.TicketType:
        req = events_pb2.AddTicketTypeRequest(event_id=event_id, name=name or f"General {uid(4)}",
                                              price=eur(price), capacity=capacity,
                                              per_order_limit=per_order_limit)
        if sales_start is not None:
            req.sales_start.CopyFrom(sales_start)
        if sales_end is not None:
            req.sales_end.CopyFrom(sales_end)
        return self.api.events.AddTicketType(req, token=organizer)

    def get_event(self, event_id: str, token) -> events_pb2.Event:
        return self.api.events.GetEvent(events_pb2.GetEventRequest(id=event_id), token=token)

    def ticket_type(self, setup: EventSetup, tt_id: str | None = None) -> events_pb2.TicketType:
        tt_id = tt_id or setup.tt.id
        event = self.get_event(setup.id, setup.organizer)
        for tt in event.ticket_types:
            if tt.id == tt_id:
                return tt
        raise AssertionError(f"ticket type {tt_id} missing from event {setup.id}")

    def reserved(self, setup: EventSetup, tt_id: str | None = None) -> int:
        return self.ticket_type(setup, tt_id).reserved

    # orders, payments, tickets
    @staticmethod
    def order_request(event_id: str, items: Sequence[tuple[str, int]], key: str | None = None):
        return orders_pb2.PlaceOrderRequest(
            event_id=event_id,
            items=[orders_pb2.OrderItemRequest(ticket_type_id=t, quantity=q) for t, q in items],
            idempotency_key=key or str(uuid.uuid4()))

    def place_order(self, user: Account, setup: EventSetup, quantity: int = 1, *,
                    items: Sequence[tuple[str, int]] | None = None, key: str | None = None) -> orders_pb2.Order:
        items = items if items is not None else [(setup.tt.id, quantity)]
        return self.api.orders.PlaceOrder(self.order_request(setup.id, items, key), token=user)

    def get_order(self, order_id: str, token) -> orders_pb2.Order:
        return self.api.orders.GetOrder(orders_pb2.GetOrderRequest(id=order_id), token=token)

    @staticmethod
    def pay_request(order_id: str, card: str = GOOD_CARD, key: str | None = None, *, exp_month: int = 12,
                    exp_year: int | None = None, cvc: str = "123") -> payments_pb2.PayOrderRequest:
        return payments_pb2.PayOrderRequest(order_id=order_id, card_number=card, exp_month=exp_month,
                                            exp_year=now().year + 3 if exp_year is None else exp_year, cvc=cvc,
                                            idempotency_key=key or str(uuid.uuid4()))

    def pay(self, user: Account, order: orders_pb2.Order, card: str = GOOD_CARD,
            key: str | None = None) -> payments_pb2.Payment:
        return self.api.payments.PayOrder(self.pay_request(order.id, card, key), token=user)

    def tickets_of(self, user, order_id: str) -> list[tickets_pb2.Ticket]:
        reply = self.api.tickets.BatchGetTicketsByOrder(
            tickets_pb2.BatchGetTicketsByOrderRequest(order_ids=[order_id]), token=user)
        return list(reply.tickets)

    def paid_order(self, user: Account, setup: EventSetup, quantity: int = 1, *,
                   items: Sequence[tuple[str, int]] | None = None):
        order = self.place_order(user, setup, quantity, items=items)
        payment = self.pay(user, order)
        assert payment.status == payments_pb2.PAYMENT_STATUS_SUCCEEDED
        return self.get_order(order.id, user), payment, self.tickets_of(user, order.id)

    def my_tickets(self, user: Account) -> list[tickets_pb2.Ticket]:
        out, after = [], ""
        for _ in range(50):
            reply = self.api.tickets.ListMyTickets(tickets_pb2.ListMyTicketsRequest(
                page=common_pb2.PageRequest(first=100, after=after)), token=user)
            out.extend(reply.tickets)
            if not reply.page_info.has_next_page:
                return out
            after = reply.page_info.end_cursor
        raise AssertionError("ListMyTickets did not end")

    def my_orders(self, user: Account) -> list[orders_pb2.Order]:
        out, after = [], ""
        for _ in range(50):
            reply = self.api.orders.ListMyOrders(orders_pb2.ListMyOrdersRequest(
                page=common_pb2.PageRequest(first=100, after=after)), token=user)
            out.extend(reply.orders)
            if not reply.page_info.has_next_page:
                return out
            after = reply.page_info.end_cursor
        raise AssertionError("ListMyOrders did not end")

    def notifications(self, user: Account, unread_only: bool = False) -> list[notifications_pb2.Notification]:
        out, after = [], ""
        for _ in range(50):
            reply = self.api.notifications.ListNotifications(notifications_pb2.ListNotificationsRequest(
                page=common_pb2.PageRequest(first=100, after=after), unread_only=unread_only), token=user)
            out.extend(reply.notifications)
            if not reply.page_info.has_next_page:
                return out
            after = reply.page_info.end_cursor
        raise AssertionError("ListNotifications did not end")

    def stats(self, setup: EventSetup, token=None) -> analytics_pb2.EventStats:
        return self.api.analytics.GetEventStats(analytics_pb2.GetEventStatsRequest(event_id=setup.id),
                                                token=token or setup.organizer)

    def assert_alive(self) -> None:
        assert self.server.alive(), f"server died:\n{self.server.log_tail()}"
        reply = self.api.health.Check(health_pb2.HealthCheckRequest(service=""))
        assert reply.status == SERVING


def awkward_order(ids_in_creation_order: Sequence[str]) -> list[str]:
    """The ids in an order that is neither their creation order nor sorted by id (either
    way round), so an answer that merely looks ordered by chance is caught."""
    assert len(ids_in_creation_order) >= 4
    order = sorted(ids_in_creation_order, reverse=True)
    order = order[1:] + order[:1]  # never ascending nor descending by id
    if order == list(ids_in_creation_order):
        order = order[2:] + order[:2]
    assert order not in (list(ids_in_creation_order), sorted(order), sorted(order, reverse=True))
    return order


def run_concurrently(calls: Sequence[Callable[[], grpc.Future]]):
    """Starts every call (each returns a grpc.Future) before waiting for any; returns outcomes."""
    started = [call() for call in calls]
    return [outcome(fut) for fut in started]


def channels(target: str, n: int) -> list[Api]:
    """n independent connections (clients) to the same server, for concurrency tests."""
    return [Api(target, timeout=120.0, own_connection=True) for _ in range(n)]
