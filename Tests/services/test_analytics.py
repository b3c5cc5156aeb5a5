"""AnalyticsService.GetEventStats: sold, remaining, revenue net of refunds, check-ins."""
from __future__ import annotations

import uuid

import pytest

from marquee_testkit import (Code, analytics_pb2, assert_money, eur, orders_pb2, payments_pb2, raises,
                             tickets_pb2)


def refund(api, order_id, token, amount=None):
    req = payments_pb2.RefundOrderRequest(order_id=order_id, idempotency_key=str(uuid.uuid4()))
    if amount is not None:
        req.amount.CopyFrom(eur(amount))
    return api.payments.RefundOrder(req, token=token)


def by_type(stats):
    return {t.ticket_type_id: t for t in stats.ticket_types}


def test_stats_of_an_event_without_orders(kit, event):
    stats = kit.stats(event)
    assert stats.event_id == event.id
    [tt] = stats.ticket_types
    assert (tt.ticket_type_id, tt.name, tt.sold, tt.remaining) == (event.tt.id, event.tt.name, 0, 100)
    assert tt.revenue.amount_minor == 0
    assert (stats.tickets_sold, stats.checked_in) == (0, 0)
    assert stats.revenue.amount_minor == 0


def test_stats_count_paid_pending_refunded_and_checked_in(kit, api, organizer, staff):
    setup = kit.create_event(organizer, ticket_types=[
        {"name": "A", "price": 2500, "capacity": 10, "per_order_limit": 5},
        {"name": "B", "price": 1000, "capacity": 5, "per_order_limit": 5},
    ])
    a, b = setup.ticket_types
    u1, u2, u3 = kit.attendee(), kit.attendee(), kit.attendee()
    # u1: paid A x2 + B x1 = 6000, one ticket checked in
    _, _, tickets1 = kit.paid_order(u1, setup, items=[(a.id, 2), (b.id, 1)])
    api.tickets.CheckInTicket(tickets_pb2.CheckInTicketRequest(qr_payload=tickets1[0].qr_payload,
                                                               event_id=setup.id), token=staff)
    # u2: pending A x1 (holds a seat, not sold)
    kit.place_order(u2, setup, items=[(a.id, 1)])
    # u3: paid B x2 = 2000, 500 refunded
    order3, _, _ = kit.paid_order(u3, setup, items=[(b.id, 2)])
    refund(api, order3.id, organizer, amount=500)
    # u3: paid A x1 = 2500, refunded in full (seat released, no revenue)
    order4, _, _ = kit.paid_order(u3, setup, items=[(a.id, 1)])
    refund(api, order4.id, organizer)
    # u2: a cancelled order counts for nothing
    cancelled = kit.place_order(u2, setup, items=[(b.id, 1)])
    api.orders.CancelOrder(orders_pb2.CancelOrderRequest(id=cancelled.id), token=u2)

    stats = kit.stats(setup)
    types = by_type(stats)
    assert set(types) == {a.id, b.id}
    assert (types[a.id].name, types[a.id].sold, types[a.id].remaining) == ("A", 2, 10 - 3)
    assert_money(types[a.id].revenue, 5000)
    assert (types[b.id].name, types[b.id].sold, types[b.id].remaining) == ("B", 3, 5 - 3)
    assert_money(types[b.id].revenue, 1000 + 2000 - 500)
    assert stats.tickets_sold == 5
    assert_money(stats.revenue, 7500)
    assert stats.checked_in == 1
    # remaining agrees with the ticket types' reserved counters
    assert kit.reserved(setup, a.id) == 3
    assert kit.reserved(setup, b.id) == 3


def test_admin_may_read_stats(kit, admin, event, attendee):
    kit.paid_order(attendee, event, 2)
    stats = kit.stats(event, token=admin)
    assert stats.tickets_sold == 2
    assert_money(stats.revenue, 5000)


@pytest.mark.parametrize("who", ["organizer2", "attendee", "staff"])
def test_others_may_not_read_stats(kit, request, who, event):
    with raises({Code.PERMISSION_DENIED, Code.NOT_FOUND}):
        kit.stats(event, token=request.getfixturevalue(who))


def test_stats_without_token_is_unauthenticated(api, event):
    with raises(Code.UNAUTHENTICATED):
        api.analytics.GetEventStats(analytics_pb2.GetEventStatsRequest(event_id=event.id))


def test_stats_of_unknown_event_is_not_found(api, admin):
    with raises(Code.NOT_FOUND):
        api.analytics.GetEventStats(analytics_pb2.GetEventStatsRequest(event_id="evt_unknown"), token=admin)


def test_stats_without_event_id_is_invalid_argument(api, admin):
    with raises(Code.INVALID_ARGUMENT, field="event_id"):
        api.analytics.GetEventStats(analytics_pb2.GetEventStatsRequest(event_id=""), token=admin)
