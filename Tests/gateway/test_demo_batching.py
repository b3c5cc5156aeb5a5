"""`marquee serve --demo`: the demo data and accounts, and batching of the gateway's RPCs
(seen through `x-marquee-trace: 1` → `extensions.rpcCalls` / `extensions.rpcMethods`)."""
from __future__ import annotations

import shutil
from collections import Counter

import pytest

from gatewaykit import DEMO_PASSWORDS, ME, edges, login_as, new_workdir, start_serve

HUNDRED_EVENTS = """query Hundred { events(first: 100) {
  totalCount
  edges { node {
    id title startsAt
    venue { name city }
    organizer { name }
    ticketTypes { name price { amountMinor formatted } remaining }
  } } } }"""


@pytest.fixture(scope="module")
def demo_stack():
    stack = start_serve(new_workdir("demo"), demo=True, with_admin=False)
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def demo(demo_stack):
    return demo_stack.client()


def test_demo_prints_its_credentials(demo_stack):
    out = demo_stack.procs["serve"].log()
    for email, password in DEMO_PASSWORDS.items():
        assert email in out and password in out, f"demo credentials of {email} not printed:\n{out[-3000:]}"


@pytest.mark.parametrize("email,role", [("admin@demo.marquee.dev", "ADMIN"),
                                        ("organizer@demo.marquee.dev", "ORGANIZER"),
                                        ("staff@demo.marquee.dev", "STAFF"),
                                        ("attendee@demo.marquee.dev", "ATTENDEE")])
def test_demo_accounts_log_in_with_their_role(demo, email, role):
    account = login_as(demo, email, DEMO_PASSWORDS[email])
    assert role in account.roles, account.roles
    me = demo.ok(ME, token=account)["me"]
    assert me["email"] == email and role in me["roles"], me


def test_demo_has_a_hundred_published_events_in_several_cities(demo):
    data = demo.ok(HUNDRED_EVENTS)
    assert data["events"]["totalCount"] >= 100, data["events"]["totalCount"]
    events = edges(data["events"])
    assert len(events) == 100, len(events)
    assert all(e["ticketTypes"] for e in events), "every demo event has ticket types"
    cities = demo.ok("{ cities }")["cities"]
    assert len(cities) >= 3, cities
    assert len({e["venue"]["city"] for e in events}) >= 2, "the first 100 events are in several cities"


def test_a_hundred_events_with_their_relations_take_a_few_batched_rpcs(demo):
    reply = demo.post(HUNDRED_EVENTS, trace=True)
    assert reply.status == 200 and not reply.errors, reply
    events = edges(reply.data["events"])
    assert len(events) == 100
    assert all(e["organizer"]["name"] and e["venue"]["name"] for e in events)
    calls = reply.extensions.get("rpcCalls")
    methods = reply.extensions.get("rpcMethods")
    assert isinstance(calls, int) and isinstance(methods, list), (
        f"x-marquee-trace: 1 must add extensions.rpcCalls and rpcMethods: {reply.extensions}")
    counts = Counter(methods)
    assert 1 <= calls <= 4, f"100 events with venue, organiser and ticket types took {calls} RPCs: {counts}"
    assert len(methods) == calls, f"rpcMethods lists every call: {calls} vs {methods}"
    assert "marquee.v1.EventService/ListEvents" in counts, counts
    assert all(n < 100 for n in counts.values()), f"one RPC per event (no batching): {counts}"
    assert all("/" in m and m.startswith("marquee.v1.") for m in methods), methods


def test_a_repeated_demo_seed_adds_nothing():
    """--demo is idempotent: `serve --demo` again on the same file finds the same data."""
    workdir = new_workdir("demo-twice")
    query = "{ events(first: 100) { totalCount edges { node { id } } } cities }"
    first = start_serve(workdir / "first", demo=True, with_admin=False, sqlite_path=workdir / "m.sqlite")
    try:
        before = first.client().ok(query)
    finally:
        first.stop()
    second = start_serve(workdir / "second", demo=True, with_admin=False, sqlite_path=workdir / "m.sqlite")
    try:
        after = second.client().ok(query)
    finally:
        second.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    assert after == before, f"a second --demo seed changed the data: {before} -> {after}"
