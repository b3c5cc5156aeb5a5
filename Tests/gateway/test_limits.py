"""Protection limits, each provoked: depth, cost, aliases, introspection, body size, request
timeout, allowed CORS origins. A `serve` with low limits (set by env) runs for most of them;
the defaults are checked on the shared server. Each limit is a request error: HTTP 400 with
application/graphql-response+json, no `data`, the limit's code."""
from __future__ import annotations

import time

import pytest

from gatewaykit import GQL_RESPONSE, JSON, assert_request_error, new_workdir, start_serve

LOW_LIMITS = {
    "MARQUEE_MAX_DEPTH": "7",
    "MARQUEE_MAX_COST": "200",
    "MARQUEE_MAX_ALIASES": "3",
    "MARQUEE_INTROSPECTION": "false",
    "MARQUEE_MAX_BODY_BYTES": "4096",
    "MARQUEE_CORS_ORIGINS": "http://allowed.example.test,http://also.example.test",
}


@pytest.fixture(scope="module")
def limited_stack():
    stack = start_serve(new_workdir("limits"), extra_env=LOW_LIMITS, with_admin=False)
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def low(limited_stack):
    return limited_stack.client()


def nested(levels: int) -> str:
    """events → edges → node → organizer → events → …: 4 levels per round; depth 4 × levels + 1."""
    inner = "id"
    for _ in range(levels):
        inner = f"events(first: 1) {{ edges {{ node {{ organizer {{ {inner} }} }} }} }}"
    return f"{{ {inner} }}"


# --------------------------------------------------------------------------- depth

def test_shallow_query_within_the_low_depth(low):
    reply = low.post("{ events(first: 1) { edges { node { id } } } }")
    assert reply.status == 200 and not reply.errors, reply


def test_too_deep(low):
    assert_request_error(low.post(nested(2)), "QUERY_TOO_DEEP")  # 9 levels > 7


def test_too_deep_through_fragments(low):
    query = """{ events(first: 1) { ...E } }
      fragment E on EventConnection { edges { node { ...N } } }
      fragment N on Event { organizer { events(first: 1) { edges { node { id } } } } }"""
    assert_request_error(low.post(query), "QUERY_TOO_DEEP")


def test_limit_errors_with_json_accept_are_200_without_data(low):
    reply = low.post(nested(2), accept=JSON)
    assert reply.status == 200 and reply.content_type == JSON, reply
    assert "data" not in reply.body and "QUERY_TOO_DEEP" in reply.codes(), reply


def test_default_depth_is_15(gw):
    ok = gw.post(nested(3))  # 12 or 13 levels
    assert ok.status == 200 and not ok.errors, ok
    assert_request_error(gw.post(nested(5)), "QUERY_TOO_DEEP")  # 20+ levels


# --------------------------------------------------------------------------- cost

def test_cheap_query_within_the_low_cost(low):
    reply = low.post("{ events(first: 5) { edges { node { id title } } } }")
    assert reply.status == 200 and not reply.errors, reply


def test_too_complex_by_first(low):
    assert_request_error(low.post("{ events(first: 500) { edges { node { id } } } }"), "QUERY_TOO_COMPLEX")


def test_too_complex_by_first_in_a_variable(low):
    query = "query($n: Int) { events(first: $n) { edges { node { id } } } }"
    assert low.post(query, {"n": 2}).status == 200
    assert_request_error(low.post(query, {"n": 500}), "QUERY_TOO_COMPLEX")


def test_too_complex_by_nested_pages(low):
    """`first` multiplies what is selected below it: 15 events × their organisers' 15 events
    costs 15 × (… + 15 × …) ≈ 300 > 200, though no single `first` exceeds 200 and the
    fields add up to far less (depth 6, within the limit of 7)."""
    query = "{ events(first: 15) { edges { node { organizer { events(first: 15) { totalCount } } } } } }"
    assert_request_error(low.post(query), "QUERY_TOO_COMPLEX")


def test_default_cost_is_10000(gw):
    assert gw.post("{ events(first: 50) { edges { node { id } } } }").status == 200
    assert_request_error(gw.post("{ events(first: 20000) { edges { node { id } } } }"), "QUERY_TOO_COMPLEX")


# --------------------------------------------------------------------------- aliases

def aliases(n: int) -> str:
    return "{ " + " ".join(f"a{i}: cities" for i in range(n)) + " }"


def test_aliases_within_the_low_limit(low):
    reply = low.post(aliases(3))
    assert reply.status == 200 and not reply.errors and len(reply.data) == 3, reply


def test_too_many_aliases(low):
    assert_request_error(low.post(aliases(4)), "TOO_MANY_ALIASES")


def test_default_aliases_is_30(gw):
    reply = gw.post(aliases(30))
    assert reply.status == 200 and len(reply.data) == 30, reply
    assert_request_error(gw.post(aliases(31)), "TOO_MANY_ALIASES")


# --------------------------------------------------------------------------- introspection

@pytest.mark.parametrize("query", ["{ __schema { queryType { name } } }", '{ __type(name: "Event") { name } }',
                                   "{ cities __schema { types { name } } }"], ids=["schema", "type", "mixed"])
def test_introspection_disabled(low, query):
    assert_request_error(low.post(query), "INTROSPECTION_DISABLED")


def test_typename_is_not_introspection(low):
    reply = low.post("{ __typename cities }")
    assert reply.status == 200 and reply.data["__typename"] == "Query", reply


def test_introspection_enabled_by_default(gw):
    reply = gw.post("{ __schema { queryType { name } } }")
    assert reply.status == 200 and reply.data["__schema"]["queryType"]["name"] == "Query", reply


# --------------------------------------------------------------------------- body size

def test_body_within_the_low_limit(low):
    reply = low.post("#" + "x" * 3000 + "\n{ cities }")
    assert reply.status == 200 and "cities" in reply.data, reply


def test_body_over_the_low_limit(low):
    reply = low.post("#" + "x" * 5000 + "\n{ cities }")
    assert reply.status == 413, reply
    assert reply.errors and reply.codes()[0] == "PAYLOAD_TOO_LARGE" and "data" not in reply.body, reply


def test_chunked_body_over_the_low_limit(low):
    """Without a content-length the limit still holds (the body is counted as it arrives)."""
    chunks = [b'{"query": "#'] + [b"x" * 1000] * 8 + [b'\\n{ cities }"}']
    reply = low.request("POST", "/graphql", content=iter(chunks),
                        headers={"content-type": JSON, "accept": GQL_RESPONSE})
    assert reply.status == 413, reply


# --------------------------------------------------------------------------- CORS

@pytest.mark.parametrize("origin", ["http://allowed.example.test", "http://also.example.test"])
def test_cors_allowed_origin(low, origin):
    reply = low.request("OPTIONS", "/graphql", headers={"origin": origin, "access-control-request-method": "POST"})
    assert 200 <= reply.status < 300, reply
    assert reply.headers.get("access-control-allow-origin") == origin, dict(reply.headers)


def test_cors_other_origin_is_not_allowed(low):
    reply = low.request("OPTIONS", "/graphql", headers={"origin": "http://evil.example.test",
                                                        "access-control-request-method": "POST"})
    assert reply.headers.get("access-control-allow-origin") not in ("*", "http://evil.example.test"), (
        dict(reply.headers))


# --------------------------------------------------------------------------- request timeout

def test_request_timeout():
    """MARQUEE_REQUEST_TIMEOUT_MS=1 on the demo data: listing 100 events with their relations
    cannot finish in a millisecond. Readiness is waited for on /health (a /ready check might be
    held to the same 1 ms)."""
    stack = start_serve(new_workdir("timeout"), demo=True, with_admin=False, ready_path="/health",
                        extra_env={"MARQUEE_REQUEST_TIMEOUT_MS": "1"})
    try:
        gw = stack.client()
        query = """{ events(first: 100) { edges { node { id title venue { name }
            organizer { name events(first: 5) { edges { node { id ticketTypes { name } } } } }
            ticketTypes { name remaining } } } } }"""
        replies = []
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            reply = gw.post(query)
            replies.append(reply)
            if "TIMEOUT" in reply.codes():
                break
            time.sleep(0.5)
        timed_out = [r for r in replies if "TIMEOUT" in r.codes()]
        assert timed_out, f"no TIMEOUT with a 1 ms request timeout; last reply {replies[-1]!r}"
        reply = timed_out[0]
        assert reply.content_type == GQL_RESPONSE and "data" not in reply.body, reply
        # The server gave up on the request: 504 Gateway Timeout (no data, so not 200).
        assert reply.status == 504, f"a request that ran out of time is a 504: {reply!r}"
        assert stack.alive(), stack.logs()
        assert gw.request("GET", "/health").status == 200
    finally:
        stack.stop()
