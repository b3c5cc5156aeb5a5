"""Shared machinery of the gateway's end-to-end HTTP suite (Tests/gateway).

Starts the gateway the two ways the contract allows and talks GraphQL over HTTP to it:

* shape "serve": `$MARQUEE_BIN serve` (all services in one process) on a fresh SQLite file;
* shape "split": one `$MARQUEE_BIN service NAME` process per service on a fresh PostgreSQL
  database (only when MARQUEE_TEST_DATABASE_URL is set), then `$MARQUEE_BIN gateway` pointed
  at them with MARQUEE_<SERVICE>_ADDR.

Also the shared base of Tests/realtime (its rtkit imports the processes, stores, accounts and the
HTTP GraphQL client from here): `suite` ("GATEWAY" or "REALTIME") picks the suite's own
MARQUEE_<SUITE>_REQUIRE_BIN and MARQUEE_<SUITE>_KEEP_LOGS.
"""
from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import hmac
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

import httpx
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SCHEMA_PATH = REPO / "schema.graphql"

JWT_SECRET = "marquee-gateway-e2e-tests-jwt-secret-0123456789"  # >= 32 characters
BCRYPT_COST = "4"
READY_TIMEOUT = 60.0
HTTP_TIMEOUT = 30.0

GQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"

GOOD_CARD = "4242424242424242"
DECLINED_CARD = "4000000000000002"
PROCESSING_ERROR_CARD = "4000000000000119"

SUITE = "GATEWAY"

SERVICES = ["auth", "users", "events", "orders", "payments", "tickets", "notifications", "analytics"]

DEMO_PASSWORDS = {
    "admin@demo.marquee.dev": "marquee-admin",
    "organizer@demo.marquee.dev": "marquee-organizer",
    "staff@demo.marquee.dev": "marquee-staff",
    "attendee@demo.marquee.dev": "marquee-attendee",
}

RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")


# --------------------------------------------------------------------------- small helpers

def uid(n: int = 10) -> str:
    return uuid.uuid4().hex[:n]


def unique_email(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex}@example.test"


def now() -> datetime:
    return datetime.now(timezone.utc)


def iso(dt: datetime) -> str:
    """RFC 3339 UTC with whole seconds, as the API's DateTime: 2026-12-31T19:00:00Z."""
    return dt.astimezone(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def in_days(days: float) -> str:
    return iso(now() + timedelta(days=days))


def parse_dt(text: str) -> datetime:
    assert isinstance(text, str) and RFC3339_UTC.match(text), f"not an RFC 3339 UTC DateTime: {text!r}"
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt_payload(token: str) -> dict:
    return json.loads(b64url_decode(token.split(".")[1]))


def jwt_resign(token: str, secret: str = JWT_SECRET, **changes) -> str:
    """The token with its payload changed and signed again (HS256) with `secret`."""
    head, body, _ = token.split(".")
    payload = json.loads(b64url_decode(body))
    payload.update(changes)
    signing_input = head + "." + b64url_encode(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url_encode(sig)


def tamper(text: str) -> str:
    """One alphanumeric character in the middle changed (never the last one)."""
    start = len(text) // 2
    for i in list(range(start, len(text) - 1)) + list(range(0, start)):
        c = text[i]
        if c.isalnum():
            repl = ("7" if c != "7" else "3") if c.isdigit() else ("x" if c.lower() != "x" else "k")
            return text[:i] + repl + text[i + 1:]
    raise AssertionError(f"nothing to tamper in {text!r}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


# --------------------------------------------------------------------------- the binary

def marquee_bin() -> Path:
    raw = os.environ.get("MARQUEE_BIN", ".build/debug/marquee")
    path = Path(raw)
    if not path.is_absolute():
        path = path if path.exists() else REPO / raw
    return path.resolve()


@functools.lru_cache(maxsize=1)
def gateway_missing_reason() -> str | None:
    """None when `$MARQUEE_BIN serve --help` works, else why not."""
    binary = marquee_bin()
    if not binary.exists():
        return f"{binary} does not exist (build it, or set MARQUEE_BIN)"
    try:
        done = subprocess.run([str(binary), "serve", "--help"], capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"`{binary} serve --help` failed: {exc}"
    usage = re.search(r"usage:.*\bserve\b", done.stdout + done.stderr, flags=re.IGNORECASE)
    if done.returncode != 0 or not usage:
        # (an argument parser without `serve` may print the top-level help and exit 0)
        return (f"`{binary} serve --help` (exit {done.returncode}) shows no `serve` usage: the binary has no "
                f"gateway yet ({(done.stdout or done.stderr).strip()[:160]!r})")
    return None


def require_gateway(suite: str = SUITE) -> None:
    """Skips (or, with MARQUEE_<suite>_REQUIRE_BIN=1, fails) when the binary has no gateway."""
    reason = gateway_missing_reason()
    if reason:
        if os.environ.get(f"MARQUEE_{suite}_REQUIRE_BIN") == "1":
            pytest.fail(reason)
        pytest.skip(reason)


def base_env() -> dict[str, str]:
    """The test process's environment without anything that configures Marquee."""
    env = {k: v for k, v in os.environ.items()
           if not (k.startswith("MARQUEE_")
                   and not k.startswith(("MARQUEE_TEST_", "MARQUEE_GATEWAY_", "MARQUEE_REALTIME_")))}
    for key in ("DATABASE_URL", "PORT", "HOST", "REDIS_URL", "JWT_SECRET", "JWT_ACCESS_TTL_SECONDS",
                "JWT_REFRESH_TTL_SECONDS"):
        env.pop(key, None)
    return env


# --------------------------------------------------------------------------- HTTP & GraphQL

class Reply:
    """One HTTP response of the gateway, with its JSON body when it has one."""

    def __init__(self, response: httpx.Response):
        self.response = response
        self.status = response.status_code
        self.headers = response.headers
        self.text = response.text
        try:
            self.body = response.json()
        except ValueError:
            self.body = None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def data(self):
        return self.body.get("data") if isinstance(self.body, dict) else None

    @property
    def has_data(self) -> bool:
        return isinstance(self.body, dict) and "data" in self.body

    @property
    def errors(self) -> list[dict]:
        errs = self.body.get("errors") if isinstance(self.body, dict) else None
        return errs or []

    @property
    def extensions(self) -> dict:
        ext = self.body.get("extensions") if isinstance(self.body, dict) else None
        return ext or {}

    def codes(self) -> list[str]:
        return [(e.get("extensions") or {}).get("code") for e in self.errors]

    def errors_at(self, *path) -> list[dict]:
        return [e for e in self.errors if tuple(e.get("path") or ()) == tuple(path)]

    def __repr__(self) -> str:
        body = self.text if len(self.text) < 3000 else self.text[:3000] + "…"
        return f"<HTTP {self.status} {self.headers.get('content-type')!r}: {body}>"


def _token(token) -> str | None:
    if token is None:
        return None
    return token.token if isinstance(token, Account) else token


class Gateway:
    """An HTTP client of one gateway."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.http = httpx.Client(base_url=base_url, timeout=HTTP_TIMEOUT)

    def close(self) -> None:
        self.http.close()

    def request(self, method: str, path: str, **kwargs) -> Reply:
        return Reply(self.http.request(method, path, **kwargs))

    def post(self, query: str | None, variables: dict | None = None, *, token=None,
             operation_name: str | None = None, accept: str | None = GQL_RESPONSE,
             headers: dict | None = None, trace: bool = False, body: Any = None) -> Reply:
        hdrs = {"content-type": JSON}
        if accept:
            hdrs["accept"] = accept
        tok = _token(token)
        if tok is not None:
            hdrs["authorization"] = f"Bearer {tok}"
        if trace:
            hdrs["x-marquee-trace"] = "1"
        hdrs.update(headers or {})
        if body is None:
            body = {"query": query}
            if variables is not None:
                body["variables"] = variables
            if operation_name is not None:
                body["operationName"] = operation_name
        content = body if isinstance(body, (bytes, str)) else json.dumps(body)
        return self.request("POST", "/graphql", content=content, headers=hdrs)

    def get(self, query: str | None = None, variables: dict | str | None = None, *,
            operation_name: str | None = None, accept: str | None = GQL_RESPONSE, token=None,
            headers: dict | None = None) -> Reply:
        params = {}
        if query is not None:
            params["query"] = query
        if variables is not None:
            params["variables"] = variables if isinstance(variables, str) else json.dumps(variables)
        if operation_name is not None:
            params["operationName"] = operation_name
        hdrs = {}
        if accept:
            hdrs["accept"] = accept
        tok = _token(token)
        if tok is not None:
            hdrs["authorization"] = f"Bearer {tok}"
        hdrs.update(headers or {})
        return self.request("GET", "/graphql", params=params, headers=hdrs)

    def ok(self, query: str, variables: dict | None = None, *, token=None, **kwargs) -> dict:
        """Runs an operation that must succeed completely; returns `data`."""
        reply = self.post(query, variables, token=token, **kwargs)
        assert reply.status == 200 and not reply.errors and reply.data is not None, (
            f"expected a clean success of\n{query.strip()[:400]}\nvariables={variables}\ngot {reply!r}")
        return reply.data

    def mutate(self, field: str, query: str, variables: dict | None = None, *, token=None) -> dict:
        """Runs a mutation that must succeed with an empty `errors: [UserError]`; returns the payload."""
        payload = self.ok(query, variables, token=token)[field]
        assert payload["errors"] == [], f"{field} answered user errors {payload['errors']} for {variables}"
        return payload

    def payload(self, field: str, query: str, variables: dict | None = None, *, token=None) -> dict:
        """Runs a mutation without top-level errors; returns the payload, user errors or not."""
        return self.ok(query, variables, token=token)[field]


def user_error_codes(payload: dict) -> list[str]:
    return [e.get("code") for e in payload.get("errors") or []]


def assert_user_error(payload: dict, code: str, *, empty: Iterable[str] = ()) -> dict:
    """The payload carries the user error `code` and its object fields in `empty` are null."""
    codes = user_error_codes(payload)
    assert code in codes, f"expected user error {code}, got {payload}"
    for err in payload["errors"]:
        assert isinstance(err.get("message"), str) and err["message"], f"user error without message: {err}"
    for name in empty:
        assert payload.get(name) is None, f"{name} should be null next to user error {code}: {payload}"
    return next(e for e in payload["errors"] if e.get("code") == code)


def assert_request_error(reply: Reply, code: str | Iterable[str], status: int = 400) -> dict:
    """A request error (graphql-response+json): `status`, that content type, no `data`, the code."""
    codes = {code} if isinstance(code, str) else set(code)
    assert reply.status == status, f"expected HTTP {status} with {sorted(codes)}, got {reply!r}"
    assert reply.content_type == GQL_RESPONSE, f"content type {reply.content_type!r}: {reply!r}"
    assert isinstance(reply.body, dict), f"not a JSON object: {reply!r}"
    assert "data" not in reply.body, f"a request error has no data: {reply!r}"
    assert reply.errors, f"no errors: {reply!r}"
    found = [e for e in reply.errors if (e.get("extensions") or {}).get("code") in codes]
    assert found, f"expected an error with code in {sorted(codes)}, got {reply.codes()}: {reply!r}"
    assert all(isinstance(e.get("message"), str) and e["message"] for e in reply.errors), reply
    return found[0]


def assert_field_error(reply: Reply, path: tuple, code: str | Iterable[str]) -> dict:
    """HTTP 200 with data, the field at `path` null (or data null, for a non-null root field)
    and an error with that path and code."""
    codes = {code} if isinstance(code, str) else set(code)
    assert reply.status == 200, f"a field error keeps HTTP 200, got {reply!r}"
    assert reply.has_data, f"a field error keeps `data`: {reply!r}"
    data = reply.data
    if data is not None:
        value = data
        for key in path:
            if value is None:
                break
            value = value[key]
        assert value is None, f"{'.'.join(map(str, path))} should be null: {reply!r}"
    errs = reply.errors_at(*path)
    assert errs, f"no error with path {list(path)}: {reply!r}"
    got = [(e.get("extensions") or {}).get("code") for e in errs]
    assert codes & set(got), f"expected {sorted(codes)} at {list(path)}, got {got}: {reply!r}"
    return errs[0]


def assert_money(money: dict, amount_minor: int, currency: str = "EUR", formatted: str | None = None) -> None:
    assert money["amountMinor"] == amount_minor, f"amount {money} != {amount_minor}"
    assert money["currency"] == currency, f"currency {money} != {currency}"
    if "formatted" in money:
        assert isinstance(money["formatted"], str) and money["formatted"], money
        if formatted is not None:
            assert money["formatted"] == formatted, f"formatted {money['formatted']!r} != {formatted!r}"


def edges(connection: dict) -> list[dict]:
    return [e["node"] for e in connection["edges"]]


# --------------------------------------------------------------------------- GraphQL documents

USER_ERRORS = "errors { message field code }"
AUTH_FIELDS = f"accessToken accessTokenExpiresAt refreshToken user {{ id email displayName roles }} {USER_ERRORS}"

REGISTER = f"""mutation Register($input: RegisterInput!) {{ register(input: $input) {{ {AUTH_FIELDS} }} }}"""
LOGIN = f"""mutation Login($input: LoginInput!) {{ login(input: $input) {{ {AUTH_FIELDS} }} }}"""
REFRESH = f"""mutation Refresh($t: String!) {{ refreshToken(refreshToken: $t) {{ {AUTH_FIELDS} }} }}"""
LOGOUT = """mutation Logout($t: String!) { logout(refreshToken: $t) { ok } }"""
ME = """query Me { me { id email displayName roles createdAt } }"""

TICKET_TYPE_FIELDS = ("id name price { amountMinor currency formatted } capacity remaining perOrderLimit "
                      "salesStart salesEnd")
EVENT_FIELDS = (f"id slug title description status startsAt endsAt imageUrl "
                f"venue {{ id name address city country }} organizer {{ id name }} "
                f"ticketTypes {{ {TICKET_TYPE_FIELDS} }}")

CREATE_EVENT = f"""mutation CreateEvent($input: CreateEventInput!) {{
  createEvent(input: $input) {{ event {{ {EVENT_FIELDS} }} {USER_ERRORS} }} }}"""
UPDATE_EVENT = f"""mutation UpdateEvent($input: UpdateEventInput!) {{
  updateEvent(input: $input) {{ event {{ {EVENT_FIELDS} }} {USER_ERRORS} }} }}"""
ADD_TICKET_TYPE = f"""mutation AddTicketType($input: AddTicketTypeInput!) {{
  addTicketType(input: $input) {{ ticketType {{ {TICKET_TYPE_FIELDS} }} {USER_ERRORS} }} }}"""
PUBLISH_EVENT = f"""mutation Publish($id: ID!) {{ publishEvent(id: $id) {{ event {{ {EVENT_FIELDS} }} {USER_ERRORS} }} }}"""

ORDER_FIELDS = ("id status total { amountMinor currency formatted } expiresAt createdAt "
                "event { id } buyer { id } items { quantity unitPrice { amountMinor currency } ticketType { id } } "
                "payment { id status amount { amountMinor currency } refunded { amountMinor currency } cardLast4 } "
                "tickets { id code status qrPayload event { id } ticketType { id } }")
PAYMENT_FIELDS = ("id status amount { amountMinor currency formatted } refunded { amountMinor currency } "
                  "cardLast4 createdAt")
PLACE_ORDER = f"""mutation PlaceOrder($input: PlaceOrderInput!) {{
  placeOrder(input: $input) {{ order {{ {ORDER_FIELDS} }} {USER_ERRORS} }} }}"""
PAY_ORDER = f"""mutation PayOrder($input: PayOrderInput!) {{
  payOrder(input: $input) {{ payment {{ {PAYMENT_FIELDS} }} order {{ id status }} {USER_ERRORS} }} }}"""
REFUND_ORDER = f"""mutation RefundOrder($input: RefundOrderInput!) {{
  refundOrder(input: $input) {{ payment {{ {PAYMENT_FIELDS} }} order {{ id status }} {USER_ERRORS} }} }}"""
CANCEL_ORDER = f"""mutation CancelOrder($id: ID!) {{ cancelOrder(id: $id) {{ order {{ id status }} {USER_ERRORS} }} }}"""
CHECK_IN = f"""mutation CheckIn($input: CheckInTicketInput!) {{
  checkInTicket(input: $input) {{ ticket {{ id code status checkedInAt }} checkedInAt {USER_ERRORS} }} }}"""
MARK_READ = f"""mutation MarkRead($id: ID!) {{
  markNotificationRead(id: $id) {{ notification {{ id read }} {USER_ERRORS} }} }}"""
EVENT_STATS = """query Stats($id: ID!) { eventStats(eventId: $id) {
  event { id } ticketsSold checkedIn revenue { amountMinor currency formatted }
  ticketTypes { ticketType { id } sold remaining revenue { amountMinor currency } } } }"""


# --------------------------------------------------------------------------- accounts

@dataclass
class Account:
    email: str
    password: str
    display_name: str
    id: str = ""
    token: str = ""
    refresh_token: str = ""
    roles: list[str] = field(default_factory=list)


def _take_tokens(account: Account, payload: dict, what: str) -> Account:
    assert payload["errors"] == [], f"{what} of {account.email} answered user errors: {payload}"
    assert isinstance(payload["accessToken"], str) and payload["accessToken"].count(".") == 2, payload
    assert isinstance(payload["refreshToken"], str) and payload["refreshToken"], payload
    assert parse_dt(payload["accessTokenExpiresAt"]) > now(), payload
    user = payload["user"]
    assert user and user["id"], payload
    account.id = user["id"]
    account.token = payload["accessToken"]
    account.refresh_token = payload["refreshToken"]
    account.roles = list(user["roles"])
    return account


def register(gw: Gateway, prefix: str = "user", *, display_name: str | None = None) -> Account:
    account = Account(unique_email(prefix), "pw-" + uid(16), display_name or f"{prefix.title()} {uid(6)}")
    payload = gw.payload("register", REGISTER, {"input": {
        "email": account.email, "password": account.password, "displayName": account.display_name}})
    _take_tokens(account, payload, "register")
    assert payload["user"]["email"] == account.email, payload
    assert payload["user"]["displayName"] == account.display_name, payload
    assert "ATTENDEE" in account.roles, f"a new user is an ATTENDEE: {payload}"
    return account


def login(gw: Gateway, account: Account) -> Account:
    payload = gw.payload("login", LOGIN, {"input": {"email": account.email, "password": account.password}})
    user_id = account.id
    _take_tokens(account, payload, "login")
    if user_id:
        assert account.id == user_id, f"login answered another user: {payload}"
    return account


def login_as(gw: Gateway, email: str, password: str) -> Account:
    return login(gw, Account(email, password, ""))


# --------------------------------------------------------------------------- processes & stacks

class Proc:
    """A process we started, with its combined stdout/stderr in a log file."""

    def __init__(self, name: str, cmd: list[str], env: dict[str, str], workdir: Path):
        self.name = name
        self.cmd = cmd
        self.log_path = workdir / f"{name}.log"
        log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, env=env, cwd=workdir, stdout=log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, chars: int = 3000) -> str:
        return self.log()[-chars:]

    def kill(self) -> None:
        """SIGKILL, as a crash would (only this process, by its pid)."""
        if self.alive():
            self.proc.kill()
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


class Stack:
    """A running gateway and what it needs: processes, the store, an admin."""

    def __init__(self, shape: str, workdir: Path, store_env: dict[str, str], description: str,
                 suite: str = SUITE):
        self.shape = shape
        self.workdir = workdir
        self.store_env = store_env
        self.description = description
        self.suite = suite
        self.procs: dict[str, Proc] = {}
        self.ports: dict[str, int] = {}
        self.urls: dict[str, str] = {}  # of each process that serves HTTP, by its name
        self.url = ""  # of the first of them
        self.admin_email = ""
        self.admin_password = ""
        self._cleanups: list = []
        self._clients: list[Gateway] = []

    # the store-side command line
    def cli_env(self) -> dict[str, str]:
        env = base_env()
        env.update({"JWT_SECRET": JWT_SECRET, "MARQUEE_BCRYPT_COST": BCRYPT_COST})
        env.update(self.store_env)
        return env

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(marquee_bin()), *args]
        done = subprocess.run(cmd, env=self.cli_env(), cwd=self.workdir, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)
        if check:
            assert done.returncode == 0, (f"`marquee {' '.join(args)}` exited {done.returncode}:\n"
                                          f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
        return done

    def create_admin(self) -> None:
        self.admin_email, self.admin_password = unique_email("admin"), "admin-pw-" + uid(12)
        self.cli("admin", "create", "--email", self.admin_email, "--password", self.admin_password)

    def set_roles(self, account: Account, roles: Iterable[str], gw: Gateway | None = None) -> Account:
        """Grants roles with `marquee user set-roles`, then logs in again (roles enter tokens at login)."""
        roles = list(roles)
        self.cli("user", "set-roles", "--email", account.email, "--roles", ",".join(roles))
        login(gw or self.client(), account)
        for role in roles:
            assert role in account.roles, f"{role} missing after set-roles + login: {account.roles}"
        return account

    def client(self, name: str | None = None) -> Gateway:
        """An HTTP client of the gateway `name` (default: the first one)."""
        gw = Gateway(self.urls[name] if name else self.url)
        self._clients.append(gw)
        return gw

    def ws_url(self, name: str | None = None) -> str:
        """The WebSocket endpoint of the gateway `name` (default: the first one)."""
        return (self.urls[name] if name else self.url).replace("http://", "ws://", 1) + "/graphql"

    def alive(self) -> bool:
        return all(p.alive() for p in self.procs.values())

    def logs(self, chars: int = 3000) -> str:
        return "\n".join(f"--- {name} ({'running' if p.alive() else f'exited {p.proc.returncode}'}) ---\n"
                         f"{p.log_tail(chars)}" for name, p in self.procs.items())

    def stop(self) -> None:
        for gw in self._clients:
            gw.close()
        for p in reversed(list(self.procs.values())):
            p.stop()
        for fn in reversed(self._cleanups):
            try:
                fn()
            except Exception as exc:  # best effort
                print(f"warning: cleanup of {self.description} failed: {exc}")
        self._cleanups.clear()
        if os.environ.get(f"MARQUEE_{self.suite}_KEEP_LOGS") != "1":
            shutil.rmtree(self.workdir, ignore_errors=True)

    @contextlib.contextmanager
    def starting(self, what: str):
        """Around the start of the stack: if it fails, stops what runs and fails the test with the logs."""
        try:
            yield self
        except BaseException as exc:
            logs = self.logs()
            self.stop()
            if isinstance(exc, (RuntimeError, AssertionError)):
                pytest.fail(f"could not start {what} ({exc}):\n{logs}")
            raise

    def start(self, name: str, args: list[str], env: dict[str, str]) -> Proc:
        proc = Proc(name, [str(marquee_bin()), *args], env, self.workdir)
        self.procs[name] = proc
        return proc

    def start_http(self, name: str, args: list[str], env: dict[str, str], ready_path: str = "/ready") -> Proc:
        """Starts `marquee ARGS` serving HTTP on a free port (PORT) and waits until it is ready."""
        port = free_port()
        proc = self.start(name, args, {**env, "PORT": str(port)})
        self.ports[name] = port
        self.urls[name] = f"http://127.0.0.1:{port}"
        self.url = self.url or self.urls[name]
        self.wait_http_ready(proc, ready_path)
        return proc

    def serve(self, name: str = "serve", extra_env: dict[str, str] | None = None, *, demo: bool = False,
              ready_path: str = "/ready") -> Proc:
        """Starts `marquee serve [--demo]` on this stack's store (see start_http)."""
        return self.start_http(name, ["serve", "--demo"] if demo else ["serve"],
                               {**gateway_env(extra_env), **self.store_env}, ready_path)

    def wait_http_ready(self, proc: Proc, path: str = "/ready", timeout: float = READY_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        last = "no answer"
        with httpx.Client(base_url=self.urls[proc.name], timeout=2.0) as http:
            while time.monotonic() < deadline:
                if not proc.alive():
                    raise RuntimeError(f"{proc.name} exited with {proc.proc.returncode} before it was ready")
                try:
                    r = http.get(path)
                    if r.status_code == 200:
                        return
                    last = f"HTTP {r.status_code}: {r.text[:200]}"
                except httpx.HTTPError as exc:
                    last = f"{type(exc).__name__}: {exc}"
                time.sleep(0.1)
        raise RuntimeError(f"{proc.name}: GET {path} not 200 after {timeout:.0f}s (last: {last})")


def gateway_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a process that serves HTTP (start_http adds its PORT)."""
    env = base_env()
    env.update({"HOST": "127.0.0.1", "JWT_SECRET": JWT_SECRET, "MARQUEE_BCRYPT_COST": BCRYPT_COST})
    env.update(extra or {})
    return env


def start_serve(workdir: Path, *, extra_env: dict[str, str] | None = None, demo: bool = False,
                sqlite_path: Path | None = None, with_admin: bool = True, ready_path: str = "/ready",
                name: str = "serve", suite: str = SUITE) -> Stack:
    """Shape 1: `marquee serve` on a (fresh unless given) SQLite file."""
    require_gateway(suite)
    workdir.mkdir(parents=True, exist_ok=True)
    sqlite_path = sqlite_path or workdir / "m.sqlite"
    stack = Stack("serve", workdir, {"MARQUEE_SQLITE_PATH": str(sqlite_path)}, f"serve on {sqlite_path}", suite)
    with stack.starting("`marquee serve`"):
        if with_admin:
            stack.create_admin()
        proc = stack.serve(name, extra_env, demo=demo, ready_path=ready_path)
        if demo:
            wait_demo_seeded(proc)
    return stack


def wait_demo_seeded(proc: Proc, timeout: float = READY_TIMEOUT) -> None:
    """`serve --demo` prints the demo credentials once the sample is seeded; /ready may answer
    200 before that (the seed runs beside the server), so the printed credentials are the signal."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = proc.log()
        if all(email in out for email in DEMO_PASSWORDS):
            return
        if not proc.alive():
            raise RuntimeError(f"{proc.name} exited with {proc.proc.returncode} while seeding the demo")
        time.sleep(0.1)
    raise RuntimeError(f"`serve --demo` printed no demo credentials within {timeout:.0f}s")


def _psql(url: str, sql: str) -> None:
    psql = shutil.which("psql")
    if not psql:
        pytest.fail("MARQUEE_TEST_DATABASE_URL is set but psql is not on PATH")
    done = subprocess.run([psql, url, "-v", "ON_ERROR_STOP=1", "-qAtc", sql], capture_output=True, text=True,
                          timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"psql {sql!r} failed: {done.stderr.strip()}")


def create_database(base: str, prefix: str) -> tuple[str, str, Callable[[], None]]:
    """A fresh PostgreSQL database on the server of `base`: (its name, its URL, what drops it)."""
    name = f"{prefix}_{os.getpid()}_{uid(10)}"
    _psql(base, f'CREATE DATABASE "{name}"')
    url = urllib.parse.urlunsplit(urllib.parse.urlsplit(base)._replace(path="/" + name))
    return name, url, lambda: _psql(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_split(workdir: Path, *, extra_env: dict[str, str] | None = None) -> Stack:
    """Shape 2: one `marquee service NAME` per service on a fresh PostgreSQL database, then
    `marquee gateway` pointed at them."""
    base = os.environ.get("MARQUEE_TEST_DATABASE_URL")
    if not base:
        pytest.skip("shape 2 (separate processes on PostgreSQL) needs MARQUEE_TEST_DATABASE_URL")
    require_gateway()
    workdir.mkdir(parents=True, exist_ok=True)
    name, url, drop = create_database(base, "marquee_gw")
    stack = Stack("split", workdir, {"DATABASE_URL": url}, f"split on postgres:{name}")
    stack._cleanups.append(drop)
    with stack.starting("the split stack"):
        stack.create_admin()  # also brings the new database's schema up to date before the services start
        service_env = stack.cli_env()
        for svc in SERVICES:
            port = free_port()
            stack.ports[svc] = port
            stack.start(svc, ["service", svc, "--host", "127.0.0.1", "--port", str(port)], service_env)
        deadline = time.monotonic() + READY_TIMEOUT
        for svc in SERVICES:
            while not port_open(stack.ports[svc]):
                if not stack.procs[svc].alive():
                    raise RuntimeError(f"service {svc} exited with {stack.procs[svc].proc.returncode}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"service {svc} does not accept connections on {stack.ports[svc]}")
                time.sleep(0.1)
        env = gateway_env(extra_env)
        env.pop("MARQUEE_BCRYPT_COST", None)
        for svc in SERVICES:
            env[f"MARQUEE_{svc.upper()}_ADDR"] = f"127.0.0.1:{stack.ports[svc]}"
        stack.start_http("gateway", ["gateway"], env)
    return stack


def start_stack(shape: str, workdir: Path, **kwargs) -> Stack:
    if shape == "serve":
        return start_serve(workdir, **kwargs)
    if shape == "split":
        return start_split(workdir, **kwargs)
    raise ValueError(shape)

def new_workdir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"marquee-gw-{prefix}-"))


# --------------------------------------------------------------------------- domain helpers

@dataclass
class EventSetup:
    event: dict
    ticket_types: list[dict]
    organizer: Account
    city: str

    @property
    def id(self) -> str:
        return self.event["id"]

    @property
    def tt(self) -> dict:
        return self.ticket_types[0]


def create_event(gw: Gateway, organizer: Account, *, title: str | None = None, city: str | None = None,
                 venue_name: str | None = None, ticket_types: list[dict] | None = None,
                 publish: bool = True, starts_in_days: float = 30) -> EventSetup:
    title = title or f"Concert {uid(8)}"
    city = city or f"Testville {uid(6)}"
    payload = gw.mutate("createEvent", CREATE_EVENT, {"input": {
        "title": title, "description": f"All about {title}.", "venueName": venue_name or f"Hall {uid(6)}",
        "venueAddress": "Main Street 1", "city": city, "country": "DE",
        "startsAt": in_days(starts_in_days), "endsAt": in_days(starts_in_days + 0.125)}}, token=organizer)
    event = payload["event"]
    types = []
    for spec in ticket_types if ticket_types is not None else [{}]:
        inp = {"eventId": event["id"], "name": spec.get("name") or f"General {uid(4)}",
               "price": {"amountMinor": spec.get("price", 2500), "currency": spec.get("currency", "EUR")},
               "capacity": spec.get("capacity", 100), "perOrderLimit": spec.get("perOrderLimit", 10)}
        for key in ("salesStart", "salesEnd"):
            if key in spec:
                inp[key] = spec[key]
        types.append(gw.mutate("addTicketType", ADD_TICKET_TYPE, {"input": inp}, token=organizer)["ticketType"])
    if publish:
        event = gw.mutate("publishEvent", PUBLISH_EVENT, {"id": event["id"]}, token=organizer)["event"]
    return EventSetup(event, types, organizer, city)


def place_order(gw: Gateway, buyer: Account, event_id: str, items: list[tuple[str, int]],
                key: str | None = None) -> dict:
    return gw.payload("placeOrder", PLACE_ORDER, {"input": {
        "eventId": event_id, "idempotencyKey": key or str(uuid.uuid4()),
        "items": [{"ticketTypeId": t, "quantity": q} for t, q in items]}}, token=buyer)


def pay_order(gw: Gateway, buyer: Account, order_id: str, card: str = GOOD_CARD, key: str | None = None) -> dict:
    return gw.payload("payOrder", PAY_ORDER, {"input": {
        "orderId": order_id, "cardNumber": card, "expMonth": 12, "expYear": now().year + 3, "cvc": "123",
        "idempotencyKey": key or str(uuid.uuid4())}}, token=buyer)


def paid_order(gw: Gateway, buyer: Account, setup: EventSetup, quantity: int = 1) -> dict:
    placed = place_order(gw, buyer, setup.id, [(setup.tt["id"], quantity)])
    assert placed["errors"] == [], placed
    paid = pay_order(gw, buyer, placed["order"]["id"])
    assert paid["errors"] == [] and paid["payment"]["status"] == "SUCCEEDED", paid
    return placed["order"]


def poll(fn, timeout: float = 10.0, interval: float = 0.2):
    """Calls fn until it returns something truthy (then returns it) or the time is up (returns the last)."""
    deadline = time.monotonic() + timeout
    while True:
        value = fn()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


# --------------------------------------------------------------------------- shared fixtures
# Imported into the conftest.py of Tests/gateway and Tests/realtime, which define `serve_stack`.

@pytest.fixture(scope="session")
def gw(serve_stack) -> Gateway:
    return serve_stack.client()


@pytest.fixture(scope="session")
def admin(serve_stack, gw) -> Account:
    return login_as(gw, serve_stack.admin_email, serve_stack.admin_password)


@pytest.fixture(scope="session")
def organizer(serve_stack, gw) -> Account:
    return serve_stack.set_roles(register(gw, "organizer"), ["ATTENDEE", "ORGANIZER"], gw)


@pytest.fixture(scope="session")
def staff(serve_stack, gw) -> Account:
    return serve_stack.set_roles(register(gw, "staff"), ["ATTENDEE", "STAFF"], gw)


@pytest.fixture(scope="session")
def attendee(gw) -> Account:
    return register(gw, "attendee")


def stacks_survive(*fixtures: str):
    """An autouse fixture: whatever a test sent, the stacks of these fixtures that it used must
    still be running (a test that kills a part uses a stack of its own)."""
    @pytest.fixture(autouse=True)
    def _stacks_survive(request):
        yield
        for name in request.fixturenames:
            if name in fixtures:
                stack = request.getfixturevalue(name)
                gone = [n for n, p in stack.procs.items() if not p.alive()]
                assert not gone, f"{gone} of {stack.description} exited during the test:\n{stack.logs()}"
    return _stacks_survive


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test's report gets the process logs of the stacks it used."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for value in getattr(item, "funcargs", {}).values():
            if isinstance(value, Stack):
                report.sections.append((f"marquee logs ({value.description})", value.logs(2500)))
