// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("KnownTypeNames") struct ValidationKnownTypeNamesTests {
    @Test func knownTypeNamesAreValid() {
        expectValid(KnownTypeNamesRule.self, #"""
            query Foo(
              $var: String
              $required: [Int!]!
              $introspectionType: __EnumValue
            ) {
              user(id: 4) {
                pets { ... on Pet { name }, ...PetFields, ... { name } }
              }
            }

            fragment PetFields on Pet {
              name
            }
            """#)
    }

    @Test func unknownTypeNamesAreInvalid() {
        expectErrors(KnownTypeNamesRule.self, #"""
            query Foo($var: [JumbledUpLetters!]!) {
              user(id: 4) {
                name
                pets { ... on Badger { name }, ...PetFields }
              }
            }
            fragment PetFields on Peat {
              name
            }
            """#, [
                (#"Unknown type "JumbledUpLetters"."#, [(1, 18)]),
                (#"Unknown type "Badger"."#, [(4, 19)]),
                (#"Unknown type "Peat". Did you mean "Pet" or "Cat"?"#, [(7, 23)]),
            ])
    }

    @Test func referencesToStandardScalarsThatAreMissingInSchema() {
        expectErrors(KnownTypeNamesRule.self, #"""
            query ($id: ID, $float: Float, $int: Int) {
              __typename
            }
            """#, [
                (#"Unknown type "ID"."#, [(1, 13)]),
                (#"Unknown type "Float"."#, [(1, 25)]),
                (#"Unknown type "Int"."#, [(1, 38)]),
            ], schema: ValidationTestSchema.queryOnly)
    }

    @Test func sdlDefinitionsAreChecked() {
        expectErrors(KnownTypeNamesRule.self, #"""
            type Query {
              foo: Foo
              bar(arg: Strin): [Bar!]
            }

            type Foo implements Humen {
              id: ID
            }

            union U = Dog | Catt
            """#, [
                (#"Unknown type "Strin". Did you mean "String"?"#, [(3, 12)]),
                (#"Unknown type "Bar". Did you mean "Cat"?"#, [(3, 21)]),
                (#"Unknown type "Humen". Did you mean "Human"?"#, [(6, 21)]),
                (#"Unknown type "Catt". Did you mean "Cat"?"#, [(10, 17)]),
            ])
    }

    @Test func typeDefinedInDocument() {
        expectValid(KnownTypeNamesRule.self, #"""
            query { x }
            fragment F on Unicorn { horn }
            type Unicorn { horn: String }
            """#)
    }
}
