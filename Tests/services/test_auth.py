"""AuthService: Register, Login, RefreshToken (rotation and reuse detection), Logout, VerifyToken."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest

from marquee_testkit import (JWT_SECRET, ROLE_ADMIN, ROLE_ATTENDEE, Code, auth_pb2, jwt_parts, jwt_sign,
                             now, orders_pb2, raises, tamper, to_dt, unique_email)


def register(api, email=None, password="correct-horse-1", name="Ada"):
    return api.auth.Register(auth_pb2.RegisterRequest(email=unique_email() if email is None else email,
                                                      password=password,
                                                      display_name=name))


def login(api, email, password):
    return api.auth.Login(auth_pb2.LoginRequest(email=email, password=password))


def refresh(api, token):
    return api.auth.RefreshToken(auth_pb2.RefreshTokenRequest(refresh_token=token))


def verify(api, token):
    return api.auth.VerifyToken(auth_pb2.VerifyTokenRequest(access_token=token))


# ----------------------------------------------------------------------------- Register

def test_register_returns_tokens_of_a_new_attendee(api):
    before = now()
    tokens = register(api)
    assert tokens.user_id
    assert tokens.access_token.count(".") == 2, "access token should be a JWT"
    assert tokens.refresh_token and tokens.refresh_token != tokens.access_token
    assert list(tokens.roles) == [ROLE_ATTENDEE]
    expires = to_dt(tokens.access_token_expires_at)
    assert before < expires <= before + timedelta(days=1)
    header, payload, _ = jwt_parts(tokens.access_token)
    assert header.get("alg") == "HS256"
    assert payload.get("sub") == tokens.user_id


def test_register_twice_gives_distinct_users(api):
    a, b = register(api), register(api)
    assert a.user_id != b.user_id
    assert a.refresh_token != b.refresh_token


def test_register_taken_email_is_already_exists(api):
    email = unique_email()
    first = register(api, email)
    with raises(Code.ALREADY_EXISTS):
        register(api, email, password="another-password")
    # email comparison is case-insensitive
    with raises(Code.ALREADY_EXISTS):
        register(api, email.upper(), password="another-password")
    # the original account is untouched
    assert login(api, email, "correct-horse-1").user_id == first.user_id
    with raises(Code.UNAUTHENTICATED):
        login(api, email, "another-password")


@pytest.mark.parametrize("email", ["", "not-an-email", "@example.test", "user@"])
def test_register_invalid_email_is_invalid_argument(api, email):
    with raises(Code.INVALID_ARGUMENT, field="email"):
        register(api, email)


@pytest.mark.parametrize("password", ["", "short", "1234567"])
def test_register_short_password_is_invalid_argument_and_creates_nothing(api, password):
    email = unique_email()
    with raises(Code.INVALID_ARGUMENT, field="password"):
        register(api, email, password=password)
    with raises(Code.UNAUTHENTICATED):
        login(api, email, password or "x")
    # the email is still free
    assert register(api, email, password="long-enough-1").user_id


def test_register_password_of_exactly_eight_characters_is_accepted(api):
    email = unique_email()
    tokens = register(api, email, password="12345678")
    assert login(api, email, "12345678").user_id == tokens.user_id


# ----------------------------------------------------------------------------- Login

def test_login_with_the_right_password(api):
    email = unique_email()
    reg = register(api, email)
    tokens = login(api, email, "correct-horse-1")
    assert tokens.user_id == reg.user_id
    assert list(tokens.roles) == [ROLE_ATTENDEE]
    assert tokens.access_token and tokens.refresh_token
    assert tokens.refresh_token != reg.refresh_token
    assert verify(api, tokens.access_token).user_id == reg.user_id


def test_login_email_is_case_insensitive(api):
    email = unique_email()
    reg = register(api, email)
    assert login(api, email.upper(), "correct-horse-1").user_id == reg.user_id


def test_login_wrong_password_and_unknown_email_fail_alike(api):
    email = unique_email()
    register(api, email)
    with raises(Code.UNAUTHENTICATED) as wrong:
        login(api, email, "wrong-password")
    with raises(Code.UNAUTHENTICATED) as unknown:
        login(api, unique_email(), "correct-horse-1")
    assert wrong.details == unknown.details, "the message must not tell which part was wrong"


def test_admin_created_by_cli_logs_in_with_admin_role(api, server):
    tokens = login(api, server.admin_email, server.admin_password)
    assert ROLE_ADMIN in tokens.roles
    claims = verify(api, tokens.access_token)
    assert ROLE_ADMIN in claims.roles


# ----------------------------------------------------------------------------- RefreshToken

def test_refresh_rotates_tokens(api):
    reg = register(api)
    first = refresh(api, reg.refresh_token)
    assert first.user_id == reg.user_id
    assert first.refresh_token and first.refresh_token != reg.refresh_token
    assert verify(api, first.access_token).user_id == reg.user_id
    second = refresh(api, first.refresh_token)
    assert second.refresh_token not in (reg.refresh_token, first.refresh_token)
    assert verify(api, second.access_token).user_id == reg.user_id
    assert list(second.roles) == [ROLE_ATTENDEE]


def test_reusing_a_rotated_refresh_token_revokes_the_family(api):
    reg = register(api)
    r1 = reg.refresh_token
    r2 = refresh(api, r1).refresh_token
    r3 = refresh(api, r2).refresh_token
    with raises(Code.UNAUTHENTICATED):
        refresh(api, r1)  # reuse of a rotated token
    with raises(Code.UNAUTHENTICATED):
        refresh(api, r3)  # the newest token of the family is revoked too
    with raises(Code.UNAUTHENTICATED):
        refresh(api, r2)


@pytest.mark.parametrize("token", ["garbage", "rt_" + "0" * 40])
def test_refresh_unknown_token_is_unauthenticated(api, token):
    with raises(Code.UNAUTHENTICATED):
        refresh(api, token)


def test_refresh_with_an_access_token_is_unauthenticated(api):
    reg = register(api)
    with raises(Code.UNAUTHENTICATED):
        refresh(api, reg.access_token)


# ----------------------------------------------------------------------------- Logout

def test_logout_revokes_the_refresh_token(api):
    reg = register(api)
    api.auth.Logout(auth_pb2.LogoutRequest(refresh_token=reg.refresh_token))
    with raises(Code.UNAUTHENTICATED):
        refresh(api, reg.refresh_token)


def test_logout_revokes_the_whole_family(api):
    reg = register(api)
    newer = refresh(api, reg.refresh_token)
    api.auth.Logout(auth_pb2.LogoutRequest(refresh_token=newer.refresh_token))
    with raises(Code.UNAUTHENTICATED):
        refresh(api, newer.refresh_token)


def test_logout_of_unknown_token_succeeds(api):
    api.auth.Logout(auth_pb2.LogoutRequest(refresh_token="no-such-token"))


def test_logout_is_idempotent(api):
    reg = register(api)
    api.auth.Logout(auth_pb2.LogoutRequest(refresh_token=reg.refresh_token))
    api.auth.Logout(auth_pb2.LogoutRequest(refresh_token=reg.refresh_token))


# ----------------------------------------------------------------------------- VerifyToken & bearer tokens

def test_verify_token_returns_claims(api):
    reg = register(api)
    claims = verify(api, reg.access_token)
    assert claims.user_id == reg.user_id
    assert list(claims.roles) == [ROLE_ATTENDEE]
    assert abs(claims.expires_at.seconds - reg.access_token_expires_at.seconds) <= 1


def expired_copy(token: str) -> str:
    header, payload, _ = jwt_parts(token)
    payload = dict(payload, exp=int(time.time()) - 600)
    if "iat" in payload:
        payload["iat"] = int(time.time()) - 1200
    if "nbf" in payload:
        payload["nbf"] = int(time.time()) - 1200
    return jwt_sign(header, payload, JWT_SECRET)


def bad_tokens(token: str) -> dict[str, str]:
    header, payload, sig = jwt_parts(token)
    head_b64, body_b64, _ = token.split(".")
    return {
        "garbage": "garbage",
        "empty": "",
        "tampered-signature": f"{head_b64}.{body_b64}.{tamper(sig)}",
        "tampered-payload": f"{head_b64}.{tamper(body_b64)}.{sig}",
        "wrong-secret": jwt_sign(header, payload, "some-other-secret-of-at-least-32-chars!!"),
        "alg-none": jwt_sign({"alg": "none", "typ": "JWT"}, payload, JWT_SECRET).rsplit(".", 1)[0] + ".",
        "expired": expired_copy(token),
    }


@pytest.mark.parametrize("kind", ["garbage", "empty", "tampered-signature", "tampered-payload",
                                  "wrong-secret", "alg-none", "expired"])
def test_verify_rejects_bad_tokens(api, kind):
    reg = register(api)
    # an empty token may also be reported as a missing field
    codes = {Code.UNAUTHENTICATED, Code.INVALID_ARGUMENT} if kind == "empty" else Code.UNAUTHENTICATED
    with raises(codes):
        verify(api, bad_tokens(reg.access_token)[kind])


def test_resigned_token_with_the_server_secret_is_accepted(api):
    """Sanity check of the tamper tests above: our HS256 signing matches the server's."""
    reg = register(api)
    header, payload, _ = jwt_parts(reg.access_token)
    assert verify(api, jwt_sign(header, payload, JWT_SECRET)).user_id == reg.user_id


@pytest.mark.parametrize("kind", ["garbage", "tampered-signature", "wrong-secret", "alg-none", "expired"])
def test_authenticated_call_rejects_bad_bearer_tokens(api, kind):
    reg = register(api)
    with raises(Code.UNAUTHENTICATED):
        api.orders.ListMyOrders(orders_pb2.ListMyOrdersRequest(), token=bad_tokens(reg.access_token)[kind])


def test_authenticated_call_without_token_is_unauthenticated(api):
    with raises(Code.UNAUTHENTICATED):
        api.orders.ListMyOrders(orders_pb2.ListMyOrdersRequest())


def test_authenticated_call_with_refresh_token_as_bearer_is_unauthenticated(api):
    reg = register(api)
    with raises(Code.UNAUTHENTICATED):
        api.orders.ListMyOrders(orders_pb2.ListMyOrdersRequest(), token=reg.refresh_token)
