"""A service that is down fails only its own fields (shape 2: separate processes).

The analytics process is killed (SIGKILL, by its pid); `events` still answers,
`eventStats` is null with SERVICE_UNAVAILABLE, HTTP 200; /ready turns 503."""
from __future__ import annotations

import time

import pytest

from gatewaykit import (GQL_RESPONSE, JSON, assert_field_error, create_event, new_workdir, paid_order,
                        register, start_split)

BOTH = """query($id: ID!) {
  events(first: 5) { totalCount edges { node { id title } } }
  eventStats(eventId: $id) { ticketsSold revenue { amountMinor } }
}"""


@pytest.fixture(scope="module")
def split():
    stack = start_split(new_workdir("split-failure"))
    yield stack
    stack.stop()


def test_a_dead_service_fails_only_its_fields(split):
    gw = split.client()
    organizer = split.set_roles(register(gw, "organizer"), ["ATTENDEE", "ORGANIZER"], gw)
    attendee = register(gw, "attendee")
    setup = create_event(gw, organizer)
    paid_order(gw, attendee, setup, 1)

    before = gw.ok(BOTH, {"id": setup.id}, token=organizer)
    assert before["eventStats"]["ticketsSold"] == 1, before

    split.procs["analytics"].kill()
    started = time.monotonic()
    for accept in (GQL_RESPONSE, JSON):
        reply = gw.post(BOTH, {"id": setup.id}, token=organizer, accept=accept)
        assert reply.status == 200 and reply.content_type == accept, reply
        assert setup.id in [e["node"]["id"] for e in reply.data["events"]["edges"]], reply
        assert_field_error(reply, ("eventStats",), "SERVICE_UNAVAILABLE")
    assert time.monotonic() - started < 20, "a dead service must fail fast, not hang until the request timeout"

    assert gw.ok("{ me { id } }", token=attendee)["me"]["id"] == attendee.id, "other services still answer"
    ready = gw.request("GET", "/ready")
    assert ready.status == 503, f"/ready with a service down: {ready!r}"
    assert gw.request("GET", "/health").status == 200, "/health is liveness: the gateway itself is fine"
    assert split.procs["gateway"].alive(), split.logs()
