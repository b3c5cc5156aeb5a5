"""Plumbing of the differential tests: loading the case files, running the CLI
(one process per schema+root, every request of that pair piped as JSON lines),
and comparing its answers with the oracle's. The rules are written down in
README.md; this module is their implementation.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
CASES_DIR = HERE / "cases"
DEFAULT_BIN = REPO_ROOT / ".build" / "debug" / "marquee"

# A CLI process gets this long for all the lines it is sent.
PROCESS_TIMEOUT = float(os.environ.get("MARQUEE_DIFF_TIMEOUT", "120"))
# After a crash the remaining lines are sent to a fresh process, at most this often
# per schema+root group.
MAX_RESTARTS = 8

KINDS = ("ok", "bad-line", "syntax", "validation", "request", "execution")


# --------------------------------------------------------------------------
# the binary under test
# --------------------------------------------------------------------------


def marquee_bin() -> Path:
    value = os.environ.get("MARQUEE_BIN")
    if not value:
        return DEFAULT_BIN
    path = Path(value)
    if not path.is_absolute():
        for base in (Path.cwd(), REPO_ROOT):
            if (base / path).exists():
                return (base / path).resolve()
        return (REPO_ROOT / path).resolve()
    return path


def bin_available() -> tuple[bool, str]:
    path = marquee_bin()
    if not path.exists():
        return False, (
            f"CLI not found at {path}: build it (swift build) or set MARQUEE_BIN "
            "(e.g. MARQUEE_BIN=Tests/differential/fake_cli.py)"
        )
    if not os.access(path, os.X_OK):
        return False, f"CLI at {path} is not executable"
    return True, ""


# --------------------------------------------------------------------------
# case files
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Request:
    suite: str
    index: int  # position in its suite
    name: str
    query: str | None
    variables: Any = None
    operation_name: Any = None
    raw: str | None = None  # exact line to send instead of a built request
    expect: str | None = None  # the oracle's kind this case is meant to produce
    rule: str | None = None  # validation rule this case exercises
    rule_reports: bool | None = None  # does `rule` report errors? (default: expect == validation)
    deviation: str | None = None  # a documented deviation: our expected message prefix instead of the oracle's answer
    source: str = ""  # file:line, for messages

    def line(self) -> str:
        if self.raw is not None:
            return self.raw
        payload = {
            "query": self.query,
            "variables": self.variables,
            "operationName": self.operation_name,
        }
        try:
            return json.dumps(payload, ensure_ascii=False)
        except UnicodeEncodeError:  # pragma: no cover - lone surrogates
            return json.dumps(payload)

    @property
    def test_id(self) -> str:
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", self.name).strip("-")[:60]
        return f"{self.suite}#{self.index:03d}-{slug}"


@dataclasses.dataclass
class Suite:
    name: str
    schema: str  # SDL text
    root_text: str | None  # the root JSON text, or None for "no --root"
    requests: list[Request]
    origin: str = ""  # where the suite came from (dir or generator seed)

    @property
    def root(self) -> Any:
        return None if self.root_text is None else json.loads(self.root_text)


_HEADER = re.compile(r"^### ?(.*)$")
_OPTIONS = re.compile(r"^#!\s?(.*)$")
_KNOWN_KEYS = {"variables", "operationName", "query", "raw", "expect", "rule", "rule_reports", "deviation"}


def parse_requests_file(path: Path, suite: str, defaults: dict) -> list[Request]:
    """Parse the `requests.graphql` format (README.md, "Case files")."""
    text = path.read_text(encoding="utf-8")
    requests: list[Request] = []
    current: dict | None = None
    body: list[str] = []
    in_options = False

    def finish() -> None:
        if current is None:
            return
        options = {**defaults, **current["options"]}
        unknown = set(options) - _KNOWN_KEYS
        if unknown:
            raise ValueError(f"{current['source']}: unknown option(s) {sorted(unknown)}")
        query = options.get("query")
        if query is None:
            query = "\n".join(body).strip("\n")
        requests.append(
            Request(
                suite=suite,
                index=len(requests),
                name=current["name"],
                query=query,
                variables=options.get("variables"),
                operation_name=options.get("operationName"),
                raw=options.get("raw"),
                expect=options.get("expect"),
                rule=options.get("rule"),
                rule_reports=options.get("rule_reports"),
                deviation=options.get("deviation"),
                source=current["source"],
            )
        )

    for number, line in enumerate(text.split("\n"), start=1):
        header = _HEADER.match(line)
        if header:
            finish()
            current = {
                "name": header.group(1).strip() or f"request-{len(requests)}",
                "options": {},
                "source": f"{path.relative_to(HERE)}:{number}",
            }
            body = []
            in_options = True
            continue
        if current is None:
            continue  # preamble comments
        option = _OPTIONS.match(line) if in_options else None
        if option:
            try:
                value = json.loads(option.group(1))
            except ValueError as error:
                raise ValueError(f"{path}:{number}: bad #! JSON: {error}") from None
            if not isinstance(value, dict):
                raise ValueError(f"{path}:{number}: #! needs a JSON object")
            current["options"].update(value)
            continue
        in_options = False
        body.append(line)
    finish()
    return requests


def load_suite(directory: Path) -> Suite:
    config: dict = {}
    config_path = directory / "suite.json"
    if config_path.exists():
        config = json.loads(config_path.read_text(encoding="utf-8"))
    schema_path = directory / config.get("schema", "schema.graphql")
    schema = schema_path.read_text(encoding="utf-8")
    root_text: str | None
    if "root" in config and config["root"] is None:
        root_text = None
    else:
        root_path = directory / config.get("root", "root.json")
        root_text = root_path.read_text(encoding="utf-8") if root_path.exists() else "{}"
    name = str(directory.relative_to(CASES_DIR))
    requests = parse_requests_file(
        directory / "requests.graphql", name, config.get("defaults", {})
    )
    return Suite(name, schema, root_text, requests, origin=str(directory.relative_to(HERE)))


def load_case_suites() -> list[Suite]:
    suites = []
    for requests_file in sorted(CASES_DIR.rglob("requests.graphql")):
        suites.append(load_suite(requests_file.parent))
    return suites


def load_print_schemas() -> list[tuple[str, str]]:
    """(name, SDL) of the schemas whose printing and introspection are compared:
    every file in cases/print/ plus every suite's schema, and Marquee's public
    API (`schema.graphql` at the repository root)."""
    out = []
    for path in sorted((CASES_DIR / "print").glob("*.graphql")):
        out.append((f"print/{path.stem}", path.read_text(encoding="utf-8")))
    public = CASES_DIR.parent.parent.parent / "schema.graphql"
    if public.exists():
        out.append(("public-api/schema.graphql", public.read_text(encoding="utf-8")))
    return out


# --------------------------------------------------------------------------
# running the CLI
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Answer:
    """What the CLI said for one request line."""

    text: str | None  # the output line, or None when there was none
    problem: str = ""  # why there is no line (crash, timeout...)


def _tail(data: bytes | str | None, limit: int = 2000) -> str:
    if not data:
        return ""
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    return data[-limit:]


def run_process(args: list[str], stdin: str | None, timeout: float = PROCESS_TIMEOUT,
                binary: Path | None = None, env: dict | None = None):
    """Run the CLI; returns (stdout text, stderr text, exit code or None on timeout)."""
    try:
        completed = subprocess.run(
            [str(binary or marquee_bin()), *args],
            input=(stdin or "").encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            cwd=str(REPO_ROOT),
            env=env,
        )
    except subprocess.TimeoutExpired as error:
        return (
            (error.stdout or b"").decode("utf-8", "replace"),
            _tail(error.stderr),
            None,
        )
    return (
        completed.stdout.decode("utf-8", "replace"),
        _tail(completed.stderr),
        completed.returncode,
    )


def run_exec(schema_path: Path, root_path: Path | None, lines: list[str],
             binary: Path | None = None, env: dict | None = None) -> list[Answer]:
    """One `graphql exec` process for all `lines`; after a crash, a fresh process
    for the lines after the one that was being served."""
    args = ["graphql", "exec", "--schema", str(schema_path)]
    if root_path is not None:
        args += ["--root", str(root_path)]
    answers: list[Answer] = []
    start, restarts = 0, 0
    while start < len(lines):
        pending = lines[start:]
        stdout, stderr, code = run_process(
            args, "".join(l + "\n" for l in pending), binary=binary, env=env
        )
        outputs = stdout.split("\n")
        if outputs and outputs[-1] == "":
            outputs.pop()
        complete = len(outputs) >= len(pending)
        for text in outputs[: len(pending)]:
            answers.append(Answer(text))
        if complete:
            extra = outputs[len(pending):]
            if extra:
                answers[-1].problem = (
                    f"the CLI wrote {len(extra)} more line(s) than it was sent requests; "
                    f"first extra line: {extra[0][:500]!r}"
                )
            elif code != 0:
                answers[-1].problem = (
                    f"the CLI exited with code {code} after answering every line; "
                    f"stderr: {stderr!r}"
                )
            break
        how = "timed out" if code is None else f"exited with code {code}"
        answers.append(
            Answer(
                None,
                f"no output line: the CLI {how} after {len(outputs)} line(s) of this "
                f"process (this request, or an unflushed earlier one, is the suspect); "
                f"stderr: {stderr!r}",
            )
        )
        start = len(answers)
        restarts += 1
        if restarts > MAX_RESTARTS:
            for _ in lines[start:]:
                answers.append(Answer(None, "not run: too many CLI crashes in this group"))
            break
    return answers


def run_schema_command(command: str, schema_path: Path, binary: Path | None = None,
                       env: dict | None = None) -> tuple[str, str, int | None]:
    return run_process(["schema", command, "--schema", str(schema_path)], None,
                       binary=binary, env=env)


# --------------------------------------------------------------------------
# comparison
# --------------------------------------------------------------------------

# Message differences accepted between graphql-core and the engine (README.md,
# "Accepted deviations"). Applied to both sides before messages are compared.
MESSAGE_NORMALIZERS: list[tuple[str, re.Pattern, str]] = [
    (
        "quote style: graphql-core quotes names with ' where graphql-js uses \"",
        re.compile(r"'"),
        '"',
    ),
    (
        "graphql-core says None where graphql-js says null",
        re.compile(r"\bnot to be None\."),
        "not to be null.",
    ),
    (
        "graphql-core names its Python hooks resolve_type / is_type_of",
        re.compile(r'"resolve_type" function or each possible type should provide an "is_type_of" function'),
        '"resolveType" function or each possible type should provide an "isTypeOf" function',
    ),
]


def normalize_message(message: str) -> str:
    for _, pattern, replacement in MESSAGE_NORMALIZERS:
        message = pattern.sub(replacement, message)
    return message


def _fmt(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 300 else text[:300] + "…"


def _path_str(path: list) -> str:
    out = ""
    for key in path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top)"


def json_diff(ours: Any, theirs: Any, path: list | None = None) -> str | None:
    """First difference between two parsed JSON values, with object key order
    significant, bool distinct from numbers, int equal to float of same value."""
    path = path or []
    where = _path_str(path)
    if isinstance(theirs, dict):
        if not isinstance(ours, dict):
            return f"{where}: ours is {_fmt(ours)}, oracle has object {_fmt(theirs)}"
        ok, tk = list(ours), list(theirs)
        if ok != tk:
            if set(ok) == set(tk):
                return f"{where}: same keys in a different order: ours {ok}, oracle {tk}"
            missing = [k for k in tk if k not in ours]
            extra = [k for k in ok if k not in theirs]
            return f"{where}: keys differ: missing {missing}, unexpected {extra} (ours {ok}, oracle {tk})"
        for key in tk:
            found = json_diff(ours[key], theirs[key], [*path, key])
            if found:
                return found
        return None
    if isinstance(theirs, list):
        if not isinstance(ours, list):
            return f"{where}: ours is {_fmt(ours)}, oracle has list {_fmt(theirs)}"
        if len(ours) != len(theirs):
            return f"{where}: list length {len(ours)} vs oracle {len(theirs)}"
        for i, (a, b) in enumerate(zip(ours, theirs)):
            found = json_diff(a, b, [*path, i])
            if found:
                return found
        return None
    if isinstance(theirs, bool) or isinstance(ours, bool):
        if type(ours) is not type(theirs) or ours != theirs:
            return f"{where}: ours {_fmt(ours)}, oracle {_fmt(theirs)}"
        return None
    if isinstance(theirs, (int, float)):
        if not isinstance(ours, (int, float)) or ours != theirs:
            return f"{where}: ours {_fmt(ours)}, oracle {_fmt(theirs)}"
        return None
    if type(ours) is not type(theirs) or ours != theirs:
        return f"{where}: ours {_fmt(ours)}, oracle {_fmt(theirs)}"
    return None


def _error_sort_key(error: Any) -> tuple:
    if not isinstance(error, dict):
        return ((), (), "")
    path = tuple((0, k) if isinstance(k, int) else (1, str(k)) for k in error.get("path") or [])
    locations = tuple(
        (l.get("line", 0), l.get("column", 0)) if isinstance(l, dict) else (0, 0)
        for l in error.get("locations") or []
    )
    return (path, locations, normalize_message(str(error.get("message", ""))))


def compare_response(ours: Any, oracle: dict, kind: str) -> list[str]:
    """Differences between our response and the oracle's (empty: they agree)."""
    if not isinstance(ours, dict):
        return [f"response is not a JSON object: {_fmt(ours)}"]
    diffs: list[str] = []
    unexpected = set(ours) - {"data", "errors", "extensions"}
    if unexpected:
        diffs.append(f"unexpected top-level key(s) {sorted(unexpected)}")

    errors = ours.get("errors")
    if "errors" in ours:
        if not isinstance(errors, list) or not errors:
            diffs.append(f"'errors' must be a non-empty list, got {_fmt(errors)}")
            errors = None
        elif not all(isinstance(e, dict) and isinstance(e.get("message"), str) for e in errors):
            diffs.append("every error must be an object with a string 'message'")
            errors = None

    if kind == "bad-line":
        # The contract fixes no wording for lines that are not requests.
        if "data" in ours:
            diffs.append("a bad request line must get a response without 'data'")
        if "errors" not in ours:
            diffs.append("a bad request line must get an 'errors' response")
        return diffs

    if ("data" in ours) != ("data" in oracle):
        diffs.append(
            "'data' key " + ("present" if "data" in ours else "absent")
            + " but oracle has it " + ("present" if "data" in oracle else "absent")
            + (" (request errors have no data)" if "data" not in oracle else "")
        )
    elif "data" in oracle:
        found = json_diff(ours["data"], oracle["data"], ["data"])
        if found:
            diffs.append(found)

    theirs = oracle.get("errors")
    if ("errors" in ours) != ("errors" in oracle):
        diffs.append(
            "'errors' " + ("present" if "errors" in ours else "absent")
            + " but oracle has it " + ("present" if "errors" in oracle else "absent")
        )
        return diffs
    if errors is None or theirs is None:
        return diffs
    if len(errors) != len(theirs):
        diffs.append(f"{len(errors)} error(s), oracle has {len(theirs)}")
        return diffs
    if kind == "execution":
        # Field errors: the order across fields is not specified.
        errors = sorted(errors, key=_error_sort_key)
        theirs = sorted(theirs, key=_error_sort_key)
    error_diffs = _error_list_diffs(errors, theirs, " (sorted)" if kind == "execution" else "")
    if error_diffs and kind != "execution":
        if not _error_list_diffs(sorted(errors, key=_error_sort_key),
                                 sorted(theirs, key=_error_sort_key), ""):
            error_diffs.insert(0, (
                "the same errors in another order (graphql-core orders validation errors "
                "by one document traversal running specifiedRules in list order)"
            ))
    return diffs + error_diffs


def _error_list_diffs(errors: list, theirs: list, suffix: str) -> list[str]:
    diffs = []
    for i, (mine, ref) in enumerate(zip(errors, theirs)):
        label = f"errors[{i}]{suffix}"
        if normalize_message(mine["message"]) != normalize_message(ref["message"]):
            diffs.append(f"{label}.message: ours {mine['message']!r}, oracle {ref['message']!r}")
        for key in ("locations", "path"):
            if mine.get(key) != ref.get(key) or ((key in mine) != (key in ref)):
                diffs.append(
                    f"{label}.{key}: ours {_fmt(mine.get(key, '<absent>'))}, "
                    f"oracle {_fmt(ref.get(key, '<absent>'))}"
                )
    return diffs


def numbered(text: str) -> str:
    return "\n".join(f"  {i:3d} | {line}" for i, line in enumerate(text.split("\n"), 1))


def exec_failure_message(request: Request, line: str, ours_text: str | None, oracle: dict,
                         kind: str, diffs: list[str], problem: str = "") -> str:
    parts = [
        f"MISMATCH {request.test_id}  ({request.source})",
        f"case: {request.name}   oracle kind: {kind}",
        "differences:",
        *(f"  - {d}" for d in diffs),
    ]
    if problem:
        parts.append(f"CLI problem: {problem}")
    parts.append(f"request line: {line}")
    if request.raw is None and request.query is not None:
        parts.append("query (line numbers for locations):")
        parts.append(numbered(request.query))
        if request.variables is not None:
            parts.append(f"variables: {json.dumps(request.variables, ensure_ascii=False)}")
        if request.operation_name is not None:
            parts.append(f"operationName: {json.dumps(request.operation_name)}")
    parts.append(f"ours:   {ours_text if ours_text is not None else '<no output>'}")
    parts.append(f"oracle: {json.dumps(oracle, ensure_ascii=False)}")
    return "\n".join(parts)


def text_diff(ours: str, theirs: str, label: str) -> str:
    return "\n".join(
        difflib.unified_diff(
            theirs.split("\n"), ours.split("\n"),
            fromfile=f"{label} (oracle: graphql-core)", tofile=f"{label} (ours)", lineterm="",
        )
    )


def introspection_hints(ours: Any, theirs: Any) -> list[str]:
    """Extra context when two introspection results differ."""
    hints = []
    try:
        mine = [t["name"] for t in ours["__schema"]["types"]]
        ref = [t["name"] for t in theirs["__schema"]["types"]]
        if mine != ref:
            if sorted(mine) == sorted(ref):
                hints.append("same types in a different order")
            hints.append(f"missing types: {[n for n in ref if n not in mine]}")
            hints.append(f"unexpected types: {[n for n in mine if n not in ref]}")
            hints.append(f"oracle type order: {ref}")
            hints.append(f"our type order:    {mine}")
        mine_d = [d["name"] for d in ours["__schema"]["directives"]]
        ref_d = [d["name"] for d in theirs["__schema"]["directives"]]
        if mine_d != ref_d:
            hints.append(f"directives: ours {mine_d}, oracle {ref_d}")
    except (KeyError, TypeError):
        pass
    return hints


# --------------------------------------------------------------------------
# groups of requests sharing one CLI process, and the checks
# --------------------------------------------------------------------------


@dataclasses.dataclass
class Group:
    """Requests that share a schema and a root, and so one CLI process."""

    key: str
    schema: str
    root_text: str | None
    requests: list[Request]


def group_suites(suites: list[Suite]) -> dict[str, Group]:
    groups: dict[str, Group] = {}
    by_content: dict[tuple, Group] = {}
    for suite in suites:
        content = (suite.schema, suite.root_text)
        group = by_content.get(content)
        if group is None:
            key = f"g{len(groups):03d}-{suite.name.replace('/', '_')}"
            group = Group(key, suite.schema, suite.root_text, [])
            groups[key] = group
            by_content[content] = group
        group.requests.extend(suite.requests)
    return groups


class Runner:
    """Runs the CLI at most once per group (lazily) and the oracle per request."""

    def __init__(self, workdir: Path, binary: Path | None = None, env: dict | None = None):
        self.workdir = workdir
        self.binary = binary
        self.env = env
        self._answers: dict[str, list[Answer]] = {}
        self._oracles: dict[str, Any] = {}
        self._results: dict[tuple, tuple[dict, str]] = {}
        self._schema_files: dict[str, Path] = {}

    def schema_file(self, sdl: str) -> Path:
        path = self._schema_files.get(sdl)
        if path is None:
            path = self.workdir / f"schema{len(self._schema_files):03d}.graphql"
            path.write_text(sdl, encoding="utf-8")
            self._schema_files[sdl] = path
        return path

    def answers(self, group: Group) -> list[Answer]:
        if group.key not in self._answers:
            schema_path = self.schema_file(group.schema)
            root_path = None
            if group.root_text is not None:
                root_path = self.workdir / f"{group.key}.root.json"
                root_path.write_text(group.root_text, encoding="utf-8")
            lines = [r.line() for r in group.requests]
            self._answers[group.key] = run_exec(
                schema_path, root_path, lines, binary=self.binary, env=self.env
            )
        return self._answers[group.key]

    def oracle(self, group: Group):
        from oracle import Oracle

        if group.key not in self._oracles:
            root = None if group.root_text is None else json.loads(group.root_text)
            self._oracles[group.key] = Oracle(group.schema, root)
        return self._oracles[group.key]

    def oracle_result(self, group: Group, request: Request) -> tuple[dict, str]:
        key = (group.key, request.suite, request.index)
        if key not in self._results:
            self._results[key] = self.oracle(group).run_line(request.line())
        response, kind = self._results[key]
        from oracle import drop_experimental_locations
        return drop_experimental_locations(json.loads(json.dumps(response))), kind  # a private copy

    def check_request(self, group: Group, index: int) -> str | None:
        """None when the CLI and the oracle agree on request `index`, else a
        failure message."""
        request = group.requests[index]
        answer = self.answers(group)[index]
        expected, kind = self.oracle_result(group, request)
        line = request.line()
        if answer.text is None:
            return exec_failure_message(request, line, None, expected, kind,
                                        ["no response line"], answer.problem)
        try:
            ours = json.loads(answer.text)
        except ValueError as error:
            return exec_failure_message(request, line, answer.text, expected, kind,
                                        [f"output line is not JSON: {error}"], answer.problem)
        if request.deviation is not None:
            # A documented deviation (README): we answer with a request error whose
            # message starts with the given text, where the oracle differs.
            messages = [e.get("message", "") for e in ours.get("errors") or []]
            if "data" in ours or not messages or not messages[0].startswith(request.deviation):
                return exec_failure_message(request, line, answer.text, expected, kind,
                                            [f"expected a request error starting with {request.deviation!r} (documented deviation)"],
                                            answer.problem)
            return None
        diffs = compare_response(ours, expected, kind)
        if answer.problem:
            diffs.append(answer.problem)
        if diffs:
            return exec_failure_message(request, line, answer.text, expected, kind, diffs,
                                        answer.problem)
        return None

    def check_print(self, name: str, sdl: str) -> str | None:
        from oracle import print_schema_sdl

        expected = print_schema_sdl(sdl)
        stdout, stderr, code = run_schema_command("print", self.schema_file(sdl),
                                                  self.binary, self.env)
        if code != 0:
            return f"schema print of {name} exited with {code}; stderr: {stderr}"
        ours = stdout[:-1] if stdout.endswith("\n") else stdout
        if ours != expected:
            return (f"MISMATCH schema print {name}\n" + text_diff(ours, expected, name)
                    + f"\n--- schema source ---\n{sdl}")
        return None

    def check_introspection(self, name: str, sdl: str) -> str | None:
        from oracle import introspect_sdl

        expected = introspect_sdl(sdl)
        stdout, stderr, code = run_schema_command("introspect", self.schema_file(sdl),
                                                  self.binary, self.env)
        if code != 0:
            return f"schema introspect of {name} exited with {code}; stderr: {stderr}"
        try:
            ours = json.loads(stdout)
        except ValueError as error:
            return f"schema introspect of {name}: output is not JSON ({error}): {stdout[:500]!r}"
        if isinstance(ours, dict) and "data" in ours:
            if ours.get("errors"):
                return f"schema introspect of {name} reported errors: {_fmt(ours['errors'])}"
            ours = ours["data"]
        found = json_diff(ours, expected)
        if found:
            hints = introspection_hints(ours, expected)
            where = re.match(r"__schema\.types\[(\d+)\]", found)
            if where:
                index = int(where.group(1))
                names = [t.get("name") for t in expected["__schema"]["types"]]
                if index < len(names):
                    hints.insert(0, f"oracle's __schema.types[{index}] is {names[index]!r}")
            schema_path = self.schema_file(sdl)
            return "\n".join([
                f"MISMATCH schema introspect {name}",
                f"first difference: {found}",
                *hints,
                "reference output: Tests/differential/fake_cli.py schema introspect "
                f"--schema {schema_path}",
                f"--- schema source ---\n{sdl}",
            ])
        return None
