"""The gateway's entity cache (MARQUEE_CACHE_TTL_MS, default 5 s) never shows a client something
it would not see without it: two `marquee serve` processes on one PostgreSQL and one Redis. Reads
through gateway B fill B's cache; a change made through gateway A must show on B well before the
entries could expire (the services publish `entity.changed` and B evicts), and a gateway's own
mutations are visible to its next read at once. Drafts and e-mail addresses are never served from
the cache to callers who may not see them.

Needs MARQUEE_TEST_DATABASE_URL and MARQUEE_TEST_REDIS_URL (scripts/test exports both)."""
from __future__ import annotations

import time

import pytest

from rtkit import (create_event, database_url, place_order, redis_url, register, start_pair, uid,
                   update_title)

EVENT_BY_SLUG = """query($slug: String!) { event(slug: $slug) { id title status
  organizer { name } ticketTypes { id remaining } } }"""
EVENT_BY_ID = """query($id: ID!) { event(id: $id) { id title status organizer { name } ticketTypes { id remaining } } }"""
USER_NODE = """query($id: ID!) { node(id: $id) { ... on User { id displayName email } } }"""
RENAME = """mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { displayName } errors { code } } }"""

# A change must show well within the cache's lifetime (5 s): it is evicted, not expired.
EVICTED_WITHIN = 2.0


@pytest.fixture(scope="module")
def pair():
    database_url(), redis_url()  # skip without them
    s = start_pair("cache", redis_url())
    yield s
    s.stop()


def poll(read, pred, within: float):
    """The first read satisfying pred within `within` seconds, else the last read (assert on it)."""
    deadline = time.monotonic() + within
    while True:
        got = read()
        if pred(got) or time.monotonic() > deadline:
            return got
        time.sleep(0.05)


def test_a_change_through_a_evicts_b_and_own_writes_read_at_once(pair):
    a, b = pair.client("A"), pair.client("B")
    organizer = pair.set_roles(register(a, "organizer"), ["ATTENDEE", "ORGANIZER"], a)
    buyer = register(a, "buyer")
    setup = create_event(a, organizer, ticket_types=[{"capacity": 10}])
    slug, tt = setup.event["slug"], setup.tt["id"]
    by_slug = lambda gw: gw.ok(EVENT_BY_SLUG, {"slug": slug})["event"]  # noqa: E731
    by_id = lambda gw: gw.ok(EVENT_BY_ID, {"id": setup.id})["event"]  # noqa: E731

    # Fill B's cache (and A's), by slug and by id.
    for gw in (a, b):
        for _ in range(3):
            assert by_slug(gw)["ticketTypes"][0]["remaining"] == 10
            assert by_id(gw)["title"] == setup.event["title"]

    # Served from the cache: no RPC at all (the slug, the event, its organiser).
    traced = b.post(EVENT_BY_SLUG, {"slug": slug}, trace=True)
    assert traced.extensions.get("rpcCalls") == 0, f"a cached read still called {traced.extensions}"

    # A's own write is visible to A's next read at once.
    title = f"Renamed {uid(6)}"
    update_title(a, organizer, setup.id, title)
    assert by_id(a)["title"] == title and by_slug(a)["title"] == title
    # B hears of it through Redis, long before its entries would expire.
    started = time.monotonic()
    got = poll(lambda: by_id(b), lambda e: e["title"] == title, EVICTED_WITHIN)
    assert got["title"] == title, f"gateway B still served the old title {time.monotonic() - started:.2f} s later: {got}"
    assert poll(lambda: by_slug(b), lambda e: e["title"] == title, EVICTED_WITHIN)["title"] == title

    # Seats sold through A: A shows them at once, B within the eviction delay.
    place_order(a, buyer, setup.id, [(tt, 3)])
    assert by_slug(a)["ticketTypes"][0]["remaining"] == 7
    got = poll(lambda: by_slug(b), lambda e: e["ticketTypes"][0]["remaining"] == 7, EVICTED_WITHIN)
    assert got["ticketTypes"][0]["remaining"] == 7, got


def test_a_renamed_organiser_shows_on_the_other_gateway(pair):
    a, b = pair.client("A"), pair.client("B")
    organizer = pair.set_roles(register(a, "organizer"), ["ATTENDEE", "ORGANIZER"], a)
    setup = create_event(a, organizer)
    for _ in range(2):
        assert b.ok(EVENT_BY_ID, {"id": setup.id})["event"]["organizer"]["name"] == organizer.display_name
    name = f"Renamed Organiser {uid(6)}"
    payload = a.mutate("updateProfile", RENAME, {"input": {"displayName": name}}, token=organizer)
    assert payload["user"]["displayName"] == name, payload
    got = poll(lambda: b.ok(EVENT_BY_ID, {"id": setup.id})["event"], lambda e: e["organizer"]["name"] == name,
               EVICTED_WITHIN)
    assert got["organizer"]["name"] == name, got


def test_drafts_and_emails_are_not_served_to_others(pair):
    a = pair.client("A")
    organizer = pair.set_roles(register(a, "organizer"), ["ATTENDEE", "ORGANIZER"], a)
    stranger = register(a, "stranger")
    draft = create_event(a, organizer, publish=False)
    # The organiser reads their draft (twice: a cache would now hold it) ...
    for _ in range(2):
        assert a.ok(EVENT_BY_ID, {"id": draft.id}, token=organizer)["event"]["status"] == "DRAFT"
    # ... and nobody else sees it.
    assert a.ok(EVENT_BY_ID, {"id": draft.id})["event"] is None
    assert a.ok(EVENT_BY_ID, {"id": draft.id}, token=stranger)["event"] is None

    # The organiser reads their own profile with the e-mail address; others never get it.
    for _ in range(2):
        me = a.ok(USER_NODE, {"id": organizer.id}, token=organizer)["node"]
        assert me["email"] == organizer.email, me
    for token in (None, stranger):
        other = a.ok(USER_NODE, {"id": organizer.id}, token=token)["node"]
        assert other is None or not other.get("email"), f"another caller got the e-mail address: {other}"
    # And the other way round: a stranger's read first, then the owner still sees the address.
    b = pair.client("B")
    b.ok(USER_NODE, {"id": stranger.id}, token=organizer)
    assert b.ok(USER_NODE, {"id": stranger.id}, token=stranger)["node"]["email"] == stranger.email
