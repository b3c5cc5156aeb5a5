"""EventService: drafts, ticket types, publishing, cancelling, reading and listing."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest

from marquee_testkit import (Code, assert_money, awkward_order, common_pb2, eur, events_pb2, now, raises, to_dt, ts,
                             ts_in, uid)

DRAFT = events_pb2.EVENT_STATUS_DRAFT
PUBLISHED = events_pb2.EVENT_STATUS_PUBLISHED
CANCELLED = events_pb2.EVENT_STATUS_CANCELLED
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def create_request(**overrides) -> events_pb2.CreateEventRequest:
    starts = now() + timedelta(days=30)
    fields = dict(title=f"Summer Fest {uid(8)}", description="Open air.", venue_name="Park Stage",
                  venue_address="Parkweg 1", city="Hamburg", country="DE", starts_at=ts(starts),
                  ends_at=ts(starts + timedelta(hours=5)), image_url="https://img.example.test/a.png")
    fields.update(overrides)
    return events_pb2.CreateEventRequest(**fields)


def get(api, token, *, id=None, slug=None):
    req = events_pb2.GetEventRequest(id=id) if id is not None else events_pb2.GetEventRequest(slug=slug)
    return api.events.GetEvent(req, token=token)


def own_events(api, organizer, statuses):
    reply = api.events.ListEvents(events_pb2.ListEventsRequest(
        organizer_id=organizer.id, statuses=statuses, page=common_pb2.PageRequest(first=100)), token=organizer)
    return list(reply.events)


# ----------------------------------------------------------------------------- CreateEvent

def test_create_event_makes_a_draft(api, organizer):
    req = create_request()
    event = api.events.CreateEvent(req, token=organizer)
    assert event.id
    assert event.status == DRAFT
    assert event.organizer_id == organizer.id
    assert event.title == req.title
    assert event.description == req.description
    assert event.image_url == req.image_url
    assert event.venue.name == "Park Stage"
    assert event.venue.address == "Parkweg 1"
    assert event.venue.city == "Hamburg"
    assert event.venue.country == "DE"
    assert event.starts_at.seconds == req.starts_at.seconds
    assert event.ends_at.seconds == req.ends_at.seconds
    assert list(event.ticket_types) == []
    assert event.created_at.seconds > 0
    assert SLUG.match(event.slug), event.slug
    token = req.title.split()[-1]
    assert event.slug.startswith("summer-fest-" + token), event.slug


def test_slugs_are_unique_for_equal_titles(api, organizer, organizer2):
    title = f"Same Title {uid(8)}"
    a = api.events.CreateEvent(create_request(title=title), token=organizer)
    b = api.events.CreateEvent(create_request(title=title), token=organizer)
    c = api.events.CreateEvent(create_request(title=title), token=organizer2)
    assert len({a.slug, b.slug, c.slug}) == 3
    base = "same-title-" + title.split()[-1]
    assert all(s.startswith(base) and SLUG.match(s) for s in (a.slug, b.slug, c.slug))


def test_attendee_cannot_create_events(api, attendee):
    title = f"Nope {uid(8)}"
    with raises(Code.PERMISSION_DENIED):
        api.events.CreateEvent(create_request(title=title), token=attendee)


def test_create_event_without_token_is_unauthenticated(api):
    with raises(Code.UNAUTHENTICATED):
        api.events.CreateEvent(create_request())


@pytest.mark.parametrize("overrides, field", [
    ({"title": ""}, "title"),
    ({"title": "x" * 201}, "title"),
    ({"ends_at": ts(now() + timedelta(days=29))}, "ends_at"),  # before the start
])
def test_create_event_bad_input_is_invalid_argument_and_creates_nothing(api, organizer, overrides, field):
    with raises(Code.INVALID_ARGUMENT, field=field):
        api.events.CreateEvent(create_request(**overrides), token=organizer)
    assert own_events(api, organizer, [DRAFT, PUBLISHED, CANCELLED]) == []


def test_title_of_200_characters_is_accepted(api, organizer):
    event = api.events.CreateEvent(create_request(title="y" * 200), token=organizer)
    assert event.title == "y" * 200


# ----------------------------------------------------------------------------- AddTicketType

def test_add_ticket_type(api, organizer):
    event = api.events.CreateEvent(create_request(), token=organizer)
    tt = api.events.AddTicketType(events_pb2.AddTicketTypeRequest(
        event_id=event.id, name="Early bird", price=eur(1999), capacity=50, per_order_limit=4), token=organizer)
    assert tt.id
    assert tt.event_id == event.id
    assert tt.name == "Early bird"
    assert_money(tt.price, 1999)
    assert (tt.capacity, tt.reserved, tt.per_order_limit) == (50, 0, 4)
    again = get(api, organizer, id=event.id)
    assert [t.id for t in again.ticket_types] == [tt.id]


def test_free_ticket_type_is_allowed(api, organizer):
    event = api.events.CreateEvent(create_request(), token=organizer)
    tt = api.events.AddTicketType(events_pb2.AddTicketTypeRequest(
        event_id=event.id, name="Free", price=eur(0), capacity=5, per_order_limit=1), token=organizer)
    assert tt.price.amount_minor == 0


@pytest.mark.parametrize("overrides, field_prefix", [
    ({"capacity": 0}, "capacity"),
    ({"capacity": -5}, "capacity"),
    ({"per_order_limit": -1}, "per_order_limit"),
    ({"price": eur(-1)}, "price"),
    ({"price": common_pb2.Money(amount_minor=100, currency="EURO")}, ("price", "currency")),
])
def test_add_ticket_type_bad_input(api, organizer, overrides, field_prefix):
    event = api.events.CreateEvent(create_request(), token=organizer)
    fields = dict(event_id=event.id, name="GA", price=eur(1000), capacity=10, per_order_limit=2)
    fields.update(overrides)
    with raises(Code.INVALID_ARGUMENT, field_prefix=field_prefix):
        api.events.AddTicketType(events_pb2.AddTicketTypeRequest(**fields), token=organizer)
    assert list(get(api, organizer, id=event.id).ticket_types) == []


def test_add_ticket_type_to_unknown_event_is_not_found(api, organizer):
    with raises(Code.NOT_FOUND):
        api.events.AddTicketType(events_pb2.AddTicketTypeRequest(
            event_id="evt_unknown", name="GA", price=eur(1000), capacity=10, per_order_limit=2), token=organizer)


def test_add_ticket_type_to_someone_elses_event(api, kit, organizer, organizer2, attendee):
    draft = kit.create_event(organizer, publish=False)
    published = kit.create_event(organizer)
    req = lambda eid: events_pb2.AddTicketTypeRequest(event_id=eid, name="Extra", price=eur(1000),
                                                       capacity=10, per_order_limit=2)
    with raises({Code.PERMISSION_DENIED, Code.NOT_FOUND}):  # a draft is invisible to others
        api.events.AddTicketType(req(draft.id), token=organizer2)
    with raises(Code.PERMISSION_DENIED):
        api.events.AddTicketType(req(published.id), token=organizer2)
    with raises(Code.PERMISSION_DENIED):
        api.events.AddTicketType(req(published.id), token=attendee)
    assert len(get(api, organizer, id=draft.id).ticket_types) == 1
    assert len(get(api, organizer, id=published.id).ticket_types) == 1


# ----------------------------------------------------------------------------- PublishEvent

def test_publish_needs_a_ticket_type(api, kit, organizer):
    event = api.events.CreateEvent(create_request(), token=organizer)
    with raises(Code.FAILED_PRECONDITION):
        api.events.PublishEvent(events_pb2.EventIdRequest(id=event.id), token=organizer)
    assert get(api, organizer, id=event.id).status == DRAFT
    kit.add_ticket_type(organizer, event.id)
    published = api.events.PublishEvent(events_pb2.EventIdRequest(id=event.id), token=organizer)
    assert published.status == PUBLISHED
    assert get(api, organizer, id=event.id).status == PUBLISHED


def test_publish_twice_is_failed_precondition(api, kit, organizer):
    setup = kit.create_event(organizer)
    with raises(Code.FAILED_PRECONDITION):
        api.events.PublishEvent(events_pb2.EventIdRequest(id=setup.id), token=organizer)


def test_publish_by_others_is_refused(api, kit, organizer, organizer2, attendee):
    setup = kit.create_event(organizer, publish=False)
    with raises({Code.PERMISSION_DENIED, Code.NOT_FOUND}):
        api.events.PublishEvent(events_pb2.EventIdRequest(id=setup.id), token=organizer2)
    with raises({Code.PERMISSION_DENIED, Code.NOT_FOUND}):
        api.events.PublishEvent(events_pb2.EventIdRequest(id=setup.id), token=attendee)
    assert get(api, organizer, id=setup.id).status == DRAFT


def test_publish_unknown_event_is_not_found(api, organizer):
    with raises(Code.NOT_FOUND):
        api.events.PublishEvent(events_pb2.EventIdRequest(id="evt_unknown"), token=organizer)


def test_publish_without_id_is_invalid_argument(api, organizer):
    with raises(Code.INVALID_ARGUMENT, field="id"):
        api.events.PublishEvent(events_pb2.EventIdRequest(id=""), token=organizer)


# ----------------------------------------------------------------------------- GetEvent & visibility

def test_draft_is_visible_to_its_organizer_only(api, kit, organizer, organizer2, attendee, staff):
    setup = kit.create_event(organizer, publish=False)
    assert get(api, organizer, id=setup.id).id == setup.id
    assert get(api, organizer, slug=setup.event.slug).id == setup.id
    for other in (organizer2, attendee, staff):
        with raises(Code.NOT_FOUND):
            get(api, other, id=setup.id)
        with raises(Code.NOT_FOUND):
            get(api, other, slug=setup.event.slug)


def test_published_event_is_visible_by_id_and_slug(api, kit, organizer, attendee):
    setup = kit.create_event(organizer, ticket_types=[{"price": 1500, "capacity": 20, "per_order_limit": 3}])
    by_id = get(api, attendee, id=setup.id)
    by_slug = get(api, attendee, slug=setup.event.slug)
    assert by_id == by_slug
    assert by_id.status == PUBLISHED
    assert len(by_id.ticket_types) == 1
    tt = by_id.ticket_types[0]
    assert (tt.id, tt.capacity, tt.reserved, tt.per_order_limit) == (setup.tt.id, 20, 0, 3)
    assert_money(tt.price, 1500)


def test_get_unknown_event_is_not_found(api, attendee):
    with raises(Code.NOT_FOUND):
        get(api, attendee, id="evt_unknown")
    with raises(Code.NOT_FOUND):
        get(api, attendee, slug="no-such-slug-" + uid(8))


def test_get_event_without_key_is_invalid_argument(api, attendee):
    with raises(Code.INVALID_ARGUMENT):
        api.events.GetEvent(events_pb2.GetEventRequest(), token=attendee)


def test_batch_get_events_returns_visible_ones_in_order(api, kit, organizer, organizer2, attendee):
    published = [kit.create_event(organizer if i % 2 else organizer2).id for i in range(5)]
    draft = kit.create_event(organizer2, publish=False)
    wanted = awkward_order(published)
    reply = api.events.BatchGetEvents(events_pb2.BatchGetEventsRequest(
        ids=wanted[:2] + ["evt_unknown", draft.id] + wanted[2:]), token=attendee)
    assert [e.id for e in reply.events] == wanted


def test_batch_get_ticket_types_and_venues(api, kit, organizer, attendee):
    a = kit.create_event(organizer, ticket_types=[{"name": "A1"}, {"name": "A2"}])
    b = kit.create_event(organizer, ticket_types=[{"name": "B1"}])
    reply = api.events.BatchGetTicketTypes(events_pb2.BatchGetTicketTypesRequest(event_ids=[a.id, b.id]),
                                           token=attendee)
    assert sorted(t.id for t in reply.ticket_types) == sorted(t.id for t in a.ticket_types + b.ticket_types)
    assert {t.event_id for t in reply.ticket_types} == {a.id, b.id}
    venues = api.events.BatchGetVenues(events_pb2.BatchGetVenuesRequest(ids=[a.event.venue.id, "ven_unknown"]),
                                       token=attendee)
    assert [v.id for v in venues.venues] == [a.event.venue.id]
    assert venues.venues[0].city == a.event.venue.city


# ----------------------------------------------------------------------------- UpdateEvent

def test_update_event_changes_only_given_fields(api, kit, organizer):
    setup = kit.create_event(organizer)
    updated = api.events.UpdateEvent(events_pb2.UpdateEventRequest(id=setup.id, title="Renamed " + uid(6)),
                                     token=organizer)
    assert updated.title.startswith("Renamed ")
    assert updated.description == setup.event.description
    assert updated.starts_at.seconds == setup.event.starts_at.seconds
    assert updated.status == PUBLISHED
    assert get(api, organizer, id=setup.id).title == updated.title


def test_update_event_by_others_is_refused(api, kit, organizer, organizer2, attendee):
    setup = kit.create_event(organizer)
    for other in (organizer2, attendee):
        with raises(Code.PERMISSION_DENIED):
            api.events.UpdateEvent(events_pb2.UpdateEventRequest(id=setup.id, title="Hijacked"), token=other)
    assert get(api, attendee, id=setup.id).title == setup.event.title


def test_update_event_with_end_before_start_is_invalid_argument(api, kit, organizer):
    setup = kit.create_event(organizer)
    before_start = ts(to_dt(setup.event.starts_at) - timedelta(hours=1))
    with raises(Code.INVALID_ARGUMENT, field="ends_at"):
        api.events.UpdateEvent(events_pb2.UpdateEventRequest(id=setup.id, ends_at=before_start), token=organizer)
    assert get(api, organizer, id=setup.id).ends_at.seconds == setup.event.ends_at.seconds


# ----------------------------------------------------------------------------- CancelEvent

def test_cancel_event(api, kit, organizer, attendee):
    setup = kit.create_event(organizer)
    cancelled = api.events.CancelEvent(events_pb2.EventIdRequest(id=setup.id), token=organizer)
    assert cancelled.status == CANCELLED
    assert get(api, attendee, id=setup.id).status == CANCELLED
    with raises(Code.FAILED_PRECONDITION):
        api.events.CancelEvent(events_pb2.EventIdRequest(id=setup.id), token=organizer)


def test_cancel_event_by_others_is_refused(api, kit, organizer, organizer2, attendee):
    setup = kit.create_event(organizer)
    for other in (organizer2, attendee):
        with raises(Code.PERMISSION_DENIED):
            api.events.CancelEvent(events_pb2.EventIdRequest(id=setup.id), token=other)
    assert get(api, attendee, id=setup.id).status == PUBLISHED


# ----------------------------------------------------------------------------- ListEvents & ListCities

def list_events(api, token, **kw):
    events, after = [], ""
    page_size = kw.pop("page_size", 100)
    for _ in range(100):
        reply = api.events.ListEvents(events_pb2.ListEventsRequest(
            page=common_pb2.PageRequest(first=page_size, after=after), **kw), token=token)
        assert len(reply.events) <= page_size
        events.extend(reply.events)
        if not reply.page_info.has_next_page:
            return events
        assert reply.page_info.end_cursor
        after = reply.page_info.end_cursor
    raise AssertionError("ListEvents paging did not end")


@pytest.fixture
def city_events(kit, organizer):
    """Four published events in a city of their own (created out of start order), one draft, one cancelled."""
    city = "Town" + uid(8)
    made = {}
    for days in (20, 10, 40, 30):
        made[days] = kit.create_event(organizer, city=city, starts_in_days=days,
                                      title=f"Show {days} {uid(6)}")
    draft = kit.create_event(organizer, city=city, publish=False)
    cancelled = kit.create_event(organizer, city=city)
    kit.api.events.CancelEvent(events_pb2.EventIdRequest(id=cancelled.id), token=organizer)
    return city, made, draft, cancelled


def test_list_events_returns_published_in_start_order(api, attendee, city_events):
    city, made, draft, cancelled = city_events
    events = list_events(api, attendee, city=city)
    assert [e.id for e in events] == [made[d].id for d in (10, 20, 30, 40)]
    assert all(e.status == PUBLISHED for e in events)


def test_list_events_city_is_case_insensitive(api, attendee, city_events):
    city, made, _, _ = city_events
    assert [e.id for e in list_events(api, attendee, city=city.upper())] == [made[d].id for d in (10, 20, 30, 40)]


def test_list_events_cursor_paging(api, attendee, city_events):
    city, made, _, _ = city_events
    first = api.events.ListEvents(events_pb2.ListEventsRequest(
        city=city, page=common_pb2.PageRequest(first=3)), token=attendee)
    assert [e.id for e in first.events] == [made[d].id for d in (10, 20, 30)]
    assert first.page_info.has_next_page
    assert first.page_info.end_cursor
    second = api.events.ListEvents(events_pb2.ListEventsRequest(
        city=city, page=common_pb2.PageRequest(first=3, after=first.page_info.end_cursor)), token=attendee)
    assert [e.id for e in second.events] == [made[40].id]
    assert not second.page_info.has_next_page
    if first.page_info.total_count:
        assert first.page_info.total_count == 4


def test_list_events_by_start_range_text_and_organizer(api, kit, attendee, organizer2, city_events):
    city, made, _, _ = city_events
    starts = common_pb2.TimeRange(**{"from": ts_in(days=15), "to": ts_in(days=35)})
    assert [e.id for e in list_events(api, attendee, city=city, starts=starts)] == [made[20].id, made[30].id]
    token = made[30].event.title.split()[-1]
    assert [e.id for e in list_events(api, attendee, text=token)] == [made[30].id]
    other = kit.create_event(organizer2, city=city, starts_in_days=25)
    mine = list_events(api, attendee, city=city, organizer_id=made[10].organizer.id)
    assert other.id not in {e.id for e in mine}
    assert [e.id for e in list_events(api, attendee, city=city, organizer_id=organizer2.id)] == [other.id]


def test_list_events_bad_cursor_is_invalid_argument(api, attendee):
    with raises(Code.INVALID_ARGUMENT, field_prefix=("page", "after")):
        api.events.ListEvents(events_pb2.ListEventsRequest(
            page=common_pb2.PageRequest(first=2, after="%%%not-a-cursor%%%")), token=attendee)


def test_list_cities_lists_cities_with_published_events_sorted(api, kit, organizer, attendee):
    tag = uid(8)
    published_a, published_b, draft_only = "Aaville" + tag, "Zzburg" + tag, "Draftton" + tag
    kit.create_event(organizer, city=published_b)
    kit.create_event(organizer, city=published_a)
    kit.create_event(organizer, city=draft_only, publish=False)
    cities = list(api.events.ListCities(events_pb2.ListCitiesRequest(), token=attendee).cities)
    assert published_a in cities and published_b in cities
    assert draft_only not in cities
    assert cities.index(published_a) < cities.index(published_b)
    assert len(cities) == len(set(cities))
