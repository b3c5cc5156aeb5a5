"""The HTTP side of the contract: POST and GET /graphql, content negotiation and status
codes, every kind of bad request, the explorer page, health, readiness, request ids, CORS."""
from __future__ import annotations

import json
import re
import uuid

import pytest

from gatewaykit import GQL_RESPONSE, JSON, assert_request_error

SIMPLE = "{ cities }"


# --------------------------------------------------------------------------- good requests

def test_post_with_graphql_response_json(gw):
    reply = gw.post(SIMPLE, accept=GQL_RESPONSE)
    assert reply.status == 200 and reply.content_type == GQL_RESPONSE, reply
    assert isinstance(reply.data["cities"], list) and not reply.errors, reply


@pytest.mark.parametrize("accept", [JSON, None], ids=["json", "none"])
def test_post_with_json_or_no_accept(gw, accept):
    reply = gw.post(SIMPLE, accept=accept)
    assert reply.status == 200 and reply.content_type == JSON, reply
    assert isinstance(reply.data["cities"], list), reply


def test_post_accepting_anything(gw):
    reply = gw.post(SIMPLE, accept="*/*")
    assert reply.status == 200 and reply.content_type in (JSON, GQL_RESPONSE), reply


def test_post_with_variables_and_operation_name(gw):
    doc = """query A($n: Int) { events(first: $n) { edges { node { id } } } }
             query B { cities }"""
    a = gw.post(doc, {"n": 1}, operation_name="A")
    assert a.status == 200 and not a.errors and set(a.data) == {"events"}, a
    assert len(a.data["events"]["edges"]) <= 1, a
    b = gw.post(doc, operation_name="B")
    assert b.status == 200 and not b.errors and set(b.data) == {"cities"}, b


def test_get_runs_a_query(gw):
    reply = gw.get(SIMPLE)
    assert reply.status == 200 and reply.content_type == GQL_RESPONSE and "cities" in reply.data, reply


def test_get_with_variables_and_operation_name(gw):
    doc = "query A($n: Int) { events(first: $n) { totalCount } } query B { cities }"
    reply = gw.get(doc, {"n": 2}, operation_name="A")
    assert reply.status == 200 and not reply.errors and set(reply.data) == {"events"}, reply
    reply = gw.get(doc, operation_name="B", accept=JSON)
    assert reply.status == 200 and reply.content_type == JSON and set(reply.data) == {"cities"}, reply


def test_field_errors_keep_status_200_and_data(gw):
    reply = gw.post("{ cities me { id } }", accept=GQL_RESPONSE)
    assert reply.status == 200 and reply.content_type == GQL_RESPONSE, reply
    assert isinstance(reply.data["cities"], list) and reply.data["me"] is None, reply
    assert "UNAUTHENTICATED" in reply.codes(), reply


# --------------------------------------------------------------------------- request errors

@pytest.mark.parametrize("query,code", [
    ("{ cities", "GRAPHQL_PARSE_FAILED"),
    ("query { events { edges { node { nope } } } }", "GRAPHQL_VALIDATION_FAILED"),
    ("{ cities { name } }", "GRAPHQL_VALIDATION_FAILED"),
    ("query A { cities } query B { cities }", None),  # which operation? (no operationName)
], ids=["parse", "unknown-field", "leaf-selection", "ambiguous-operation"])
def test_request_errors_are_400_without_data(gw, query, code):
    reply = gw.post(query, accept=GQL_RESPONSE)
    if code:
        err = assert_request_error(reply, code)
        if code == "GRAPHQL_PARSE_FAILED":
            assert err.get("locations"), f"a syntax error has a location: {err}"
    else:
        assert reply.status == 400 and reply.content_type == GQL_RESPONSE and "data" not in reply.body, reply
        assert reply.errors, reply


def test_unknown_operation_name_is_a_request_error(gw):
    reply = gw.post("query A { cities }", operation_name="Nope")
    assert reply.status == 400 and "data" not in reply.body and reply.errors, reply


def variable_error(reply) -> None:
    """A request error: 400, graphql-response+json, no data, errors with messages."""
    assert reply.status == 400 and reply.content_type == GQL_RESPONSE, reply
    assert "data" not in reply.body and reply.errors, reply
    assert all(isinstance(e.get("message"), str) and e["message"] for e in reply.errors), reply


@pytest.mark.parametrize("variables", [{"n": "ten"}, {"n": 1.5}, {"n": {"x": 1}}],
                         ids=["string", "float", "object"])
def test_variable_errors_are_request_errors(gw, variables):
    variable_error(gw.post("query($n: Int) { events(first: $n) { totalCount } }", variables))


def test_missing_required_variable(gw):
    variable_error(gw.post("query($s: String!) { event(slug: $s) { id } }", {}))


def test_variable_errors_have_a_code(gw):
    """Every error a client gets carries extensions.code (the contract's list); for a variable
    that cannot be coerced that is BAD_USER_INPUT (or GRAPHQL_VALIDATION_FAILED)."""
    reply = gw.post("query($n: Int) { events(first: $n) { totalCount } }", {"n": "ten"})
    assert_request_error(reply, {"BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"})


@pytest.mark.parametrize("query", ["{ cities", "{ nope }"], ids=["parse", "validation"])
def test_request_errors_with_json_accept_are_200(gw, query):
    reply = gw.post(query, accept=JSON)
    assert reply.status == 200 and reply.content_type == JSON, reply
    assert "data" not in reply.body and reply.errors, reply
    assert reply.codes()[0] in ("GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED"), reply


def bad_request(reply, status: int, code: str | None = None) -> None:
    assert reply.status == status, f"expected HTTP {status}, got {reply!r}"
    assert isinstance(reply.body, dict) and reply.errors, f"a GraphQL error body: {reply!r}"
    assert "data" not in reply.body, reply
    assert isinstance(reply.errors[0].get("message"), str) and reply.errors[0]["message"], reply
    if code:
        assert reply.codes()[0] == code, f"expected {code}: {reply!r}"


@pytest.mark.parametrize("accept", [GQL_RESPONSE, JSON])
def test_malformed_json_body(gw, accept):
    reply = gw.post(None, body='{"query": "{ cities }"', accept=accept)
    bad_request(reply, 400, "BAD_REQUEST")


@pytest.mark.parametrize("body", ['"just a string"', "null", "", "42"], ids=["string", "null", "empty", "number"])
def test_body_that_is_not_a_request_object(gw, body):
    bad_request(gw.post(None, body=body), 400)


@pytest.mark.parametrize("body", [{}, {"variables": {}}, {"query": None}, {"query": 42}],
                         ids=["empty", "variables-only", "null", "number"])
def test_missing_or_invalid_query(gw, body):
    bad_request(gw.post(None, body=body), 400)


def test_variables_must_be_an_object(gw):
    bad_request(gw.post(None, body={"query": SIMPLE, "variables": [1, 2]}), 400)


def test_get_with_malformed_variables(gw):
    bad_request(gw.get("query($n: Int) { events(first: $n) { totalCount } }", "{not json"), 400)


def test_get_without_query(gw):
    reply = gw.get(None, accept=JSON)
    bad_request(reply, 400)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml"])
def test_wrong_content_type_is_415(gw, content_type):
    reply = gw.request("POST", "/graphql", content=json.dumps({"query": SIMPLE}),
                       headers={"content-type": content_type, "accept": GQL_RESPONSE})
    assert reply.status == 415, reply


def test_content_type_with_charset_is_fine(gw):
    reply = gw.request("POST", "/graphql", content=json.dumps({"query": SIMPLE}),
                       headers={"content-type": "application/json; charset=utf-8", "accept": GQL_RESPONSE})
    assert reply.status == 200 and "cities" in reply.data, reply


def test_body_over_the_default_limit_is_413(gw):
    padding = "#" + "x" * (1_048_576 + 100) + "\n"  # a GraphQL comment: valid, but over 1 MiB
    reply = gw.post(padding + SIMPLE)
    bad_request(reply, 413, "PAYLOAD_TOO_LARGE")


def test_body_under_the_default_limit_is_fine(gw):
    padding = "#" + "x" * 500_000 + "\n"
    reply = gw.post(padding + SIMPLE)
    assert reply.status == 200 and "cities" in reply.data, reply


def test_mutation_over_get_is_405(gw):
    reply = gw.get('mutation { logout(refreshToken: "x") { ok } }')
    assert reply.status == 405, reply
    allow = reply.headers.get("allow", "")
    assert "POST" in allow.upper(), f"405 must say Allow: POST: {dict(reply.headers)}"


def test_mutation_selected_by_operation_name_over_get_is_405(gw):
    doc = 'query Q { cities } mutation M { logout(refreshToken: "x") { ok } }'
    assert gw.get(doc, operation_name="Q").status == 200
    assert gw.get(doc, operation_name="M").status == 405


def test_other_methods_on_graphql(gw):
    for method in ("PUT", "DELETE", "PATCH"):
        reply = gw.request(method, "/graphql", content=json.dumps({"query": SIMPLE}),
                           headers={"content-type": JSON})
        assert reply.status in (404, 405), f"{method}: {reply!r}"


def test_unknown_path_is_404(gw):
    assert gw.request("GET", "/nope").status == 404


# --------------------------------------------------------------------------- explorer, health, readiness

def test_explorer_page_is_self_contained(gw):
    reply = gw.request("GET", "/graphql", headers={"accept": "text/html"})
    assert reply.status == 200 and reply.content_type == "text/html", reply
    html = reply.text
    assert "<html" in html.lower() and "graphql" in html.lower(), html[:500]
    external = re.findall(r"""<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]+""",
                          html, flags=re.IGNORECASE)
    external += re.findall(r"""@import\s+(?:url\()?\s*["']?(?:https?:)?//""", html, flags=re.IGNORECASE)
    assert not external, f"the explorer must not load anything from elsewhere: {external}"


def test_explorer_from_a_browser_accept_header(gw):
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    reply = gw.request("GET", "/graphql", headers={"accept": accept})
    assert reply.status == 200 and reply.content_type == "text/html", reply


def test_health_and_ready(gw):
    assert gw.request("GET", "/health").status == 200
    assert gw.request("GET", "/ready").status == 200


def test_metrics_count_requests_in_the_prometheus_format(gw):
    gw.request("POST", "/graphql", content=json.dumps({"query": SIMPLE}), headers={"content-type": JSON})
    reply = gw.request("GET", "/metrics")
    assert reply.status == 200 and reply.content_type == "text/plain", reply.headers
    counts = [line for line in reply.text.splitlines() if line.startswith('marquee_graphql_requests{outcome="executed"}')]
    assert counts and int(float(counts[0].split()[-1])) >= 1, reply.text[:500]
    assert 'hb_requests{http_route="/graphql"' in reply.text


# --------------------------------------------------------------------------- request ids

@pytest.mark.parametrize("method,path,kwargs", [
    ("POST", "/graphql", {"content": json.dumps({"query": SIMPLE}), "headers": {"content-type": JSON}}),
    ("POST", "/graphql", {"content": "{bad", "headers": {"content-type": JSON}}),
    ("POST", "/graphql", {"content": "x", "headers": {"content-type": "text/plain"}}),
    ("GET", "/graphql", {"params": {"query": SIMPLE}}),
    ("GET", "/health", {}),
    ("GET", "/ready", {}),
    ("GET", "/nope", {}),
], ids=["post", "malformed", "415", "get", "health", "ready", "404"])
def test_every_response_has_a_request_id(gw, method, path, kwargs):
    reply = gw.request(method, path, **kwargs)
    generated = reply.headers.get("x-request-id")
    assert generated and generated.strip(), f"no x-request-id on {method} {path}: {dict(reply.headers)}"
    mine = "e2e-" + uuid.uuid4().hex
    headers = dict(kwargs.get("headers", {}), **{"x-request-id": mine})
    echoed = gw.request(method, path, **dict(kwargs, headers=headers))
    assert echoed.headers.get("x-request-id") == mine, f"incoming x-request-id not echoed: {dict(echoed.headers)}"


def test_generated_request_ids_differ(gw):
    ids = {gw.request("GET", "/health").headers.get("x-request-id") for _ in range(5)}
    assert len(ids) == 5, ids


# --------------------------------------------------------------------------- CORS (default: *)

def test_cors_preflight_with_the_default_origins(gw):
    reply = gw.request("OPTIONS", "/graphql", headers={
        "origin": "http://app.example.test", "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization"})
    assert 200 <= reply.status < 300, reply
    allowed = reply.headers.get("access-control-allow-origin")
    assert allowed in ("*", "http://app.example.test"), dict(reply.headers)


def test_cors_on_the_actual_request(gw):
    reply = gw.post(SIMPLE, headers={"origin": "http://app.example.test"})
    assert reply.status == 200
    assert reply.headers.get("access-control-allow-origin") in ("*", "http://app.example.test"), dict(reply.headers)
