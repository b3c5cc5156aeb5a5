"""OrderService: placing (atomic, idempotent, never oversold), reading, listing, cancelling, expiring."""
from __future__ import annotations

import time
import uuid
from collections import Counter

import pytest

from marquee_testkit import (ORDER_HOLD_SECONDS, Api, Code, Kit, assert_money, channels, common_pb2, events_pb2,
                             launch, new_store, now, orders_pb2, raises, run_concurrently, to_dt, ts_in)

PENDING = orders_pb2.ORDER_STATUS_PENDING
CANCELLED = orders_pb2.ORDER_STATUS_CANCELLED
EXPIRED = orders_pb2.ORDER_STATUS_EXPIRED


@pytest.fixture
def two_types(kit, organizer):
    """A published event with two ticket types: 25.00 EUR (10 seats, 4 per order) and 10.00 EUR (5 seats)."""
    return kit.create_event(organizer, ticket_types=[
        {"name": "Standard", "price": 2500, "capacity": 10, "per_order_limit": 4},
        {"name": "Reduced", "price": 1000, "capacity": 5, "per_order_limit": 5},
    ])


def assert_same_order(actual, expected):
    assert actual.id == expected.id
    assert (actual.user_id, actual.event_id, actual.status) == (expected.user_id, expected.event_id, expected.status)
    assert_money(actual.total, expected.total.amount_minor)
    assert ([(i.ticket_type_id, i.quantity, i.unit_price.amount_minor) for i in actual.items]
            == [(i.ticket_type_id, i.quantity, i.unit_price.amount_minor) for i in expected.items])
    assert actual.expires_at.seconds == expected.expires_at.seconds
    assert actual.created_at.seconds == expected.created_at.seconds


def assert_untouched(kit, setup, user, reserved=0):
    for tt in setup.ticket_types:
        assert kit.reserved(setup, tt.id) == (reserved if tt.id == setup.tt.id else 0)
    assert kit.my_orders(user) == []


# ----------------------------------------------------------------------------- PlaceOrder

def test_place_order_reserves_seats(kit, attendee, two_types):
    standard, reduced = two_types.ticket_types
    order = kit.place_order(attendee, two_types, items=[(standard.id, 2), (reduced.id, 3)])
    assert order.id
    assert order.user_id == attendee.id
    assert order.event_id == two_types.id
    assert order.status == PENDING
    assert_money(order.total, 2 * 2500 + 3 * 1000)
    assert order.refunded.amount_minor == 0
    lines = {i.ticket_type_id: i for i in order.items}
    assert set(lines) == {standard.id, reduced.id}
    assert lines[standard.id].quantity == 2
    assert_money(lines[standard.id].unit_price, 2500)
    assert lines[reduced.id].quantity == 3
    assert_money(lines[reduced.id].unit_price, 1000)
    hold = to_dt(order.expires_at) - to_dt(order.created_at)
    assert abs(hold.total_seconds() - ORDER_HOLD_SECONDS) <= 2, hold
    assert abs((to_dt(order.created_at) - now()).total_seconds()) <= 60
    assert kit.reserved(two_types, standard.id) == 2
    assert kit.reserved(two_types, reduced.id) == 3
    assert_same_order(kit.get_order(order.id, attendee), order)


def test_same_idempotency_key_returns_the_same_order(kit, attendee, event):
    key = str(uuid.uuid4())
    first = kit.place_order(attendee, event, 3, key=key)
    second = kit.place_order(attendee, event, 3, key=key)
    assert_same_order(second, first)
    assert kit.reserved(event) == 3
    assert [o.id for o in kit.my_orders(attendee)] == [first.id]


def test_idempotency_keys_are_per_user(kit, attendee, attendee2, event):
    key = str(uuid.uuid4())
    mine = kit.place_order(attendee, event, 1, key=key)
    theirs = kit.place_order(attendee2, event, 2, key=key)
    assert mine.id != theirs.id
    assert theirs.user_id == attendee2.id
    assert kit.reserved(event) == 3


def test_place_order_without_token_is_unauthenticated(kit, api, attendee, event):
    with raises(Code.UNAUTHENTICATED):
        api.orders.PlaceOrder(kit.order_request(event.id, [(event.tt.id, 1)]))
    assert kit.reserved(event) == 0


@pytest.mark.parametrize("quantity", [0, -1, -100, 11])
def test_bad_quantity_is_invalid_argument(kit, attendee, event, quantity):
    with raises(Code.INVALID_ARGUMENT, field="items[0].quantity"):
        kit.place_order(attendee, event, quantity)
    assert_untouched(kit, event, attendee)


def test_bad_quantity_in_a_later_line_names_that_line(kit, attendee, two_types):
    standard, reduced = two_types.ticket_types
    with raises(Code.INVALID_ARGUMENT, field="items[1].quantity"):
        kit.place_order(attendee, two_types, items=[(standard.id, 1), (reduced.id, 0)])
    assert kit.reserved(two_types, standard.id) == 0
    assert kit.reserved(two_types, reduced.id) == 0
    assert kit.my_orders(attendee) == []


def test_quantity_at_the_per_order_limit_is_accepted(kit, attendee, event):
    assert kit.place_order(attendee, event, 10).status == PENDING
    assert kit.reserved(event) == 10


def test_order_without_items_is_invalid_argument(kit, attendee, event):
    with raises(Code.INVALID_ARGUMENT, field_prefix="items"):
        kit.place_order(attendee, event, items=[])
    assert_untouched(kit, event, attendee)


def test_duplicate_ticket_types_are_invalid_argument(kit, attendee, event):
    with raises(Code.INVALID_ARGUMENT, field_prefix="items"):
        kit.place_order(attendee, event, items=[(event.tt.id, 1), (event.tt.id, 1)])
    assert_untouched(kit, event, attendee)


def test_order_without_event_id_is_invalid_argument(kit, api, attendee, event):
    with raises(Code.INVALID_ARGUMENT, field="event_id"):
        api.orders.PlaceOrder(kit.order_request("", [(event.tt.id, 1)]), token=attendee)
    assert_untouched(kit, event, attendee)


def test_order_for_unknown_event_is_not_found(kit, api, attendee, event):
    with raises(Code.NOT_FOUND):
        api.orders.PlaceOrder(kit.order_request("evt_unknown", [(event.tt.id, 1)]), token=attendee)
    assert_untouched(kit, event, attendee)


def _unknown_ticket_type(kit, attendee, setup, tt_id):
    with raises({Code.NOT_FOUND, Code.INVALID_ARGUMENT}) as caught:
        kit.place_order(attendee, setup, items=[(tt_id, 1)])
    if caught.code == Code.INVALID_ARGUMENT:
        assert caught.details.startswith("items[0].ticket_type_id: "), caught.details


def test_unknown_ticket_type_is_refused(kit, attendee, event):
    _unknown_ticket_type(kit, attendee, event, "tt_unknown")
    assert_untouched(kit, event, attendee)


def test_ticket_type_of_another_event_is_refused(kit, attendee, organizer, event):
    other = kit.create_event(organizer)
    _unknown_ticket_type(kit, attendee, event, other.tt.id)
    assert_untouched(kit, event, attendee)
    assert kit.reserved(other) == 0


def test_order_for_draft_event_is_refused(kit, attendee, organizer):
    draft = kit.create_event(organizer, publish=False)
    with raises({Code.FAILED_PRECONDITION, Code.NOT_FOUND}):
        kit.place_order(attendee, draft, 1)
    assert_untouched(kit, draft, attendee)


def test_order_for_cancelled_event_is_failed_precondition(kit, api, attendee, event):
    api.events.CancelEvent(events_pb2.EventIdRequest(id=event.id), token=event.organizer)
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(attendee, event, 1)
    assert_untouched(kit, event, attendee)


def test_sales_not_yet_open_is_failed_precondition(kit, attendee, organizer):
    setup = kit.create_event(organizer, ticket_types=[{"sales_start": ts_in(days=1)}])
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(attendee, setup, 1)
    assert_untouched(kit, setup, attendee)


def test_sales_closed_is_failed_precondition(kit, attendee, organizer):
    end = ts_in(seconds=2)
    setup = kit.create_event(organizer, ticket_types=[{"sales_start": ts_in(days=-1), "sales_end": end}])
    time.sleep(max(0.0, (to_dt(end) - now()).total_seconds()) + 0.5)
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(attendee, setup, 1)
    assert_untouched(kit, setup, attendee)


def test_open_sales_window_accepts_orders(kit, attendee, organizer):
    setup = kit.create_event(organizer, ticket_types=[{"sales_start": ts_in(days=-1), "sales_end": ts_in(days=1)}])
    assert kit.place_order(attendee, setup, 1).status == PENDING


def test_sold_out_is_failed_precondition(kit, attendee, attendee2, organizer):
    setup = kit.create_event(organizer, ticket_types=[{"capacity": 3, "per_order_limit": 3}])
    kit.place_order(attendee, setup, 2)
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(attendee2, setup, 2)  # only one seat left
    assert kit.reserved(setup) == 2
    assert kit.my_orders(attendee2) == []
    kit.place_order(attendee2, setup, 1)
    assert kit.reserved(setup) == 3
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(attendee2, setup, 1)
    assert kit.reserved(setup) == 3
    assert len(kit.my_orders(attendee2)) == 1


def test_orders_are_all_or_nothing(kit, attendee, attendee2, two_types):
    standard, reduced = two_types.ticket_types
    kit.place_order(attendee, two_types, items=[(reduced.id, 5)])  # reduced sold out
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(attendee2, two_types, items=[(standard.id, 2), (reduced.id, 1)])
    assert kit.reserved(two_types, standard.id) == 0
    assert kit.reserved(two_types, reduced.id) == 5
    assert kit.my_orders(attendee2) == []


# ----------------------------------------------------------------------------- GetOrder, lists

def test_get_order_visibility(kit, api, attendee, attendee2, organizer2, event):
    order = kit.place_order(attendee, event, 2)
    assert_same_order(kit.get_order(order.id, attendee), order)
    assert_same_order(kit.get_order(order.id, event.organizer), order)  # the event's organiser
    for other in (attendee2, organizer2):
        with raises(Code.NOT_FOUND):
            kit.get_order(order.id, other)


def test_get_unknown_order_is_not_found(kit, attendee):
    with raises(Code.NOT_FOUND):
        kit.get_order("ord_unknown", attendee)


def test_get_order_without_id_is_invalid_argument(kit, attendee):
    with raises(Code.INVALID_ARGUMENT, field="id"):
        kit.get_order("", attendee)


def test_list_my_orders_newest_first_and_paged(kit, api, attendee, attendee2, event):
    placed = [kit.place_order(attendee, event, 1) for _ in range(3)]
    kit.place_order(attendee2, event, 1)
    mine = kit.my_orders(attendee)
    assert sorted(o.id for o in mine) == sorted(o.id for o in placed)
    created = [to_dt(o.created_at) for o in mine]
    assert created == sorted(created, reverse=True)
    page1 = api.orders.ListMyOrders(orders_pb2.ListMyOrdersRequest(page=common_pb2.PageRequest(first=2)), token=attendee)
    assert len(page1.orders) == 2 and page1.page_info.has_next_page
    page2 = api.orders.ListMyOrders(orders_pb2.ListMyOrdersRequest(
        page=common_pb2.PageRequest(first=2, after=page1.page_info.end_cursor)), token=attendee)
    assert len(page2.orders) == 1 and not page2.page_info.has_next_page
    assert [o.id for o in page1.orders] + [o.id for o in page2.orders] == [o.id for o in mine]


def test_batch_get_orders_returns_only_visible_orders(kit, api, attendee, attendee2, event):
    a = kit.place_order(attendee, event, 1)
    b = kit.place_order(attendee, event, 1)
    foreign = kit.place_order(attendee2, event, 1)
    reply = api.orders.BatchGetOrders(orders_pb2.BatchGetOrdersRequest(ids=[a.id, foreign.id, "ord_x", b.id]),
                                      token=attendee)
    assert sorted(o.id for o in reply.orders) == sorted([a.id, b.id])


# ----------------------------------------------------------------------------- CancelOrder

def cancel(api, order_id, token):
    return api.orders.CancelOrder(orders_pb2.CancelOrderRequest(id=order_id), token=token)


def test_cancel_pending_order_releases_seats(kit, api, attendee, attendee2, organizer):
    setup = kit.create_event(organizer, ticket_types=[{"capacity": 2, "per_order_limit": 2}])
    order = kit.place_order(attendee, setup, 2)
    assert kit.reserved(setup) == 2
    cancelled = cancel(api, order.id, attendee)
    assert cancelled.id == order.id
    assert cancelled.status == CANCELLED
    assert kit.get_order(order.id, attendee).status == CANCELLED
    assert kit.reserved(setup) == 0
    # the released seats can be bought again
    assert kit.place_order(attendee2, setup, 2).status == PENDING
    assert kit.reserved(setup) == 2


def test_cancel_twice_is_failed_precondition(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 2)
    cancel(api, order.id, attendee)
    with raises(Code.FAILED_PRECONDITION):
        cancel(api, order.id, attendee)
    assert kit.reserved(event) == 0
    assert kit.get_order(order.id, attendee).status == CANCELLED


def test_cancel_someone_elses_order_is_refused(kit, api, attendee, attendee2, event):
    order = kit.place_order(attendee, event, 2)
    with raises({Code.NOT_FOUND, Code.PERMISSION_DENIED}):
        cancel(api, order.id, attendee2)
    assert kit.get_order(order.id, attendee).status == PENDING
    assert kit.reserved(event) == 2


def test_cancel_unknown_order_is_not_found(api, attendee):
    with raises(Code.NOT_FOUND):
        cancel(api, "ord_unknown", attendee)


def test_cancel_without_id_is_invalid_argument(api, attendee):
    with raises(Code.INVALID_ARGUMENT, field="id"):
        cancel(api, "", attendee)


# ----------------------------------------------------------------------------- concurrency

SEATS = 100
ATTEMPTS = 500
BUYERS = 100  # each places 5 orders with distinct idempotency keys


def test_500_concurrent_orders_for_100_seats(kit, server, api):
    organizer = kit.organizer()
    setup = kit.create_event(organizer, ticket_types=[{"price": 1000, "capacity": SEATS, "per_order_limit": 1}])
    buyers = [kit.attendee() for _ in range(BUYERS)]
    clients = channels(server.target, 8)
    try:
        attempts = [(buyers[i % BUYERS], str(uuid.uuid4()), clients[i % len(clients)]) for i in range(ATTEMPTS)]
        results = run_concurrently([
            (lambda b=b, k=k, c=c: c.orders.PlaceOrder.future(
                kit.order_request(setup.id, [(setup.tt.id, 1)], k), token=b))
            for b, k, c in attempts])
    finally:
        for c in clients:
            c.close()
    codes = Counter(code for code, _, _ in results)
    unexpected = [(code.name, details) for code, _, details in results
                  if code not in (Code.OK, Code.FAILED_PRECONDITION)]
    assert not unexpected, f"unexpected outcomes {codes}: {unexpected[:5]}"
    accepted = [(attempt, reply) for attempt, (code, reply, _) in zip(attempts, results) if code == Code.OK]
    assert len(accepted) == SEATS, f"{len(accepted)} orders accepted for {SEATS} seats: {codes}"
    assert codes[Code.FAILED_PRECONDITION] == ATTEMPTS - SEATS
    assert len({reply.id for _, reply in accepted}) == SEATS
    for (buyer, _, _), reply in accepted:
        assert reply.user_id == buyer.id
        assert reply.status == PENDING
        assert_money(reply.total, 1000)
    assert kit.reserved(setup) == SEATS
    # still sold out afterwards; a cancellation frees exactly one seat
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(buyers[0], setup, 1)
    (first_buyer, _, _), first_order = accepted[0]
    cancel(api, first_order.id, first_buyer)
    assert kit.reserved(setup) == SEATS - 1
    kit.place_order(kit.attendee(), setup, 1)
    assert kit.reserved(setup) == SEATS
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(buyers[1], setup, 1)


def test_concurrent_retries_with_one_idempotency_key_make_one_order(kit, server, attendee, event):
    key = str(uuid.uuid4())
    clients = channels(server.target, 4)
    try:
        results = run_concurrently([
            (lambda c=c: c.orders.PlaceOrder.future(kit.order_request(event.id, [(event.tt.id, 2)], key),
                                                    token=attendee))
            for c in clients * 5])
    finally:
        for c in clients:
            c.close()
    codes = Counter(code for code, _, _ in results)
    assert codes == Counter({Code.OK: 20}), [(c.name, d) for c, _, d in results if c != Code.OK][:5]
    assert len({reply.id for _, reply, _ in results}) == 1
    assert kit.reserved(event) == 2
    assert len(kit.my_orders(attendee)) == 1


# ----------------------------------------------------------------------------- expiry (own server, 2 s hold)

HOLD = 2


@pytest.fixture(scope="module")
def short_hold(store_kind, tmp_path_factory):
    store = new_store(store_kind, tmp_path_factory.mktemp(f"short-hold-{store_kind}"))
    srv = None
    try:
        srv = launch(store, extra_env={"MARQUEE_ORDER_HOLD_SECONDS": str(HOLD)})
        client = Api(srv.target)
        yield Kit(srv, client)
        client.close()
    finally:
        if srv is not None:
            srv.stop()
        store.cleanup()


def test_unpaid_order_expires_and_releases_its_seats(short_hold):
    kit = short_hold
    organizer, first, second = kit.organizer(), kit.attendee(), kit.attendee()
    setup = kit.create_event(organizer, ticket_types=[{"capacity": 1, "per_order_limit": 1}])
    order = kit.place_order(first, setup, 1)
    hold = to_dt(order.expires_at) - to_dt(order.created_at)
    assert abs(hold.total_seconds() - HOLD) <= 1, hold
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(second, setup, 1)
    time.sleep(max(0.0, (to_dt(order.expires_at) - now()).total_seconds()) + 1.0)
    deadline = time.monotonic() + 10
    while True:  # the seat is free once the hold is over (allow a sweeper a few seconds)
        try:
            replacement = kit.place_order(second, setup, 1)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    assert replacement.status == PENDING
    deadline = time.monotonic() + 10  # a sweeper may mark it a little later
    while kit.get_order(order.id, first).status != EXPIRED and time.monotonic() < deadline:
        time.sleep(0.5)
    assert kit.get_order(order.id, first).status == EXPIRED
    assert kit.reserved(setup) == 1
    with raises(Code.FAILED_PRECONDITION):
        kit.pay(first, order)
    with raises(Code.FAILED_PRECONDITION):
        cancel(kit.api, order.id, first)
    assert kit.get_order(order.id, first).status == EXPIRED
    assert kit.server.alive()
