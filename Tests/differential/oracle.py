"""The reference side of the differential tests: graphql-core 3.3.2 driven with
exactly the semantics of the `marquee` CLI contract (see README.md).

    Oracle(sdl, root).run_line(line)   -> (response dict, kind)
    Oracle(sdl, root).run(request)     -> (response dict, kind)
    print_schema_sdl(sdl)              -> str
    introspect_sdl(sdl)                -> dict (the introspection data object)

`kind` says what produced the response and so how it is compared:
    "ok"          no errors
    "bad-line"    the line is not a request (not JSON, not an object, no query...)
    "syntax"      the query does not parse
    "validation"  the document fails validation
    "request"     a request error at execution start (operation selection,
                  variable coercion): no "data" key
    "execution"   field errors during execution ("data" present)

One adjustment makes graphql-core speak like graphql-js (README.md, "Accepted
deviations"): values inside error messages are rendered with graphql-js'
`inspect` (`"abc"`, `true`, `null`, `{ a: 1 }`) instead of Python's repr. Names
stay single-quoted here; the comparison (harness.py) treats ' and " alike.
"""

from __future__ import annotations

import json
import math
import sys
from decimal import Decimal
from typing import Any

import graphql
from graphql import (
    GraphQLError,
    GraphQLScalarType,
    build_schema,
    get_introspection_query,
    parse,
    print_schema,
    validate,
)
from graphql.execution.incremental.incremental_executor import IncrementalExecutor
from graphql.pyutils import Undefined
from graphql.pyutils import inspect as _core_inspect
from graphql.utilities import value_from_ast_untyped

GRAPHQL_CORE_VERSION = "3.3.2"


# --------------------------------------------------------------------------
# graphql-js style `inspect` for values in error messages
# --------------------------------------------------------------------------

_MAX_ARRAY_LENGTH = 10
_MAX_RECURSIVE_DEPTH = 2


def js_number(value: float) -> str:
    """ECMAScript Number::toString for a Python float or int."""
    if isinstance(value, int):
        # JS numbers are doubles: past 2^53 they print as the nearest double does
        return str(value) if abs(value) <= 2**53 else js_number(float(value))
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    # shortest round-trip digits (what JS uses too), as value = digits * 10^exp
    decimal = Decimal(repr(abs(value))).normalize()
    _, digit_tuple, exp = decimal.as_tuple()
    digits = "".join(map(str, digit_tuple))
    k = len(digits)
    n = k + exp
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        out = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


def js_inspect(value: Any, seen: tuple = ()) -> str:
    """graphql-js `inspect()` (src/jsutils/inspect.ts) over JSON-like Python values."""
    if value is None:
        return "null"
    if value is Undefined:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        if any(value is s for s in seen):
            return "[Circular]"
        if not value:
            return "[]"
        if len(seen) >= _MAX_RECURSIVE_DEPTH:
            return "[Array]"
        seen = (*seen, value)
        items = [js_inspect(v, seen) for v in value[:_MAX_ARRAY_LENGTH]]
        remaining = len(value) - _MAX_ARRAY_LENGTH
        if remaining == 1:
            items.append("... 1 more item")
        elif remaining > 1:
            items.append(f"... {remaining} more items")
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        if any(value is s for s in seen):
            return "[Circular]"
        if not value:
            return "{}"
        if len(seen) >= _MAX_RECURSIVE_DEPTH:
            return "[Object]"
        seen = (*seen, value)
        return "{ " + ", ".join(f"{k}: {js_inspect(v, seen)}" for k, v in value.items()) + " }"
    if isinstance(value, (graphql.GraphQLNamedType, graphql.GraphQLWrappingType)):
        return str(value)  # graphql-js: types have toJSON() -> their name
    return _core_inspect(value)


def _install_js_inspect() -> None:
    """Rebind `inspect` in every graphql-core module that imported it."""
    for name, module in list(sys.modules.items()):
        if (name == "graphql" or name.startswith("graphql.")) and getattr(
            module, "inspect", None
        ) is _core_inspect:
            setattr(module, "inspect", js_inspect)


_install_js_inspect()


# --------------------------------------------------------------------------
# the contract's runtime semantics
# --------------------------------------------------------------------------


def default_field_resolver(source: Any, info: Any, **_args: Any) -> Any:
    """`parent[fieldName]` (the field name, not the alias); arguments unused."""
    if isinstance(source, dict):
        return source.get(info.field_name)
    return None


def typename_resolver(value: Any, _info: Any, _abstract_type: Any) -> Any:
    """Interfaces and unions: the concrete type is named by `__typename`."""
    if isinstance(value, dict):
        name = value.get("__typename")
        if isinstance(name, str):
            return name
    return None


def _identity(value: Any) -> Any:
    return value


def _literal(node: Any, variables: Any = None) -> Any:
    return value_from_ast_untyped(node, variables)


def build(sdl: str) -> graphql.GraphQLSchema:
    """build_schema with every custom scalar passing JSON values through."""
    schema = build_schema(sdl)
    for named in schema.type_map.values():
        if isinstance(named, GraphQLScalarType) and not graphql.is_specified_scalar_type(named):
            named.serialize = _identity
            named.parse_value = _identity
            named.parse_literal = _literal
            named.coerce_output_value = _identity
            named.coerce_input_value = _identity
            named.coerce_input_literal = None  # falls back to parse_literal
            named.value_to_literal = None
    return schema


class _RecordingExecutor(IncrementalExecutor):
    """Remembers whether building the executor failed (a request error)."""

    last_build_failed = False

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        result = super().build(*args, **kwargs)
        _RecordingExecutor.last_build_failed = isinstance(result, list)
        return result


def _error(message: str) -> dict:
    return {"errors": [{"message": message}]}


class Oracle:
    def __init__(self, sdl: str, root: Any = None) -> None:
        self.schema = build(sdl)
        self.root = root

    def run_line(self, line: str) -> tuple[dict, str]:
        try:
            request = json.loads(line)
        except ValueError:
            return _error("Request line is not valid JSON."), "bad-line"
        return self.run(request)

    def run(self, request: Any) -> tuple[dict, str]:
        if not isinstance(request, dict):
            return _error("Request must be a JSON object."), "bad-line"
        query = request.get("query")
        if not isinstance(query, str):
            return _error("Request must contain a string 'query'."), "bad-line"
        variables = request.get("variables")
        if variables is not None and not isinstance(variables, dict):
            return _error("Request 'variables' must be an object or null."), "bad-line"
        operation_name = request.get("operationName")
        if operation_name is not None and not isinstance(operation_name, str):
            return _error("Request 'operationName' must be a string or null."), "bad-line"

        try:
            document = parse(query)
        except GraphQLError as error:
            return {"errors": [error.formatted]}, "syntax"

        errors = validate(self.schema, document)
        if errors:
            return {"errors": [e.formatted for e in errors]}, "validation"

        _RecordingExecutor.last_build_failed = False
        result = graphql.execute_sync(
            self.schema,
            document,
            root_value=self.root,
            variable_values=variables,
            operation_name=operation_name,
            field_resolver=default_field_resolver,
            type_resolver=typename_resolver,
            executor_class=_RecordingExecutor,
        )
        if _RecordingExecutor.last_build_failed:
            return {"errors": [e.formatted for e in result.errors or []]}, "request"
        response: dict = {"data": result.data}
        if result.errors:
            response["errors"] = [e.formatted for e in result.errors]
            return response, "execution"
        return response, "ok"


# --------------------------------------------------------------------------
# schema printing and introspection
# --------------------------------------------------------------------------


def introspection_query() -> str:
    """The full introspection query with every option graphql-core 3.3.2 has
    (except the experimental directive deprecation)."""
    return get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
        one_of=True,
    )


def print_schema_sdl(sdl: str) -> str:
    return print_schema(build(sdl))


def introspect_sdl(sdl: str) -> dict:
    schema = build(sdl)
    result = graphql.graphql_sync(schema, introspection_query())
    if result.errors:
        raise RuntimeError(f"introspection failed: {result.errors}")
    return without_experimental_locations(result.data)


# graphql-core 3.3 adds two directive locations that are not in the GraphQL
# specification (fragment variables and directives on directive definitions).
# Marquee follows the specification; see README.md, "Accepted deviations".
EXPERIMENTAL_LOCATIONS = {"FRAGMENT_VARIABLE_DEFINITION", "DIRECTIVE_DEFINITION"}


def drop_experimental_locations(value):
    """The same for any response of an introspection request: drops the two
    location names from lists, and `__EnumValue` objects named like them."""
    enum_value_keys = {"name", "description", "isDeprecated", "deprecationReason", "__typename"}

    def experimental(item) -> bool:
        if isinstance(item, str):
            return item in EXPERIMENTAL_LOCATIONS
        return (isinstance(item, dict) and item.get("name") in EXPERIMENTAL_LOCATIONS
                and set(item) <= enum_value_keys)

    if isinstance(value, list):
        return [drop_experimental_locations(v) for v in value if not experimental(v)]
    if isinstance(value, dict):
        return {k: drop_experimental_locations(v) for k, v in value.items()}
    return value


def without_experimental_locations(data: dict) -> dict:
    schema = data.get("__schema") or {}
    for type_ in schema.get("types") or []:
        if type_.get("name") == "__DirectiveLocation" and type_.get("enumValues"):
            type_["enumValues"] = [v for v in type_["enumValues"] if v["name"] not in EXPERIMENTAL_LOCATIONS]
    for directive in schema.get("directives") or []:
        directive["locations"] = [l for l in directive["locations"] if l not in EXPERIMENTAL_LOCATIONS]
    return data


def main(argv: list[str]) -> int:
    """Debug helper: python3 oracle.py SCHEMA [ROOT] < requests.jsonl"""
    with open(argv[1], encoding="utf-8") as f:
        sdl = f.read()
    root = None
    if len(argv) > 2:
        with open(argv[2], encoding="utf-8") as f:
            root = json.load(f)
    oracle = Oracle(sdl, root)
    for line in sys.stdin:
        response, kind = oracle.run_line(line)
        print(kind, json.dumps(response, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
