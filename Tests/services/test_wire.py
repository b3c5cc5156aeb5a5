"""Wire-level robustness: malformed protobuf, unknown fields, unknown methods, x-request-id."""
from __future__ import annotations

import uuid

import grpc
import pytest

from marquee_testkit import Code, assert_no_sql, orders_pb2, raises

PLACE_ORDER = "/marquee.v1.OrderService/PlaceOrder"


def raw_call(api, method, payload: bytes, token=None, timeout=10):
    call = api.channel.unary_unary(method, request_serializer=None, response_deserializer=None)
    metadata = [("authorization", f"Bearer {token.token}")] if token is not None else []
    return call(payload, metadata=metadata, timeout=timeout)


def valid_request(kit, event, quantity=1) -> bytes:
    # idempotency_key is the last field: cutting bytes off the end leaves a string shorter than its length
    return kit.order_request(event.id, [(event.tt.id, quantity)], str(uuid.uuid4())).SerializeToString()


def assert_nothing_created(kit, user, event):
    assert kit.my_orders(user) == []
    assert kit.reserved(event) == 0
    kit.assert_alive()


MALFORMED = {
    "ff-ff-ff": b"\xff\xff\xff",
    "truncated-varint": b"\x10\xff\xff",
    "overlong-varint": b"\x10" + b"\xff" * 11,
    "length-past-end": b"\x0a\x05ab",
    "huge-length": b"\x0a\xff\xff\xff\xff\x0f",
    "invalid-wire-type": b"\x0f\x00",
    "unmatched-end-group": b"\x0c",
    "field-number-zero": b"\x00\x01",
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_request_is_rejected_and_creates_nothing(kit, api, attendee, event, name):
    with raises({Code.INVALID_ARGUMENT, Code.INTERNAL}):
        raw_call(api, PLACE_ORDER, MALFORMED[name], token=attendee)
    assert_nothing_created(kit, attendee, event)


@pytest.mark.parametrize("cut", [1, 3, 10])
def test_truncated_request_is_rejected_and_creates_nothing(kit, api, attendee, event, cut):
    payload = valid_request(kit, event)
    with raises({Code.INVALID_ARGUMENT, Code.INTERNAL}):
        raw_call(api, PLACE_ORDER, payload[:-cut], token=attendee)
    assert_nothing_created(kit, attendee, event)


def test_invalid_utf8_in_a_string_field_is_rejected(kit, api, attendee, event):
    payload = b"\x0a\x04\xff\xfe\xfd\xfc" + valid_request(kit, event)[len(event.id) + 2:]
    with raises({Code.INVALID_ARGUMENT, Code.INTERNAL}):
        raw_call(api, PLACE_ORDER, payload, token=attendee)
    assert_nothing_created(kit, attendee, event)


def test_empty_message_is_invalid_argument(kit, api, attendee, event):
    with raises(Code.INVALID_ARGUMENT) as caught:
        raw_call(api, PLACE_ORDER, b"", token=attendee)
    assert caught.details.startswith(("event_id: ", "items", "idempotency_key: ")), caught.details
    assert_nothing_created(kit, attendee, event)


def test_unknown_fields_are_ignored(kit, api, attendee, event):
    unknown = b"\x98\x06\x01" + b"\xa2\x06\x03abc"  # field 99 varint 1, field 100 bytes "abc"
    reply = raw_call(api, PLACE_ORDER, valid_request(kit, event, 2) + unknown, token=attendee)
    order = orders_pb2.Order.FromString(reply)
    assert order.status == orders_pb2.ORDER_STATUS_PENDING
    assert order.user_id == attendee.id
    assert [(i.ticket_type_id, i.quantity) for i in order.items] == [(event.tt.id, 2)]
    assert kit.reserved(event) == 2


def test_server_survives_a_burst_of_garbage(kit, api, attendee, event):
    for i in range(50):
        payload = bytes([(i * 37 + j * 11) % 256 for j in range(i % 17 + 3)]) + b"\xff"
        try:
            raw_call(api, PLACE_ORDER, payload, token=attendee)
        except grpc.RpcError as err:
            assert err.code() in (Code.INVALID_ARGUMENT, Code.INTERNAL, Code.NOT_FOUND), (err.code(), err.details())
            assert_no_sql(err.details())
    kit.assert_alive()
    assert kit.my_orders(attendee) == []
    assert kit.reserved(event) == 0
    assert kit.place_order(attendee, event, 1).status == orders_pb2.ORDER_STATUS_PENDING


@pytest.mark.parametrize("method", [
    "/marquee.v1.OrderService/NoSuchMethod",
    "/marquee.v1.NoSuchService/PlaceOrder",
    "/grpc.health.v1.Health/Nope",
])
def test_unknown_method_is_unimplemented(kit, api, attendee, method):
    with raises(Code.UNIMPLEMENTED):
        raw_call(api, method, b"", token=attendee)
    with raises(Code.UNIMPLEMENTED):
        raw_call(api, method, b"\x0a\x01x")
    kit.assert_alive()


def _metadata_values(*metadatas, key="x-request-id"):
    return [v for md in metadatas for k, v in (md or ()) if k == key]


def test_request_id_is_echoed(kit, api, attendee):
    request_id = "req-" + uuid.uuid4().hex
    _, call = api.orders.ListMyOrders.with_call(orders_pb2.ListMyOrdersRequest(), token=attendee,
                                                metadata=[("x-request-id", request_id)])
    assert request_id in _metadata_values(call.initial_metadata(), call.trailing_metadata())


def test_request_id_is_echoed_on_errors(kit, api, attendee):
    request_id = "req-" + uuid.uuid4().hex
    with raises(Code.NOT_FOUND) as caught:
        api.orders.GetOrder(orders_pb2.GetOrderRequest(id="ord_unknown"), token=attendee,
                            metadata=[("x-request-id", request_id)])
    err = caught.error
    assert request_id in _metadata_values(err.initial_metadata(), err.trailing_metadata())
