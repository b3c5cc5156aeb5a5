"""Seeded random generator of differential cases: a schema (SDL), a root value
that matches it (with random nulls, some in non-null places, and the odd
wrong-typed value), and documents, most of them valid and some subtly invalid
(unknown field, wrong argument type, missing required argument, conflicting
aliases, unused or undefined variables, bad fragment spreads, ...), with
variables that are sometimes wrong too.

    python3 generate.py SEED [N]      # print the suite (schema, root, request lines)

Everything depends on the seed only: the same seed gives the same suite.
"""

from __future__ import annotations

import json
import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

DEFAULT_SEEDS = "1-6"
DEFAULT_REQUESTS = 80

BUILTIN_SCALARS = ["Int", "Float", "String", "Boolean", "ID"]
WORDS = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
    "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
    "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu",
    "title", "count", "price", "label", "owner", "items", "score", "venue", "city",
    "status", "kind", "rank", "total", "parent", "child", "note", "flag", "size",
]
TYPE_WORDS = [
    "Event", "Venue", "City", "Ticket", "Order", "User", "Seat", "Show", "Price",
    "Artist", "Stage", "Review", "Badge", "Tour", "Song", "Album", "Genre", "Promo",
]
STRINGS = ["", "a", "hello", "Grüße", "日本語", "emoji 🎭", "quote \" and \\ back",
           "line\nbreak", "tab\there", "x" * 30, "0", "null", "true"]


def seeds_from_env() -> list[int]:
    """MARQUEE_DIFF_SEEDS: '1-6' (default), '3', '1,5,9', '1-3,10', or '' for none."""
    spec = os.environ.get("MARQUEE_DIFF_SEEDS", DEFAULT_SEEDS).strip()
    seeds: list[int] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        if "-" in part[1:]:
            a, b = part.split("-", 1)
            seeds.extend(range(int(a), int(b) + 1))
        else:
            seeds.append(int(part))
    return seeds


def requests_from_env() -> int:
    return int(os.environ.get("MARQUEE_DIFF_GEN_REQUESTS", str(DEFAULT_REQUESTS)))


# --------------------------------------------------------------------------
# type references: ("named", name) | ("list", t) | ("nonnull", t)
# --------------------------------------------------------------------------


def named(name):
    return ("named", name)


def list_of(t):
    return ("list", t)


def non_null(t):
    return ("nonnull", t)


def type_str(t) -> str:
    if t[0] == "named":
        return t[1]
    if t[0] == "list":
        return "[" + type_str(t[1]) + "]"
    return type_str(t[1]) + "!"


def named_of(t) -> str:
    while t[0] != "named":
        t = t[1]
    return t[1]


def nullable(t):
    return t[1] if t[0] == "nonnull" else t


# --------------------------------------------------------------------------
# the schema model
# --------------------------------------------------------------------------

NO_DEFAULT = object()


@dataclass
class ArgDef:
    name: str
    type: tuple
    default: object = NO_DEFAULT
    description: str | None = None
    deprecated: str | None = None  # reason ("" = no reason)


@dataclass
class FieldDef:
    name: str
    type: tuple
    args: list[ArgDef] = field(default_factory=list)
    description: str | None = None
    deprecated: str | None = None


@dataclass
class TypeDef:
    name: str
    kind: str  # scalar object interface union enum input
    fields: list = field(default_factory=list)  # FieldDef or ArgDef (input)
    interfaces: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    one_of: bool = False
    description: str | None = None

    def field(self, name):
        for f in self.fields:
            if f.name == name:
                return f
        return None


class Schema:
    def __init__(self):
        self.types: dict[str, TypeDef] = {}
        self.query = "Query"
        self.mutation: str | None = None

    def kind(self, name: str) -> str:
        return "scalar" if name in BUILTIN_SCALARS else self.types[name].kind

    def possible(self, name: str) -> list[str]:
        t = self.types[name]
        if t.kind == "object":
            return [name]
        if t.kind == "union":
            return list(t.members)
        return [o.name for o in self.types.values() if o.kind == "object" and name in o.interfaces]

    def is_composite(self, name: str) -> bool:
        return name not in BUILTIN_SCALARS and self.types[name].kind in ("object", "interface", "union")


def _describe(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.7:
        return None
    return rng.choice([
        "A plain description.",
        "Multi-line\ndescription with \"quotes\".",
        "Unicode: café ✓",
        "Ends with a quote \"",
    ])


def _print_description(text: str | None, indent: str) -> str:
    if text is None:
        return ""
    if "\n" in text or '"' in text:
        body = text.replace('"""', '\\"""')
        return f'{indent}"""\n{indent}{body}\n{indent}"""\n' if "\n" not in body else (
            f'{indent}"""\n' + "".join(f"{indent}{l}\n" for l in body.split("\n")) + f'{indent}"""\n'
        )
    return f"{indent}{json.dumps(text, ensure_ascii=False)}\n"


class SchemaGen:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.schema = Schema()
        self.used_names: set[str] = set()

    def fresh(self, pool: list[str], lower=True) -> str:
        rng = self.rng
        for _ in range(100):
            base = rng.choice(pool)
            name = base if base not in self.used_names else f"{base}{rng.randint(2, 99)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise RuntimeError("out of names")

    def wrap(self, t, allow_list=True):
        rng = self.rng
        roll = rng.random()
        if allow_list and roll < 0.25:
            inner = non_null(t) if rng.random() < 0.5 else t
            t = list_of(inner)
        if rng.random() < 0.35:
            t = non_null(t)
        return t

    def build(self) -> Schema:
        rng, s = self.rng, self.schema
        custom = []
        if rng.random() < 0.6:
            name = self.fresh(["JSON", "DateTime", "Money", "Url"])
            s.types[name] = TypeDef(name, "scalar", description=_describe(rng))
            custom.append(name)
        enums = []
        for _ in range(rng.randint(1, 3)):
            name = self.fresh([w + "Kind" for w in TYPE_WORDS])
            values = sorted({rng.choice(["RED", "GREEN", "BLUE", "SMALL", "LARGE", "OPEN",
                                          "CLOSED", "DRAFT", "LIVE", "SOLD_OUT"]) for _ in range(4)})
            s.types[name] = TypeDef(name, "enum", values=values, description=_describe(rng))
            enums.append(name)
        leaf_types = BUILTIN_SCALARS + enums + custom
        self.leaf_types = leaf_types
        self.enums = enums
        self.custom = custom

        # input objects
        inputs = []
        for i in range(rng.randint(1, 3)):
            name = self.fresh([w + "Input" for w in TYPE_WORDS])
            t = TypeDef(name, "input", description=_describe(rng))
            t.one_of = i == 0 and rng.random() < 0.6
            for _ in range(rng.randint(2, 4)):
                fname = self.fresh(WORDS)
                ftype = self.wrap(named(rng.choice(leaf_types)))
                if t.one_of:
                    ftype = nullable(ftype)
                arg = ArgDef(fname, ftype)
                if not t.one_of and rng.random() < 0.3:
                    arg.default = self.input_value(ftype, allow_null=False)
                t.fields.append(arg)
            if inputs and rng.random() < 0.5 and not t.one_of:
                t.fields.append(ArgDef(self.fresh(WORDS), self.wrap(named(rng.choice(inputs)))))
            s.types[name] = t
            inputs.append(name)
        self.inputs = inputs

        # interfaces, objects, unions
        interfaces = []
        for _ in range(rng.randint(1, 2)):
            name = self.fresh(["Node", "Named", "Entity", "Priced", "Dated"])
            t = TypeDef(name, "interface", description=_describe(rng))
            for _ in range(rng.randint(1, 3)):
                t.fields.append(FieldDef(self.fresh(WORDS), self.wrap(named(rng.choice(leaf_types)))))
            s.types[name] = t
            interfaces.append(name)
        objects = []
        for _ in range(rng.randint(3, 6)):
            name = self.fresh(TYPE_WORDS)
            s.types[name] = TypeDef(name, "object", description=_describe(rng))
            objects.append(name)
        unions = []
        for _ in range(rng.randint(0, 2)):
            name = self.fresh([w + "Result" for w in TYPE_WORDS])
            members = rng.sample(objects, rng.randint(2, min(3, len(objects))))
            s.types[name] = TypeDef(name, "union", members=members, description=_describe(rng))
            unions.append(name)
        # every interface gets at least one implementation
        for iface in interfaces:
            s.types[rng.choice(objects)].interfaces.append(iface)
        for obj in objects:
            for iface in interfaces:
                if iface not in s.types[obj].interfaces and rng.random() < 0.3:
                    s.types[obj].interfaces.append(iface)
        composite = objects + interfaces + unions
        for obj in objects:
            t = s.types[obj]
            for iface in t.interfaces:
                for f in s.types[iface].fields:
                    t.fields.append(FieldDef(f.name, f.type))
            for _ in range(rng.randint(1, 4)):
                if rng.random() < 0.55:
                    ftype = self.wrap(named(rng.choice(leaf_types)))
                else:
                    ftype = self.wrap(named(rng.choice(composite)))
                t.fields.append(self.field_def(ftype))
            rng.shuffle(t.fields)

        query = TypeDef("Query", "object", description=_describe(rng))
        for name in rng.sample(composite, min(len(composite), rng.randint(3, 6))):
            query.fields.append(self.field_def(self.wrap(named(name))))
        for _ in range(rng.randint(2, 4)):
            query.fields.append(self.field_def(self.wrap(named(rng.choice(leaf_types)))))
        rng.shuffle(query.fields)
        s.types["Query"] = query
        if rng.random() < 0.5:
            mutation = TypeDef("Mutation", "object")
            for _ in range(rng.randint(1, 3)):
                mutation.fields.append(self.field_def(self.wrap(named(rng.choice(composite + leaf_types)))))
            s.types["Mutation"] = mutation
            s.mutation = "Mutation"
        return s

    def field_def(self, ftype) -> FieldDef:
        rng = self.rng
        f = FieldDef(self.fresh(WORDS), ftype, description=_describe(rng))
        if rng.random() < 0.08:
            f.deprecated = rng.choice(["", "Use something else."])
        if rng.random() < 0.45:
            for _ in range(rng.randint(1, 3)):
                atype = self.wrap(named(rng.choice(self.leaf_types + self.inputs)))
                arg = ArgDef(self.fresh(WORDS), atype)
                if rng.random() < 0.3:
                    arg.default = self.input_value(atype, allow_null=False)
                if atype[0] != "nonnull" and rng.random() < 0.1:
                    arg.deprecated = ""
                f.args.append(arg)
        return f

    # values for inputs (python values; literal() prints them)
    def input_value(self, t, allow_null=True, depth=0):
        rng = self.rng
        if t[0] == "nonnull":
            return self.input_value(t[1], allow_null=False, depth=depth)
        if allow_null and rng.random() < 0.15:
            return None
        if t[0] == "list":
            return [self.input_value(t[1], depth=depth + 1) for _ in range(rng.randint(0, 3))]
        name = t[1]
        if name == "Int":
            return rng.choice([0, 1, -7, 42, 2147483647, -2147483648, rng.randint(-1000, 1000)])
        if name == "Float":
            return rng.choice([0.5, -2.25, 1e3, 3.0, rng.randint(-50, 50), round(rng.uniform(-99, 99), 3)])
        if name == "String":
            return rng.choice(STRINGS)
        if name == "Boolean":
            return rng.random() < 0.5
        if name == "ID":
            return rng.choice(["1", "abc", "evt_0042", 7])
        kind = self.schema.types[name].kind
        if kind == "enum":
            return rng.choice(self.schema.types[name].values)
        if kind == "scalar":
            return rng.choice([1, "x", {"k": [1, 2]}, [True, None], 2.5])
        t = self.schema.types[name]  # inputs only nest earlier inputs: no cycles
        out = {}
        if t.one_of:
            f = rng.choice(t.fields)
            out[f.name] = self.input_value(non_null(nullable(f.type)), allow_null=False, depth=depth + 1)
            return out
        for f in t.fields:
            required = f.type[0] == "nonnull" and f.default is NO_DEFAULT
            if required or rng.random() < 0.5:
                out[f.name] = self.input_value(f.type, depth=depth + 1)
        return out


def literal(value, t, schema: Schema) -> str:
    """A GraphQL literal for a python input value of type t."""
    if value is None:
        return "null"
    base = nullable(t)
    if base[0] == "list":
        if isinstance(value, list):
            return "[" + ", ".join(literal(v, base[1], schema) for v in value) + "]"
        return literal(value, base[1], schema)
    name = base[1]
    if name not in BUILTIN_SCALARS and schema.types[name].kind == "enum" and isinstance(value, str):
        return value
    if name not in BUILTIN_SCALARS and schema.types[name].kind == "input" and isinstance(value, dict):
        parts = []
        for k, v in value.items():
            f = schema.types[name].field(k)
            parts.append(f"{k}: {literal(v, f.type if f else named('String'), schema)}")
        return "{" + ", ".join(parts) + "}"
    return untyped_literal(value)


def untyped_literal(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(untyped_literal(v) for v in value) + "]"
    return "{" + ", ".join(f"{k}: {untyped_literal(v)}" for k, v in value.items()) + "}"


def print_sdl(schema: Schema, rng: random.Random) -> str:
    def type_ref(t):
        return type_str(t)

    def deprecated(reason):
        if reason is None:
            return ""
        if reason == "":
            return " @deprecated"
        return f" @deprecated(reason: {json.dumps(reason)})"

    def args(arg_list):
        if not arg_list:
            return ""
        parts = []
        for a in arg_list:
            text = f"{a.name}: {type_ref(a.type)}"
            if a.default is not NO_DEFAULT:
                text += " = " + literal(a.default, a.type, schema)
            text += deprecated(a.deprecated)
            parts.append(text)
        return "(" + ", ".join(parts) + ")"

    chunks = []
    if schema.mutation and rng.random() < 0.5:
        chunks.append("schema {\n  query: Query\n  mutation: Mutation\n}\n")
    names = list(schema.types)
    rng.shuffle(names)
    for name in names:
        t = schema.types[name]
        out = _print_description(t.description, "")
        if t.kind == "scalar":
            out += f"scalar {name}"
            if rng.random() < 0.4:
                out += ' @specifiedBy(url: "https://example.com/' + name.lower() + '")'
            out += "\n"
        elif t.kind == "enum":
            out += f"enum {name} {{\n" + "".join(
                f"  {v}{' @deprecated' if i == 1 and rng.random() < 0.2 else ''}\n"
                for i, v in enumerate(t.values)) + "}\n"
        elif t.kind == "union":
            out += f"union {name} = " + " | ".join(t.members) + "\n"
        elif t.kind == "input":
            out += f"input {name}{' @oneOf' if t.one_of else ''} {{\n"
            for f in t.fields:
                out += f"  {f.name}: {type_ref(f.type)}"
                if f.default is not NO_DEFAULT:
                    out += " = " + literal(f.default, f.type, schema)
                out += "\n"
            out += "}\n"
        else:
            keyword = "type" if t.kind == "object" else "interface"
            impl = (" implements " + " & ".join(t.interfaces)) if t.interfaces else ""
            out += f"{keyword} {name}{impl} {{\n"
            for f in t.fields:
                out += _print_description(f.description, "  ")
                out += f"  {f.name}{args(f.args)}: {type_ref(f.type)}{deprecated(f.deprecated)}\n"
            out += "}\n"
        chunks.append(out)
    return "\n".join(chunks)


# --------------------------------------------------------------------------
# root values
# --------------------------------------------------------------------------


class RootGen:
    def __init__(self, rng: random.Random, schema: Schema, budget: int = 1500):
        self.rng = rng
        self.schema = schema
        self.budget = budget  # objects left to create: keeps the root small

    def value(self, t, depth: int):
        rng = self.rng
        if t[0] == "nonnull":
            if rng.random() < 0.03:
                return None  # null in a non-null place: null propagation
            return self.value(t[1], depth)
        if rng.random() < 0.1:
            return None
        if t[0] == "list":
            if rng.random() < 0.02:
                return rng.choice([{"not": "a list"}, "not a list", 5])
            if depth > 4:
                return []
            return [self.value(t[1], depth + 1) for _ in range(rng.randint(0, 3))]
        name = t[1]
        kind = self.schema.kind(name)
        wrong = rng.random() < 0.03
        if name == "Int":
            if wrong:
                return rng.choice([2147483648, -2147483649, "12", 1.5, True, "x", [1]])
            return rng.choice([0, 1, -1, 42, 2147483647, -2147483648, rng.randint(-10**6, 10**6), 7.0])
        if name == "Float":
            if wrong:
                return rng.choice(["x", [1.5], {"a": 1}, ""])
            return rng.choice([0.5, -0.25, 1.25e3, 10, round(rng.uniform(-1000, 1000), 4)])
        if name == "String":
            if wrong:
                return rng.choice([12, True, False, {"a": "b"}, ["x"]])
            return rng.choice(STRINGS)
        if name == "Boolean":
            if wrong:
                return rng.choice([0, 1, "true", [True], 2.5])
            return rng.random() < 0.5
        if name == "ID":
            if wrong:
                return rng.choice([True, 1.5, {"id": 1}])
            return rng.choice(["1", "evt_0042", 42, -3, "ünï"])
        if kind == "enum":
            values = self.schema.types[name].values
            if wrong:
                return rng.choice(["NOPE", 1, values[0].lower()])
            return rng.choice(values)
        if kind == "scalar":
            return rng.choice([{"any": ["json", 1, None]}, [1, "two"], "text", 3, False, 2.5])
        if depth > 5 or self.budget <= 0:
            return None
        self.budget -= 1
        if wrong and rng.random() < 0.5:
            return rng.choice(["not an object", 17])
        possible = self.schema.possible(name)
        concrete = rng.choice(possible)
        obj = {}
        if kind != "object" or rng.random() < 0.3:
            if rng.random() < 0.03:
                obj["__typename"] = rng.choice(["Nope", "Query", name if kind != "object" else concrete])
            elif rng.random() > 0.01:
                obj["__typename"] = concrete
        for f in self.schema.types[concrete].fields:
            if rng.random() < 0.04:
                continue  # missing key reads as null
            obj[f.name] = self.value(f.type, depth + 1)
        return obj

    def root(self) -> dict:
        out = {}
        for type_name in filter(None, [self.schema.query, self.schema.mutation]):
            for f in self.schema.types[type_name].fields:
                out[f.name] = self.value(f.type, 0)
        return out


# --------------------------------------------------------------------------
# documents
# --------------------------------------------------------------------------


@dataclass
class Field_:
    name: str
    parent: str
    alias: str | None = None
    args: list = field(default_factory=list)  # (name, literal text)
    directives: list = field(default_factory=list)  # text
    selections: list = field(default_factory=list)


@dataclass
class Inline:
    type_cond: str | None
    directives: list = field(default_factory=list)
    selections: list = field(default_factory=list)


@dataclass
class Spread:
    name: str
    directives: list = field(default_factory=list)


@dataclass
class FragmentDef:
    name: str
    type_cond: str
    selections: list = field(default_factory=list)


@dataclass
class Operation:
    kind: str
    name: str | None
    var_defs: list = field(default_factory=list)  # (name, type text, default text|None)
    selections: list = field(default_factory=list)


@dataclass
class Document:
    operations: list
    fragments: list
    variables: dict = field(default_factory=dict)
    operation_name: str | None = None


class DocGen:
    def __init__(self, rng: random.Random, schema: Schema, sg: SchemaGen):
        self.rng = rng
        self.schema = schema
        self.sg = sg

    def document(self) -> Document:
        rng = self.rng
        self.fragments: list[FragmentDef] = []
        self.var_defs: list = []
        self.variables: dict = {}
        self.arg_cache: dict = {}
        kind = "query"
        if self.schema.mutation and rng.random() < 0.15:
            kind = "mutation"
        root = self.schema.query if kind == "query" else self.schema.mutation
        name = rng.choice([None, "Op", "Fetch", "Q1"]) if rng.random() < 0.6 else None
        selections = self.selection_set(root, depth=0)
        op = Operation(kind, name, self.var_defs, selections)
        doc = Document([op], self.fragments, self.variables)
        if name and rng.random() < 0.15:
            doc.operation_name = name
        if rng.random() < 0.07:
            op.name = op.name or "Main"
            other = Operation("query", "Other", [], [Field_("__typename", "Query")])
            doc.operations.append(other)
            doc.operation_name = rng.choice([op.name, "Other", None])
        return doc

    def selection_set(self, type_name: str, depth: int) -> list:
        rng, s = self.rng, self.schema
        t = s.types[type_name]
        out: list = []
        if t.kind == "union":
            if rng.random() < 0.6:
                out.append(Field_("__typename", type_name))
            for member in rng.sample(t.members, rng.randint(1, len(t.members))):
                out.append(self.fragment_for(member, depth))
            return out
        count = rng.randint(1, 4)
        for f in rng.sample(t.fields, min(count, len(t.fields))):
            out.append(self.field(type_name, f, depth))
        if rng.random() < 0.15:
            out.insert(rng.randint(0, len(out)), Field_("__typename", type_name, alias=rng.choice([None, "kind_"])))
        if t.kind == "interface" and rng.random() < 0.5:
            out.append(self.fragment_for(rng.choice(s.possible(type_name)), depth))
        if t.kind == "object" and rng.random() < 0.1 and depth < 3:
            out.append(self.fragment_for(type_name, depth))
        return out

    def fragment_for(self, type_name: str, depth: int):
        rng = self.rng
        selections = self.selection_set(type_name, depth)
        directives = self.maybe_directive()
        if rng.random() < 0.4:
            name = f"F{len(self.fragments)}{type_name}"
            self.fragments.append(FragmentDef(name, type_name, selections))
            return Spread(name, directives)
        return Inline(type_name, directives, selections)

    def maybe_directive(self) -> list:
        rng = self.rng
        roll = rng.random()
        if roll < 0.85:
            return []
        name = rng.choice(["skip", "include"])
        if rng.random() < 0.5:
            return [f"@{name}(if: {rng.choice(['true', 'false'])})"]
        var = self.add_var("Boolean!", named("Boolean"))
        return [f"@{name}(if: ${var})"]

    def add_var(self, type_text: str, value_type) -> str:
        rng = self.rng
        name = f"v{len(self.var_defs)}"
        default = None
        value = self.sg.input_value(value_type, allow_null=not type_text.endswith("!"))
        if not type_text.endswith("!") and rng.random() < 0.2:
            default = literal(self.sg.input_value(value_type, allow_null=False), value_type, self.schema)
        self.var_defs.append((name, type_text, default))
        if default is None or rng.random() < 0.5:
            self.variables[name] = value
        return name

    def field(self, parent: str, f: FieldDef, depth: int) -> Field_:
        rng, s = self.rng, self.schema
        node = Field_(f.name, parent)
        if rng.random() < 0.15:
            node.alias = f"{f.name}Alias"
        key = (parent, f.name)
        if key not in self.arg_cache:
            args = []
            for a in f.args:
                required = a.type[0] == "nonnull" and a.default is NO_DEFAULT
                if not required and rng.random() < 0.5:
                    continue
                if rng.random() < 0.3 and named_of(a.type) != "Boolean":
                    var = self.add_var(type_str(a.type), a.type)
                    args.append((a.name, f"${var}"))
                else:
                    value = self.sg.input_value(a.type)
                    args.append((a.name, literal(value, a.type, s)))
            self.arg_cache[key] = args
        node.args = list(self.arg_cache[key])
        node.directives = self.maybe_directive()
        target = named_of(f.type)
        if s.is_composite(target):
            if depth >= 4:
                node.selections = [Field_("__typename", target)]
            else:
                node.selections = self.selection_set(target, depth + 1)
        return node


def print_document(doc: Document, compact: bool) -> str:
    nl = " " if compact else "\n"

    def ind(level):
        return "" if compact else "  " * level

    def sel_set(selections, level):
        inner = nl.join(ind(level + 1) + sel(x, level + 1) for x in selections)
        return "{" + nl + inner + nl + ind(level) + "}"

    def sel(x, level):
        if isinstance(x, Field_):
            text = (x.alias + ": " if x.alias else "") + x.name
            if x.args:
                text += "(" + ", ".join(f"{n}: {v}" for n, v in x.args) + ")"
            for d in x.directives:
                text += " " + d
            if x.selections:
                text += " " + sel_set(x.selections, level)
            return text
        if isinstance(x, Spread):
            return "..." + x.name + "".join(" " + d for d in x.directives)
        text = "..." + (f" on {x.type_cond}" if x.type_cond else "")
        for d in x.directives:
            text += " " + d
        return text + " " + sel_set(x.selections, level)

    parts = []
    for op in doc.operations:
        head = ""
        if op.name or op.var_defs or op.kind != "query":
            head = op.kind + (" " + op.name if op.name else "")
            if op.var_defs:
                head += "(" + ", ".join(
                    f"${n}: {t}" + (f" = {d}" if d is not None else "") for n, t, d in op.var_defs
                ) + ")"
            head += " "
        parts.append(head + sel_set(op.selections, 0))
    for frag in doc.fragments:
        parts.append(f"fragment {frag.name} on {frag.type_cond} " + sel_set(frag.selections, 0))
    return ("\n\n" if not compact else "\n").join(parts)


# --------------------------------------------------------------------------
# subtle breakage
# --------------------------------------------------------------------------


def _all_fields(selections, out=None):
    out = [] if out is None else out
    for x in selections:
        if isinstance(x, Field_):
            out.append((selections, x))
            _all_fields(x.selections, out)
        elif isinstance(x, Inline):
            _all_fields(x.selections, out)
    return out


def doc_fields(doc: Document):
    out = []
    for op in doc.operations:
        _all_fields(op.selections, out)
    for frag in doc.fragments:
        _all_fields(frag.selections, out)
    return out


def mutate(doc: Document, rng: random.Random, schema: Schema, sg: SchemaGen) -> str:
    """Make the document subtly invalid (or its variables wrong); returns the
    kind of breakage (for the test name)."""
    fields = [(sels, f) for sels, f in doc_fields(doc) if f.name != "__typename"]
    op = doc.operations[0]
    kinds = ["unknown-field", "typo-field", "unknown-arg", "conflict-alias", "unused-var",
             "undefined-var", "bad-spread", "unknown-fragment", "unused-fragment",
             "leaf-selection", "missing-selection", "duplicate-arg", "skip-no-if",
             "wrong-var-value", "missing-var-value", "var-position", "wrong-arg-type",
             "missing-required-arg", "anonymous-plus-named", "syntax"]
    kind = rng.choice(kinds)
    if not fields and kind not in ("unused-var", "syntax", "unknown-fragment", "anonymous-plus-named"):
        kind = "unused-var"
    if kind in ("unknown-field", "typo-field"):
        _, f = rng.choice(fields)
        f.name = "nonExistent" if kind == "unknown-field" else f.name[:-1] + ("x" if f.name[-1] != "x" else "y")
    elif kind == "unknown-arg":
        _, f = rng.choice(fields)
        f.args.append(("bogus", "1"))
    elif kind == "conflict-alias":
        sels, f = rng.choice(fields)
        parent = schema.types[f.parent]
        others = [g for g in parent.fields if g.name != f.name and not g.args] if parent.fields else []
        if others:
            g = rng.choice(others)
            dup = Field_(g.name, f.parent, alias=f.alias or f.name)
            target = named_of(g.type)
            if schema.is_composite(target):
                dup.selections = [Field_("__typename", target)]
            sels.append(dup)
        else:
            f.args.append(("bogus", "2"))
            kind = "unknown-arg"
    elif kind == "unused-var":
        op.var_defs.append(("unused", "Int", None))
    elif kind == "undefined-var":
        if fields:
            _, f = rng.choice(fields)
            f.directives.append("@include(if: $undefinedVar)")
    elif kind == "bad-spread":
        sels, f = rng.choice(fields)
        parent = f.parent
        objects = [n for n, t in schema.types.items() if t.kind == "object"
                   and not set(schema.possible(n)) & set(schema.possible(parent))]
        if objects:
            sels.append(Inline(rng.choice(objects), [], [Field_("__typename", "x")]))
        else:
            sels.append(Inline("Int", [], [Field_("__typename", "x")]))
    elif kind == "unknown-fragment":
        op.selections.append(Spread("NoSuchFragment"))
    elif kind == "unused-fragment":
        doc.fragments.append(FragmentDef("Unused", "Query", [Field_("__typename", "Query")]))
    elif kind == "leaf-selection":
        leaves = [(s_, f) for s_, f in fields if not f.selections]
        if leaves:
            _, f = rng.choice(leaves)
            f.selections = [Field_("inner", "x")]
        else:
            op.var_defs.append(("unused", "Int", None))
    elif kind == "missing-selection":
        objs = [(s_, f) for s_, f in fields if f.selections]
        if objs:
            _, f = rng.choice(objs)
            f.selections = []
        else:
            op.var_defs.append(("unused", "Int", None))
    elif kind == "duplicate-arg":
        with_args = [(s_, f) for s_, f in fields if f.args]
        if with_args:
            _, f = rng.choice(with_args)
            f.args.append(f.args[0])
        else:
            _, f = rng.choice(fields)
            f.directives.append("@skip(if: true) @skip(if: false)")
    elif kind == "skip-no-if":
        _, f = rng.choice(fields)
        f.directives.append(rng.choice(["@skip", "@include(when: true)", "@unknownDirective"]))
    elif kind in ("wrong-var-value", "missing-var-value"):
        if op.var_defs:
            name, type_text, _ = rng.choice(op.var_defs)
            if kind == "missing-var-value":
                doc.variables.pop(name, None)
                if not type_text.endswith("!"):
                    doc.variables[name] = None
            else:
                doc.variables[name] = rng.choice(["wrong", 3.5, {"x": 1}, [[1]], True])
        else:
            name = "count"
            op.var_defs.append((name, "Int!", None))
            _, f = rng.choice(fields)
            f.directives.append(f"@include(if: ${name})")
            doc.variables[name] = "nope"
    elif kind == "var-position":
        nonnull_vars = [(i, v) for i, v in enumerate(op.var_defs) if v[1].endswith("!") and v[2] is None]
        if nonnull_vars:
            i, (n, t, d) = rng.choice(nonnull_vars)
            op.var_defs[i] = (n, t[:-1], d)
        else:
            op.var_defs.append(("flag", "String", None))
            _, f = rng.choice(fields)
            f.directives.append("@skip(if: $flag)")
    elif kind == "wrong-arg-type":
        with_args = [(s_, f) for s_, f in fields if f.args]
        if with_args:
            _, f = rng.choice(with_args)
            i = rng.randrange(len(f.args))
            f.args[i] = (f.args[i][0], rng.choice(['"str"', "12", "1.5", "WRONG_ENUM", "{a: 1}", "[1, 2]", "true"]))
        else:
            _, f = rng.choice(fields)
            f.directives.append('@include(if: "yes")')
    elif kind == "missing-required-arg":
        candidates = []
        for s_, f in fields:
            fdef = schema.types[f.parent].field(f.name) if f.parent in schema.types else None
            if fdef and any(a.type[0] == "nonnull" and a.default is NO_DEFAULT for a in fdef.args):
                candidates.append((f, fdef))
        if candidates:
            f, fdef = rng.choice(candidates)
            required = {a.name for a in fdef.args if a.type[0] == "nonnull" and a.default is NO_DEFAULT}
            f.args = [a for a in f.args if a[0] not in required]
        else:
            _, f = rng.choice(fields)
            f.directives.append("@include")
    elif kind == "anonymous-plus-named":
        op.name = None
        doc.operations.append(Operation("query", "Second", [], [Field_("__typename", "Query")]))
        doc.operation_name = None
    elif kind == "syntax":
        pass  # applied to the text by the caller
    return kind


# --------------------------------------------------------------------------
# the suite
# --------------------------------------------------------------------------


def generate_suite(seed: int, n_requests: int | None = None) -> harness.Suite:
    n_requests = requests_from_env() if n_requests is None else n_requests
    rng = random.Random(seed)
    sg = SchemaGen(rng)
    schema = sg.build()
    sdl = print_sdl(schema, rng)
    root = RootGen(rng, schema).root()
    root_text = json.dumps(root, ensure_ascii=False, indent=1)
    requests = []
    dg = DocGen(rng, schema, sg)
    for index in range(n_requests):
        doc = dg.document()
        name = "valid"
        if rng.random() < 0.35:
            name = mutate(doc, rng, schema, sg)
        text = print_document(doc, compact=rng.random() < 0.4)
        if name == "syntax":
            cut = rng.randrange(1, max(2, len(text)))
            text = rng.choice([text[:cut], text[:cut] + "}" * 2, text.replace("{", "(", 1),
                               text + ' "unterminated', text.replace(":", "::", 1)])
        variables = doc.variables or None
        if variables is None and rng.random() < 0.1:
            variables = {}
        requests.append(
            harness.Request(
                suite=f"gen/seed-{seed}",
                index=index,
                name=name,
                query=text,
                variables=variables,
                operation_name=doc.operation_name,
                source=f"generate.py seed {seed} request {index}",
            )
        )
    return harness.Suite(f"gen/seed-{seed}", sdl, root_text, requests, origin=f"seed {seed}")


def main(argv: list[str]) -> int:
    seed = int(argv[1]) if len(argv) > 1 else 1
    n = int(argv[2]) if len(argv) > 2 else DEFAULT_REQUESTS
    suite = generate_suite(seed, n)
    print("# ---- schema ----")
    print(suite.schema)
    print("# ---- root ----")
    print(suite.root_text)
    print("# ---- requests ----")
    for r in suite.requests:
        print(f"# {r.index} {r.name}")
        print(r.line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
