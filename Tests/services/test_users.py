"""UserService: GetUser, BatchGetUsers, UpdateProfile, ListUsers, SetRoles."""
from __future__ import annotations

import pytest

from marquee_testkit import (ROLE_ADMIN, ROLE_ATTENDEE, ROLE_ORGANIZER, ROLE_STAFF, Code, auth_pb2,
                             awkward_order, common_pb2, raises, users_pb2)


def get_user(api, user_id, token):
    return api.users.GetUser(users_pb2.GetUserRequest(id=user_id), token=token)


def test_get_own_user(api, attendee):
    user = get_user(api, attendee.id, attendee)
    assert user.id == attendee.id
    assert user.email == attendee.email
    assert user.display_name == attendee.display_name
    assert list(user.roles) == [ROLE_ATTENDEE]
    assert user.created_at.seconds > 0


def test_email_of_others_is_hidden_except_for_admins(api, attendee, attendee2, admin):
    other = get_user(api, attendee2.id, attendee)
    assert other.id == attendee2.id
    assert other.display_name == attendee2.display_name
    assert other.email == ""
    assert get_user(api, attendee2.id, admin).email == attendee2.email


def test_get_unknown_user_is_not_found(api, attendee):
    with raises(Code.NOT_FOUND):
        get_user(api, "usr_does_not_exist", attendee)


def test_get_user_without_id_is_invalid_argument(api, attendee):
    with raises(Code.INVALID_ARGUMENT, field="id"):
        get_user(api, "", attendee)


def test_batch_get_users_keeps_request_order_and_skips_unknown(api, kit, attendee):
    users = {u.id: u for u in (kit.attendee() for _ in range(5))}
    wanted = awkward_order(list(users))
    reply = api.users.BatchGetUsers(users_pb2.BatchGetUsersRequest(ids=wanted[:2] + ["usr_unknown"] + wanted[2:]),
                                    token=attendee)
    assert [u.id for u in reply.users] == wanted
    assert [u.display_name for u in reply.users] == [users[i].display_name for i in wanted]


def test_update_profile_changes_display_name(api, attendee):
    updated = api.users.UpdateProfile(users_pb2.UpdateProfileRequest(display_name="New Name"), token=attendee)
    assert updated.id == attendee.id
    assert updated.display_name == "New Name"
    assert get_user(api, attendee.id, attendee).display_name == "New Name"


def test_update_profile_with_empty_fields_changes_nothing(api, attendee):
    updated = api.users.UpdateProfile(users_pb2.UpdateProfileRequest(), token=attendee)
    assert updated.display_name == attendee.display_name
    assert get_user(api, attendee.id, attendee).display_name == attendee.display_name


def test_update_profile_without_token_is_unauthenticated(api):
    with raises(Code.UNAUTHENTICATED):
        api.users.UpdateProfile(users_pb2.UpdateProfileRequest(display_name="x"))


def test_update_profile_only_touches_the_caller(api, attendee, attendee2):
    api.users.UpdateProfile(users_pb2.UpdateProfileRequest(display_name="Only Me"), token=attendee)
    assert get_user(api, attendee2.id, attendee2).display_name == attendee2.display_name


# ----------------------------------------------------------------------------- ListUsers

def test_list_users_needs_admin(api, attendee, organizer):
    for who in (attendee, organizer):
        with raises(Code.PERMISSION_DENIED):
            api.users.ListUsers(users_pb2.ListUsersRequest(), token=who)
    with raises(Code.UNAUTHENTICATED):
        api.users.ListUsers(users_pb2.ListUsersRequest())


def list_all_users(api, admin, role=common_pb2.ROLE_UNSPECIFIED, page_size=2):
    seen, after, pages = [], "", 0
    while True:
        reply = api.users.ListUsers(users_pb2.ListUsersRequest(
            page=common_pb2.PageRequest(first=page_size, after=after), role=role), token=admin)
        pages += 1
        assert len(reply.users) <= page_size
        seen.extend(reply.users)
        if not reply.page_info.has_next_page:
            return seen, pages
        assert reply.page_info.end_cursor
        after = reply.page_info.end_cursor
        assert pages < 2000, "ListUsers paging does not end"


def test_list_users_pages_through_everyone_once(api, kit, admin):
    created = {kit.attendee().id for _ in range(8)}
    users, pages = list_all_users(api, admin, page_size=7)
    ids = [u.id for u in users]
    assert len(ids) == len(set(ids)), "a user appeared on two pages"
    assert created <= set(ids)
    assert admin.id in ids
    assert pages >= 2


def test_list_users_filters_by_role(api, kit, admin, organizer, attendee):
    organizers, _ = list_all_users(api, admin, role=ROLE_ORGANIZER, page_size=100)
    ids = {u.id for u in organizers}
    assert organizer.id in ids
    assert attendee.id not in ids
    assert all(ROLE_ORGANIZER in u.roles for u in organizers)
    admins, _ = list_all_users(api, admin, role=ROLE_ADMIN, page_size=100)
    assert admin.id in {u.id for u in admins}


def test_list_users_page_size_is_capped(api, admin):
    reply = api.users.ListUsers(users_pb2.ListUsersRequest(page=common_pb2.PageRequest(first=10_000)),
                                token=admin)
    assert len(reply.users) <= 100


# ----------------------------------------------------------------------------- SetRoles

def test_set_roles_by_admin_and_token_after_relogin(api, kit, admin, attendee):
    user = api.users.SetRoles(users_pb2.SetRolesRequest(
        user_id=attendee.id, roles=[ROLE_ATTENDEE, ROLE_ORGANIZER, ROLE_STAFF]), token=admin)
    assert set(user.roles) == {ROLE_ATTENDEE, ROLE_ORGANIZER, ROLE_STAFF}
    assert set(get_user(api, attendee.id, admin).roles) == {ROLE_ATTENDEE, ROLE_ORGANIZER, ROLE_STAFF}
    # the old access token keeps the roles it was issued with
    old_claims = api.auth.VerifyToken(auth_pb2.VerifyTokenRequest(access_token=attendee.token))
    assert list(old_claims.roles) == [ROLE_ATTENDEE]
    kit.login(attendee)
    assert set(attendee.roles) == {ROLE_ATTENDEE, ROLE_ORGANIZER, ROLE_STAFF}
    claims = api.auth.VerifyToken(auth_pb2.VerifyTokenRequest(access_token=attendee.token))
    assert set(claims.roles) == {ROLE_ATTENDEE, ROLE_ORGANIZER, ROLE_STAFF}


def test_set_roles_replaces_the_whole_set(api, kit, admin, organizer):
    user = api.users.SetRoles(users_pb2.SetRolesRequest(user_id=organizer.id, roles=[ROLE_ATTENDEE]),
                              token=admin)
    assert list(user.roles) == [ROLE_ATTENDEE]
    kit.login(organizer)
    assert list(organizer.roles) == [ROLE_ATTENDEE]


@pytest.mark.parametrize("caller", ["attendee", "organizer", "staff"])
def test_set_roles_needs_admin(api, kit, request, caller, attendee2):
    who = request.getfixturevalue(caller)
    with raises(Code.PERMISSION_DENIED):
        api.users.SetRoles(users_pb2.SetRolesRequest(user_id=attendee2.id, roles=[ROLE_ATTENDEE, ROLE_ADMIN]),
                           token=who)
    assert list(get_user(api, attendee2.id, attendee2).roles) == [ROLE_ATTENDEE]
    kit.login(attendee2)
    assert list(attendee2.roles) == [ROLE_ATTENDEE]


def test_attendee_cannot_make_themselves_admin(api, attendee):
    with raises(Code.PERMISSION_DENIED):
        api.users.SetRoles(users_pb2.SetRolesRequest(user_id=attendee.id, roles=[ROLE_ADMIN]), token=attendee)
    assert list(get_user(api, attendee.id, attendee).roles) == [ROLE_ATTENDEE]


def test_set_roles_of_unknown_user_is_not_found(api, admin):
    with raises(Code.NOT_FOUND):
        api.users.SetRoles(users_pb2.SetRolesRequest(user_id="usr_nobody", roles=[ROLE_ATTENDEE]), token=admin)


def test_set_roles_without_user_id_is_invalid_argument(api, admin):
    with raises(Code.INVALID_ARGUMENT, field="user_id"):
        api.users.SetRoles(users_pb2.SetRolesRequest(user_id="", roles=[ROLE_ATTENDEE]), token=admin)


def test_set_roles_with_unspecified_role_is_invalid_argument(api, admin, attendee):
    with raises(Code.INVALID_ARGUMENT, field_prefix="roles"):
        api.users.SetRoles(users_pb2.SetRolesRequest(
            user_id=attendee.id, roles=[ROLE_ATTENDEE, common_pb2.ROLE_UNSPECIFIED]), token=admin)
    assert list(get_user(api, attendee.id, admin).roles) == [ROLE_ATTENDEE]


def test_set_roles_with_unknown_enum_value_is_invalid_argument(api, admin, attendee):
    with raises(Code.INVALID_ARGUMENT, field_prefix="roles"):
        api.users.SetRoles(users_pb2.SetRolesRequest(user_id=attendee.id, roles=[ROLE_ATTENDEE, 42]),
                           token=admin)
    assert list(get_user(api, attendee.id, admin).roles) == [ROLE_ATTENDEE]
