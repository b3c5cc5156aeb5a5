"""Who may watch what, on the shared stack (both sub-protocols): another user's order, check-ins
for attendees and other organisers, anonymous notificationAdded/orderStatus/checkIns, others'
drafts; and every place the token may travel (connection_init payload keys, upgrade header)."""
from __future__ import annotations

import pytest

from rtkit import (LEGACY_WS, ME, SUB_CHECK_INS, SUB_EVENT_UPDATED, SUB_NOTIFICATION_ADDED, SUB_ORDER_STATUS,
                   SUB_TICKET_AVAILABILITY, TRANSPORT_WS, WS, assert_error_codes, create_event, place_order)


@pytest.fixture(params=[TRANSPORT_WS, LEGACY_WS], ids=["transport-ws", "legacy"])
def protocol(request) -> str:
    return request.param


def refused(ws: WS, query: str, variables: dict | None, *codes: str) -> None:
    op = ws.subscribe(query, variables)
    assert_error_codes(ws.error(op), *codes)


def test_another_users_order_cannot_be_watched(ws_url, gw, attendee, other_attendee, event, protocol):
    order = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])
    with WS(ws_url, protocol).ack(other_attendee.token) as ws:
        refused(ws, SUB_ORDER_STATUS, {"id": order["id"]}, "NOT_FOUND")
        assert ws.is_open()
    with WS(ws_url, protocol).ack() as ws:
        refused(ws, SUB_ORDER_STATUS, {"id": order["id"]}, "UNAUTHENTICATED")
    with WS(ws_url, protocol).ack(attendee.token) as ws:  # the owner may
        op = ws.subscribe(SUB_ORDER_STATUS, {"id": order["id"]})
        ws.silent(op, 1.0)


def test_check_ins_only_for_organiser_and_staff(ws_url, gw, organizer, other_organizer, staff, attendee, event,
                                                protocol):
    with WS(ws_url, protocol).ack(attendee.token) as ws:
        refused(ws, SUB_CHECK_INS, {"id": event.id}, "FORBIDDEN")
    with WS(ws_url, protocol).ack(other_organizer.token) as ws:
        refused(ws, SUB_CHECK_INS, {"id": event.id}, "FORBIDDEN")
    with WS(ws_url, protocol).ack() as ws:
        refused(ws, SUB_CHECK_INS, {"id": event.id}, "UNAUTHENTICATED")
    for allowed in (organizer, staff):
        with WS(ws_url, protocol).ack(allowed.token) as ws:
            op = ws.subscribe(SUB_CHECK_INS, {"id": event.id})
            ws.silent(op, 0.7)


def test_anonymous_cannot_use_notification_added(ws_url, attendee, protocol):
    with WS(ws_url, protocol).ack() as ws:
        refused(ws, SUB_NOTIFICATION_ADDED, None, "UNAUTHENTICATED")
        assert ws.is_open(), "an authorisation error ends the operation, not the connection"
    with WS(ws_url, protocol).ack(attendee.token) as ws:
        op = ws.subscribe(SUB_NOTIFICATION_ADDED)
        ws.silent(op, 0.7)


def test_others_drafts_are_not_found(ws_url, gw, organizer, other_organizer, protocol):
    draft = create_event(gw, organizer, publish=False)
    for token in (None, other_organizer.token):
        with WS(ws_url, protocol).ack(token) as ws:
            refused(ws, SUB_EVENT_UPDATED, {"id": draft.id}, "NOT_FOUND")
            refused(ws, SUB_TICKET_AVAILABILITY, {"id": draft.id}, "NOT_FOUND")
    with WS(ws_url, protocol).ack(organizer.token) as ws:
        op = ws.subscribe(SUB_EVENT_UPDATED, {"id": draft.id})
        ws.silent(op, 0.7)


def test_ids_of_another_type_are_refused(ws_url, attendee, event, protocol):
    with WS(ws_url, protocol).ack(attendee.token) as ws:
        refused(ws, SUB_ORDER_STATUS, {"id": event.id}, "NOT_FOUND", "BAD_USER_INPUT")
        refused(ws, SUB_TICKET_AVAILABILITY, {"id": event.tt["id"]}, "NOT_FOUND", "BAD_USER_INPUT")


@pytest.mark.parametrize("where", ["authorization", "Authorization", "token", "accessToken", "headers.Authorization",
                                   "upgrade-header"])
def test_where_the_token_may_travel(ws_url, attendee, where, protocol):
    headers = None
    token = attendee.token
    if where == "upgrade-header":
        headers, payload = {"Authorization": f"Bearer {token}"}, {}
    elif where == "headers.Authorization":
        payload = {"headers": {"Authorization": f"Bearer {token}"}}
    elif where in ("token", "accessToken"):
        payload = {where: token}
    else:
        payload = {where: f"Bearer {token}"}
    with WS(ws_url, protocol, headers=headers) as ws:
        got = ws.init(payload)
        assert got["type"] == "connection_ack", got
        op = ws.subscribe(ME)
        assert ws.data(op)["me"]["id"] == attendee.id, f"the token in {where} signs the connection in"
        op = ws.subscribe(SUB_NOTIFICATION_ADDED)
        ws.silent(op, 0.3)


def test_no_token_is_anonymous(ws_url, event, protocol):
    with WS(ws_url, protocol).ack() as ws:
        op = ws.subscribe(ME)
        m = ws.take(lambda m: m.get("id") == op, 10, "an answer")
        if m["type"] in ("next", "data"):  # a field error in a result, as over HTTP
            assert m["payload"]["data"] == {"me": None} or m["payload"]["data"] is None, m
            codes = [(e.get("extensions") or {}).get("code") for e in m["payload"].get("errors") or []]
            assert "UNAUTHENTICATED" in codes, m
        else:
            assert m["type"] == "error", m
            assert_error_codes(m["payload"], "UNAUTHENTICATED")
        op = ws.subscribe(SUB_EVENT_UPDATED, {"id": event.id})  # public ones work
        ws.silent(op, 0.5)
