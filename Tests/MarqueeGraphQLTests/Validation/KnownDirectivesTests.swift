// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("KnownDirectives") struct ValidationKnownDirectivesTests {
    @Test func noDirectives() {
        expectValid(KnownDirectivesRule.self, #"""
            query Foo {
              name
              ...Frag
            }

            fragment Frag on Dog {
              name
            }
            """#)
    }

    @Test func standardDirectives() {
        expectValid(KnownDirectivesRule.self, #"""
            {
              human @skip(if: false) {
                name
                pets {
                  ... on Dog @include(if: true) {
                    name
                  }
                }
              }
            }
            """#)
    }

    @Test func unknownDirective() {
        expectErrors(KnownDirectivesRule.self, #"""
            {
              human @unknown(directive: "value") {
                name
              }
            }
            """#, [
                (#"Unknown directive "@unknown"."#, [(2, 9)]),
            ])
    }

    @Test func manyUnknownDirectives() {
        expectErrors(KnownDirectivesRule.self, #"""
            {
              __typename @unknown
              human @unknown {
                name
                pets @unknown {
                  name
                }
              }
            }
            """#, [
                (#"Unknown directive "@unknown"."#, [(2, 14)]),
                (#"Unknown directive "@unknown"."#, [(3, 9)]),
                (#"Unknown directive "@unknown"."#, [(5, 10)]),
            ])
    }

    @Test func wellPlacedDirectives() {
        expectValid(KnownDirectivesRule.self, #"""
            query ($var: Boolean @onVariableDefinition) @onQuery {
              human @onField {
                ...Frag @onFragmentSpread
                ... @onInlineFragment {
                  name @onField
                }
              }
            }

            fragment Frag on Human @onFragmentDefinition {
              name @onField
            }
            """#)
    }

    @Test func misplacedDirectives() {
        expectErrors(KnownDirectivesRule.self, #"""
            query ($var: Boolean @onQuery) @onMutation {
              human @onQuery {
                ...Frag @onQuery
                ... @onQuery {
                  name @onQuery
                }
              }
            }

            mutation @onQuery {
              someField
            }

            subscription @onQuery {
              someField
            }

            fragment Frag on Human @onQuery {
              name @onQuery
            }
            """#, [
                (#"Directive "@onQuery" may not be used on variable definition."#, [(1, 22)]),
                (#"Directive "@onMutation" may not be used on query."#, [(1, 32)]),
                (#"Directive "@onQuery" may not be used on field."#, [(2, 9)]),
                (#"Directive "@onQuery" may not be used on fragment spread."#, [(3, 13)]),
                (#"Directive "@onQuery" may not be used on inline fragment."#, [(4, 9)]),
                (#"Directive "@onQuery" may not be used on field."#, [(5, 12)]),
                (#"Directive "@onQuery" may not be used on mutation."#, [(10, 10)]),
                (#"Directive "@onQuery" may not be used on subscription."#, [(14, 14)]),
                (#"Directive "@onQuery" may not be used on fragment definition."#, [(18, 24)]),
                (#"Directive "@onQuery" may not be used on field."#, [(19, 8)]),
            ])
    }

    @Test func misplacedDirectivesInSDL() {
        expectErrors(KnownDirectivesRule.self, #"""
            directive @myDirective on OBJECT

            type Query @myDirective @onQuery {
              field(arg: String @onField): String @myDirective
            }

            extend schema @onQuery

            input In @skip(if: true) { f: Int @include(if: true) }
            enum E @myDirective { A @deprecated B @onField }
            scalar S @specifiedBy(url: "x")
            union U @myDirective = Dog
            interface I @myDirective { f: Int @deprecated(reason: "old") }
            """#, [
                (#"Directive "@onQuery" may not be used on object."#, [(3, 25)]),
                (#"Directive "@onField" may not be used on argument definition."#, [(4, 21)]),
                (#"Directive "@myDirective" may not be used on field definition."#, [(4, 39)]),
                (#"Directive "@onQuery" may not be used on schema."#, [(7, 15)]),
                (#"Directive "@skip" may not be used on input object."#, [(9, 10)]),
                (#"Directive "@include" may not be used on input field definition."#, [(9, 35)]),
                (#"Directive "@myDirective" may not be used on enum."#, [(10, 8)]),
                (#"Directive "@onField" may not be used on enum value."#, [(10, 39)]),
                (#"Directive "@myDirective" may not be used on union."#, [(12, 9)]),
                (#"Directive "@myDirective" may not be used on interface."#, [(13, 13)]),
            ])
    }
}
