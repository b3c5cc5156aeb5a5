// Generated from graphql-core 3.3.2: print_schema(build_schema(sdl)).

@testable import MarqueeGraphQL

extension PrintCase {
    static let all: [PrintCase] = [
        PrintCase("default root names print no schema definition",
            sdl: "\ntype Query { a: Int b(x: Int = 1, y: [String!]! = [\"a\", \"b\"]): String }\ntype Mutation { m: Boolean }\n",
            printed: "type Query {\n  a: Int\n  b(x: Int = 1, y: [String!]! = [\"a\", \"b\"]): String\n}\n\ntype Mutation {\n  m: Boolean\n}"),
        PrintCase("non-default root names print a schema definition",
            sdl: "\nschema { query: Root mutation: Changes subscription: Feed }\ntype Root { a: Int }\ntype Changes { b: Int }\ntype Feed { c: Int }\n",
            printed: "schema {\n  query: Root\n  mutation: Changes\n  subscription: Feed\n}\n\ntype Root {\n  a: Int\n}\n\ntype Changes {\n  b: Int\n}\n\ntype Feed {\n  c: Int\n}"),
        PrintCase("a default name used elsewhere prints the schema definition",
            sdl: "\nschema { query: Root }\ntype Root { q: Query }\ntype Query { a: Int }\n",
            printed: "schema {\n  query: Root\n}\n\ntype Root {\n  q: Query\n}\n\ntype Query {\n  a: Int\n}"),
        PrintCase("schema extension without schema definition",
            sdl: "\ndirective @d on SCHEMA\nextend schema @d { mutation: M }\ntype Query { a: Int }\ntype M { a: Int }\n",
            printed: "schema {\n  query: Query\n  mutation: M\n}\n\ndirective @d on SCHEMA\n\ntype Query {\n  a: Int\n}\n\ntype M {\n  a: Int\n}"),
        PrintCase("schema description",
            sdl: "\n\"\"\"The schema\"\"\"\nschema { query: Query }\ntype Query { a: Int }\n",
            printed: "\"\"\"The schema\"\"\"\nschema {\n  query: Query\n}\n\ntype Query {\n  a: Int\n}"),
        PrintCase("descriptions",
            sdl: "\n\"\"\"\nA type with a long description that goes on and on and on and on and on and on beyond seventy characters.\n\"\"\"\ntype Query {\n  \"Single line\"\n  a: Int\n  \"\"\"\n  Multi\n  line\n  \"\"\"\n  b(\n    \"arg description\"\n    x: Int\n    y: String = \"y\"\n  ): String\n  c: Int\n  \"ends with a quote\\\"\"\n  d: Int\n  \"\"\"  leading spaces\"\"\"\n  e: Int\n  \"\\n starts with a new line\"\n  f: Int\n  \"has\\ttab and \\\\ backslash\"\n  g: Int\n  \"trailing new line\\n\"\n  h: Int\n}\n",
            printed: "\"\"\"\nA type with a long description that goes on and on and on and on and on and on beyond seventy characters.\n\"\"\"\ntype Query {\n  \"\"\"Single line\"\"\"\n  a: Int\n\n  \"\"\"\n  Multi\n  line\n  \"\"\"\n  b(\n    \"\"\"arg description\"\"\"\n    x: Int\n    y: String = \"y\"\n  ): String\n  c: Int\n\n  \"\"\"\n  ends with a quote\"\n  \"\"\"\n  d: Int\n\n  \"\"\"  leading spaces\"\"\"\n  e: Int\n\n  \"\\n starts with a new line\"\n  f: Int\n\n  \"\"\"has\ttab and \\ backslash\"\"\"\n  g: Int\n\n  \"trailing new line\\n\"\n  h: Int\n}"),
        PrintCase("interfaces, unions, enums, inputs, scalars",
            sdl: "\ninterface Node { id: ID! }\ninterface Named implements Node { id: ID! name: String }\ntype User implements Named & Node { id: ID! name: String friends(first: Int = 10, after: String): [User!]! }\ntype Bot implements Node { id: ID! }\nunion Actor = User | Bot\nenum Role { ADMIN USER @deprecated GUEST @deprecated(reason: \"Use USER\") }\n\"\"\"An instant\"\"\"\nscalar DateTime @specifiedBy(url: \"https://tools.ietf.org/html/rfc3339\")\nscalar JSON\ninput Filter { role: Role = ADMIN, after: DateTime, tags: [String!] = [], nested: Filter, limit: Int = 5 @deprecated }\ninput Pick @oneOf { id: ID name: String }\ntype Query {\n  node(id: ID!): Node\n  actors(filter: Filter = { role: USER, tags: [\"a\"] }, pick: Pick): [Actor]\n  old: String @deprecated(reason: \"Gone.\")\n  older: String @deprecated\n  oldArg(a: Int @deprecated(reason: \"no\"), b: Int): Int\n}\n",
            printed: "interface Node {\n  id: ID!\n}\n\ninterface Named implements Node {\n  id: ID!\n  name: String\n}\n\ntype User implements Named & Node {\n  id: ID!\n  name: String\n  friends(first: Int = 10, after: String): [User!]!\n}\n\ntype Bot implements Node {\n  id: ID!\n}\n\nunion Actor = User | Bot\n\nenum Role {\n  ADMIN\n  USER @deprecated\n  GUEST @deprecated(reason: \"Use USER\")\n}\n\n\"\"\"An instant\"\"\"\nscalar DateTime @specifiedBy(url: \"https://tools.ietf.org/html/rfc3339\")\n\nscalar JSON\n\ninput Filter {\n  role: Role = ADMIN\n  after: DateTime\n  tags: [String!] = []\n  nested: Filter\n  limit: Int = 5 @deprecated\n}\n\ninput Pick @oneOf {\n  id: ID\n  name: String\n}\n\ntype Query {\n  node(id: ID!): Node\n  actors(filter: Filter = { role: USER, tags: [\"a\"] }, pick: Pick): [Actor]\n  old: String @deprecated(reason: \"Gone.\")\n  older: String @deprecated\n  oldArg(a: Int @deprecated(reason: \"no\"), b: Int): Int\n}"),
        PrintCase("custom directives",
            sdl: "\ndirective @auth(requires: Role = ADMIN, scopes: [String!]) repeatable on OBJECT | FIELD_DEFINITION\n\"\"\"Caches the result\"\"\"\ndirective @cache(\n  \"seconds\"\n  ttl: Int! = 60\n  scope: String\n) on FIELD_DEFINITION | QUERY\ndirective @tag(name: String!) on SCHEMA | SCALAR | ENUM_VALUE | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | INPUT_OBJECT | UNION | INTERFACE | ENUM | VARIABLE_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | FRAGMENT_DEFINITION | FIELD | MUTATION | SUBSCRIPTION\nenum Role { ADMIN USER }\ntype Query @auth { a: Int @cache(ttl: 5) @auth }\n",
            printed: "directive @auth(requires: Role = ADMIN, scopes: [String!]) repeatable on OBJECT | FIELD_DEFINITION\n\n\"\"\"Caches the result\"\"\"\ndirective @cache(\n  \"\"\"seconds\"\"\"\n  ttl: Int! = 60\n  scope: String\n) on FIELD_DEFINITION | QUERY\n\ndirective @tag(name: String!) on SCHEMA | SCALAR | ENUM_VALUE | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION | INPUT_OBJECT | UNION | INTERFACE | ENUM | VARIABLE_DEFINITION | FRAGMENT_SPREAD | INLINE_FRAGMENT | FRAGMENT_DEFINITION | FIELD | MUTATION | SUBSCRIPTION\n\nenum Role {\n  ADMIN\n  USER\n}\n\ntype Query {\n  a: Int\n}"),
        PrintCase("extensions are merged",
            sdl: "\ntype Query { a: Int }\nextend type Query { b: String }\ninterface I { x: Int }\nextend type Query implements I { x: Int }\nenum E { A }\nextend enum E { B }\nunion U = Query\ntype Other { y: Int }\nextend union U = Other\ninput In { a: Int }\nextend input In { b: Int }\n",
            printed: "type Query implements I {\n  a: Int\n  b: String\n  x: Int\n}\n\ninterface I {\n  x: Int\n}\n\nenum E {\n  A\n  B\n}\n\nunion U = Query | Other\n\ntype Other {\n  y: Int\n}\n\ninput In {\n  a: Int\n  b: Int\n}"),
        PrintCase("redefined built-in scalar and custom deprecated",
            sdl: "\nscalar String\ndirective @deprecated(reason: String) on FIELD_DEFINITION\ntype Query { a: String @deprecated(reason: \"x\") }\n",
            printed: "type Query {\n  a: String @deprecated(reason: \"x\")\n}"),
        PrintCase("default values of every kind",
            sdl: "\nenum Color { RED GREEN }\ninput Point { x: Float = 1.5, y: Float = -2e3, label: String = \"a\\\"b\\\\c\\u00e9\", color: Color = RED, on: Boolean = false, n: Int = null, id: ID = \"4\", big: ID = 123 }\ntype Query {\n  f(p: Point = { x: 1, y: 2 }, list: [[Int]] = [[1], [2, 3]], single: [Int] = 7, s: String = \"\"\"block\nstring\"\"\", e: [Color!] = [RED, GREEN]): Int\n}\n",
            printed: "enum Color {\n  RED\n  GREEN\n}\n\ninput Point {\n  x: Float = 1.5\n  y: Float = -2e3\n  label: String = \"a\\\"b\\\\cé\"\n  color: Color = RED\n  on: Boolean = false\n  n: Int = null\n  id: ID = \"4\"\n  big: ID = 123\n}\n\ntype Query {\n  f(p: Point = { x: 1, y: 2 }, list: [[Int]] = [[1], [2, 3]], single: [Int] = 7, s: String = \"\"\"\nblock\nstring\n\"\"\", e: [Color!] = [RED, GREEN]): Int\n}"),
    ]
}
