"""TicketService: listing own tickets and checking them in exactly once."""
from __future__ import annotations

import uuid
from collections import Counter

import pytest

from marquee_testkit import (Code, channels, payments_pb2, raises, run_concurrently, tamper, tickets_pb2)

VALID = tickets_pb2.TICKET_STATUS_VALID
CHECKED_IN = tickets_pb2.TICKET_STATUS_CHECKED_IN
VOID = tickets_pb2.TICKET_STATUS_VOID


def check_in(api, ticket_or_payload, event_id, token):
    payload = ticket_or_payload if isinstance(ticket_or_payload, str) else ticket_or_payload.qr_payload
    return api.tickets.CheckInTicket(tickets_pb2.CheckInTicketRequest(qr_payload=payload, event_id=event_id),
                                     token=token)


def status_of(kit, user, ticket):
    [found] = [t for t in kit.tickets_of(user, ticket.order_id) if t.id == ticket.id]
    return found.status


@pytest.fixture
def bought(kit, attendee, event):
    """Two paid tickets of `attendee` for `event`."""
    order, _, tickets = kit.paid_order(attendee, event, 2)
    assert len(tickets) == 2
    return order, tickets


# ----------------------------------------------------------------------------- listing

def test_list_my_tickets_shows_own_tickets_only(kit, attendee, attendee2, event, bought):
    order, tickets = bought
    mine = kit.my_tickets(attendee)
    assert sorted(t.id for t in mine) == sorted(t.id for t in tickets)
    assert all(t.user_id == attendee.id and t.status == VALID and not t.HasField("checked_in_at") for t in mine)
    kit.paid_order(attendee2, event, 1)
    assert {t.id for t in kit.my_tickets(attendee2)}.isdisjoint({t.id for t in tickets})


def test_list_my_tickets_pages(kit, api, attendee, event):
    kit.paid_order(attendee, event, 3)
    page1 = api.tickets.ListMyTickets(tickets_pb2.ListMyTicketsRequest(page={"first": 2}), token=attendee)
    assert len(page1.tickets) == 2 and page1.page_info.has_next_page
    page2 = api.tickets.ListMyTickets(tickets_pb2.ListMyTicketsRequest(
        page={"first": 2, "after": page1.page_info.end_cursor}), token=attendee)
    assert len(page2.tickets) == 1 and not page2.page_info.has_next_page
    assert len({t.id for t in list(page1.tickets) + list(page2.tickets)}) == 3


def test_list_my_tickets_needs_a_token(api):
    with raises(Code.UNAUTHENTICATED):
        api.tickets.ListMyTickets(tickets_pb2.ListMyTicketsRequest())


def test_tickets_of_someone_elses_order_are_not_shown(kit, attendee2, bought):
    order, _ = bought
    assert kit.tickets_of(attendee2, order.id) == []


def test_unpaid_order_has_no_tickets(kit, attendee, event):
    order = kit.place_order(attendee, event, 2)
    assert kit.tickets_of(attendee, order.id) == []
    assert kit.my_tickets(attendee) == []


# ----------------------------------------------------------------------------- check-in

def test_staff_checks_a_ticket_in_once(kit, api, attendee, staff, event, bought):
    _, (first, second) = bought
    result = check_in(api, first, event.id, staff)
    assert result.ticket.id == first.id
    assert result.ticket.status == CHECKED_IN
    assert result.checked_in_at.seconds > 0
    with raises(Code.FAILED_PRECONDITION):
        check_in(api, first, event.id, staff)
    assert status_of(kit, attendee, first) == CHECKED_IN
    assert status_of(kit, attendee, second) == VALID
    [listed] = [t for t in kit.my_tickets(attendee) if t.id == first.id]
    assert listed.checked_in_at.seconds == result.checked_in_at.seconds


def test_event_organizer_and_admin_may_check_in(kit, api, admin, attendee, event, bought):
    _, (first, second) = bought
    assert check_in(api, first, event.id, event.organizer).ticket.status == CHECKED_IN
    assert check_in(api, second, event.id, admin).ticket.status == CHECKED_IN


@pytest.mark.parametrize("who", ["attendee", "attendee2", "organizer2"])
def test_others_may_not_check_in(kit, api, request, who, attendee, event, bought):
    _, (ticket, _) = bought
    with raises(Code.PERMISSION_DENIED):
        check_in(api, ticket, event.id, request.getfixturevalue(who))
    assert status_of(kit, attendee, ticket) == VALID


def test_check_in_without_token_is_unauthenticated(kit, api, attendee, event, bought):
    _, (ticket, _) = bought
    with raises(Code.UNAUTHENTICATED):
        api.tickets.CheckInTicket(tickets_pb2.CheckInTicketRequest(qr_payload=ticket.qr_payload, event_id=event.id))
    assert status_of(kit, attendee, ticket) == VALID


def test_tampered_payload_is_invalid_argument(kit, api, attendee, staff, event, bought):
    _, (ticket, _) = bought
    for payload in (tamper(ticket.qr_payload), ticket.qr_payload[:-6], ticket.qr_payload + "x",
                    "not-a-ticket", "Zm9v.YmFy"):
        with raises(Code.INVALID_ARGUMENT, field="qr_payload"):
            check_in(api, payload, event.id, staff)
    assert status_of(kit, attendee, ticket) == VALID
    # the genuine payload still works
    assert check_in(api, ticket, event.id, staff).ticket.status == CHECKED_IN


def test_missing_payload_is_invalid_argument(kit, api, attendee, staff, event, bought):
    _, (ticket, _) = bought
    with raises(Code.INVALID_ARGUMENT, field="qr_payload"):
        check_in(api, "", event.id, staff)
    assert status_of(kit, attendee, ticket) == VALID


def test_missing_event_id_is_invalid_argument(kit, api, attendee, staff, event, bought):
    """The door scanner must say which event it admits to; otherwise any event's ticket would pass."""
    _, (ticket, _) = bought
    with raises(Code.INVALID_ARGUMENT, field="event_id"):
        check_in(api, ticket, "", staff)
    assert status_of(kit, attendee, ticket) == VALID


def test_ticket_of_another_event_is_not_admitted(kit, api, attendee, staff, organizer, event, bought):
    _, (ticket, _) = bought
    other = kit.create_event(organizer)
    with raises({Code.FAILED_PRECONDITION, Code.INVALID_ARGUMENT, Code.NOT_FOUND}):
        check_in(api, ticket, other.id, staff)
    assert status_of(kit, attendee, ticket) == VALID


def test_void_ticket_is_not_admitted(kit, api, attendee, staff, event, bought):
    order, (ticket, _) = bought
    api.payments.RefundOrder(payments_pb2.RefundOrderRequest(order_id=order.id, idempotency_key=str(uuid.uuid4())),
                             token=event.organizer)
    assert status_of(kit, attendee, ticket) == VOID
    with raises(Code.FAILED_PRECONDITION):
        check_in(api, ticket, event.id, staff)
    assert status_of(kit, attendee, ticket) == VOID


def test_20_concurrent_check_ins_admit_exactly_once(kit, server, api, attendee, staff, event, bought):
    _, (ticket, other) = bought
    clients = channels(server.target, 4)
    try:
        results = run_concurrently([
            (lambda c=c: c.tickets.CheckInTicket.future(
                tickets_pb2.CheckInTicketRequest(qr_payload=ticket.qr_payload, event_id=event.id), token=staff))
            for c in clients * 5])
    finally:
        for c in clients:
            c.close()
    codes = Counter(code for code, _, _ in results)
    assert codes == Counter({Code.OK: 1, Code.FAILED_PRECONDITION: 19}), [(c.name, d) for c, _, d in results]
    [admitted] = [reply for code, reply, _ in results if code == Code.OK]
    assert admitted.ticket.id == ticket.id and admitted.ticket.status == CHECKED_IN
    assert status_of(kit, attendee, ticket) == CHECKED_IN
    assert status_of(kit, attendee, other) == VALID
    assert kit.stats(event).checked_in == 1
