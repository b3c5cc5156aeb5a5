#!/usr/bin/env python3
"""A stand-in for the `marquee` CLI built on the oracle (graphql-core), used to
test the differential harness itself:

    MARQUEE_BIN=Tests/differential/fake_cli.py python3 -m pytest Tests/differential -q

implements the same contract as the real CLI (README.md):
    fake_cli.py graphql exec --schema SCHEMA.graphql [--root ROOT.json]   (JSON Lines)
    fake_cli.py schema print --schema SCHEMA.graphql
    fake_cli.py schema introspect --schema SCHEMA.graphql

FAKE_CLI_BREAK (unset by default) makes it deliberately wrong, to prove the
harness notices; a comma-separated list of:
    drop-field    drop the last key of every data object with 2+ keys
    reorder       reverse the key order of data objects
    message       change the first error's message
    location      shift every error location one column right
    path          drop every error's path
    error-order   reverse the order of errors
    data-key      add "data": null to request errors
    wrong-value   turn every string in data into upper case
    crash         exit abruptly on the 3rd request line
    print         drop the last line of the printed schema
    introspect    move the first type of the introspection result last
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from oracle import Oracle, introspect_sdl, print_schema_sdl  # noqa: E402

BREAK = {b.strip() for b in os.environ.get("FAKE_CLI_BREAK", "").split(",") if b.strip()}


def usage() -> int:
    print(
        "usage: fake_cli.py graphql exec --schema S [--root R] | "
        "schema print --schema S | schema introspect --schema S",
        file=sys.stderr,
    )
    return 64


def option(args: list[str], name: str) -> str | None:
    if name in args:
        i = args.index(name)
        if i + 1 < len(args):
            return args[i + 1]
    return None


def _map_objects(value, fn):
    if isinstance(value, dict):
        return fn({k: _map_objects(v, fn) for k, v in value.items()})
    if isinstance(value, list):
        return [_map_objects(v, fn) for v in value]
    if isinstance(value, str) and "wrong-value" in BREAK:
        return value.upper()
    return value


def sabotage(response: dict, kind: str) -> dict:
    if not BREAK:
        return response
    if response.get("data") is not None:
        data = response["data"]
        if "drop-field" in BREAK:
            data = _map_objects(data, lambda o: dict(list(o.items())[:-1]) if len(o) > 1 else o)
        if "reorder" in BREAK:
            data = _map_objects(data, lambda o: dict(reversed(list(o.items()))))
        if "wrong-value" in BREAK:
            data = _map_objects(data, lambda o: o)
        response["data"] = data
    errors = response.get("errors")
    if errors:
        if "message" in BREAK:
            errors[0]["message"] += " (fake)"
        if "location" in BREAK:
            for e in errors:
                for loc in e.get("locations", []):
                    loc["column"] += 1
        if "path" in BREAK:
            for e in errors:
                e.pop("path", None)
        if "error-order" in BREAK:
            errors.reverse()
        if "data-key" in BREAK and "data" not in response and kind == "request":
            response = {"data": None, **response}
    return response


def graphql_exec(args: list[str]) -> int:
    schema_path = option(args, "--schema")
    if not schema_path:
        return usage()
    sdl = Path(schema_path).read_text(encoding="utf-8")
    root = None
    root_path = option(args, "--root")
    if root_path:
        root = json.loads(Path(root_path).read_text(encoding="utf-8"))
    oracle = Oracle(sdl, root)
    count = 0
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", "replace").rstrip("\n").rstrip("\r")
        count += 1
        if "crash" in BREAK and count == 3:
            sys.stdout.flush()
            os._exit(3)
        response, kind = oracle.run_line(line)
        response = sabotage(response, kind)
        sys.stdout.write(json.dumps(response, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return 0


def schema_command(command: str, args: list[str]) -> int:
    schema_path = option(args, "--schema")
    if not schema_path:
        return usage()
    sdl = Path(schema_path).read_text(encoding="utf-8")
    if command == "print":
        text = print_schema_sdl(sdl)
        if "print" in BREAK:
            text = "\n".join(text.split("\n")[:-1])
        sys.stdout.write(text + "\n")
        return 0
    if command == "introspect":
        data = introspect_sdl(sdl)
        if "introspect" in BREAK:
            types = data["__schema"]["types"]
            types.append(types.pop(0))
        sys.stdout.write(json.dumps({"data": data}, ensure_ascii=False) + "\n")
        return 0
    return usage()


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "graphql" and argv[1] == "exec":
        return graphql_exec(argv[2:])
    if len(argv) >= 2 and argv[0] == "schema":
        return schema_command(argv[1], argv[2:])
    return usage()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
