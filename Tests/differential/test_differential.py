"""Differential tests: the `marquee` CLI against graphql-core 3.3.2 (oracle.py).

    python3 -m pytest Tests/differential -q
    MARQUEE_BIN=Tests/differential/fake_cli.py python3 -m pytest Tests/differential -q

Environment (README.md): MARQUEE_BIN, MARQUEE_DIFF_SEEDS, MARQUEE_DIFF_GEN_REQUESTS,
MARQUEE_DIFF_REQUIRE_BIN, MARQUEE_DIFF_TIMEOUT.
"""

from __future__ import annotations

import os

import pytest
from graphql import parse, specified_rules, validate

import generate
import harness

CASE_SUITES = harness.load_case_suites()
SEEDS = generate.seeds_from_env()
GENERATED_SUITES = [generate.generate_suite(seed) for seed in SEEDS]
GROUPS = harness.group_suites(CASE_SUITES + GENERATED_SUITES)

EXEC_ITEMS = [(g.key, i) for g in GROUPS.values() for i in range(len(g.requests))]
EXEC_IDS = [GROUPS[k].requests[i].test_id for k, i in EXEC_ITEMS]


def _schemas() -> list[tuple[str, str]]:
    seen: set[str] = set()
    out = []
    for name, sdl in harness.load_print_schemas() + [
        (f"suite/{s.name}", s.schema) for s in CASE_SUITES + GENERATED_SUITES
    ]:
        if sdl not in seen:
            seen.add(sdl)
            out.append((name, sdl))
    return out


SCHEMAS = _schemas()
SCHEMA_IDS = [name for name, _ in SCHEMAS]

RULES = {rule.__name__: rule for rule in specified_rules}

# The validation rules the hand-written cases must cover (graphql-js specifiedRules),
# each with at least two invalid documents and one valid one.
REQUIRED_RULES = [
    "ExecutableDefinitionsRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule",
    "SingleFieldSubscriptionsRule", "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule",
    "VariablesAreInputTypesRule", "ScalarLeafsRule", "FieldsOnCorrectTypeRule",
    "UniqueFragmentNamesRule", "KnownFragmentNamesRule", "NoUnusedFragmentsRule",
    "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule", "UniqueVariableNamesRule",
    "NoUndefinedVariablesRule", "NoUnusedVariablesRule", "KnownDirectivesRule",
    "UniqueDirectivesPerLocationRule", "KnownArgumentNamesRule", "UniqueArgumentNamesRule",
    "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule",
    "VariablesInAllowedPositionRule", "OverlappingFieldsCanBeMergedRule",
    "UniqueInputFieldNamesRule", "KnownOperationTypesRule", "MaxIntrospectionDepthRule",
]


@pytest.fixture(scope="session")
def runner(tmp_path_factory):
    available, why = harness.bin_available()
    if not available:
        if os.environ.get("MARQUEE_DIFF_REQUIRE_BIN"):
            pytest.fail(why)
        pytest.skip(why)
    return harness.Runner(tmp_path_factory.mktemp("marquee-diff"))


@pytest.fixture(scope="session")
def oracle_runner(tmp_path_factory):
    """For the oracle-only checks: never starts the CLI."""
    return harness.Runner(tmp_path_factory.mktemp("oracle-only"))


# ---------------------------------------------------------------- CLI vs oracle


@pytest.mark.parametrize("item", EXEC_ITEMS, ids=EXEC_IDS)
def test_exec(runner, item):
    key, index = item
    failure = runner.check_request(GROUPS[key], index)
    if failure:
        pytest.fail(failure, pytrace=False)


@pytest.mark.parametrize("schema", SCHEMAS, ids=SCHEMA_IDS)
def test_schema_print(runner, schema):
    failure = runner.check_print(*schema)
    if failure:
        pytest.fail(failure, pytrace=False)


@pytest.mark.parametrize("schema", SCHEMAS, ids=SCHEMA_IDS)
def test_schema_introspect(runner, schema):
    failure = runner.check_introspection(*schema)
    if failure:
        pytest.fail(failure, pytrace=False)


# ------------------------------------------------- the cases themselves (oracle only)

CASE_ITEMS = [
    (g.key, i) for g in GROUPS.values() for i, r in enumerate(g.requests)
    if not r.suite.startswith("gen/")
]
CASE_IDS = [GROUPS[k].requests[i].test_id for k, i in CASE_ITEMS]


@pytest.mark.parametrize("item", CASE_ITEMS, ids=CASE_IDS)
def test_case_means_what_it_says(oracle_runner, item):
    """Each hand-written request states what graphql-core does with it (`expect`),
    and the validation rule it is about (`rule`); both are checked here so that
    a case cannot silently stop testing what it was written for."""
    key, index = item
    group = GROUPS[key]
    request = group.requests[index]
    assert request.expect in harness.KINDS, (
        f"{request.source}: `expect` must be one of {harness.KINDS}, got {request.expect!r}"
    )
    response, kind = oracle_runner.oracle_result(group, request)
    assert kind == request.expect, (
        f"{request.source} ({request.name}): expected {request.expect}, "
        f"graphql-core gives {kind}: {response}"
    )
    if request.rule:
        assert request.rule in RULES, f"{request.source}: unknown rule {request.rule}"
        document = parse(request.query)
        errors = validate(oracle_runner.oracle(group).schema, document, [RULES[request.rule]])
        reports = request.rule_reports
        if reports is None:
            reports = request.expect == "validation"
        if reports:
            assert errors, f"{request.source}: {request.rule} reports nothing for this document"
        else:
            assert not errors, f"{request.source}: {request.rule} reports {errors}"


def test_rule_coverage():
    invalid = {name: 0 for name in REQUIRED_RULES}
    valid = {name: 0 for name in REQUIRED_RULES}
    for suite in CASE_SUITES:
        for request in suite.requests:
            if request.rule in invalid:
                reports = request.rule_reports
                if reports is None:
                    reports = request.expect == "validation"
                if reports:
                    invalid[request.rule] += 1
                else:
                    valid[request.rule] += 1
    missing = [n for n in REQUIRED_RULES if invalid[n] < 2 or valid[n] < 1]
    assert not missing, (
        "rules without 2 invalid and 1 valid tagged cases: "
        + ", ".join(f"{n} ({invalid[n]} invalid, {valid[n]} valid)" for n in missing)
    )


def test_generator_is_deterministic():
    first = generate.generate_suite(12345, 40)
    second = generate.generate_suite(12345, 40)
    assert first.schema == second.schema
    assert first.root_text == second.root_text
    assert [r.line() for r in first.requests] == [r.line() for r in second.requests]
    other = generate.generate_suite(54321, 40)
    assert other.schema != first.schema


def test_generated_requests_are_varied(oracle_runner):
    """The generator must produce valid, invalid and partially failing requests."""
    kinds: dict[str, int] = {}
    for group in GROUPS.values():
        for request in group.requests:
            if request.suite.startswith("gen/"):
                _, kind = oracle_runner.oracle_result(group, request)
                kinds[kind] = kinds.get(kind, 0) + 1
    if not SEEDS:
        pytest.skip("no generator seeds selected")
    for kind in ("ok", "validation", "execution"):
        assert kinds.get(kind, 0) > 0, f"generator produced no {kind} requests: {kinds}"
