"""NotificationService: creating (admin), listing and marking own notifications; order.paid on payment."""
from __future__ import annotations

import time

import pytest

from marquee_testkit import Code, common_pb2, notifications_pb2, raises, to_dt, uid


def create(api, token, user_id, kind="system.test", title=None, body="Body text"):
    return api.notifications.CreateNotification(notifications_pb2.CreateNotificationRequest(
        user_id=user_id, kind=kind, title=title or f"Hello {uid(6)}", body=body), token=token)


def mark_read(api, notification_id, token):
    return api.notifications.MarkNotificationRead(
        notifications_pb2.MarkNotificationReadRequest(id=notification_id), token=token)


def test_admin_creates_a_notification_for_a_user(kit, api, admin, attendee):
    made = create(api, admin, attendee.id, kind="system.welcome", title="Welcome", body="Glad you are here")
    assert made.id
    assert (made.user_id, made.kind, made.title, made.body, made.read) == (
        attendee.id, "system.welcome", "Welcome", "Glad you are here", False)
    assert made.created_at.seconds > 0
    listed = kit.notifications(attendee)
    assert [n.id for n in listed] == [made.id]
    assert listed[0].title == "Welcome" and not listed[0].read


@pytest.mark.parametrize("who", ["attendee", "organizer", "staff"])
def test_only_admins_create_notifications(kit, api, request, who, attendee2):
    with raises(Code.PERMISSION_DENIED):
        create(api, request.getfixturevalue(who), attendee2.id)
    assert kit.notifications(attendee2) == []


def test_create_notification_without_token_is_unauthenticated(kit, api, attendee):
    with raises(Code.UNAUTHENTICATED):
        api.notifications.CreateNotification(notifications_pb2.CreateNotificationRequest(
            user_id=attendee.id, kind="x", title="y"))
    assert kit.notifications(attendee) == []


def test_create_notification_for_unknown_user_is_not_found(api, admin):
    with raises(Code.NOT_FOUND):
        create(api, admin, "usr_unknown")


def test_create_notification_without_user_is_invalid_argument(api, admin):
    with raises(Code.INVALID_ARGUMENT, field="user_id"):
        create(api, admin, "")


def test_list_is_own_newest_first_and_paged(kit, api, admin, attendee, attendee2):
    made = [create(api, admin, attendee.id, title=f"n{i}") for i in range(3)]
    create(api, admin, attendee2.id)
    listed = kit.notifications(attendee)
    assert sorted(n.id for n in listed) == sorted(n.id for n in made)
    assert all(n.user_id == attendee.id for n in listed)
    created = [to_dt(n.created_at) for n in listed]
    assert created == sorted(created, reverse=True)
    page1 = api.notifications.ListNotifications(notifications_pb2.ListNotificationsRequest(
        page=common_pb2.PageRequest(first=2)), token=attendee)
    assert len(page1.notifications) == 2 and page1.page_info.has_next_page
    page2 = api.notifications.ListNotifications(notifications_pb2.ListNotificationsRequest(
        page=common_pb2.PageRequest(first=2, after=page1.page_info.end_cursor)), token=attendee)
    assert len(page2.notifications) == 1 and not page2.page_info.has_next_page
    assert [n.id for n in list(page1.notifications) + list(page2.notifications)] == [n.id for n in listed]


def test_mark_read_and_unread_filter(kit, api, admin, attendee):
    a = create(api, admin, attendee.id, title="a")
    b = create(api, admin, attendee.id, title="b")
    marked = mark_read(api, a.id, attendee)
    assert marked.id == a.id and marked.read
    assert [n.id for n in kit.notifications(attendee, unread_only=True)] == [b.id]
    assert {n.id: n.read for n in kit.notifications(attendee)} == {a.id: True, b.id: False}
    # marking again is harmless
    assert mark_read(api, a.id, attendee).read


def test_mark_someone_elses_notification_is_not_found(kit, api, admin, attendee, attendee2):
    theirs = create(api, admin, attendee2.id)
    with raises(Code.NOT_FOUND):
        mark_read(api, theirs.id, attendee)
    assert [n.read for n in kit.notifications(attendee2)] == [False]


def test_mark_unknown_notification_is_not_found(api, attendee):
    with raises(Code.NOT_FOUND):
        mark_read(api, "ntf_unknown", attendee)


def test_mark_without_id_is_invalid_argument(api, attendee):
    with raises(Code.INVALID_ARGUMENT, field="id"):
        mark_read(api, "", attendee)


def test_list_needs_a_token(api):
    with raises(Code.UNAUTHENTICATED):
        api.notifications.ListNotifications(notifications_pb2.ListNotificationsRequest())


def test_paying_an_order_notifies_the_buyer(kit, attendee, attendee2, event):
    kit.paid_order(attendee, event, 1)
    deadline = time.monotonic() + 5  # the notification may be written right after the payment commits
    while True:
        paid = [n for n in kit.notifications(attendee) if n.kind == "order.paid"]
        if paid or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert len(paid) == 1, [(n.kind, n.title) for n in kit.notifications(attendee)]
    assert paid[0].user_id == attendee.id and not paid[0].read and paid[0].title
    assert [n for n in kit.notifications(attendee2) if n.kind == "order.paid"] == []
