"""Every subscription fires, with nested selections, on the shared `serve` stack (both
sub-protocols for each): eventUpdated (addTicketType, publishEvent, updateEvent, cancelEvent),
ticketAvailability (placed, cancelled, refunded; expired on the `limited` stack), orderStatus
(PAID, CANCELLED, REFUNDED, EXPIRED), notificationAdded (order.paid), checkIns."""
from __future__ import annotations

import pytest

from rtkit import (CANCEL_EVENT, LEGACY_WS, PUBLISH_EVENT, SUB_CHECK_INS, SUB_EVENT_UPDATED, SUB_NOTIFICATION_ADDED,
                   SUB_ORDER_STATUS, SUB_TICKET_AVAILABILITY, TRANSPORT_WS, WS, add_ticket_type, cancel_order,
                   check_in, create_event, get_order, parse_dt, pay_order, place_order, refund_order, register,
                   update_title, uid)

PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]


@pytest.fixture(params=PROTOCOLS, ids=["transport-ws", "legacy"])
def protocol(request) -> str:
    return request.param


def remaining(d: dict) -> dict[str, int]:
    return {t["id"]: t["remaining"] for t in d["ticketAvailability"]["ticketTypes"]}


def test_event_updated(ws_url, gw, organizer, protocol):
    draft = create_event(gw, organizer, publish=False, ticket_types=[])
    assert draft.event["status"] == "DRAFT"
    with WS(ws_url, protocol).ack(organizer.token) as own, WS(ws_url, protocol).ack() as anon:
        op = own.subscribe(SUB_EVENT_UPDATED, {"id": draft.id})
        own.settle()

        tt = add_ticket_type(gw, organizer, draft.id, name=f"Floor {uid(4)}", price=4200)
        got = own.data_until(op, lambda d: len(d["eventUpdated"]["ticketTypes"]) == 1)["eventUpdated"]
        assert got["id"] == draft.id and got["status"] == "DRAFT", got
        assert got["ticketTypes"] == [{"id": tt["id"], "name": tt["name"], "remaining": 100,
                                       "price": {"amountMinor": 4200}}], got
        assert got["organizer"]["name"] == organizer.display_name, got
        assert got["venue"]["name"] == draft.event["venue"]["name"], got

        gw.mutate("publishEvent", PUBLISH_EVENT, {"id": draft.id}, token=organizer)
        got = own.data_until(op, lambda d: d["eventUpdated"]["status"] == "PUBLISHED")["eventUpdated"]
        assert got["title"] == draft.event["title"], got

        # published: anyone may watch it now
        pub = anon.subscribe(SUB_EVENT_UPDATED, {"id": draft.id})
        anon.settle()
        title = f"Renamed {uid(6)}"
        update_title(gw, organizer, draft.id, title)
        for ws, o in ((own, op), (anon, pub)):
            got = ws.data_until(o, lambda d: d["eventUpdated"]["title"] == title)["eventUpdated"]
            assert got["status"] == "PUBLISHED" and got["venue"]["city"] == draft.event["venue"]["city"], got

        gw.mutate("cancelEvent", CANCEL_EVENT, {"id": draft.id}, token=organizer)
        for ws, o in ((own, op), (anon, pub)):
            got = ws.data_until(o, lambda d: d["eventUpdated"]["status"] == "CANCELLED")["eventUpdated"]
            assert got["title"] == title, got


def test_ticket_availability(ws_url, gw, organizer, attendee, protocol):
    setup = create_event(gw, organizer, ticket_types=[{"capacity": 10}, {"capacity": 20, "name": "Balcony"}])
    tt1, tt2 = (t["id"] for t in setup.ticket_types)
    with WS(ws_url, protocol).ack() as ws:
        op = ws.subscribe(SUB_TICKET_AVAILABILITY, {"id": setup.id})
        ws.settle()

        order = place_order(gw, attendee, setup.id, [(tt1, 3)])
        d = ws.data_until(op, lambda d: remaining(d)[tt1] == 7)
        assert d["ticketAvailability"]["event"] == {"id": setup.id, "title": setup.event["title"]}, d
        assert remaining(d) == {tt1: 7, tt2: 20}, d
        assert {t["name"] for t in d["ticketAvailability"]["ticketTypes"]} >= {"Balcony"}, d

        cancel_order(gw, attendee, order["id"])
        assert remaining(ws.data_until(op, lambda d: remaining(d)[tt1] == 10)) == {tt1: 10, tt2: 20}

        paid = place_order(gw, attendee, setup.id, [(tt2, 4)])
        ws.data_until(op, lambda d: remaining(d)[tt2] == 16)
        pay_order(gw, attendee, paid["id"])
        refund_order(gw, organizer, paid["id"])
        assert remaining(ws.data_until(op, lambda d: remaining(d)[tt2] == 20)) == {tt1: 10, tt2: 20}


def test_order_status(ws_url, gw, organizer, attendee, event, protocol):
    order = place_order(gw, attendee, event.id, [(event.tt["id"], 2)])
    other = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])
    with WS(ws_url, protocol).ack(attendee.token) as ws:
        op = ws.subscribe(SUB_ORDER_STATUS, {"id": order["id"]})
        op2 = ws.subscribe(SUB_ORDER_STATUS, {"id": other["id"]})
        ws.settle()

        pay_order(gw, attendee, order["id"])
        got = ws.data_until(op, lambda d: d["orderStatus"]["status"] == "PAID")["orderStatus"]
        assert got["id"] == order["id"] and got["event"] == {"id": event.id, "title": event.event["title"]}, got
        assert len(got["tickets"]) == 2 and all(t["code"] and t["status"] == "VALID" for t in got["tickets"]), got
        assert got["total"] == {"amountMinor": 5000, "currency": "EUR"}, got
        codes = {t["code"] for t in get_order(gw, attendee, order["id"])["tickets"]}
        assert {t["code"] for t in got["tickets"]} == codes, got

        cancel_order(gw, attendee, other["id"])
        got = ws.data_until(op2, lambda d: d["orderStatus"]["status"] == "CANCELLED")["orderStatus"]
        assert got["id"] == other["id"] and got["tickets"] == [], got

        refund_order(gw, organizer, order["id"])
        got = ws.data_until(op, lambda d: d["orderStatus"]["status"] == "REFUNDED")["orderStatus"]
        assert {t["code"] for t in got["tickets"]} == codes, got


def test_notification_added(ws_url, gw, attendee, other_attendee, event, protocol):
    order = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])
    with WS(ws_url, protocol).ack(attendee.token) as ws, WS(ws_url, protocol).ack(other_attendee.token) as other:
        op = ws.subscribe(SUB_NOTIFICATION_ADDED)
        other_op = other.subscribe(SUB_NOTIFICATION_ADDED)
        ws.settle()
        other.settle(0)
        pay_order(gw, attendee, order["id"])
        got = ws.data_until(op, lambda d: d["notificationAdded"]["kind"] == "order.paid")["notificationAdded"]
        assert got["id"] and got["title"] and got["body"] and got["read"] is False, got
        parse_dt(got["createdAt"])
        listed = gw.ok("{ notifications(first: 5) { edges { node { id kind } } } }",
                       token=attendee)["notifications"]["edges"]
        assert got["id"] in [e["node"]["id"] for e in listed], f"the pushed notification is the stored one: {listed}"
        other.silent(other_op, 1.0)  # nobody else's


def test_check_ins(ws_url, gw, serve_stack, organizer, staff, attendee, protocol):
    setup = create_event(gw, organizer)
    order = place_order(gw, attendee, setup.id, [(setup.tt["id"], 2)])
    pay_order(gw, attendee, order["id"])
    tickets = get_order(gw, attendee, order["id"])["tickets"]
    assert len(tickets) == 2, tickets
    with WS(ws_url, protocol).ack(organizer.token) as org, WS(ws_url, protocol).ack(staff.token) as door:
        ops = [(org, org.subscribe(SUB_CHECK_INS, {"id": setup.id})),
               (door, door.subscribe(SUB_CHECK_INS, {"id": setup.id}))]
        org.settle()
        door.settle(0)
        scanned = check_in(gw, staff, setup.id, tickets[0]["qrPayload"])
        for ws, op in ops:
            got = ws.data(op)["checkIns"]
            assert got["ticket"]["code"] == tickets[0]["code"], got
            assert got["ticket"]["status"] == "CHECKED_IN" and got["ticket"]["event"] == {"id": setup.id}, got
            assert parse_dt(got["checkedInAt"]) == parse_dt(scanned["checkedInAt"]), (got, scanned)
        check_in(gw, staff, setup.id, tickets[1]["qrPayload"])
        for ws, op in ops:
            assert ws.data(op)["checkIns"]["ticket"]["code"] == tickets[1]["code"]


def test_order_expiry_fires_order_status_and_availability(limited):
    """MARQUEE_ORDER_HOLD_SECONDS=2 on the `limited` stack: the unpaid order expires."""
    gw = limited.client()
    organizer = limited.set_roles(register(gw, "organizer"), ["ATTENDEE", "ORGANIZER"], gw)
    buyer = register(gw, "buyer")
    setup = create_event(gw, organizer, ticket_types=[{"capacity": 5}])
    with WS(limited.ws_url()).ack(buyer.token) as ws:
        avail = ws.subscribe(SUB_TICKET_AVAILABILITY, {"id": setup.id})
        ws.settle()
        order = place_order(gw, buyer, setup.id, [(setup.tt["id"], 2)])
        status = ws.subscribe(SUB_ORDER_STATUS, {"id": order["id"]})
        ws.data_until(avail, lambda d: remaining(d)[setup.tt["id"]] == 3)
        got = ws.data_until(status, lambda d: d["orderStatus"]["status"] == "EXPIRED", timeout=15)["orderStatus"]
        assert got["id"] == order["id"] and got["event"]["id"] == setup.id, got
        ws.data_until(avail, lambda d: remaining(d)[setup.tt["id"]] == 5, timeout=10)
