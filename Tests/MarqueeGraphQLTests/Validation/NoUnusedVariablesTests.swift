// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("NoUnusedVariables") struct ValidationNoUnusedVariablesTests {
    @Test func usesAllVariables() {
        expectValid(NoUnusedVariablesRule.self, #"""
            query ($a: String, $b: String, $c: String) {
              field(a: $a, b: $b, c: $c)
            }
            """#)
    }

    @Test func usesAllVariablesInFragments() {
        expectValid(NoUnusedVariablesRule.self, #"""
            query Foo($a: String, $b: String, $c: String) {
              ...FragA
            }
            fragment FragA on Type {
              field(a: $a) {
                ...FragB
              }
            }
            fragment FragB on Type {
              field(b: $b) {
                ...FragC
              }
            }
            fragment FragC on Type {
              field(c: $c)
            }
            """#)
    }

    @Test func variableNotUsed() {
        expectErrors(NoUnusedVariablesRule.self, #"""
            query ($a: String, $b: String, $c: String) {
              field(a: $a, b: $b)
            }
            """#, [
                (#"Variable "$c" is never used."#, [(1, 32)]),
            ])
    }

    @Test func multipleVariablesNotUsed() {
        expectErrors(NoUnusedVariablesRule.self, #"""
            query Foo($a: String, $b: String, $c: String) {
              field(b: $b)
            }
            """#, [
                (#"Variable "$a" is never used in operation "Foo"."#, [(1, 11)]),
                (#"Variable "$c" is never used in operation "Foo"."#, [(1, 35)]),
            ])
    }

    @Test func variableNotUsedByUnreferencedFragment() {
        expectErrors(NoUnusedVariablesRule.self, #"""
            query Foo($b: String) {
              ...FragA
            }
            fragment FragA on Type {
              field(a: $a)
            }
            fragment FragB on Type {
              field(b: $b)
            }
            """#, [
                (#"Variable "$b" is never used in operation "Foo"."#, [(1, 11)]),
            ])
    }

    @Test func variableNotUsedByFragmentUsedByOtherOperation() {
        expectErrors(NoUnusedVariablesRule.self, #"""
            query Foo($b: String) {
              ...FragA
            }
            query Bar($a: String) {
              ...FragB
            }
            fragment FragA on Type {
              field(a: $a)
            }
            fragment FragB on Type {
              field(b: $b)
            }
            """#, [
                (#"Variable "$b" is never used in operation "Foo"."#, [(1, 11)]),
                (#"Variable "$a" is never used in operation "Bar"."#, [(4, 11)]),
            ])
    }
}
