"""grpc.health.v1.Health on the all-services server and on a single-service server."""
from __future__ import annotations

import pytest

from marquee_testkit import (Api, Code, SERVING, auth_pb2, health_pb2, launch, new_store, orders_pb2,
                             raises, unique_email)

ALL_SERVICES = [
    "marquee.v1.AuthService",
    "marquee.v1.UserService",
    "marquee.v1.EventService",
    "marquee.v1.OrderService",
    "marquee.v1.PaymentService",
    "marquee.v1.TicketService",
    "marquee.v1.NotificationService",
    "marquee.v1.AnalyticsService",
]


def check(api: Api, service: str):
    return api.health.Check(health_pb2.HealthCheckRequest(service=service))


def test_whole_server_is_serving(api):
    assert check(api, "").status == SERVING


@pytest.mark.parametrize("service", ALL_SERVICES)
def test_every_service_is_serving(api, service):
    assert check(api, service).status == SERVING


@pytest.mark.parametrize("service", ["marquee.v1.NoSuchService", "grpc.health.v1.Nope", "OrderService"])
def test_unknown_service_is_not_found(api, service):
    with raises(Code.NOT_FOUND):
        check(api, service)


def test_health_needs_no_token(api):
    reply = api.health.Check(health_pb2.HealthCheckRequest(service="marquee.v1.AuthService"))
    assert reply.status == SERVING


def test_watch_streams_the_current_status(api):
    stream = api.health._stub.Watch(health_pb2.HealthCheckRequest(service="marquee.v1.OrderService"),
                                    timeout=5)
    try:
        first = next(stream)
        assert first.status == SERVING
    finally:
        stream.cancel()


@pytest.fixture(scope="module")
def auth_only_server(store_kind, tmp_path_factory):
    store = new_store(store_kind, tmp_path_factory.mktemp(f"auth-only-{store_kind}"))
    srv = None
    try:
        srv = launch(store, "auth", with_admin=False)
        yield srv
    finally:
        if srv is not None:
            srv.stop()
        store.cleanup()


def test_single_service_server_serves_only_that_service(auth_only_server):
    api = Api(auth_only_server.target)
    try:
        assert check(api, "").status == SERVING
        assert check(api, "marquee.v1.AuthService").status == SERVING
        with raises(Code.NOT_FOUND):
            check(api, "marquee.v1.OrderService")
        tokens = api.auth.Register(auth_pb2.RegisterRequest(
            email=unique_email(), password="password-123", display_name="Solo"))
        assert tokens.access_token and tokens.user_id
        with raises(Code.UNIMPLEMENTED):
            api.orders.ListMyOrders(orders_pb2.ListMyOrdersRequest(), token=tokens.access_token)
        assert auth_only_server.alive()
    finally:
        api.close()
