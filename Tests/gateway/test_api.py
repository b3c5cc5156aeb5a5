"""The API's conventions on the shared `serve` stack: global ids and node/nodes, cursor
pagination, Money and DateTime, user errors in mutation payloads, the other sandbox cards."""
from __future__ import annotations

import uuid

from gatewaykit import (CANCEL_ORDER, PROCESSING_ERROR_CARD, REGISTER, UPDATE_EVENT, assert_user_error,
                        create_event, edges, in_days, parse_dt, pay_order, place_order, register, uid, user_error_codes)


def test_ids_are_opaque_and_refetchable(gw, event):
    ids = [event.id, event.tt["id"], event.event["venue"]["id"], event.event["organizer"]["id"]]
    assert len(set(ids)) == 4, f"global ids are unique across types: {ids}"
    got = gw.ok("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", {"ids": ids})["nodes"]
    assert [n["__typename"] for n in got] == ["Event", "TicketType", "Venue", "Organizer"], got
    assert [n["id"] for n in got] == ids, got


def test_nodes_are_null_where_unknown(gw, event):
    unknown = "bm9wZTpub3BlOm5vcGU"  # base64 of something that is no Marquee id
    reply = gw.post("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [unknown, event.id]})
    assert reply.status == 200 and reply.data["nodes"][0] is None and reply.data["nodes"][1]["id"] == event.id, reply


def test_node_with_an_unknown_id(gw):
    reply = gw.post('{ node(id: "definitely-not-an-id") { id } }')
    assert reply.status == 200 and reply.data == {"node": None}, reply
    assert set(reply.codes()) <= {"NOT_FOUND", "BAD_USER_INPUT"}, reply


def test_cursor_pagination(gw, organizer):
    city = f"Pageville {uid(6)}"
    made = [create_event(gw, organizer, city=city, starts_in_days=10 + i).id for i in range(3)]
    query = """query($f: EventFilter, $after: String) { events(filter: $f, first: 2, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }"""
    page1 = gw.ok(query, {"f": {"city": city}})["events"]
    assert page1["totalCount"] == 3 and [n["id"] for n in edges(page1)] == made[:2], page1
    assert page1["pageInfo"]["hasNextPage"] is True, page1
    assert page1["pageInfo"]["endCursor"] == page1["edges"][-1]["cursor"], page1
    page2 = gw.ok(query, {"f": {"city": city}, "after": page1["pageInfo"]["endCursor"]})["events"]
    assert [n["id"] for n in edges(page2)] == made[2:], page2
    assert page2["pageInfo"]["hasNextPage"] is False, page2


def test_events_by_start_window(gw, organizer):
    city = f"Windowville {uid(6)}"
    early = create_event(gw, organizer, city=city, starts_in_days=5).id
    late = create_event(gw, organizer, city=city, starts_in_days=50).id
    query = "query($f: EventFilter) { events(filter: $f) { edges { node { id startsAt } } } }"
    got = edges(gw.ok(query, {"f": {"city": city, "startsAfter": in_days(20)}})["events"])
    assert [n["id"] for n in got] == [late], got
    got = edges(gw.ok(query, {"f": {"city": city, "startsBefore": in_days(20)}})["events"])
    assert [n["id"] for n in got] == [early], got
    parse_dt(got[0]["startsAt"])


def test_bad_datetime_is_a_request_error(gw):
    reply = gw.post("query($f: EventFilter) { events(filter: $f) { totalCount } }",
                    {"f": {"startsAfter": "next tuesday"}})
    assert reply.status == 400 and "data" not in reply.body and reply.errors, reply
    # (the code of variable errors: test_http.test_variable_errors_have_a_code)


def test_user_errors_name_the_field(gw):
    payload = gw.payload("register", REGISTER, {"input": {
        "email": f"short-{uid()}@example.test", "password": "short", "displayName": "Shorty"}})
    err = assert_user_error(payload, "BAD_USER_INPUT", empty=["accessToken", "user"])
    assert err["field"] == ["password"], err


def test_update_event(gw, organizer):
    setup = create_event(gw, organizer)
    payload = gw.mutate("updateEvent", UPDATE_EVENT, {"input": {"id": setup.id, "title": "Renamed " + uid(4)}},
                        token=organizer)
    assert payload["event"]["title"].startswith("Renamed"), payload
    assert payload["event"]["slug"] == setup.event["slug"], payload


def test_cancel_order_releases_seats(gw, attendee, organizer):
    setup = create_event(gw, organizer, ticket_types=[{"capacity": 5}])
    placed = place_order(gw, attendee, setup.id, [(setup.tt["id"], 3)])
    assert placed["errors"] == [], placed
    cancelled = gw.mutate("cancelOrder", CANCEL_ORDER, {"id": placed["order"]["id"]}, token=attendee)
    assert cancelled["order"]["status"] == "CANCELLED", cancelled
    remaining = gw.ok("query($id: ID!) { node(id: $id) { ... on TicketType { remaining } } }",
                      {"id": setup.tt["id"]})["node"]["remaining"]
    assert remaining == 5, remaining


def test_processing_error_card_does_not_pay(gw, attendee, event):
    placed = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])
    reply = gw.post("""mutation($input: PayOrderInput!) { payOrder(input: $input) {
        payment { id status } order { status } errors { code message } } }""", {"input": {
        "orderId": placed["order"]["id"], "cardNumber": PROCESSING_ERROR_CARD, "expMonth": 12, "expYear": 2040,
        "cvc": "123", "idempotencyKey": str(uuid.uuid4())}}, token=attendee)
    assert reply.status == 200, reply
    payload = (reply.data or {}).get("payOrder")
    if payload is not None and not reply.errors:
        assert payload["payment"] is None and user_error_codes(payload), f"no payment on a processor error: {payload}"
    else:
        assert reply.errors, reply
    status = gw.ok("query($id: ID!) { order(id: $id) { status } }", {"id": placed["order"]["id"]}, token=attendee)
    assert status["order"]["status"] == "PENDING", status


def test_pay_declined_then_good_card(gw, attendee, event):
    placed = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])
    order_id = placed["order"]["id"]
    assert_user_error(pay_order(gw, attendee, order_id, "4000000000000002"), "CARD_DECLINED", empty=["payment"])
    paid = pay_order(gw, attendee, order_id)
    assert paid["payment"]["status"] == "SUCCEEDED" and paid["order"]["status"] == "PAID", paid
    again = pay_order(gw, attendee, order_id)  # a new key on a paid order
    assert user_error_codes(again) and again["payment"] is None, f"a paid order cannot be paid again: {again}"


UPDATE_PROFILE = """mutation($input: UpdateProfileInput!) { updateProfile(input: $input) {
  user { id displayName } errors { message field code } } }"""


def test_update_profile_and_its_bad_inputs(gw):
    user = register(gw, "profile")
    name = f"Renamed {uid(6)}"
    payload = gw.mutate("updateProfile", UPDATE_PROFILE, {"input": {"displayName": name}}, token=user)
    assert payload["user"]["displayName"] == name, payload
    # Too long: a user error, and nothing changes.
    payload = gw.payload("updateProfile", UPDATE_PROFILE, {"input": {"displayName": "x" * 101}}, token=user)
    assert_user_error(payload, "BAD_USER_INPUT", empty=["user"])
    me = gw.ok("{ me { displayName } }", token=user)["me"]
    assert me["displayName"] == name, me
    # Without a token: UNAUTHENTICATED, no data for the field.
    reply = gw.post(UPDATE_PROFILE, {"input": {"displayName": "Nobody"}})
    assert "UNAUTHENTICATED" in reply.codes() and not (reply.data or {}).get("updateProfile"), reply
