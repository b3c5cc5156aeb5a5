"""A stock client: gql 4's `WebsocketsTransport` with each sub-protocol it speaks
(`subprotocols=[APOLLO_SUBPROTOCOL]` = legacy graphql-ws, `[GRAPHQLWS_SUBPROTOCOL]` =
graphql-transport-ws), and with both offered (its default). Queries, mutations and
subscriptions with variables and nested fields, errors as TransportQueryError, a bad token."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from gql import Client, gql
from gql.graphql_request import GraphQLRequest
from gql.transport.exceptions import TransportError, TransportQueryError, TransportServerError
from gql.transport.websockets import WebsocketsTransport

from rtkit import (ME, SETTLE, SUB_EVENT_UPDATED, SUB_NOTIFICATION_ADDED, SUB_ORDER_STATUS, create_event, pay_order,
                   place_order, update_title, uid)

KINDS = {
    "legacy": [WebsocketsTransport.APOLLO_SUBPROTOCOL],
    "transport-ws": [WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
}


@pytest.fixture(params=list(KINDS))
def kind(request) -> str:
    return request.param


def transport(url: str, kind: str | None, token: str | None = None) -> WebsocketsTransport:
    return WebsocketsTransport(url=url, subprotocols=KINDS[kind] if kind else None,
                               init_payload={"authorization": f"Bearer {token}"} if token else {},
                               connect_timeout=10, ack_timeout=10, close_timeout=5)


def request(query: str, variables: dict | None = None) -> GraphQLRequest:
    return GraphQLRequest(gql(query), variable_values=variables)


def run(coro, timeout: float = 40.0) -> Any:
    return asyncio.run(asyncio.wait_for(coro, timeout))


async def collect(session, req: GraphQLRequest, out: asyncio.Queue) -> None:
    async for result in session.subscribe(req):
        await out.put(result)


async def until(out: asyncio.Queue, pred, timeout: float = 10.0) -> dict:
    seen = []
    async def first() -> dict:
        while True:
            item = await out.get()
            if pred(item):
                return item
            seen.append(item)
    try:
        return await asyncio.wait_for(first(), timeout)
    except asyncio.TimeoutError:
        raise AssertionError(f"no matching result within {timeout}s; got {seen}") from None


def test_query_and_mutation(ws_url, attendee, event, kind):
    async def go():
        t = transport(ws_url, kind, attendee.token)
        async with Client(transport=t) as session:
            assert t.subprotocol == KINDS[kind][0], t.subprotocol
            me = await session.execute(request(ME))
            assert me["me"]["id"] == attendee.id, me
            got = await session.execute(request("query($id: ID!) { event(id: $id) { id ticketTypes { id } } }",
                                                {"id": event.id}))
            assert got["event"]["ticketTypes"][0]["id"] == event.tt["id"], got
            placed = await session.execute(request(
                """mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
                   order { status items { quantity ticketType { id } } } errors { code } } }""",
                {"input": {"eventId": event.id, "idempotencyKey": uid(20),
                           "items": [{"ticketTypeId": event.tt["id"], "quantity": 2}]}}))
            assert placed["placeOrder"]["errors"] == [], placed
            assert placed["placeOrder"]["order"]["status"] == "PENDING", placed
            assert placed["placeOrder"]["order"]["items"] == [{"quantity": 2, "ticketType": {"id": event.tt["id"]}}]
    run(go())


def test_order_status_subscription(ws_url, gw, attendee, event, kind):
    order = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])

    async def go():
        async with Client(transport=transport(ws_url, kind, attendee.token)) as session:
            out: asyncio.Queue = asyncio.Queue()
            task = asyncio.create_task(collect(session, request(SUB_ORDER_STATUS, {"id": order["id"]}), out))
            await asyncio.sleep(SETTLE)
            await asyncio.to_thread(pay_order, gw, attendee, order["id"])
            got = (await until(out, lambda r: r["orderStatus"]["status"] == "PAID"))["orderStatus"]
            assert got["id"] == order["id"] and got["event"]["id"] == event.id, got
            assert len(got["tickets"]) == 1 and got["tickets"][0]["code"], got
            task.cancel()
    run(go())


def test_event_updated_subscription_and_stop(ws_url, gw, organizer, kind):
    setup = create_event(gw, organizer)

    async def go():
        async with Client(transport=transport(ws_url, kind)) as session:
            titles = []

            async def watch():
                async for r in session.subscribe(request(SUB_EVENT_UPDATED, {"id": setup.id})):
                    titles.append(r["eventUpdated"]["title"])
                    assert r["eventUpdated"]["ticketTypes"][0]["id"] == setup.tt["id"], r
                    if len(titles) == 2:
                        return  # leaving the generator stops the subscription (complete/stop)
            task = asyncio.create_task(watch())
            await asyncio.sleep(SETTLE)
            for i in range(2):
                await asyncio.to_thread(update_title, gw, organizer, setup.id, f"gql {kind} {i}")
            await asyncio.wait_for(task, 10)
            assert titles == [f"gql {kind} 0", f"gql {kind} 1"], titles
            # the session still works after the stopped subscription
            assert (await session.execute(request("{ __typename }")))["__typename"] == "Query"
    run(go())


def test_errors_are_transport_query_errors(ws_url, gw, attendee, other_attendee, event, kind):
    order = place_order(gw, attendee, event.id, [(event.tt["id"], 1)])

    async def first(session, req):
        async for r in session.subscribe(req):
            return r

    async def go():
        async with Client(transport=transport(ws_url, kind, other_attendee.token)) as session:
            with pytest.raises(TransportQueryError) as info:
                await first(session, request(SUB_ORDER_STATUS, {"id": order["id"]}))
            codes = [(e.get("extensions") or {}).get("code") for e in info.value.errors or []]
            assert "NOT_FOUND" in codes, info.value.errors
        async with Client(transport=transport(ws_url, kind)) as session:
            with pytest.raises(TransportQueryError) as info:
                await first(session, request(SUB_NOTIFICATION_ADDED))
            codes = [(e.get("extensions") or {}).get("code") for e in info.value.errors or []]
            assert "UNAUTHENTICATED" in codes, info.value.errors
    run(go())


def test_both_offered_connects(ws_url, event):
    async def go():
        t = transport(ws_url, None)
        async with Client(transport=t) as session:
            assert t.subprotocol in (WebsocketsTransport.APOLLO_SUBPROTOCOL,
                                     WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL), t.subprotocol
            got = await session.execute(request("query($id: ID!) { event(id: $id) { id } }", {"id": event.id}))
            assert got["event"]["id"] == event.id
    run(go())


def test_bad_token_refuses_the_connection(ws_url, kind):
    """legacy: connection_error → TransportServerError; graphql-transport-ws: close 4403 → the
    connection fails (TransportConnectionFailed/TransportClosed in gql 4)."""
    async def go():
        with pytest.raises(TransportError) as info:
            async with Client(transport=transport(ws_url, kind, "not.a.token")) as session:
                await session.execute(request("{ __typename }"))
        return info.value
    err = run(go())
    if kind == "legacy":
        assert isinstance(err, TransportServerError) and "token" in str(err), repr(err)
