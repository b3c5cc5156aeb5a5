"""Fixtures of the gateway's end-to-end HTTP suite.

Run from the repository root once the binary has the gateway (`marquee serve --help` works):

    python3 -m pip install -r Tests/gateway/requirements.txt
    MARQUEE_BIN=.build/debug/marquee python3 -m pytest Tests/gateway -q

Shape 1 (`marquee serve`, SQLite) always runs; shape 2 (one process per service on
PostgreSQL + `marquee gateway`) runs when MARQUEE_TEST_DATABASE_URL is set
(scripts/test-services.sh exports it). Without a gateway in the binary every test is
skipped, unless MARQUEE_GATEWAY_REQUIRE_BIN=1 makes that a failure.
"""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gatewaykit import (Account, EventSetup, Gateway, Stack, create_event, login_as, new_workdir,  # noqa: E402
                        register, start_serve, start_stack)

SHAPES = ["serve", "split"]


@pytest.fixture(scope="session")
def serve_stack():
    """Shape 1 with default limits, on a fresh SQLite file, with an admin; shared by most tests."""
    stack = start_serve(new_workdir("serve"))
    yield stack
    stack.stop()


@pytest.fixture(scope="session")
def gw(serve_stack) -> Gateway:
    return serve_stack.client()


@pytest.fixture(scope="session")
def admin(serve_stack, gw) -> Account:
    return login_as(gw, serve_stack.admin_email, serve_stack.admin_password)


@pytest.fixture(scope="session")
def organizer(serve_stack, gw) -> Account:
    acc = register(gw, "organizer")
    return serve_stack.set_roles(acc, ["ATTENDEE", "ORGANIZER"], gw)


@pytest.fixture(scope="session")
def staff(serve_stack, gw) -> Account:
    acc = register(gw, "staff")
    return serve_stack.set_roles(acc, ["ATTENDEE", "STAFF"], gw)


@pytest.fixture(scope="session")
def attendee(gw) -> Account:
    return register(gw, "attendee")


@pytest.fixture(scope="session")
def event(gw, organizer) -> EventSetup:
    """A published event of `organizer`: 25.00 EUR, 100 seats, 10 per order."""
    return create_event(gw, organizer, ticket_types=[{"price": 2500, "capacity": 100, "perOrderLimit": 10}])


@pytest.fixture(scope="module", params=SHAPES)
def any_stack(request):
    """A fresh stack of each shape (shape 2 is skipped without MARQUEE_TEST_DATABASE_URL)."""
    stack = start_stack(request.param, new_workdir(request.param))
    yield stack
    stack.stop()


@pytest.fixture(autouse=True)
def _stacks_survive(request):
    """Whatever a test sent, the gateways it used must still be running (unless it killed a part)."""
    yield
    for name in request.fixturenames:
        if name in ("serve_stack", "any_stack", "demo_stack", "limited_stack"):
            stack = request.getfixturevalue(name)
            gone = [n for n, p in stack.procs.items() if not p.alive()]
            assert not gone, f"{gone} of {stack.description} exited during the test:\n{stack.logs()}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for value in getattr(item, "funcargs", {}).values():
            if isinstance(value, Stack):
                report.sections.append((f"marquee logs ({value.description})", value.logs(2500)))
