"""Fixtures of the Marquee gRPC integration tests.

Run from the repository root after building the server:

    python3 -m pip install -r Tests/services/requirements.txt
    MARQUEE_BIN=.build/debug/marquee python3 -m pytest Tests/services -q

Every test runs against a server started with `$MARQUEE_BIN service all` on a fresh SQLite
file, and once more on a fresh PostgreSQL database when MARQUEE_TEST_DATABASE_URL is set
(scripts/test-services.sh exports it). Python stubs are generated from proto/ at start-up
(see marquee_testkit).
"""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from marquee_testkit import Api, Kit, launch, new_store  # noqa: E402

STORES = ["sqlite"] + (["postgres"] if os.environ.get("MARQUEE_TEST_DATABASE_URL") else [])


@pytest.fixture(scope="session", params=STORES)
def store_kind(request) -> str:
    """Which store the server of this parametrisation uses: "sqlite" or "postgres"."""
    return request.param


@pytest.fixture(scope="session")
def server(store_kind, tmp_path_factory):
    """`marquee service all` on 127.0.0.1, on a fresh store, SERVING, with an admin."""
    store = new_store(store_kind, tmp_path_factory.mktemp(f"store-{store_kind}"))
    srv = None
    try:
        srv = launch(store)
        yield srv
    finally:
        if srv is not None:
            srv.stop()
        store.cleanup()


@pytest.fixture(scope="session")
def api(server):
    client = Api(server.target)
    yield client
    client.close()


@pytest.fixture(scope="session")
def kit(server, api) -> Kit:
    return Kit(server, api)


@pytest.fixture
def admin(kit):
    return kit.admin


@pytest.fixture
def attendee(kit):
    return kit.attendee()


@pytest.fixture
def attendee2(kit):
    return kit.attendee()


@pytest.fixture
def organizer(kit):
    return kit.organizer()


@pytest.fixture
def organizer2(kit):
    return kit.organizer()


@pytest.fixture
def staff(kit):
    return kit.staff()


@pytest.fixture
def event(kit, organizer):
    """A published event of `organizer` with one ticket type: 25.00 EUR, 100 seats, 10 per order."""
    return kit.create_event(organizer, ticket_types=[{"price": 2500, "capacity": 100, "per_order_limit": 10}])


@pytest.fixture(autouse=True)
def _server_survives(request):
    """Whatever a test sent, the server must still be running afterwards."""
    yield
    if "server" in request.fixturenames:
        srv = request.getfixturevalue("server")
        assert srv.alive(), f"the server exited ({srv.proc.returncode}) during the test:\n{srv.log_tail()}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and "server" in getattr(item, "funcargs", {}):
        srv = item.funcargs["server"]
        report.sections.append((f"marquee server log ({srv.store.description})", srv.log_tail(3000)))
