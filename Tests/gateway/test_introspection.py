"""Introspection round trip: the schema the gateway describes is schema.graphql.

graphql-core's full introspection query (descriptions, specifiedByURL, isRepeatable, the
schema's description, deprecated input values, isOneOf) goes to the gateway;
`build_client_schema` turns the answer into a schema and `print_schema` prints it. That SDL
must equal `print_schema(build_schema(schema.graphql))`.

What is compared: every type, field, argument, default value, enum value, interface,
union member, description, `@specifiedBy` URL and the schema description. `print_schema`
leaves out the built-in directives; a separate test checks that introspection lists them.
What is not: the custom `@auth` directive. Its *uses* on fields are never in
introspection, and whether its *definition* is listed in `__schema.directives` is the
gateway's choice, so the definition is removed from both sides before printing.
"""
from __future__ import annotations

import difflib

from graphql import (GraphQLSchema, build_client_schema, build_schema, get_introspection_query, print_schema,
                     specified_directives)

from gatewaykit import SCHEMA_PATH

CUSTOM_DIRECTIVES = {"auth"}


def without_custom_directives(schema: GraphQLSchema) -> GraphQLSchema:
    kwargs = schema.to_kwargs()
    kwargs["directives"] = tuple(d for d in schema.directives if d.name not in CUSTOM_DIRECTIVES)
    return GraphQLSchema(**kwargs)


def full_introspection_query() -> str:
    return get_introspection_query(descriptions=True, specified_by_url=True, directive_is_repeatable=True,
                                   schema_description=True, input_value_deprecation=True, one_of=True)


def test_introspection_round_trip_prints_schema_graphql(gw):
    reply = gw.post(full_introspection_query())
    assert reply.status == 200 and not reply.errors, reply
    served = without_custom_directives(build_client_schema(reply.data))
    expected = without_custom_directives(build_schema(SCHEMA_PATH.read_text()))
    got_sdl, want_sdl = print_schema(served), print_schema(expected)
    if got_sdl != want_sdl:
        diff = "\n".join(difflib.unified_diff(want_sdl.splitlines(), got_sdl.splitlines(),
                                              "schema.graphql", "introspection", lineterm=""))
        raise AssertionError(f"the gateway's introspection differs from schema.graphql:\n{diff[:12000]}")


def test_introspection_lists_the_built_in_directives(gw):
    names = {d["name"] for d in gw.ok("{ __schema { directives { name } } }")["__schema"]["directives"]}
    assert {d.name for d in specified_directives} - {"oneOf"} <= names, names
    assert names - {d.name for d in specified_directives} <= CUSTOM_DIRECTIVES, (
        f"unknown directives in introspection: {names}")


def test_introspection_over_get(gw):
    reply = gw.get("{ __type(name: \"Money\") { kind fields { name } } }")
    assert reply.status == 200 and not reply.errors, reply
    assert [f["name"] for f in reply.data["__type"]["fields"]] == ["amountMinor", "currency", "formatted"]
