#!/usr/bin/env python3
"""A stand-in for the `marquee` binary's gateway commands, built on graphql-core, used to
test this suite itself before (or besides) the real gateway:

    MARQUEE_BIN=Tests/gateway/fake_marquee.py python3 -m pytest Tests/gateway -q

It implements the HTTP contract of Tests/gateway/README.md with an in-memory domain kept in
a JSON file (next to MARQUEE_SQLITE_PATH, or in the temp dir for a DATABASE_URL):
    serve [--demo]                      the gateway with every "service" in-process
    service NAME --host H --port P      a TCP listener standing in for a gRPC service
    gateway                             the gateway; MARQUEE_<NAME>_ADDR must accept connections
    admin create --email E --password P
    user set-roles --email E --roles R1,R2
It is not the product: no gRPC, no SQL, one lock around every request. Its only job is to
behave as the contract says so that the suite's own mistakes show up.
"""
from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import hmac
import json
import os
import socket
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from graphql import (FieldNode, FragmentSpreadNode, GraphQLError, InlineFragmentNode, OperationDefinitionNode,
                     OperationType, build_schema, execute, get_operation_ast, parse, validate)

SCHEMA_PATH = Path(__file__).resolve().parent.parent.parent / "schema.graphql"
SERVICES = ["auth", "users", "events", "orders", "payments", "tickets", "notifications", "analytics"]
DEMO = [("admin@demo.marquee.dev", "marquee-admin", "Demo Admin", ["ATTENDEE", "ADMIN"]),
        ("organizer@demo.marquee.dev", "marquee-organizer", "Demo Organizer", ["ATTENDEE", "ORGANIZER"]),
        ("staff@demo.marquee.dev", "marquee-staff", "Demo Staff", ["ATTENDEE", "STAFF"]),
        ("attendee@demo.marquee.dev", "marquee-attendee", "Demo Attendee", ["ATTENDEE"])]
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF "}


# --------------------------------------------------------------------------- store

def state_path() -> Path:
    if os.environ.get("MARQUEE_SQLITE_PATH"):
        return Path(os.environ["MARQUEE_SQLITE_PATH"] + ".fake.json")
    url = os.environ.get("DATABASE_URL")
    if url:
        return Path(tempfile.gettempdir()) / f"fake-marquee-{hashlib.sha1(url.encode()).hexdigest()[:16]}.json"
    raise SystemExit("fake_marquee: MARQUEE_SQLITE_PATH or DATABASE_URL is required")


EMPTY = {"seq": 0, "users": {}, "events": {}, "venues": {}, "ticket_types": {}, "orders": {}, "payments": {},
         "tickets": {}, "notifications": {}, "refresh": {}, "revoked_sessions": []}


@contextlib.contextmanager
def store(path: Path):
    with open(str(path) + ".lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            st = json.loads(path.read_text()) if path.exists() else json.loads(json.dumps(EMPTY))
            yield st
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(st))
            tmp.replace(path)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def new_id(st, prefix: str) -> str:
    st["seq"] += 1
    return f"{prefix}{st['seq']}"


def pw_hash(password: str) -> str:
    return hashlib.sha256(("fake:" + password).encode()).hexdigest()


def now_s() -> int:
    return int(time.time())


def iso(ts: int | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> int:
    try:
        if not text.endswith("Z"):
            raise ValueError
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())
    except (ValueError, AttributeError):
        raise GraphQLError(f"not an RFC 3339 UTC date-time: {text!r}", extensions={"code": "BAD_USER_INPUT"})


def create_user(st, email, password, name, roles):
    for u in st["users"].values():
        if u["email"].lower() == email.lower():
            return None
    uid_ = new_id(st, "u")
    st["users"][uid_] = {"id": uid_, "email": email, "pw": pw_hash(password), "name": name, "roles": roles,
                         "created": now_s()}
    return st["users"][uid_]


# --------------------------------------------------------------------------- tokens

def b64e(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


SECRET = os.environ.get("JWT_SECRET", "")


def sign(data: str, key: str = "") -> str:
    return b64e(hmac.new((key or SECRET).encode(), data.encode(), hashlib.sha256).digest())


def jwt_encode(claims: dict) -> str:
    head = b64e(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64e(json.dumps(claims).encode())
    return f"{head}.{body}.{sign(head + '.' + body)}"


def jwt_decode(token: str) -> dict | None:
    try:
        head, body, sig = token.split(".")
        if json.loads(b64d(head)).get("alg") != "HS256" or not hmac.compare_digest(sig, sign(head + "." + body)):
            return None
        claims = json.loads(b64d(body))
        if claims.get("iss") != "marquee" or claims.get("exp", 0) < time.time():
            return None
        return claims
    except Exception:
        return None


def issue(st, user, session=None) -> dict:
    exp = now_s() + 900
    token = jwt_encode({"sub": user["id"], "exp": exp, "iat": now_s(), "iss": "marquee", "roles": user["roles"]})
    refresh = b64e(os.urandom(32))
    st["refresh"][hashlib.sha256(refresh.encode()).hexdigest()] = {
        "user": user["id"], "session": session or uuid.uuid4().hex, "used": False}
    return {"accessToken": token, "accessTokenExpiresAt": iso(exp), "refreshToken": refresh,
            "user": user_obj(st, user), "errors": []}


def qr(ticket) -> str:
    return f"MQT1.{ticket['id']}.{ticket['code']}.{sign(ticket['id'] + ticket['code'], 'qr:' + SECRET)}"


# --------------------------------------------------------------------------- ids & objects

def gid(kind: str, raw: str) -> str:
    return b64e(f"{kind}:{raw}".encode())


def ungid(value: str, kind: str | None = None):
    try:
        k, raw = b64d(value).decode().split(":", 1)
    except Exception:
        return (None, None) if kind is None else None
    if kind is None:
        return k, raw
    return raw if k == kind else None


def money(amount: int, currency: str) -> dict:
    return {"amountMinor": amount, "currency": currency,
            "formatted": f"{'-' if amount < 0 else ''}{SYMBOLS[currency]}{abs(amount) // 100}.{abs(amount) % 100:02d}"}


class Ctx:
    def __init__(self, st, user, bad_token, gateway):
        self.st, self.user, self.bad_token, self.gateway = st, user, bad_token, gateway
        self.rpc: list[str] = []

    def rpc_call(self, method: str, batch: bool = False):
        name = "marquee.v1." + method
        if not (batch and name in self.rpc):
            self.rpc.append(name)

    def has(self, role) -> bool:
        return bool(self.user) and (role in self.user["roles"] or "ADMIN" in self.user["roles"])


def user_obj(st, u):
    return {"__typename": "User", "id": gid("User", u["id"]), "displayName": u["name"], "email": u["email"],
            "roles": u["roles"], "createdAt": iso(u["created"])}


def organizer_obj(st, u):
    def events(info, first=20, after=None):
        info.context.rpc_call("EventService/ListEvents", batch=True)
        evs = [e for e in st["events"].values() if e["organizer"] == u["id"] and e["status"] == "PUBLISHED"]
        return connection(st, evs, first, after, event_obj)
    return {"__typename": "Organizer", "id": gid("Organizer", u["id"]), "name": u["name"], "events": events}


def venue_obj(st, v):
    return {"__typename": "Venue", "id": gid("Venue", v["id"]), "name": v["name"], "address": v["address"],
            "city": v["city"], "country": v["country"]}


def tt_obj(st, t):
    return {"__typename": "TicketType", "id": gid("TicketType", t["id"]), "name": t["name"],
            "price": money(t["price"], t["currency"]), "capacity": t["capacity"],
            "remaining": t["capacity"] - t["reserved"], "perOrderLimit": t["limit"],
            "salesStart": iso(t["start"]), "salesEnd": iso(t["end"])}


def event_obj(st, e):
    def organizer(info):
        info.context.rpc_call("UserService/BatchGetUsers", batch=True)
        return organizer_obj(st, st["users"][e["organizer"]])
    return {"__typename": "Event", "id": gid("Event", e["id"]), "slug": e["slug"], "title": e["title"],
            "description": e["description"], "status": e["status"], "startsAt": iso(e["starts"]),
            "endsAt": iso(e["ends"]), "imageUrl": e["image"], "venue": venue_obj(st, st["venues"][e["venue"]]),
            "organizer": organizer, "ticketTypes": [tt_obj(st, st["ticket_types"][t]) for t in e["types"]]}


def payment_obj(st, p):
    return {"__typename": "Payment", "id": gid("Payment", p["id"]), "amount": money(p["amount"], p["currency"]),
            "refunded": money(p["refunded"], p["currency"]), "status": p["status"], "cardLast4": p["last4"],
            "createdAt": iso(p["created"])}


def ticket_obj(st, t):
    e = st["events"][t["event"]]
    return {"__typename": "Ticket", "id": gid("Ticket", t["id"]), "code": t["code"], "event": event_obj(st, e),
            "ticketType": tt_obj(st, st["ticket_types"][t["tt"]]), "status": t["status"], "qrPayload": qr(t),
            "checkedInAt": iso(t["checked_in"])}


def order_obj(st, o):
    return {"__typename": "Order", "id": gid("Order", o["id"]), "event": event_obj(st, st["events"][o["event"]]),
            "buyer": user_obj(st, st["users"][o["buyer"]]),
            "items": [{"ticketType": tt_obj(st, st["ticket_types"][i["tt"]]), "quantity": i["qty"],
                       "unitPrice": money(i["unit"], o["currency"])} for i in o["items"]],
            "total": money(o["total"], o["currency"]), "status": o["status"], "expiresAt": iso(o["expires"]),
            "createdAt": iso(o["created"]),
            "payment": payment_obj(st, st["payments"][o["payment"]]) if o["payment"] else None,
            "tickets": [ticket_obj(st, t) for t in st["tickets"].values() if t["order"] == o["id"]]}


def note_obj(st, n):
    return {"__typename": "Notification", "id": gid("Notification", n["id"]), "kind": n["kind"],
            "title": n["title"], "body": n["body"], "read": n["read"], "createdAt": iso(n["created"])}


def connection(st, items, first, after, conv):
    start = int(b64d(after).decode().split(":")[1]) + 1 if after else 0
    first = max(0, min(first if first is not None else 20, 100))
    page = items[start:start + first]
    edges_ = [{"cursor": b64e(f"c:{start + i}".encode()), "node": conv(st, x)} for i, x in enumerate(page)]
    return {"edges": edges_, "totalCount": len(items),
            "pageInfo": {"hasNextPage": start + first < len(items), "hasPreviousPage": start > 0,
                         "startCursor": edges_[0]["cursor"] if edges_ else None,
                         "endCursor": edges_[-1]["cursor"] if edges_ else None}}


def err(code, message):
    return GraphQLError(message, extensions={"code": code})


def uerr(payload_keys, code, message, field=None):
    out = {k: None for k in payload_keys}
    out["errors"] = [{"message": message, "code": code, "field": field}]
    return out


def visible_event(ctx, e) -> bool:
    return e["status"] != "DRAFT" or (ctx.user and (ctx.user["id"] == e["organizer"] or ctx.has("ADMIN")))


def lookup_node(ctx, value):
    st = ctx.st
    kind, raw = ungid(value)
    if kind == "User" and raw in st["users"]:
        u = st["users"][raw]
        return user_obj(st, u) if ctx.user and (ctx.user["id"] == raw or ctx.has("ADMIN")) else None
    if kind == "Organizer" and raw in st["users"]:
        return organizer_obj(st, st["users"][raw])
    if kind == "Event" and raw in st["events"] and visible_event(ctx, st["events"][raw]):
        return event_obj(st, st["events"][raw])
    if kind == "Venue" and raw in st["venues"]:
        return venue_obj(st, st["venues"][raw])
    if kind == "TicketType" and raw in st["ticket_types"]:
        return tt_obj(st, st["ticket_types"][raw])
    if kind == "Order" and raw in st["orders"] and can_see_order(ctx, st["orders"][raw]):
        return order_obj(st, st["orders"][raw])
    if kind == "Payment" and raw in st["payments"]:
        p = st["payments"][raw]
        return payment_obj(st, p) if can_see_order(ctx, st["orders"][p["order"]]) else None
    if kind == "Ticket" and raw in st["tickets"]:
        t = st["tickets"][raw]
        return ticket_obj(st, t) if ctx.user and ctx.user["id"] == t["owner"] else None
    if kind == "Notification" and raw in st["notifications"]:
        n = st["notifications"][raw]
        return note_obj(st, n) if ctx.user and ctx.user["id"] == n["user"] else None
    return None


def can_see_order(ctx, o) -> bool:
    if not ctx.user:
        return False
    return (o["buyer"] == ctx.user["id"] or ctx.has("ADMIN")
            or ctx.st["events"][o["event"]]["organizer"] == ctx.user["id"])


# --------------------------------------------------------------------------- resolvers

def q_me(_, info):
    return user_obj(info.context.st, info.context.user)


def q_event(_, info, id=None, slug=None):
    ctx = info.context
    ctx.rpc_call("EventService/GetEvent")
    for e in ctx.st["events"].values():
        if (id and gid("Event", e["id"]) == id) or (slug and e["slug"] == slug):
            return event_obj(ctx.st, e) if visible_event(ctx, e) else None
    return None


def q_events(_, info, filter=None, first=20, after=None):
    ctx = info.context
    ctx.rpc_call("EventService/ListEvents")
    f = filter or {}
    out = []
    for e in ctx.st["events"].values():
        if e["status"] != "PUBLISHED":
            continue
        v = ctx.st["venues"][e["venue"]]
        if f.get("city") and v["city"].lower() != f["city"].lower():
            continue
        if f.get("startsAfter") and e["starts"] < parse_iso(f["startsAfter"]):
            continue
        if f.get("startsBefore") and e["starts"] >= parse_iso(f["startsBefore"]):
            continue
        if f.get("text") and f["text"].lower() not in (e["title"] + " " + e["description"]).lower():
            continue
        if f.get("organizerId") and ungid(f["organizerId"], "Organizer") != e["organizer"]:
            continue
        out.append(e)
    out.sort(key=lambda e: (e["starts"], e["id"]))
    return connection(ctx.st, out, first, after, event_obj)


def q_cities(_, info):
    ctx = info.context
    ctx.rpc_call("EventService/ListCities")
    return sorted({ctx.st["venues"][e["venue"]]["city"] for e in ctx.st["events"].values()
                   if e["status"] == "PUBLISHED"})


def q_search(_, info, text, first=20):
    st, t = info.context.st, text.lower()
    out = []
    pub = [e for e in st["events"].values() if e["status"] == "PUBLISHED"]
    out += [event_obj(st, e) for e in pub if t in e["title"].lower()]
    out += [venue_obj(st, st["venues"][v]) for v in sorted({e["venue"] for e in pub})
            if t in st["venues"][v]["name"].lower()]
    out += [organizer_obj(st, st["users"][u]) for u in sorted({e["organizer"] for e in pub})
            if t in st["users"][u]["name"].lower()]
    return out[:first]


def q_order(_, info, id):
    ctx = info.context
    raw = ungid(id, "Order")
    o = ctx.st["orders"].get(raw or "")
    if not o or not can_see_order(ctx, o):
        raise err("NOT_FOUND", "no such order")
    return order_obj(ctx.st, o)


def q_my_orders(_, info, first=20, after=None):
    ctx = info.context
    mine = sorted([o for o in ctx.st["orders"].values() if o["buyer"] == ctx.user["id"]],
                  key=lambda o: (-o["created"], -int(o["id"][1:])))
    return connection(ctx.st, mine, first, after, order_obj)


def q_my_tickets(_, info, first=20, after=None):
    ctx = info.context
    mine = [t for t in ctx.st["tickets"].values() if t["owner"] == ctx.user["id"]]
    return connection(ctx.st, mine, first, after, ticket_obj)


def q_notifications(_, info, unreadOnly=False, first=20, after=None):
    ctx = info.context
    mine = [n for n in ctx.st["notifications"].values()
            if n["user"] == ctx.user["id"] and not (unreadOnly and n["read"])]
    mine.sort(key=lambda n: -int(n["id"][1:]))
    return connection(ctx.st, mine, first, after, note_obj)


def q_event_stats(_, info, eventId):
    ctx = info.context
    if ctx.gateway and not ctx.gateway.service_up("analytics"):
        raise err("SERVICE_UNAVAILABLE", "a service is unavailable, try again")
    ctx.rpc_call("AnalyticsService/GetEventStats")
    st = ctx.st
    e = st["events"].get(ungid(eventId, "Event") or "")
    if not e:
        raise err("NOT_FOUND", "no such event")
    if e["organizer"] != ctx.user["id"] and not ctx.has("ADMIN"):
        raise err("FORBIDDEN", "not your event")
    per = {t: [0, 0] for t in e["types"]}
    for o in st["orders"].values():
        if o["event"] == e["id"] and o["status"] in ("PAID", "REFUNDED"):
            for i in o["items"]:
                per[i["tt"]][0] += i["qty"]
                per[i["tt"]][1] += i["qty"] * i["unit"]
    refunded = sum(p["refunded"] for p in st["payments"].values() if st["orders"][p["order"]]["event"] == e["id"])
    cur = st["ticket_types"][e["types"][0]]["currency"] if e["types"] else "EUR"
    checked = sum(1 for t in st["tickets"].values() if t["event"] == e["id"] and t["status"] == "CHECKED_IN")
    return {"event": event_obj(st, e), "ticketsSold": sum(v[0] for v in per.values()),
            "revenue": money(sum(v[1] for v in per.values()) - refunded, cur), "checkedIn": checked,
            "ticketTypes": [{"ticketType": tt_obj(st, st["ticket_types"][t]), "sold": v[0],
                             "remaining": st["ticket_types"][t]["capacity"] - st["ticket_types"][t]["reserved"],
                             "revenue": money(v[1], cur)} for t, v in per.items()]}


AUTH_KEYS = ["accessToken", "accessTokenExpiresAt", "refreshToken", "user"]


def m_register(_, info, input):
    st = info.context.st
    if "@" not in input["email"]:
        return uerr(AUTH_KEYS, "BAD_USER_INPUT", "is not an email address", ["email"])
    if len(input["password"]) < 8:
        return uerr(AUTH_KEYS, "BAD_USER_INPUT", "must have at least 8 characters", ["password"])
    u = create_user(st, input["email"], input["password"], input["displayName"], ["ATTENDEE"])
    if u is None:
        return uerr(AUTH_KEYS, "EMAIL_TAKEN", "this email is taken", ["email"])
    return issue(st, u)


def m_login(_, info, input):
    st = info.context.st
    for u in st["users"].values():
        if u["email"].lower() == input["email"].lower() and u["pw"] == pw_hash(input["password"]):
            return issue(st, u)
    return uerr(AUTH_KEYS, "INVALID_CREDENTIALS", "wrong email or password")


def m_refresh(_, info, refreshToken):
    st = info.context.st
    rec = st["refresh"].get(hashlib.sha256(refreshToken.encode()).hexdigest())
    if not rec or rec["session"] in st["revoked_sessions"]:
        raise err("UNAUTHENTICATED", "the refresh token is invalid")
    if rec["used"]:
        st["revoked_sessions"].append(rec["session"])
        raise err("UNAUTHENTICATED", "the refresh token was used already; the session is revoked")
    rec["used"] = True
    return issue(st, st["users"][rec["user"]], rec["session"])


def m_logout(_, info, refreshToken):
    st = info.context.st
    rec = st["refresh"].get(hashlib.sha256(refreshToken.encode()).hexdigest())
    if rec:
        st["revoked_sessions"].append(rec["session"])
    return {"ok": True}


def own_event(ctx, raw_gid):
    e = ctx.st["events"].get(ungid(raw_gid, "Event") or "")
    if not e or (e["organizer"] != ctx.user["id"] and not ctx.has("ADMIN")):
        return None
    return e


def m_create_event(_, info, input):
    ctx = info.context
    st = ctx.st
    starts, ends = parse_iso(input["startsAt"]), parse_iso(input["endsAt"])
    if ends <= starts:
        return uerr(["event"], "BAD_USER_INPUT", "must be after startsAt", ["endsAt"])
    vid, eid = new_id(st, "v"), new_id(st, "e")
    st["venues"][vid] = {"id": vid, "name": input["venueName"], "address": input["venueAddress"],
                         "city": input["city"], "country": input["country"]}
    slug = "-".join("".join(c if c.isalnum() else " " for c in input["title"].lower()).split()) + "-" + eid
    st["events"][eid] = {"id": eid, "slug": slug, "title": input["title"], "description": input.get("description") or "",
                         "status": "DRAFT", "starts": starts, "ends": ends, "image": input.get("imageUrl"),
                         "venue": vid, "organizer": ctx.user["id"], "types": []}
    return {"event": event_obj(st, st["events"][eid]), "errors": []}


def m_update_event(_, info, input):
    ctx = info.context
    e = own_event(ctx, input["id"])
    if not e:
        return uerr(["event"], "NOT_FOUND", "no such event of yours", ["id"])
    for key, field in (("title", "title"), ("description", "description"), ("imageUrl", "image")):
        if input.get(key) is not None:
            e[field] = input[key]
    for key, field in (("startsAt", "starts"), ("endsAt", "ends")):
        if input.get(key) is not None:
            e[field] = parse_iso(input[key])
    return {"event": event_obj(ctx.st, e), "errors": []}


def m_publish(_, info, id):
    ctx = info.context
    e = own_event(ctx, id)
    if not e:
        return uerr(["event"], "NOT_FOUND", "no such event of yours", ["id"])
    if e["status"] != "DRAFT" or not e["types"]:
        return uerr(["event"], "FAILED_PRECONDITION", "only a draft with a ticket type can be published")
    e["status"] = "PUBLISHED"
    return {"event": event_obj(ctx.st, e), "errors": []}


def m_cancel_event(_, info, id):
    ctx = info.context
    e = own_event(ctx, id)
    if not e:
        return uerr(["event"], "NOT_FOUND", "no such event of yours", ["id"])
    e["status"] = "CANCELLED"
    return {"event": event_obj(ctx.st, e), "errors": []}


def m_add_tt(_, info, input):
    ctx = info.context
    st = ctx.st
    e = own_event(ctx, input["eventId"])
    if not e:
        return uerr(["ticketType"], "NOT_FOUND", "no such event of yours", ["eventId"])
    if input["capacity"] < 1:
        return uerr(["ticketType"], "BAD_USER_INPUT", "must be at least 1", ["capacity"])
    tid = new_id(st, "t")
    st["ticket_types"][tid] = {
        "id": tid, "event": e["id"], "name": input["name"], "price": input["price"]["amountMinor"],
        "currency": input["price"]["currency"], "capacity": input["capacity"], "reserved": 0,
        "limit": input.get("perOrderLimit") or 10,
        "start": parse_iso(input["salesStart"]) if input.get("salesStart") else None,
        "end": parse_iso(input["salesEnd"]) if input.get("salesEnd") else None}
    e["types"].append(tid)
    return {"ticketType": tt_obj(st, st["ticket_types"][tid]), "errors": []}


def m_place_order(_, info, input):
    ctx = info.context
    st = ctx.st
    for o in st["orders"].values():
        if o["buyer"] == ctx.user["id"] and o["key"] == input["idempotencyKey"]:
            return {"order": order_obj(st, o), "errors": []}
    e = st["events"].get(ungid(input["eventId"], "Event") or "")
    if not e or e["status"] != "PUBLISHED":
        return uerr(["order"], "NOT_FOUND", "no such event", ["eventId"])
    items, total = [], 0
    for n, item in enumerate(input["items"]):
        t = st["ticket_types"].get(ungid(item["ticketTypeId"], "TicketType") or "")
        if not t or t["event"] != e["id"]:
            return uerr(["order"], "NOT_FOUND", "no such ticket type", ["items", str(n), "ticketTypeId"])
        if not 1 <= item["quantity"] <= t["limit"]:
            return uerr(["order"], "BAD_USER_INPUT", f"must be 1–{t['limit']}", ["items", str(n), "quantity"])
        if (t["start"] and now_s() < t["start"]) or (t["end"] and now_s() >= t["end"]):
            return uerr(["order"], "SALES_CLOSED", f"sales for {t['name']} are closed")
        if t["capacity"] - t["reserved"] < item["quantity"]:
            return uerr(["order"], "SOLD_OUT", f"not enough {t['name']} tickets left")
        items.append({"tt": t["id"], "qty": item["quantity"], "unit": t["price"]})
        total += item["quantity"] * t["price"]
    for i in items:
        st["ticket_types"][i["tt"]]["reserved"] += i["qty"]
    oid = new_id(st, "o")
    st["orders"][oid] = {"id": oid, "event": e["id"], "buyer": ctx.user["id"], "items": items, "total": total,
                         "currency": st["ticket_types"][items[0]["tt"]]["currency"], "status": "PENDING",
                         "expires": now_s() + 900, "created": now_s(), "key": input["idempotencyKey"],
                         "payment": None}
    return {"order": order_obj(st, st["orders"][oid]), "errors": []}


PAY_KEYS = ["payment", "order"]


def m_pay(_, info, input):
    ctx = info.context
    st = ctx.st
    o = st["orders"].get(ungid(input["orderId"], "Order") or "")
    if not o or o["buyer"] != ctx.user["id"]:
        return uerr(PAY_KEYS, "NOT_FOUND", "no such order", ["orderId"])
    for p in st["payments"].values():
        if p["order"] == o["id"] and p["key"] == input["idempotencyKey"]:
            return {"payment": payment_obj(st, p), "order": order_obj(st, o), "errors": []}
    if o["status"] != "PENDING":
        return uerr(PAY_KEYS, "FAILED_PRECONDITION", "the order is not pending")
    card = input["cardNumber"]
    if card == "4000000000000002":
        return uerr(PAY_KEYS, "CARD_DECLINED", "the card was declined", ["cardNumber"])
    if card == "4000000000000119":
        raise err("SERVICE_UNAVAILABLE", "the payment processor failed; try again")
    pid = new_id(st, "p")
    st["payments"][pid] = {"id": pid, "order": o["id"], "amount": o["total"], "refunded": 0,
                           "currency": o["currency"], "status": "SUCCEEDED", "last4": card[-4:],
                           "created": now_s(), "key": input["idempotencyKey"]}
    o["status"], o["payment"], o["expires"] = "PAID", pid, None
    for i in o["items"]:
        for _ in range(i["qty"]):
            tid = new_id(st, "k")
            st["tickets"][tid] = {"id": tid, "order": o["id"], "event": o["event"], "tt": i["tt"],
                                  "owner": o["buyer"], "code": uuid.uuid4().hex[:10].upper(), "status": "VALID",
                                  "checked_in": None}
    nid = new_id(st, "n")
    st["notifications"][nid] = {"id": nid, "user": o["buyer"], "kind": "order.paid", "title": "Order paid",
                                "body": "Your tickets are ready.", "read": False, "created": now_s()}
    return {"payment": payment_obj(st, st["payments"][pid]), "order": order_obj(st, o), "errors": []}


def m_cancel_order(_, info, id):
    ctx = info.context
    st = ctx.st
    o = st["orders"].get(ungid(id, "Order") or "")
    if not o or o["buyer"] != ctx.user["id"]:
        return uerr(["order"], "NOT_FOUND", "no such order", ["id"])
    if o["status"] != "PENDING":
        return uerr(["order"], "FAILED_PRECONDITION", "only a pending order can be cancelled")
    o["status"] = "CANCELLED"
    for i in o["items"]:
        st["ticket_types"][i["tt"]]["reserved"] -= i["qty"]
    return {"order": order_obj(st, o), "errors": []}


def m_refund(_, info, input):
    ctx = info.context
    st = ctx.st
    o = st["orders"].get(ungid(input["orderId"], "Order") or "")
    if not o or (st["events"][o["event"]]["organizer"] != ctx.user["id"] and not ctx.has("ADMIN")):
        return uerr(PAY_KEYS, "NOT_FOUND", "no such order", ["orderId"])
    if not o["payment"]:
        return uerr(PAY_KEYS, "FAILED_PRECONDITION", "the order is not paid")
    p = st["payments"][o["payment"]]
    left = p["amount"] - p["refunded"]
    amount = input["amount"]["amountMinor"] if input.get("amount") else left
    if amount <= 0 or amount > left:
        return uerr(PAY_KEYS, "BAD_USER_INPUT", f"must be 1–{left}", ["amount", "amountMinor"])
    p["refunded"] += amount
    p["status"] = "REFUNDED" if p["refunded"] == p["amount"] else "PARTIALLY_REFUNDED"
    if p["status"] == "REFUNDED":
        o["status"] = "REFUNDED"
        for t in st["tickets"].values():
            if t["order"] == o["id"]:
                t["status"] = "VOID"
    return {"payment": payment_obj(st, p), "order": order_obj(st, o), "errors": []}


def m_check_in(_, info, input):
    st = info.context.st
    parts = input["qrPayload"].split(".")
    t = st["tickets"].get(parts[1]) if len(parts) == 4 and parts[0] == "MQT1" else None
    if not t or qr(t) != input["qrPayload"]:
        return uerr(["ticket", "checkedInAt"], "BAD_USER_INPUT", "not a genuine ticket", ["qrPayload"])
    if ungid(input["eventId"], "Event") != t["event"]:
        return uerr(["ticket", "checkedInAt"], "WRONG_EVENT", "this ticket is for another event", ["eventId"])
    if t["status"] == "CHECKED_IN":
        return uerr(["ticket", "checkedInAt"], "ALREADY_CHECKED_IN", "this ticket was already checked in")
    if t["status"] == "VOID":
        return uerr(["ticket", "checkedInAt"], "TICKET_VOID", "this ticket is void")
    t["status"], t["checked_in"] = "CHECKED_IN", now_s()
    return {"ticket": ticket_obj(st, t), "checkedInAt": iso(t["checked_in"]), "errors": []}


def m_mark_read(_, info, id):
    ctx = info.context
    n = ctx.st["notifications"].get(ungid(id, "Notification") or "")
    if not n or n["user"] != ctx.user["id"]:
        return uerr(["notification"], "NOT_FOUND", "no such notification", ["id"])
    n["read"] = True
    return {"notification": note_obj(ctx.st, n), "errors": []}


SCHEMA = build_schema(SCHEMA_PATH.read_text())
RESOLVERS = {
    "Query": {"me": q_me, "node": lambda _, info, id: lookup_node(info.context, id),
              "nodes": lambda _, info, ids: [lookup_node(info.context, i) for i in ids],
              "event": q_event, "events": q_events, "cities": q_cities, "search": q_search, "order": q_order,
              "myOrders": q_my_orders, "myTickets": q_my_tickets, "notifications": q_notifications,
              "eventStats": q_event_stats},
    "Mutation": {"register": m_register, "login": m_login, "refreshToken": m_refresh, "logout": m_logout,
                 "createEvent": m_create_event, "updateEvent": m_update_event, "publishEvent": m_publish,
                 "cancelEvent": m_cancel_event, "addTicketType": m_add_tt, "placeOrder": m_place_order,
                 "payOrder": m_pay, "cancelOrder": m_cancel_order, "refundOrder": m_refund,
                 "checkInTicket": m_check_in, "markNotificationRead": m_mark_read},
}
for type_name, fields in RESOLVERS.items():
    for name, fn in fields.items():
        SCHEMA.type_map[type_name].fields[name].resolve = fn
for abstract in ("Node", "SearchResult"):
    SCHEMA.type_map[abstract].resolve_type = lambda obj, info, t: obj["__typename"]
SCHEMA.type_map["DateTime"].coerce_input_value = lambda v: v if isinstance(v, str) and parse_iso(v) else None

AUTH: dict[tuple[str, str], str] = {}
for type_name in ("Query", "Mutation"):
    for name, f in SCHEMA.type_map[type_name].fields.items():
        for d in f.ast_node.directives or ():
            if d.name.value == "auth":
                role = d.arguments[0].value.value if d.arguments else "ATTENDEE"
                AUTH[(type_name, name)] = role


class AuthMiddleware:
    def resolve(self, next_, root, info, **args):
        role = AUTH.get((info.parent_type.name, info.field_name))
        if role:
            ctx = info.context
            if ctx.user is None:
                raise err("UNAUTHENTICATED", "sign in first" if not ctx.bad_token else "the access token is invalid")
            if not ctx.has(role):
                raise err("FORBIDDEN", f"requires the {role} role")
        return next_(root, info, **args)


# --------------------------------------------------------------------------- limits

def limits_env():
    e = os.environ
    return {"depth": int(e.get("MARQUEE_MAX_DEPTH") or 15), "cost": int(e.get("MARQUEE_MAX_COST") or 10000),
            "aliases": int(e.get("MARQUEE_MAX_ALIASES") or 30),
            "introspection": (e.get("MARQUEE_INTROSPECTION") or "true").lower() not in ("false", "0", "no", "off"),
            "timeout_ms": int(e.get("MARQUEE_REQUEST_TIMEOUT_MS") or 10000),
            "body": int(e.get("MARQUEE_MAX_BODY_BYTES") or 1048576),
            "cors": [o.strip() for o in (e.get("MARQUEE_CORS_ORIGINS") or "*").split(",") if o.strip()]}


def selections(sel_set, fragments):
    for s in sel_set.selections if sel_set else ():
        if isinstance(s, FieldNode):
            yield s
        elif isinstance(s, InlineFragmentNode):
            yield from selections(s.selection_set, fragments)
        elif isinstance(s, FragmentSpreadNode) and s.name.value in fragments:
            yield from selections(fragments[s.name.value].selection_set, fragments)


def depth(sel_set, fragments) -> int:
    return max((1 + depth(f.selection_set, fragments) for f in selections(sel_set, fragments)), default=0)


def cost(sel_set, fragments, variables) -> int:
    total = 0
    for f in selections(sel_set, fragments):
        if not f.selection_set:
            total += 1
            continue
        size = 1
        for a in f.arguments or ():
            if a.name.value == "first":
                v = a.value
                try:
                    size = int(v.value) if v.kind == "int_value" else \
                        int((variables or {}).get(v.name.value) or 20) if v.kind == "variable" else 1
                except (TypeError, ValueError):
                    size = 1
        if f.name.value in ("events", "myOrders", "myTickets", "notifications", "search") and \
                not any(a.name.value == "first" for a in f.arguments or ()):
            size = 20
        total += 1 + max(size, 1) * cost(f.selection_set, fragments, variables)
    return total


def aliases(doc) -> int:
    count = 0

    def walk(node):
        nonlocal count
        for s in getattr(getattr(node, "selection_set", None), "selections", None) or ():
            if isinstance(s, FieldNode) and s.alias:
                count += 1
            walk(s)
    for d in doc.definitions:
        walk(d)
    return count


def introspects(op, fragments) -> bool:
    def walk(sel_set):
        for f in selections(sel_set, fragments):
            if f.name.value in ("__schema", "__type") or walk(f.selection_set):
                return True
        return False
    return walk(op.selection_set)


# --------------------------------------------------------------------------- HTTP

EXPLORER = """<!doctype html><html><head><title>Marquee GraphQL explorer</title>
<style>body{font-family:sans-serif}textarea{width:100%;height:12em}</style></head>
<body><h1>Marquee GraphQL</h1><textarea id=q>{ cities }</textarea><button id=run>Run</button><pre id=out></pre>
<script>document.getElementById('run').onclick=async()=>{const r=await fetch('/graphql',{method:'POST',
headers:{'content-type':'application/json'},body:JSON.stringify({query:document.getElementById('q').value})});
document.getElementById('out').textContent=JSON.stringify(await r.json(),null,2)}</script></body></html>"""


class RequestError(Exception):
    def __init__(self, status, code, message, headers=None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


class App:
    def __init__(self, gateway_addrs: dict[str, str] | None):
        self.limits = limits_env()
        self.addrs = gateway_addrs
        self.state_file = state_path() if gateway_addrs is None else self.ask_state_path()

    def ask_state_path(self) -> Path:
        host, port = self.addrs["auth"].rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=5) as s:
            return Path(s.makefile().readline().strip())

    def service_up(self, name: str) -> bool:
        if self.addrs is None:
            return True
        host, port = self.addrs[name].rsplit(":", 1)
        try:
            with socket.create_connection((host, int(port)), timeout=1):
                return True
        except OSError:
            return False

    def graphql(self, body: dict, headers, method: str) -> dict:
        query, variables, op_name = body.get("query"), body.get("variables"), body.get("operationName")
        if not isinstance(query, str):
            raise RequestError(400, "BAD_REQUEST", "the request has no query")
        if variables is not None and not isinstance(variables, dict):
            raise RequestError(400, "BAD_REQUEST", "variables must be an object")
        if op_name is not None and not isinstance(op_name, str):
            raise RequestError(400, "BAD_REQUEST", "operationName must be a string")
        try:
            doc = parse(query)
        except GraphQLError as e:
            return {"errors": [dict(e.formatted, extensions={"code": "GRAPHQL_PARSE_FAILED"})]}
        errors = validate(SCHEMA, doc)
        if errors:
            return {"errors": [dict(e.formatted, extensions={"code": "GRAPHQL_VALIDATION_FAILED"}) for e in errors]}
        op = get_operation_ast(doc, op_name)
        if op is None:
            return {"errors": [{"message": "which operation? (operationName)",
                                "extensions": {"code": "BAD_USER_INPUT"}}]}
        if method == "GET" and op.operation != OperationType.QUERY:
            raise RequestError(405, "METHOD_NOT_ALLOWED", "only queries over GET", {"allow": "POST"})
        fragments = {d.name.value: d for d in doc.definitions if not isinstance(d, OperationDefinitionNode)}
        lim = self.limits
        if depth(op.selection_set, fragments) > lim["depth"]:
            return request_error("QUERY_TOO_DEEP", "the query is too deep")
        if aliases(doc) > lim["aliases"]:
            return request_error("TOO_MANY_ALIASES", "too many aliases")
        if cost(op.selection_set, fragments, variables) > lim["cost"]:
            return request_error("QUERY_TOO_COMPLEX", "the query is too complex")
        if not lim["introspection"] and introspects(op, fragments):
            return request_error("INTROSPECTION_DISABLED", "introspection is disabled")
        started = time.monotonic()
        with store(self.state_file) as st:
            user, bad = None, False
            auth = headers.get("authorization")
            if auth:
                claims = jwt_decode(auth[7:]) if auth.startswith("Bearer ") else None
                user = st["users"].get(claims["sub"]) if claims else None
                if user:
                    user = dict(user, roles=claims["roles"])
                bad = user is None
            ctx = Ctx(st, user, bad, self if self.addrs else None)
            result = execute(SCHEMA, doc, variable_values=variables, operation_name=op_name, context_value=ctx,
                             middleware=[AuthMiddleware()])
        if (time.monotonic() - started) * 1000 > lim["timeout_ms"]:
            return request_error("TIMEOUT", "the request took too long")
        out = {}
        if result.errors:
            out["errors"] = [dict(e.formatted, extensions=e.extensions or {"code": "BAD_USER_INPUT"})
                             for e in result.errors]
            if result.data is None and all(e.path is None for e in result.errors):
                return out  # variable coercion: a request error
        out["data"] = result.data
        if headers.get("x-marquee-trace") == "1":
            out["extensions"] = {"rpcCalls": len(ctx.rpc), "rpcMethods": ctx.rpc}
        return out


def request_error(code, message):
    return {"errors": [{"message": message, "extensions": {"code": code}}]}


def make_handler(app: App):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def send(self, status, body: bytes, ctype: str, extra=None):
            self.send_response(status)
            self.send_header("content-type", ctype)
            self.send_header("content-length", str(len(body)))
            self.send_header("x-request-id", self.headers.get("x-request-id") or uuid.uuid4().hex)
            origin = self.headers.get("origin")
            if origin:
                if "*" in app.limits["cors"]:
                    self.send_header("access-control-allow-origin", "*")
                elif origin in app.limits["cors"]:
                    self.send_header("access-control-allow-origin", origin)
                    self.send_header("vary", "origin")
            for k, v in (extra or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def send_json(self, status, obj, ctype="application/json", extra=None):
            self.send(status, json.dumps(obj).encode(), ctype + "; charset=utf-8", extra)

        def accept(self):
            a = self.headers.get("accept") or ""
            return "application/graphql-response+json" if "application/graphql-response+json" in a \
                else "application/json"

        def answer(self, result):
            ctype = self.accept()
            status = 200 if ctype == "application/json" or "data" in result else 400
            self.send_json(status, result, ctype)

        def fail(self, e: RequestError):
            self.send_json(e.status, {"errors": [{"message": e.message, "extensions": {"code": e.code}}]},
                           self.accept(), e.headers)

        def body(self) -> bytes:
            limit = app.limits["body"]
            if "chunked" in (self.headers.get("transfer-encoding") or "").lower():
                data = b""
                while True:
                    size = int(self.rfile.readline().strip() or b"0", 16)
                    if size == 0:
                        self.rfile.readline()
                        return data
                    data += self.rfile.read(size)
                    self.rfile.readline()
                    if len(data) > limit:
                        self.close_connection = True
                        raise RequestError(413, "PAYLOAD_TOO_LARGE", "the request body is too large")
            length = int(self.headers.get("content-length") or 0)
            if length > limit:
                self.close_connection = True
                raise RequestError(413, "PAYLOAD_TOO_LARGE", "the request body is too large")
            return self.rfile.read(length)

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path == "/health":
                return self.send_json(200, {"status": "ok"})
            if url.path == "/ready":
                up = all(app.service_up(s) for s in SERVICES) if app.addrs else True
                return self.send_json(200 if up else 503, {"ready": up})
            if url.path != "/graphql":
                return self.send_json(404, {"errors": [{"message": "not found", "extensions": {"code": "NOT_FOUND"}}]})
            params = dict(urllib.parse.parse_qsl(url.query))
            if "query" not in params and "text/html" in (self.headers.get("accept") or ""):
                return self.send(200, EXPLORER.encode(), "text/html; charset=utf-8")
            try:
                body = {"query": params.get("query"), "operationName": params.get("operationName")}
                if "variables" in params:
                    try:
                        body["variables"] = json.loads(params["variables"])
                    except ValueError:
                        raise RequestError(400, "BAD_REQUEST", "variables are not JSON")
                self.answer(app.graphql(body, self.headers, "GET"))
            except RequestError as e:
                self.fail(e)

        def do_POST(self):
            if urllib.parse.urlsplit(self.path).path != "/graphql":
                return self.send_json(404, {"errors": [{"message": "not found"}]})
            try:
                ctype = (self.headers.get("content-type") or "").split(";")[0].strip().lower()
                if ctype != "application/json":
                    self.body()
                    raise RequestError(415, "UNSUPPORTED_MEDIA_TYPE", "send application/json")
                raw = self.body()
                try:
                    body = json.loads(raw)
                except ValueError:
                    raise RequestError(400, "BAD_REQUEST", "the body is not JSON")
                if not isinstance(body, dict):
                    raise RequestError(400, "BAD_REQUEST", "the body is not a JSON object")
                self.answer(app.graphql(body, self.headers, "POST"))
            except RequestError as e:
                self.fail(e)
            except Exception as e:  # noqa: BLE001 - a fake's bug must still answer
                import traceback
                traceback.print_exc()
                self.fail(RequestError(500, "INTERNAL_SERVER_ERROR", f"fake crashed: {e!r}"))

        def do_OPTIONS(self):
            self.send(204, b"", "text/plain", {"access-control-allow-methods": "GET, POST, OPTIONS",
                                               "access-control-allow-headers": "content-type, authorization"})

        def other(self):
            with contextlib.suppress(RequestError):
                self.body()
            self.send_json(405, {"errors": [{"message": "method not allowed"}]}, extra={"allow": "GET, POST"})

        do_PUT = do_DELETE = do_PATCH = other

    return Handler


def run_http(app: App):
    server = ThreadingHTTPServer((os.environ.get("HOST", "0.0.0.0"), int(os.environ.get("PORT", "8080"))),
                                 make_handler(app))
    server.daemon_threads = True
    print(f"fake marquee gateway on {server.server_address}", flush=True)
    server.serve_forever()


# --------------------------------------------------------------------------- commands

def demo_seed():
    with store(state_path()) as st:
        for email, pw, name, roles in DEMO:
            create_user(st, email, pw, name, roles)
        if any(e.get("demo") for e in st["events"].values()):
            return
        org = next(u for u in st["users"].values() if u["email"] == "organizer@demo.marquee.dev")
        cities = ["Berlin", "Lisbon", "Zurich", "London", "Vienna"]
        for i in range(120):
            vid, eid, tid = new_id(st, "v"), new_id(st, "e"), new_id(st, "t")
            city = cities[i % len(cities)]
            st["venues"][vid] = {"id": vid, "name": f"{city} Hall {i}", "address": f"Street {i}", "city": city,
                                 "country": "DE"}
            st["ticket_types"][tid] = {"id": tid, "event": eid, "name": "General", "price": 1000 + i, "currency": "EUR",
                                       "capacity": 200, "reserved": 0, "limit": 10, "start": None, "end": None}
            starts = now_s() + 86400 * (i + 1)
            st["events"][eid] = {"id": eid, "slug": f"demo-{i}", "title": f"Demo event {i}", "description": "Demo.",
                                 "status": "PUBLISHED", "starts": starts, "ends": starts + 7200, "image": None,
                                 "venue": vid, "organizer": org["id"], "types": [tid], "demo": True}


def option(args, name):
    return args[args.index(name) + 1] if name in args and args.index(name) + 1 < len(args) else None


def main(argv) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    cmd, args = argv[0], argv[1:]
    if "--help" in args:
        print(f"USAGE: marquee {cmd} (fake_marquee.py)")
        return 0
    if cmd == "serve":
        if "--demo" in args:
            demo_seed()
            for email, pw, _, roles in DEMO:
                print(f"demo account: {email} / {pw} ({', '.join(roles)})", flush=True)
        run_http(App(None))
    elif cmd == "gateway":
        run_http(App({s: os.environ[f"MARQUEE_{s.upper()}_ADDR"] for s in SERVICES}))
    elif cmd == "service":
        path = str(state_path())
        with store(Path(path)):
            pass
        srv = socket.create_server((option(args, "--host") or "0.0.0.0", int(option(args, "--port"))))
        print(f"fake {args[0]} service", flush=True)
        while True:
            conn, _ = srv.accept()
            with contextlib.suppress(OSError):
                conn.sendall((path + "\n").encode())
            conn.close()
    elif cmd == "admin" and args[:1] == ["create"]:
        with store(state_path()) as st:
            if create_user(st, option(args, "--email"), option(args, "--password"), "Admin",
                           ["ATTENDEE", "ADMIN"]) is None:
                print("exists", file=sys.stderr)
                return 1
    elif cmd == "user" and args[:1] == ["set-roles"]:
        with store(state_path()) as st:
            for u in st["users"].values():
                if u["email"] == option(args, "--email"):
                    u["roles"] = option(args, "--roles").split(",")
                    return 0
        print("no such user", file=sys.stderr)
        return 1
    else:
        print(f"fake marquee: unknown command {argv}", file=sys.stderr)
        return 64
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
