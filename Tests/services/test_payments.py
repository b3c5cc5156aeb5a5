"""PaymentService: sandbox cards, idempotent payment, refunds, and their effect on orders and tickets."""
from __future__ import annotations

import uuid
from collections import Counter

import pytest

from marquee_testkit import (DECLINED_CARD, GOOD_CARD, INSUFFICIENT_FUNDS_CARD, LUHN_INVALID_CARD,
                             PROCESSING_ERROR_CARD, Code, assert_money, channels, common_pb2, eur, now,
                             orders_pb2, payments_pb2, raises, run_concurrently, tickets_pb2)

PENDING = orders_pb2.ORDER_STATUS_PENDING
PAID = orders_pb2.ORDER_STATUS_PAID
CANCELLED = orders_pb2.ORDER_STATUS_CANCELLED
ORDER_REFUNDED = orders_pb2.ORDER_STATUS_REFUNDED
SUCCEEDED = payments_pb2.PAYMENT_STATUS_SUCCEEDED
PARTIALLY_REFUNDED = payments_pb2.PAYMENT_STATUS_PARTIALLY_REFUNDED
REFUNDED = payments_pb2.PAYMENT_STATUS_REFUNDED
VALID = tickets_pb2.TICKET_STATUS_VALID
VOID = tickets_pb2.TICKET_STATUS_VOID


def refund(api, order_id, token, amount=None, key=None):
    req = payments_pb2.RefundOrderRequest(order_id=order_id, idempotency_key=key or str(uuid.uuid4()))
    if amount is not None:
        req.amount.CopyFrom(amount if isinstance(amount, common_pb2.Money) else eur(amount))
    return api.payments.RefundOrder(req, token=token)


def succeeded_payments(api, order_id, token):
    reply = api.payments.BatchGetPayments(payments_pb2.BatchGetPaymentsRequest(order_ids=[order_id]), token=token)
    return [p for p in reply.payments if p.status != payments_pb2.PAYMENT_STATUS_DECLINED]


def assert_still_pending(kit, api, user, order, setup, reserved):
    assert kit.get_order(order.id, user).status == PENDING
    assert kit.tickets_of(user, order.id) == []
    assert succeeded_payments(api, order.id, user) == []
    assert kit.reserved(setup) == reserved


# ----------------------------------------------------------------------------- PayOrder

def test_pay_order_succeeds_and_issues_one_ticket_per_seat(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 3)
    payment = kit.pay(attendee, order)
    assert payment.id
    assert payment.order_id == order.id
    assert payment.status == SUCCEEDED
    assert_money(payment.amount, 3 * 2500)
    assert payment.refunded.amount_minor == 0
    assert payment.card_last4 == "4242"
    assert payment.created_at.seconds > 0
    assert kit.get_order(order.id, attendee).status == PAID
    tickets = kit.tickets_of(attendee, order.id)
    assert len(tickets) == 3
    assert all(t.status == VALID and t.order_id == order.id and t.event_id == event.id
               and t.ticket_type_id == event.tt.id and t.user_id == attendee.id for t in tickets)
    assert len({t.id for t in tickets}) == 3
    assert len({t.code for t in tickets}) == 3 and all(t.code for t in tickets)
    assert len({t.qr_payload for t in tickets}) == 3 and all(t.qr_payload for t in tickets)
    # paid seats stay reserved
    assert kit.reserved(event) == 3
    assert [p.id for p in succeeded_payments(api, order.id, attendee)] == [payment.id]


def test_pay_order_with_the_same_key_returns_the_same_payment(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 2)
    key = str(uuid.uuid4())
    first = kit.pay(attendee, order, key=key)
    second = kit.pay(attendee, order, key=key)
    assert second.id == first.id
    assert second.status == SUCCEEDED
    assert_money(second.amount, first.amount.amount_minor)
    assert len(kit.tickets_of(attendee, order.id)) == 2
    assert len(succeeded_payments(api, order.id, attendee)) == 1


def test_paying_a_paid_order_again_is_failed_precondition(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 1)
    kit.pay(attendee, order)
    with raises(Code.FAILED_PRECONDITION):
        kit.pay(attendee, order)  # new idempotency key
    assert len(kit.tickets_of(attendee, order.id)) == 1
    assert len(succeeded_payments(api, order.id, attendee)) == 1


def test_declined_card(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 2)
    with raises(Code.FAILED_PRECONDITION, contains="declined"):
        kit.pay(attendee, order, card=DECLINED_CARD)
    assert_still_pending(kit, api, attendee, order, event, reserved=2)
    # the order can still be paid with a good card
    assert kit.pay(attendee, order).status == SUCCEEDED
    assert kit.get_order(order.id, attendee).status == PAID
    assert len(kit.tickets_of(attendee, order.id)) == 2


def test_insufficient_funds(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 1)
    with raises(Code.FAILED_PRECONDITION):
        kit.pay(attendee, order, card=INSUFFICIENT_FUNDS_CARD)
    assert_still_pending(kit, api, attendee, order, event, reserved=1)


def test_processing_error_is_unavailable(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 1)
    with raises(Code.UNAVAILABLE):
        kit.pay(attendee, order, card=PROCESSING_ERROR_CARD)
    assert_still_pending(kit, api, attendee, order, event, reserved=1)
    assert kit.pay(attendee, order).status == SUCCEEDED


@pytest.mark.parametrize("card", [LUHN_INVALID_CARD, "1234567812345678", "", "abcdabcdabcdabcd"])
def test_invalid_card_number(kit, api, attendee, event, card):
    order = kit.place_order(attendee, event, 1)
    with raises(Code.INVALID_ARGUMENT, field="card_number"):
        kit.pay(attendee, order, card=card)
    assert_still_pending(kit, api, attendee, order, event, reserved=1)


@pytest.mark.parametrize("overrides, field", [
    ({"exp_month": 0}, "exp_month"),
    ({"exp_month": 13}, "exp_month"),
    ({"exp_year": now().year - 1}, "exp_year"),
    ({"exp_year": 0}, "exp_year"),
    ({"cvc": ""}, "cvc"),
    ({"cvc": "12"}, "cvc"),
    ({"cvc": "12345"}, "cvc"),
    ({"cvc": "12a"}, "cvc"),
])
def test_invalid_card_details(kit, api, attendee, event, overrides, field):
    order = kit.place_order(attendee, event, 1)
    with raises(Code.INVALID_ARGUMENT, field=field):
        api.payments.PayOrder(kit.pay_request(order.id, GOOD_CARD, **overrides), token=attendee)
    assert_still_pending(kit, api, attendee, order, event, reserved=1)


@pytest.mark.parametrize("cvc", ["123", "1234"])
def test_three_and_four_digit_cvcs_are_accepted(kit, api, attendee, event, cvc):
    order = kit.place_order(attendee, event, 1)
    payment = api.payments.PayOrder(kit.pay_request(order.id, GOOD_CARD, cvc=cvc), token=attendee)
    assert payment.status == SUCCEEDED


def test_pay_someone_elses_order_is_refused(kit, api, attendee, attendee2, event):
    order = kit.place_order(attendee, event, 1)
    with raises({Code.NOT_FOUND, Code.PERMISSION_DENIED}):
        kit.pay(attendee2, order)
    assert_still_pending(kit, api, attendee, order, event, reserved=1)


def test_pay_unknown_order_is_not_found(kit, api, attendee):
    with raises(Code.NOT_FOUND):
        api.payments.PayOrder(kit.pay_request("ord_unknown"), token=attendee)


def test_pay_without_order_id_is_invalid_argument(kit, api, attendee):
    with raises(Code.INVALID_ARGUMENT, field="order_id"):
        api.payments.PayOrder(kit.pay_request(""), token=attendee)


def test_pay_without_token_is_unauthenticated(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 1)
    with raises(Code.UNAUTHENTICATED):
        api.payments.PayOrder(kit.pay_request(order.id))
    assert_still_pending(kit, api, attendee, order, event, reserved=1)


def test_pay_cancelled_order_is_failed_precondition(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 1)
    api.orders.CancelOrder(orders_pb2.CancelOrderRequest(id=order.id), token=attendee)
    with raises(Code.FAILED_PRECONDITION):
        kit.pay(attendee, order)
    assert kit.get_order(order.id, attendee).status == CANCELLED
    assert kit.tickets_of(attendee, order.id) == []
    assert kit.reserved(event) == 0


def test_cancel_paid_order_is_failed_precondition(kit, api, attendee, event):
    order, _, tickets = kit.paid_order(attendee, event, 2)
    with raises(Code.FAILED_PRECONDITION):
        api.orders.CancelOrder(orders_pb2.CancelOrderRequest(id=order.id), token=attendee)
    assert kit.get_order(order.id, attendee).status == PAID
    assert kit.reserved(event) == 2
    assert [t.status for t in kit.tickets_of(attendee, order.id)] == [VALID, VALID]


def test_concurrent_payments_of_one_order_charge_once(kit, server, api, attendee, event):
    order = kit.place_order(attendee, event, 2)
    clients = channels(server.target, 4)
    try:
        results = run_concurrently([
            (lambda c=c: c.payments.PayOrder.future(kit.pay_request(order.id), token=attendee))
            for c in clients * 3])
    finally:
        for c in clients:
            c.close()
    codes = Counter(code for code, _, _ in results)
    assert codes == Counter({Code.OK: 1, Code.FAILED_PRECONDITION: 11}), [(c.name, d) for c, _, d in results]
    assert len(succeeded_payments(api, order.id, attendee)) == 1
    assert len(kit.tickets_of(attendee, order.id)) == 2
    assert kit.get_order(order.id, attendee).status == PAID


# ----------------------------------------------------------------------------- RefundOrder

def test_partial_then_full_refund(kit, api, attendee, event):
    order, payment, _ = kit.paid_order(attendee, event, 2)  # 50.00 EUR
    partial = refund(api, order.id, event.organizer, amount=1500)
    assert partial.id == payment.id
    assert partial.status == PARTIALLY_REFUNDED
    assert_money(partial.amount, 5000)
    assert_money(partial.refunded, 1500)
    again = kit.get_order(order.id, attendee)
    assert again.status == PAID
    assert_money(again.refunded, 1500)
    assert [t.status for t in kit.tickets_of(attendee, order.id)] == [VALID, VALID]
    assert kit.reserved(event) == 2

    rest = refund(api, order.id, event.organizer)  # amount unset: everything not yet refunded
    assert rest.status == REFUNDED
    assert_money(rest.refunded, 5000)
    final = kit.get_order(order.id, attendee)
    assert final.status == ORDER_REFUNDED
    assert_money(final.refunded, 5000)
    assert [t.status for t in kit.tickets_of(attendee, order.id)] == [VOID, VOID]
    assert kit.reserved(event) == 0
    [stored] = succeeded_payments(api, order.id, attendee)
    assert stored.status == REFUNDED


def test_full_refund_releases_seats_for_others(kit, api, attendee, attendee2, organizer):
    setup = kit.create_event(organizer, ticket_types=[{"capacity": 2, "per_order_limit": 2, "price": 1000}])
    order, _, _ = kit.paid_order(attendee, setup, 2)
    with raises(Code.FAILED_PRECONDITION):
        kit.place_order(attendee2, setup, 1)
    done = refund(api, order.id, organizer)
    assert done.status == REFUNDED
    assert_money(done.refunded, 2000)
    assert kit.reserved(setup) == 0
    assert kit.place_order(attendee2, setup, 2).status == PENDING


def test_admin_may_refund(kit, api, admin, attendee, event):
    order, _, _ = kit.paid_order(attendee, event, 1)
    assert refund(api, order.id, admin).status == REFUNDED
    assert kit.get_order(order.id, attendee).status == ORDER_REFUNDED


def test_refund_more_than_remaining_is_invalid_argument(kit, api, attendee, event):
    order, _, _ = kit.paid_order(attendee, event, 2)  # 5000
    refund(api, order.id, event.organizer, amount=4000)
    with raises(Code.INVALID_ARGUMENT, field="amount"):
        refund(api, order.id, event.organizer, amount=1001)
    [payment] = succeeded_payments(api, order.id, attendee)
    assert payment.status == PARTIALLY_REFUNDED
    assert_money(payment.refunded, 4000)
    assert kit.get_order(order.id, attendee).status == PAID
    assert refund(api, order.id, event.organizer, amount=1000).status == REFUNDED


@pytest.mark.parametrize("amount", [-100, 5001])
def test_bad_refund_amount_is_invalid_argument(kit, api, attendee, event, amount):
    order, _, _ = kit.paid_order(attendee, event, 2)  # 5000
    with raises(Code.INVALID_ARGUMENT, field="amount"):
        refund(api, order.id, event.organizer, amount=amount)
    [payment] = succeeded_payments(api, order.id, attendee)
    assert payment.status == SUCCEEDED
    assert payment.refunded.amount_minor == 0
    assert kit.get_order(order.id, attendee).status == PAID


def test_refund_in_another_currency_is_invalid_argument(kit, api, attendee, event):
    order, _, _ = kit.paid_order(attendee, event, 1)
    with raises(Code.INVALID_ARGUMENT, field_prefix=("amount", "currency")):
        refund(api, order.id, event.organizer, amount=common_pb2.Money(amount_minor=100, currency="USD"))
    assert succeeded_payments(api, order.id, attendee)[0].refunded.amount_minor == 0


def test_refund_with_the_same_key_applies_once(kit, api, attendee, event):
    order, _, _ = kit.paid_order(attendee, event, 2)
    key = str(uuid.uuid4())
    first = refund(api, order.id, event.organizer, amount=700, key=key)
    second = refund(api, order.id, event.organizer, amount=700, key=key)
    assert_money(first.refunded, 700)
    assert_money(second.refunded, 700)
    assert_money(kit.get_order(order.id, attendee).refunded, 700)


@pytest.mark.parametrize("who", ["attendee", "attendee2", "organizer2", "staff"])
def test_refund_needs_the_organizer_or_an_admin(kit, api, request, who, attendee, event):
    order, _, _ = kit.paid_order(attendee, event, 1)
    caller = request.getfixturevalue(who)
    with raises({Code.PERMISSION_DENIED, Code.NOT_FOUND} if who != "attendee" else Code.PERMISSION_DENIED):
        refund(api, order.id, caller)
    [payment] = succeeded_payments(api, order.id, attendee)
    assert payment.status == SUCCEEDED
    assert kit.get_order(order.id, attendee).status == PAID
    assert [t.status for t in kit.tickets_of(attendee, order.id)] == [VALID]


def test_refund_of_unpaid_order_is_failed_precondition(kit, api, attendee, event):
    order = kit.place_order(attendee, event, 1)
    with raises(Code.FAILED_PRECONDITION):
        refund(api, order.id, event.organizer)
    assert kit.get_order(order.id, attendee).status == PENDING


def test_refund_of_refunded_order_is_refused(kit, api, attendee, event):
    order, _, _ = kit.paid_order(attendee, event, 1)
    refund(api, order.id, event.organizer)
    with raises({Code.FAILED_PRECONDITION, Code.INVALID_ARGUMENT}):
        refund(api, order.id, event.organizer)
    assert_money(kit.get_order(order.id, attendee).refunded, 2500)


def test_refund_unknown_order_is_not_found(api, admin):
    with raises(Code.NOT_FOUND):
        refund(api, "ord_unknown", admin)


def test_batch_get_payments_shows_only_visible_payments(kit, api, attendee, attendee2, event):
    mine, my_payment, _ = kit.paid_order(attendee, event, 1)
    theirs, _, _ = kit.paid_order(attendee2, event, 1)
    reply = api.payments.BatchGetPayments(payments_pb2.BatchGetPaymentsRequest(
        order_ids=[mine.id, theirs.id, "ord_unknown"]), token=attendee)
    assert [p.id for p in reply.payments] == [my_payment.id]
