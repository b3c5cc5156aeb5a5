"""Fixtures of the realtime end-to-end suite (GraphQL subscriptions over WebSocket).

Run from the repository root once the binary has the gateway's WebSocket endpoint:

    python3 -m pip install -r Tests/realtime/requirements.txt
    MARQUEE_BIN=.build/debug/marquee python3 -m pytest Tests/realtime -q

The Redis tests (fan-out across two gateways, Redis restart) need MARQUEE_TEST_DATABASE_URL
and MARQUEE_TEST_REDIS_URL (scripts/test exports both) and are skipped without them.

`gw`, `admin`, `organizer`, `staff`, `attendee` and the log sections of failed tests come
from Tests/gateway/gatewaykit.py, which this suite shares.
"""
from __future__ import annotations

import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "gateway"))  # gatewaykit: processes, accounts, HTTP client
sys.path.insert(0, HERE)

from gatewaykit import (admin, attendee, gw, organizer, pytest_runtest_makereport, staff,  # noqa: E402,F401
                        stacks_survive)
from rtkit import Account, EventSetup, create_event, register, start_serve  # noqa: E402

# Low limits for the `limited` stack: every limit of the contract provoked without thousands of messages.
LIMITED_ENV = {
    "MARQUEE_WS_INIT_TIMEOUT_MS": "600",
    "MARQUEE_WS_MAX_MESSAGE_BYTES": "4096",
    "MARQUEE_WS_MAX_SUBSCRIPTIONS": "3",
    "MARQUEE_WS_QUEUE": "8",
    "MARQUEE_WS_KEEPALIVE_MS": "300",
    "MARQUEE_ORDER_HOLD_SECONDS": "2",
}


@pytest.fixture(scope="session")
def serve_stack():
    """`marquee serve` with the default limits on a fresh SQLite file; shared by most tests."""
    s = start_serve("shared")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def ws_url(serve_stack) -> str:
    return serve_stack.ws_url()


@pytest.fixture(scope="session")
def other_attendee(gw) -> Account:
    return register(gw, "other")


@pytest.fixture(scope="session")
def other_organizer(serve_stack, gw) -> Account:
    return serve_stack.set_roles(register(gw, "organizer2"), ["ATTENDEE", "ORGANIZER"], gw)


@pytest.fixture(scope="session")
def event(gw, organizer) -> EventSetup:
    """A published event of `organizer`: 25.00 EUR, 100 seats, 10 per order."""
    return create_event(gw, organizer)


@pytest.fixture(scope="session")
def limited():
    """`marquee serve` with low WebSocket limits (LIMITED_ENV) and a 2 s order hold."""
    s = start_serve("limited", extra_env=LIMITED_ENV)
    yield s
    s.stop()


# Whatever a test sent, the servers it used must still be running (unless it killed one).
_stacks_survive = stacks_survive("serve_stack", "limited")
