// Generated from graphql-core 3.3.2: the data of
// graphql_sync(build_schema(sdl), get_introspection_query(<every option on>)),
// less the experimental directive locations FRAGMENT_VARIABLE_DEFINITION and
// DIRECTIVE_DEFINITION, which this engine (following the spec) does not have.

enum IntrospectionFixture {
    static let sdl = #"""
"""The Marquee test schema"""
schema { query: Query mutation: Mutation subscription: Subscription }

"""Requires a role"""
directive @auth(requires: Role = ADMIN, scopes: [String!] @deprecated(reason: "Use requires")) repeatable on OBJECT | FIELD_DEFINITION
directive @cache(
  "seconds"
  ttl: Int! = 60
) on FIELD_DEFINITION | QUERY | VARIABLE_DEFINITION

"""Something with an id"""
interface Node { id: ID! }
interface Named implements Node { id: ID! name(upper: Boolean = false): String }
type User implements Named & Node @auth {
  id: ID!
  name(upper: Boolean = false): String
  "The user's friends"
  friends(first: Int = 10, after: String, filter: Filter = { role: USER, tags: ["a", "b"] }): [User!]!
  role: Role @deprecated(reason: "Use roles")
  roles: [Role!]!
}
type Bot implements Node { id: ID! }
union Actor = User | Bot
enum Role { ADMIN "ordinary" USER GUEST @deprecated(reason: "Use USER") }
"""An instant"""
scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
input Filter { role: Role = ADMIN, after: DateTime, tags: [String!] = [], nested: Filter, limit: Int = 5 @deprecated }
input Pick @oneOf { id: ID name: String }
type Query {
  node(id: ID!): Node
  actors(filter: Filter, pick: Pick): [Actor]
  matrix: [[[Int!]]!]
  old: String @deprecated
}
type Mutation { rename(id: ID!, name: String!): User }
type Subscription { renamed: User @cache }
"""#

    static let expectedJSON = #"""
{
 "__schema": {
  "description": "The Marquee test schema",
  "queryType": {
   "name": "Query",
   "kind": "OBJECT"
  },
  "mutationType": {
   "name": "Mutation",
   "kind": "OBJECT"
  },
  "subscriptionType": {
   "name": "Subscription",
   "kind": "OBJECT"
  },
  "types": [
   {
    "kind": "INTERFACE",
    "name": "Node",
    "description": "Something with an id",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "id",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "ID",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": [
     {
      "kind": "OBJECT",
      "name": "User",
      "ofType": null
     },
     {
      "kind": "OBJECT",
      "name": "Bot",
      "ofType": null
     }
    ]
   },
   {
    "kind": "SCALAR",
    "name": "ID",
    "description": "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "INTERFACE",
    "name": "Named",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "id",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "ID",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "name",
      "description": null,
      "args": [
       {
        "name": "upper",
        "description": null,
        "type": {
         "kind": "SCALAR",
         "name": "Boolean",
         "ofType": null
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [
     {
      "kind": "INTERFACE",
      "name": "Node",
      "ofType": null
     }
    ],
    "enumValues": null,
    "possibleTypes": [
     {
      "kind": "OBJECT",
      "name": "User",
      "ofType": null
     }
    ]
   },
   {
    "kind": "SCALAR",
    "name": "String",
    "description": "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "SCALAR",
    "name": "Boolean",
    "description": "The `Boolean` scalar type represents `true` or `false`.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "User",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "id",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "ID",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "name",
      "description": null,
      "args": [
       {
        "name": "upper",
        "description": null,
        "type": {
         "kind": "SCALAR",
         "name": "Boolean",
         "ofType": null
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "friends",
      "description": "The user's friends",
      "args": [
       {
        "name": "first",
        "description": null,
        "type": {
         "kind": "SCALAR",
         "name": "Int",
         "ofType": null
        },
        "defaultValue": "10",
        "isDeprecated": false,
        "deprecationReason": null
       },
       {
        "name": "after",
        "description": null,
        "type": {
         "kind": "SCALAR",
         "name": "String",
         "ofType": null
        },
        "defaultValue": null,
        "isDeprecated": false,
        "deprecationReason": null
       },
       {
        "name": "filter",
        "description": null,
        "type": {
         "kind": "INPUT_OBJECT",
         "name": "Filter",
         "ofType": null
        },
        "defaultValue": "{ role: USER, tags: [\"a\", \"b\"] }",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "LIST",
        "ofType": {
         "name": null,
         "kind": "NON_NULL",
         "ofType": {
          "name": "User",
          "kind": "OBJECT",
          "ofType": null
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "role",
      "description": null,
      "args": [],
      "type": {
       "kind": "ENUM",
       "name": "Role",
       "ofType": null
      },
      "isDeprecated": true,
      "deprecationReason": "Use roles"
     },
     {
      "name": "roles",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "LIST",
        "ofType": {
         "name": null,
         "kind": "NON_NULL",
         "ofType": {
          "name": "Role",
          "kind": "ENUM",
          "ofType": null
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [
     {
      "kind": "INTERFACE",
      "name": "Named",
      "ofType": null
     },
     {
      "kind": "INTERFACE",
      "name": "Node",
      "ofType": null
     }
    ],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "SCALAR",
    "name": "Int",
    "description": "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "Bot",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "id",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "ID",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [
     {
      "kind": "INTERFACE",
      "name": "Node",
      "ofType": null
     }
    ],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "UNION",
    "name": "Actor",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": [
     {
      "kind": "OBJECT",
      "name": "User",
      "ofType": null
     },
     {
      "kind": "OBJECT",
      "name": "Bot",
      "ofType": null
     }
    ]
   },
   {
    "kind": "ENUM",
    "name": "Role",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": [
     {
      "name": "ADMIN",
      "description": null,
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "USER",
      "description": "ordinary",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "GUEST",
      "description": null,
      "isDeprecated": true,
      "deprecationReason": "Use USER"
     }
    ],
    "possibleTypes": null
   },
   {
    "kind": "SCALAR",
    "name": "DateTime",
    "description": "An instant",
    "specifiedByURL": "https://tools.ietf.org/html/rfc3339",
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "INPUT_OBJECT",
    "name": "Filter",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": false,
    "fields": null,
    "inputFields": [
     {
      "name": "role",
      "description": null,
      "type": {
       "kind": "ENUM",
       "name": "Role",
       "ofType": null
      },
      "defaultValue": "ADMIN",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "after",
      "description": null,
      "type": {
       "kind": "SCALAR",
       "name": "DateTime",
       "ofType": null
      },
      "defaultValue": null,
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "tags",
      "description": null,
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": "String",
         "kind": "SCALAR",
         "ofType": null
        }
       }
      },
      "defaultValue": "[]",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "nested",
      "description": null,
      "type": {
       "kind": "INPUT_OBJECT",
       "name": "Filter",
       "ofType": null
      },
      "defaultValue": null,
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "limit",
      "description": null,
      "type": {
       "kind": "SCALAR",
       "name": "Int",
       "ofType": null
      },
      "defaultValue": "5",
      "isDeprecated": true,
      "deprecationReason": "No longer supported"
     }
    ],
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "INPUT_OBJECT",
    "name": "Pick",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": true,
    "fields": null,
    "inputFields": [
     {
      "name": "id",
      "description": null,
      "type": {
       "kind": "SCALAR",
       "name": "ID",
       "ofType": null
      },
      "defaultValue": null,
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "name",
      "description": null,
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "defaultValue": null,
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "interfaces": null,
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "Query",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "node",
      "description": null,
      "args": [
       {
        "name": "id",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "ID",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": null,
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "INTERFACE",
       "name": "Node",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "actors",
      "description": null,
      "args": [
       {
        "name": "filter",
        "description": null,
        "type": {
         "kind": "INPUT_OBJECT",
         "name": "Filter",
         "ofType": null
        },
        "defaultValue": null,
        "isDeprecated": false,
        "deprecationReason": null
       },
       {
        "name": "pick",
        "description": null,
        "type": {
         "kind": "INPUT_OBJECT",
         "name": "Pick",
         "ofType": null
        },
        "defaultValue": null,
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": "Actor",
        "kind": "UNION",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "matrix",
      "description": null,
      "args": [],
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": null,
         "kind": "LIST",
         "ofType": {
          "name": null,
          "kind": "LIST",
          "ofType": {
           "name": null,
           "kind": "NON_NULL",
           "ofType": {
            "name": "Int",
            "kind": "SCALAR",
            "ofType": null
           }
          }
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "old",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": true,
      "deprecationReason": "No longer supported"
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "Mutation",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "rename",
      "description": null,
      "args": [
       {
        "name": "id",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "ID",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": null,
        "isDeprecated": false,
        "deprecationReason": null
       },
       {
        "name": "name",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "String",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": null,
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "OBJECT",
       "name": "User",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "Subscription",
    "description": null,
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "renamed",
      "description": null,
      "args": [],
      "type": {
       "kind": "OBJECT",
       "name": "User",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "__Schema",
    "description": "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "description",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "types",
      "description": "A list of all types supported by this server.",
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "LIST",
        "ofType": {
         "name": null,
         "kind": "NON_NULL",
         "ofType": {
          "name": "__Type",
          "kind": "OBJECT",
          "ofType": null
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "queryType",
      "description": "The type that query operations will be rooted at.",
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "__Type",
        "kind": "OBJECT",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "mutationType",
      "description": "If this server supports mutation, the type that mutation operations will be rooted at.",
      "args": [],
      "type": {
       "kind": "OBJECT",
       "name": "__Type",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "subscriptionType",
      "description": "If this server supports subscription, the type that subscription operations will be rooted at.",
      "args": [],
      "type": {
       "kind": "OBJECT",
       "name": "__Type",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "directives",
      "description": "A list of all directives supported by this server.",
      "args": [
       {
        "name": "includeDeprecated",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "Boolean",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "LIST",
        "ofType": {
         "name": null,
         "kind": "NON_NULL",
         "ofType": {
          "name": "__Directive",
          "kind": "OBJECT",
          "ofType": null
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "__Type",
    "description": "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "kind",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "__TypeKind",
        "kind": "ENUM",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "name",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "description",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "specifiedByURL",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "fields",
      "description": null,
      "args": [
       {
        "name": "includeDeprecated",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "Boolean",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": "__Field",
         "kind": "OBJECT",
         "ofType": null
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "interfaces",
      "description": null,
      "args": [],
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": "__Type",
         "kind": "OBJECT",
         "ofType": null
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "possibleTypes",
      "description": null,
      "args": [],
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": "__Type",
         "kind": "OBJECT",
         "ofType": null
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "enumValues",
      "description": null,
      "args": [
       {
        "name": "includeDeprecated",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "Boolean",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": "__EnumValue",
         "kind": "OBJECT",
         "ofType": null
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "inputFields",
      "description": null,
      "args": [
       {
        "name": "includeDeprecated",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "Boolean",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": "__InputValue",
         "kind": "OBJECT",
         "ofType": null
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "ofType",
      "description": null,
      "args": [],
      "type": {
       "kind": "OBJECT",
       "name": "__Type",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "isOneOf",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "Boolean",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "ENUM",
    "name": "__TypeKind",
    "description": "An enum describing what kind of type a given `__Type` is.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": [
     {
      "name": "SCALAR",
      "description": "Indicates this type is a scalar.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "OBJECT",
      "description": "Indicates this type is an object. `fields` and `interfaces` are valid fields.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "INTERFACE",
      "description": "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "UNION",
      "description": "Indicates this type is a union. `possibleTypes` is a valid field.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "ENUM",
      "description": "Indicates this type is an enum. `enumValues` is a valid field.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "INPUT_OBJECT",
      "description": "Indicates this type is an input object. `inputFields` is a valid field.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "LIST",
      "description": "Indicates this type is a list. `ofType` is a valid field.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "NON_NULL",
      "description": "Indicates this type is a non-null. `ofType` is a valid field.",
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "__Field",
    "description": "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "name",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "String",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "description",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "args",
      "description": null,
      "args": [
       {
        "name": "includeDeprecated",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "Boolean",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "LIST",
        "ofType": {
         "name": null,
         "kind": "NON_NULL",
         "ofType": {
          "name": "__InputValue",
          "kind": "OBJECT",
          "ofType": null
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "type",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "__Type",
        "kind": "OBJECT",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "isDeprecated",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Boolean",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "deprecationReason",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "__InputValue",
    "description": "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "name",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "String",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "description",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "type",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "__Type",
        "kind": "OBJECT",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "defaultValue",
      "description": "A GraphQL-formatted string representing the default value for this input value.",
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "isDeprecated",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Boolean",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "deprecationReason",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "__EnumValue",
    "description": "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "name",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "String",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "description",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "isDeprecated",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Boolean",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "deprecationReason",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "OBJECT",
    "name": "__Directive",
    "description": "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": [
     {
      "name": "name",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "String",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "description",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "isRepeatable",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Boolean",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "locations",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "LIST",
        "ofType": {
         "name": null,
         "kind": "NON_NULL",
         "ofType": {
          "name": "__DirectiveLocation",
          "kind": "ENUM",
          "ofType": null
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "args",
      "description": null,
      "args": [
       {
        "name": "includeDeprecated",
        "description": null,
        "type": {
         "kind": "NON_NULL",
         "name": null,
         "ofType": {
          "name": "Boolean",
          "kind": "SCALAR",
          "ofType": null
         }
        },
        "defaultValue": "false",
        "isDeprecated": false,
        "deprecationReason": null
       }
      ],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "LIST",
        "ofType": {
         "name": null,
         "kind": "NON_NULL",
         "ofType": {
          "name": "__InputValue",
          "kind": "OBJECT",
          "ofType": null
         }
        }
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "isDeprecated",
      "description": null,
      "args": [],
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Boolean",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "deprecationReason",
      "description": null,
      "args": [],
      "type": {
       "kind": "SCALAR",
       "name": "String",
       "ofType": null
      },
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "inputFields": null,
    "interfaces": [],
    "enumValues": null,
    "possibleTypes": null
   },
   {
    "kind": "ENUM",
    "name": "__DirectiveLocation",
    "description": "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
    "specifiedByURL": null,
    "isOneOf": null,
    "fields": null,
    "inputFields": null,
    "interfaces": null,
    "enumValues": [
     {
      "name": "QUERY",
      "description": "Location adjacent to a query operation.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "MUTATION",
      "description": "Location adjacent to a mutation operation.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "SUBSCRIPTION",
      "description": "Location adjacent to a subscription operation.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "FIELD",
      "description": "Location adjacent to a field.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "FRAGMENT_DEFINITION",
      "description": "Location adjacent to a fragment definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "FRAGMENT_SPREAD",
      "description": "Location adjacent to a fragment spread.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "INLINE_FRAGMENT",
      "description": "Location adjacent to an inline fragment.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "VARIABLE_DEFINITION",
      "description": "Location adjacent to an operation variable definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "SCHEMA",
      "description": "Location adjacent to a schema definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "SCALAR",
      "description": "Location adjacent to a scalar definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "OBJECT",
      "description": "Location adjacent to an object type definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "FIELD_DEFINITION",
      "description": "Location adjacent to a field definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "ARGUMENT_DEFINITION",
      "description": "Location adjacent to an argument definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "INTERFACE",
      "description": "Location adjacent to an interface definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "UNION",
      "description": "Location adjacent to a union definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "ENUM",
      "description": "Location adjacent to an enum definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "ENUM_VALUE",
      "description": "Location adjacent to an enum value definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "INPUT_OBJECT",
      "description": "Location adjacent to an input object type definition.",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "INPUT_FIELD_DEFINITION",
      "description": "Location adjacent to an input object field definition.",
      "isDeprecated": false,
      "deprecationReason": null
     }
    ],
    "possibleTypes": null
   }
  ],
  "directives": [
   {
    "name": "auth",
    "description": "Requires a role",
    "isRepeatable": true,
    "locations": [
     "OBJECT",
     "FIELD_DEFINITION"
    ],
    "args": [
     {
      "name": "requires",
      "description": null,
      "type": {
       "kind": "ENUM",
       "name": "Role",
       "ofType": null
      },
      "defaultValue": "ADMIN",
      "isDeprecated": false,
      "deprecationReason": null
     },
     {
      "name": "scopes",
      "description": null,
      "type": {
       "kind": "LIST",
       "name": null,
       "ofType": {
        "name": null,
        "kind": "NON_NULL",
        "ofType": {
         "name": "String",
         "kind": "SCALAR",
         "ofType": null
        }
       }
      },
      "defaultValue": null,
      "isDeprecated": true,
      "deprecationReason": "Use requires"
     }
    ]
   },
   {
    "name": "cache",
    "description": null,
    "isRepeatable": false,
    "locations": [
     "FIELD_DEFINITION",
     "QUERY",
     "VARIABLE_DEFINITION"
    ],
    "args": [
     {
      "name": "ttl",
      "description": "seconds",
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Int",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "defaultValue": "60",
      "isDeprecated": false,
      "deprecationReason": null
     }
    ]
   },
   {
    "name": "include",
    "description": "Directs the executor to include this field or fragment only when the `if` argument is true.",
    "isRepeatable": false,
    "locations": [
     "FIELD",
     "FRAGMENT_SPREAD",
     "INLINE_FRAGMENT"
    ],
    "args": [
     {
      "name": "if",
      "description": "Included when true.",
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Boolean",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "defaultValue": null,
      "isDeprecated": false,
      "deprecationReason": null
     }
    ]
   },
   {
    "name": "skip",
    "description": "Directs the executor to skip this field or fragment when the `if` argument is true.",
    "isRepeatable": false,
    "locations": [
     "FIELD",
     "FRAGMENT_SPREAD",
     "INLINE_FRAGMENT"
    ],
    "args": [
     {
      "name": "if",
      "description": "Skipped when true.",
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "Boolean",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "defaultValue": null,
      "isDeprecated": false,
      "deprecationReason": null
     }
    ]
   },
   {
    "name": "deprecated",
    "description": "Marks an element of a GraphQL schema as no longer supported.",
    "isRepeatable": false,
    "locations": [
     "FIELD_DEFINITION",
     "ARGUMENT_DEFINITION",
     "INPUT_FIELD_DEFINITION",
     "ENUM_VALUE"
    ],
    "args": [
     {
      "name": "reason",
      "description": "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "String",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "defaultValue": "\"No longer supported\"",
      "isDeprecated": false,
      "deprecationReason": null
     }
    ]
   },
   {
    "name": "specifiedBy",
    "description": "Exposes a URL that specifies the behavior of this scalar.",
    "isRepeatable": false,
    "locations": [
     "SCALAR"
    ],
    "args": [
     {
      "name": "url",
      "description": "The URL that specifies the behavior of this scalar.",
      "type": {
       "kind": "NON_NULL",
       "name": null,
       "ofType": {
        "name": "String",
        "kind": "SCALAR",
        "ofType": null
       }
      },
      "defaultValue": null,
      "isDeprecated": false,
      "deprecationReason": null
     }
    ]
   },
   {
    "name": "oneOf",
    "description": "Indicates exactly one field must be supplied and this field must not be `null`.",
    "isRepeatable": false,
    "locations": [
     "INPUT_OBJECT"
    ],
    "args": []
   }
  ]
 }
}
"""#
}
