"""@auth over HTTP: no token → UNAUTHENTICATED, a token without the role → FORBIDDEN, a bad
token (malformed, forged, expired) → UNAUTHENTICATED; the field is null, the rest answers."""
from __future__ import annotations

import time
import uuid

import pytest

from gatewaykit import (CHECK_IN, CREATE_EVENT, EVENT_STATS, GQL_RESPONSE, JSON, JWT_SECRET, ME, REFUND_ORDER, assert_field_error,
                        in_days, jwt_payload, jwt_resign, paid_order, place_order, register, tamper, uid)

PLACE = """mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }"""


def new_event_input() -> dict:
    return {"input": {"title": f"Auth test {uid(6)}", "venueName": "Hall", "venueAddress": "Street 1",
                      "city": "Authcity", "country": "DE", "startsAt": in_days(20), "endsAt": in_days(20.1)}}


def test_public_fields_need_no_token(gw, event):
    data = gw.ok("query($id: ID!) { cities event(id: $id) { id } events(first: 1) { totalCount } }",
                 {"id": event.id})
    assert data["event"]["id"] == event.id


@pytest.mark.parametrize("query,path", [
    ("{ me { id } }", ("me",)),
    ("{ myOrders { totalCount } }", ("myOrders",)),
    ("{ myTickets { totalCount } }", ("myTickets",)),
    ("{ notifications { totalCount } }", ("notifications",)),
], ids=["me", "myOrders", "myTickets", "notifications"])
def test_auth_fields_without_a_token(gw, query, path):
    err = assert_field_error(gw.post(query), path, "UNAUTHENTICATED")
    assert err.get("locations"), err


def test_unauthenticated_field_next_to_public_ones(gw):
    reply = gw.post("{ cities me { id } events(first: 1) { totalCount } }")
    assert_field_error(reply, ("me",), "UNAUTHENTICATED")
    assert isinstance(reply.data["cities"], list) and reply.data["events"]["totalCount"] >= 0, reply


def test_event_stats_without_a_token(gw, event):
    assert_field_error(gw.post(EVENT_STATS, {"id": event.id}), ("eventStats",), "UNAUTHENTICATED")


def test_mutations_without_a_token(gw, event):
    reply = gw.post(PLACE, {"input": {"eventId": event.id, "idempotencyKey": str(uuid.uuid4()),
                                      "items": [{"ticketTypeId": event.tt["id"], "quantity": 1}]}})
    assert_field_error(reply, ("placeOrder",), "UNAUTHENTICATED")
    assert_field_error(gw.post(CREATE_EVENT, new_event_input()), ("createEvent",), "UNAUTHENTICATED")


def test_roles_are_enforced(gw, event, attendee, staff):
    assert_field_error(gw.post(EVENT_STATS, {"id": event.id}, token=attendee), ("eventStats",), "FORBIDDEN")
    assert_field_error(gw.post(CREATE_EVENT, new_event_input(), token=attendee), ("createEvent",), "FORBIDDEN")
    assert_field_error(gw.post(CREATE_EVENT, new_event_input(), token=staff), ("createEvent",), "FORBIDDEN")
    check_in = {"input": {"qrPayload": "MQT1.x.y.z", "eventId": event.id}}
    assert_field_error(gw.post(CHECK_IN, check_in, token=attendee), ("checkInTicket",), "FORBIDDEN")
    refund = {"input": {"orderId": "nope", "idempotencyKey": str(uuid.uuid4())}}
    assert_field_error(gw.post(REFUND_ORDER, refund, token=attendee), ("refundOrder",), "FORBIDDEN")


def test_admin_may_use_everything(gw, admin):
    payload = gw.mutate("createEvent", CREATE_EVENT, new_event_input(), token=admin)
    assert payload["event"]["status"] == "DRAFT", payload


def test_another_organizers_stats_are_not_shown(gw, serve_stack, event):
    other = serve_stack.set_roles(register(gw, "organizer"), ["ATTENDEE", "ORGANIZER"], gw)
    reply = gw.post(EVENT_STATS, {"id": event.id}, token=other)
    assert_field_error(reply, ("eventStats",), {"FORBIDDEN", "NOT_FOUND"})


def test_another_users_order_is_not_shown(gw, event, attendee):
    order = paid_order(gw, attendee, event)
    stranger = register(gw, "stranger")
    reply = gw.post("query($id: ID!) { order(id: $id) { id total { amountMinor } } }", {"id": order["id"]},
                    token=stranger)
    assert reply.status == 200 and reply.has_data and reply.data["order"] is None, reply
    assert set(reply.codes()) <= {"NOT_FOUND", "FORBIDDEN"}, reply
    node = gw.post("query($id: ID!) { node(id: $id) { id } }", {"id": order["id"]}, token=stranger)
    assert node.status == 200 and node.data["node"] is None, f"node() must not leak others' orders: {node!r}"


def bad_tokens(token: str) -> dict[str, str]:
    exp = jwt_payload(token).get("exp", int(time.time()) + 900)
    return {
        "garbage": "not-a-token",
        "three-garbage-parts": "abc.def.ghi",
        "tampered-payload": ".".join([token.split(".")[0], tamper(token.split(".")[1]), token.split(".")[2]]),
        "tampered-signature": ".".join(token.split(".")[:2] + [tamper(token.split(".")[2])]),
        "wrong-secret": jwt_resign(token, secret="another-secret-of-at-least-32-characters!!"),
        "wrong-secret-admin": jwt_resign(token, secret="x" * 40, roles=["ATTENDEE", "ADMIN"]),
        "expired": jwt_resign(token, JWT_SECRET, exp=int(time.time()) - 120, iat=int(time.time()) - 1000),
        "alg-none": "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + token.split(".")[1] + ".",
        "sane-control": jwt_resign(token, JWT_SECRET, exp=exp),
    }


def assert_unauthenticated(reply) -> None:
    """A bad token is UNAUTHENTICATED: either for the @auth field (HTTP 200, `me` null) or for
    the whole request (HTTP 401, no data); the contract allows both."""
    if reply.status == 401:
        assert reply.content_type in (GQL_RESPONSE, JSON) and "data" not in reply.body, reply
        assert reply.codes() and set(reply.codes()) == {"UNAUTHENTICATED"}, reply
    else:
        assert_field_error(reply, ("me",), "UNAUTHENTICATED")


@pytest.mark.parametrize("kind", ["garbage", "three-garbage-parts", "tampered-payload", "tampered-signature",
                                  "wrong-secret", "wrong-secret-admin", "expired", "alg-none"])
def test_bad_tokens_are_unauthenticated(gw, attendee, kind):
    token = bad_tokens(attendee.token)[kind]
    assert_unauthenticated(gw.post(ME, token=token))


def test_resigned_token_with_the_right_secret_works(gw, attendee):
    """Control for the forged tokens above: re-signing itself is done right."""
    token = bad_tokens(attendee.token)["sane-control"]
    assert gw.ok(ME, token=token)["me"]["id"] == attendee.id


def test_not_a_bearer_header(gw, attendee):
    assert_unauthenticated(gw.post(ME, headers={"authorization": f"Basic {attendee.token}"}))


def test_order_of_a_user_with_a_token(gw, event, attendee):
    placed = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])
    assert placed["errors"] == [], placed
    got = gw.ok("query($id: ID!) { order(id: $id) { id status } }", {"id": placed["order"]["id"]}, token=attendee)
    assert got["order"] == {"id": placed["order"]["id"], "status": "PENDING"}
