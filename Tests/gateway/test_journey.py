"""The whole journey over HTTP, on both shapes: accounts and roles, an organiser's event,
an attendee's order and payment and tickets, check-in at the door, the organiser's
statistics and refund, notifications, and the session's tokens."""
from __future__ import annotations

import uuid

from gatewaykit import (ADD_TICKET_TYPE, CHECK_IN, CREATE_EVENT, DECLINED_CARD, EVENT_FIELDS, EVENT_STATS,
                        GOOD_CARD, LOGOUT, MARK_READ, ME, PUBLISH_EVENT, REFRESH, REFUND_ORDER, REGISTER,
                        Reply, assert_money, assert_user_error, edges, in_days, login, login_as, now,
                        parse_dt, pay_order, place_order, poll, register, uid, user_error_codes)

NOTIFICATIONS = """query Notes($unread: Boolean) { notifications(unreadOnly: $unread, first: 50) {
  totalCount edges { cursor node { id kind title body read createdAt } } } }"""
MY_TICKETS = """query { myTickets(first: 50) { totalCount
  edges { node { id code status qrPayload checkedInAt event { id title } ticketType { id name } } } } }"""
MY_ORDERS = """query { myOrders(first: 50) { totalCount edges { node { id status total { amountMinor } } } } }"""


def refresh_failed(reply: Reply) -> bool:
    """A refresh token that must not work: UNAUTHENTICATED at the top, or user errors in the payload."""
    if "UNAUTHENTICATED" in reply.codes():
        return True
    if reply.status == 200 and not reply.errors and reply.data:
        payload = reply.data["refreshToken"]
        return bool(payload["errors"]) and payload["accessToken"] is None and payload["refreshToken"] is None
    return False


def test_full_journey(any_stack):
    stack = any_stack
    gw = stack.client()
    word = "Zephyr" + uid(6)  # in the title, the venue and the organiser's name, for `search`

    # --- accounts: register three users, the admin grants roles with the CLI, everyone logs in again
    admin = login_as(gw, stack.admin_email, stack.admin_password)
    assert "ADMIN" in admin.roles, admin.roles
    organizer = register(gw, "organizer", display_name=f"{word} Productions")
    attendee = register(gw, "attendee")
    staff = register(gw, "staff")
    me = gw.ok(ME, token=attendee)["me"]
    assert me["id"] == attendee.id and me["email"] == attendee.email and me["roles"] == ["ATTENDEE"], me
    parse_dt(me["createdAt"])

    taken = gw.payload("register", REGISTER, {"input": {
        "email": attendee.email, "password": "another-password", "displayName": "Again"}})
    assert_user_error(taken, "EMAIL_TAKEN", empty=["accessToken", "refreshToken", "user"])

    stack.set_roles(organizer, ["ATTENDEE", "ORGANIZER"], gw)
    stack.set_roles(staff, ["ATTENDEE", "STAFF"], gw)
    assert "ORGANIZER" in gw.ok(ME, token=organizer)["me"]["roles"]
    assert "STAFF" in gw.ok(ME, token=staff)["me"]["roles"]

    # --- the organiser creates a draft, adds ticket types, publishes
    city = f"Journeyville {uid(6)}"
    starts, ends = in_days(40), in_days(40.125)
    created = gw.mutate("createEvent", CREATE_EVENT, {"input": {
        "title": f"{word} Live", "description": "An evening of *noise*.", "venueName": f"{word} Hall",
        "venueAddress": "Harbour Road 7", "city": city, "country": "DE", "startsAt": starts, "endsAt": ends}},
        token=organizer)["event"]
    assert created["status"] == "DRAFT", created
    assert created["startsAt"] == starts and created["endsAt"] == ends, created
    assert created["venue"]["city"] == city and created["organizer"]["name"] == organizer.display_name, created
    assert created["slug"] and created["ticketTypes"] == [], created
    event_id = created["id"]

    draft_seen = gw.ok("query($s: String!) { event(slug: $s) { id } }", {"s": created["slug"]})["event"]
    assert draft_seen is None, "a draft is visible to its organiser only"

    general = gw.mutate("addTicketType", ADD_TICKET_TYPE, {"input": {
        "eventId": event_id, "name": "General admission", "price": {"amountMinor": 2500, "currency": "EUR"},
        "capacity": 50, "perOrderLimit": 4}}, token=organizer)["ticketType"]
    assert general["name"] == "General admission" and general["capacity"] == 50, general
    assert general["remaining"] == 50 and general["perOrderLimit"] == 4, general
    assert_money(general["price"], 2500, "EUR", "€25.00")
    vip = gw.mutate("addTicketType", ADD_TICKET_TYPE, {"input": {
        "eventId": event_id, "name": "VIP", "price": {"amountMinor": 8000, "currency": "EUR"},
        "capacity": 1}}, token=organizer)["ticketType"]
    assert vip["perOrderLimit"] == 10, f"perOrderLimit defaults to 10: {vip}"
    closed = gw.mutate("addTicketType", ADD_TICKET_TYPE, {"input": {
        "eventId": event_id, "name": "Early bird", "price": {"amountMinor": 1500, "currency": "EUR"},
        "capacity": 10, "salesStart": in_days(-3), "salesEnd": in_days(-1)}}, token=organizer)["ticketType"]
    parse_dt(closed["salesStart"]), parse_dt(closed["salesEnd"])

    published = gw.mutate("publishEvent", PUBLISH_EVENT, {"id": event_id}, token=organizer)["event"]
    assert published["status"] == "PUBLISHED", published
    assert {t["id"] for t in published["ticketTypes"]} == {general["id"], vip["id"], closed["id"]}, published

    # --- an attendee browses, anonymously
    listed = gw.ok("""query($f: EventFilter) { events(filter: $f, first: 10) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title status } } } }""",
                   {"f": {"city": city.upper()}})["events"]
    assert [n["id"] for n in edges(listed)] == [event_id], f"city filter is case-insensitive: {listed}"
    assert listed["totalCount"] == 1 and listed["pageInfo"]["hasNextPage"] is False, listed
    by_text = gw.ok("query($t: String) { events(filter: {text: $t}) { edges { node { id } } } }",
                    {"t": f"{word} Live"})["events"]
    assert event_id in [n["id"] for n in edges(by_text)], by_text
    by_slug = gw.ok(f"query($s: String!) {{ event(slug: $s) {{ {EVENT_FIELDS} }} }}",
                    {"s": created["slug"]})["event"]
    assert by_slug["id"] == event_id and by_slug["status"] == "PUBLISHED", by_slug
    assert by_slug["description"] == "An evening of *noise*.", by_slug
    by_id = gw.ok("query($id: ID!) { event(id: $id) { slug } }", {"id": event_id})["event"]
    assert by_id["slug"] == created["slug"], by_id
    assert city in gw.ok("{ cities }")["cities"]
    found = gw.ok("""query($t: String!) { search(text: $t) { __typename
        ... on Event { id title } ... on Venue { id name } ... on Organizer { id name } } }""",
                  {"t": word})["search"]
    kinds = {r["__typename"] for r in found}
    assert {"Event", "Venue", "Organizer"} <= kinds, f"search by a word of title, venue and organiser: {found}"
    assert event_id in [r["id"] for r in found if r["__typename"] == "Event"], found
    refetched = gw.ok("""query($id: ID!) { node(id: $id) { __typename id ... on Event { slug } } }""",
                      {"id": event_id})["node"]
    assert refetched == {"__typename": "Event", "id": event_id, "slug": created["slug"]}, refetched
    tt_node = gw.ok("query($id: ID!) { node(id: $id) { __typename ... on TicketType { name } } }",
                    {"id": general["id"]})["node"]
    assert tt_node == {"__typename": "TicketType", "name": "General admission"}, tt_node

    # --- placeOrder, idempotent by key; user errors for sold out and closed sales
    key = str(uuid.uuid4())
    placed = place_order(gw, attendee, event_id, [(general["id"], 2)], key)
    assert placed["errors"] == [], placed
    order = placed["order"]
    assert order["status"] == "PENDING", order
    assert_money(order["total"], 5000, "EUR", "€50.00")
    assert parse_dt(order["expiresAt"]) > now(), order
    assert order["event"]["id"] == event_id and order["buyer"]["id"] == attendee.id, order
    assert [(i["ticketType"]["id"], i["quantity"], i["unitPrice"]["amountMinor"]) for i in order["items"]] == [
        (general["id"], 2, 2500)], order
    assert order["payment"] is None and order["tickets"] == [], order
    again = place_order(gw, attendee, event_id, [(general["id"], 2)], key)
    assert again["errors"] == [] and again["order"]["id"] == order["id"], f"same key, same order: {again}"
    remaining = gw.ok("query($id: ID!) { node(id: $id) { ... on TicketType { remaining } } }",
                      {"id": general["id"]})["node"]["remaining"]
    assert remaining == 48, f"a retried placeOrder must not hold seats twice: remaining {remaining}"

    sold_out = place_order(gw, attendee, event_id, [(vip["id"], 2)])
    assert_user_error(sold_out, "SOLD_OUT", empty=["order"])
    sales_closed = place_order(gw, attendee, event_id, [(closed["id"], 1)])
    assert_user_error(sales_closed, "SALES_CLOSED", empty=["order"])
    too_many = place_order(gw, attendee, event_id, [(general["id"], 5)])
    assert user_error_codes(too_many) and too_many["order"] is None, f"over perOrderLimit: {too_many}"

    # --- payOrder: declined card first (user error, order still pending), then 4242…
    declined = pay_order(gw, attendee, order["id"], DECLINED_CARD)
    assert_user_error(declined, "CARD_DECLINED", empty=["payment"])
    status = gw.ok("query($id: ID!) { order(id: $id) { status } }", {"id": order["id"]}, token=attendee)
    assert status["order"]["status"] == "PENDING", status
    pay_key = str(uuid.uuid4())
    paid = pay_order(gw, attendee, order["id"], GOOD_CARD, pay_key)
    assert paid["errors"] == [], paid
    payment = paid["payment"]
    assert payment["status"] == "SUCCEEDED" and payment["cardLast4"] == "4242", payment
    assert_money(payment["amount"], 5000, "EUR", "€50.00")
    assert payment["refunded"]["amountMinor"] == 0, payment
    assert paid["order"] == {"id": order["id"], "status": "PAID"}, paid
    retried = pay_order(gw, attendee, order["id"], GOOD_CARD, pay_key)
    assert retried["errors"] == [] and retried["payment"]["id"] == payment["id"], (
        f"a retried payOrder (same key) answers the same payment: {retried}")

    # --- the attendee's tickets and order
    tickets = edges(gw.ok(MY_TICKETS, token=attendee)["myTickets"])
    assert len(tickets) == 2, tickets
    for t in tickets:
        assert t["status"] == "VALID" and t["checkedInAt"] is None, t
        assert t["qrPayload"] and t["code"], t
        assert t["event"]["id"] == event_id and t["ticketType"]["id"] == general["id"], t
    assert len({t["code"] for t in tickets}) == 2, tickets
    mine = edges(gw.ok(MY_ORDERS, token=attendee)["myOrders"])
    assert [o["id"] for o in mine] == [order["id"]], mine
    full = gw.ok("""query($id: ID!) { order(id: $id) { status payment { id status }
        tickets { id qrPayload } } }""", {"id": order["id"]}, token=attendee)["order"]
    assert full["status"] == "PAID" and full["payment"]["id"] == payment["id"], full
    assert {t["id"] for t in full["tickets"]} == {t["id"] for t in tickets}, full
    for global_id, typename in ((order["id"], "Order"), (payment["id"], "Payment"), (tickets[0]["id"], "Ticket")):
        node = gw.ok("query($id: ID!) { node(id: $id) { __typename id } }", {"id": global_id},
                     token=attendee)["node"]
        assert node == {"__typename": typename, "id": global_id}, node

    # --- staff checks a ticket in once; the second scan is a user error
    scan = {"input": {"qrPayload": tickets[0]["qrPayload"], "eventId": event_id}}
    admitted = gw.mutate("checkInTicket", CHECK_IN, scan, token=staff)
    assert admitted["ticket"]["id"] == tickets[0]["id"] and admitted["ticket"]["status"] == "CHECKED_IN", admitted
    assert abs((parse_dt(admitted["checkedInAt"]) - now()).total_seconds()) < 300, admitted
    twice = gw.payload("checkInTicket", CHECK_IN, scan, token=staff)
    assert_user_error(twice, "ALREADY_CHECKED_IN", empty=["ticket"])

    # --- the organiser's statistics
    stats = gw.ok(EVENT_STATS, {"id": event_id}, token=organizer)["eventStats"]
    assert stats["event"]["id"] == event_id, stats
    assert stats["ticketsSold"] == 2 and stats["checkedIn"] == 1, stats
    assert_money(stats["revenue"], 5000, "EUR")
    per_type = {s["ticketType"]["id"]: s for s in stats["ticketTypes"]}
    assert per_type[general["id"]]["sold"] == 2 and per_type[general["id"]]["remaining"] == 48, stats
    assert per_type[general["id"]]["revenue"]["amountMinor"] == 5000, stats

    # --- notifications: the order-paid one, marked read
    def paid_note():
        notes = edges(gw.ok(NOTIFICATIONS, {"unread": False}, token=attendee)["notifications"])
        return [n for n in notes if n["kind"] == "order.paid"]

    notes = poll(paid_note)
    assert notes, "no order.paid notification for the attendee"
    note = notes[0]
    assert note["read"] is False and note["title"] and note["body"], note
    parse_dt(note["createdAt"])
    marked = gw.mutate("markNotificationRead", MARK_READ, {"id": note["id"]}, token=attendee)
    assert marked["notification"] == {"id": note["id"], "read": True}, marked
    unread = edges(gw.ok(NOTIFICATIONS, {"unread": True}, token=attendee)["notifications"])
    assert note["id"] not in [n["id"] for n in unread], unread

    # --- a partial refund by the organiser
    refund = gw.mutate("refundOrder", REFUND_ORDER, {"input": {
        "orderId": order["id"], "amount": {"amountMinor": 1000, "currency": "EUR"},
        "idempotencyKey": str(uuid.uuid4())}}, token=organizer)
    assert refund["payment"]["id"] == payment["id"], refund
    assert refund["payment"]["status"] == "PARTIALLY_REFUNDED", refund
    assert_money(refund["payment"]["refunded"], 1000, "EUR")
    assert refund["order"]["status"] == "PAID", refund
    net = gw.ok(EVENT_STATS, {"id": event_id}, token=organizer)["eventStats"]
    assert net["revenue"]["amountMinor"] == 4000, f"revenue is net of refunds: {net}"

    # --- tokens: refresh rotates, reuse of a rotated token is refused (and revokes), logout ends a session
    session = login(gw, attendee)
    first = session.refresh_token
    rotated = gw.payload("refreshToken", REFRESH, {"t": first})
    assert rotated["errors"] == [] and rotated["accessToken"] and rotated["refreshToken"], rotated
    assert rotated["refreshToken"] != first, "refreshToken must rotate"
    assert rotated["user"]["id"] == attendee.id, rotated
    assert gw.ok(ME, token=rotated["accessToken"])["me"]["id"] == attendee.id
    reuse = gw.post(REFRESH, {"t": first})
    assert refresh_failed(reuse), f"reusing a rotated refresh token must fail: {reuse!r}"
    after_reuse = gw.post(REFRESH, {"t": rotated["refreshToken"]})
    assert refresh_failed(after_reuse), f"reusing an old token revokes the session: {after_reuse!r}"

    session = login(gw, attendee)
    out = gw.ok(LOGOUT, {"t": session.refresh_token})["logout"]
    assert out == {"ok": True}, out
    gone = gw.post(REFRESH, {"t": session.refresh_token})
    assert refresh_failed(gone), f"a logged-out refresh token must fail: {gone!r}"
