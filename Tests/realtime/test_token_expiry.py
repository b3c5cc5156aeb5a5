"""Access tokens that expire while subscribed (a `serve` with JWT_ACCESS_TTL_SECONDS=3):
orderStatus, notificationAdded and checkIns end with an `error` (UNAUTHENTICATED) at expiry;
eventUpdated and ticketAvailability go on, on the same connection."""
from __future__ import annotations

import time

import pytest

from rtkit import (LEGACY_WS, SUB_CHECK_INS, SUB_EVENT_UPDATED, SUB_NOTIFICATION_ADDED, SUB_ORDER_STATUS,
                   SUB_TICKET_AVAILABILITY, TRANSPORT_WS, WS, assert_error_codes, create_event, jwt_payload, login,
                   place_order, register, start_serve, update_title, uid)

TTL = 3


@pytest.fixture(scope="module")
def short():
    s = start_serve("expiry", extra_env={"JWT_ACCESS_TTL_SECONDS": str(TTL)})
    yield s
    s.stop()


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS], ids=["transport-ws", "legacy"])
def test_subscriptions_needing_a_user_end_when_the_token_expires(short, protocol):
    gw = short.client()
    organizer = short.set_roles(register(gw, "organizer"), ["ATTENDEE", "ORGANIZER"], gw)
    buyer = register(gw, "buyer")

    def fresh(account) -> str:
        return login(gw, account).token

    setup = create_event(gw, organizer, token=lambda: fresh(organizer))
    order = place_order(gw, fresh(buyer), setup.id, [(setup.tt["id"], 1)])

    buyer_token, organizer_token = fresh(buyer), fresh(organizer)
    expires = max(jwt_payload(buyer_token)["exp"], jwt_payload(organizer_token)["exp"])
    assert expires - time.time() <= TTL + 1, "JWT_ACCESS_TTL_SECONDS=3 gives 3 s tokens"
    with WS(short.ws_url(), protocol).ack(buyer_token) as ws, WS(short.ws_url(), protocol).ack(organizer_token) as org:
        private = {"orderStatus": ws.subscribe(SUB_ORDER_STATUS, {"id": order["id"]}),
                   "notificationAdded": ws.subscribe(SUB_NOTIFICATION_ADDED),
                   "checkIns": org.subscribe(SUB_CHECK_INS, {"id": setup.id})}
        public = [(ws, ws.subscribe(SUB_EVENT_UPDATED, {"id": setup.id})),
                  (ws, ws.subscribe(SUB_TICKET_AVAILABILITY, {"id": setup.id})),
                  (org, org.subscribe(SUB_EVENT_UPDATED, {"id": setup.id}))]
        ws.settle()
        org.settle(0)
        assert time.time() < expires, "setting up took longer than the token lives"
        for name, op in private.items():  # alive while the token is valid
            conn = org if name == "checkIns" else ws
            conn.silent(op, 0.05)

        for name, op in private.items():
            conn = org if name == "checkIns" else ws
            payload = conn.error(op, timeout=max(0.0, expires - time.time()) + 6)
            ended = time.time()
            assert_error_codes(payload, "UNAUTHENTICATED")
            assert ended >= expires - 1.0, f"{name} ended {expires - ended:.1f}s before the token expired"

        # public subscriptions go on, on the same connections, and their updates resolve (nested
        # fields included) as for anyone: the expired token must not be used for them any more
        title = f"After expiry {uid(6)}"
        update_title(gw, fresh(organizer), setup.id, title)
        place_order(gw, fresh(buyer), setup.id, [(setup.tt["id"], 2)])
        problems = []
        for (conn, op), what in zip(public, ["buyer's eventUpdated", "buyer's ticketAvailability",
                                             "organiser's eventUpdated"]):
            payload = conn.result(op)
            if payload.get("errors") or not payload.get("data"):
                problems.append(f"{what}: {payload}")
        assert not problems, "public subscriptions after the token expired:\n" + "\n".join(problems)
        assert ws.is_open() and org.is_open()
