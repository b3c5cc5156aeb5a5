"""Fixtures of the gateway's end-to-end HTTP suite.

Run from the repository root once the binary has the gateway (`marquee serve --help` works):

    python3 -m pip install -r Tests/gateway/requirements.txt
    MARQUEE_BIN=.build/debug/marquee python3 -m pytest Tests/gateway -q

Shape 1 (`marquee serve`, SQLite) always runs; shape 2 (one process per service on
PostgreSQL + `marquee gateway`) runs when MARQUEE_TEST_DATABASE_URL is set
(scripts/test-services.sh exports it). Without a gateway in the binary every test is
skipped, unless MARQUEE_GATEWAY_REQUIRE_BIN=1 makes that a failure.

`gw`, `admin`, `organizer`, `staff`, `attendee` and the log sections of failed tests come
from gatewaykit (shared with Tests/realtime).
"""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gatewaykit import (EventSetup, admin, attendee, create_event, gw, new_workdir, organizer,  # noqa: E402,F401
                        pytest_runtest_makereport, staff, start_serve, start_stack, stacks_survive)

SHAPES = ["serve", "split"]


@pytest.fixture(scope="session")
def serve_stack():
    """Shape 1 with default limits, on a fresh SQLite file, with an admin; shared by most tests."""
    stack = start_serve(new_workdir("serve"))
    yield stack
    stack.stop()


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


# Whatever a test sent, the gateways it used must still be running (unless it killed a part).
_stacks_survive = stacks_survive("serve_stack", "any_stack", "demo_stack", "limited_stack")
