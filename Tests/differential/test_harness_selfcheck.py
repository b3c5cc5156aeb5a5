"""Tests of the harness itself, whatever MARQUEE_BIN is: fake_cli.py (graphql-core on
both sides) must agree with the oracle, and each deliberate breakage of it
(FAKE_CLI_BREAK) must be caught by the comparison."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import harness

FAKE = Path(__file__).resolve().parent / "fake_cli.py"

pytestmark = pytest.mark.skipif(
    os.environ.get("MARQUEE_DIFF_SELFCHECK", "1") == "0",
    reason="MARQUEE_DIFF_SELFCHECK=0",
)

SCHEMA = """
interface Named { name: String }
type Person implements Named { name: String age: Int friend: Person required: Int! }
type Query { me: Person people: [Person] named: Named count: Int tooBig: Int }
"""
ROOT = """{"me": {"name": "Ann", "age": 3, "friend": {"name": "Bob", "age": 4, "required": null}, "required": 1},
 "people": [{"name": "A", "required": null}, {"name": "B", "required": null}],
 "named": {"__typename": "Person", "name": "Cy"}, "count": 7, "tooBig": 2147483648}"""
QUERIES = [
    ("data", "{ me { name age friend { name } } count named { __typename name } }"),
    ("execution errors", "{ people { name required } tooBig me { friend { required } } }"),
    ("validation errors", "{ me { nope } count { x } unknown }"),
    ("syntax error", "{ me { name }"),
    ("request error", "query A { count } query B { count }"),
    ("data again", "{ me { age name } }"),
]


def _suite() -> harness.Suite:
    requests = [
        harness.Request("selfcheck", i, name, query, source="test_harness_selfcheck.py")
        for i, (name, query) in enumerate(QUERIES)
    ]
    requests.append(harness.Request("selfcheck", len(requests), "bad line", None, raw="nope"))
    return harness.Suite("selfcheck", SCHEMA, ROOT, requests)


def _failures(tmp_path: Path, breakage: str | None) -> dict[str, list[str]]:
    env = dict(os.environ)
    env.pop("FAKE_CLI_BREAK", None)
    if breakage:
        env["FAKE_CLI_BREAK"] = breakage
    runner = harness.Runner(tmp_path, binary=FAKE, env=env)
    group = list(harness.group_suites([_suite()]).values())[0]
    out: dict[str, list[str]] = {"exec": [], "print": [], "introspect": []}
    for i, request in enumerate(group.requests):
        failure = runner.check_request(group, i)
        if failure:
            out["exec"].append(request.name)
    if breakage in (None, "print", "introspect"):
        if runner.check_print("selfcheck", SCHEMA):
            out["print"].append("print")
        if runner.check_introspection("selfcheck", SCHEMA):
            out["introspect"].append("introspect")
    return out


def test_fake_agrees_with_oracle(tmp_path):
    assert _failures(tmp_path, None) == {"exec": [], "print": [], "introspect": []}


@pytest.mark.parametrize(
    "breakage, where, expected",
    [
        ("drop-field", "exec", {"data", "execution errors", "data again"}),
        ("reorder", "exec", {"data", "execution errors", "data again"}),
        ("wrong-value", "exec", {"data", "data again"}),
        ("message", "exec", {"execution errors", "validation errors", "syntax error", "request error"}),
        ("location", "exec", {"execution errors", "validation errors", "syntax error"}),
        ("path", "exec", {"execution errors"}),
        # execution errors are compared sorted, so only ordered kinds notice
        ("error-order", "exec", {"validation errors"}),
        ("data-key", "exec", {"request error"}),
        ("crash", "exec", None),
        ("print", "print", {"print"}),
        ("introspect", "introspect", {"introspect"}),
    ],
)
def test_breakage_is_caught(tmp_path, breakage, where, expected):
    failures = _failures(tmp_path, breakage)
    caught = set(failures[where])
    if expected is None:
        assert caught, f"{breakage}: nothing caught"
    else:
        assert caught == expected, f"{breakage}: caught {sorted(caught)}, expected {sorted(expected)}"


def test_failure_message_shows_request_and_both_outputs(tmp_path):
    env = {**os.environ, "FAKE_CLI_BREAK": "drop-field"}
    runner = harness.Runner(tmp_path, binary=FAKE, env=env)
    group = list(harness.group_suites([_suite()]).values())[0]
    message = runner.check_request(group, 0)
    assert message is not None
    for needle in ("MISMATCH", "differences:", "request line:", "query (line numbers", "ours:", "oracle:"):
        assert needle in message, message
