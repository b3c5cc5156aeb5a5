// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("NoUndefinedVariables") struct ValidationNoUndefinedVariablesTests {
    @Test func allVariablesDefined() {
        expectValid(NoUndefinedVariablesRule.self, #"""
            query Foo($a: String, $b: String, $c: String) {
              field(a: $a, b: $b, c: $c)
            }
            """#)
    }

    @Test func allVariablesInFragmentsDeeplyDefined() {
        expectValid(NoUndefinedVariablesRule.self, #"""
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

    @Test func variableWithinRecursiveFragmentDefined() {
        expectValid(NoUndefinedVariablesRule.self, #"""
            query Foo($a: String) {
              ...FragA
            }
            fragment FragA on Type {
              field(a: $a) {
                ...FragA
              }
            }
            """#)
    }

    @Test func variableNotDefined() {
        expectErrors(NoUndefinedVariablesRule.self, #"""
            query Foo($a: String, $b: String, $c: String) {
              field(a: $a, b: $b, c: $c, d: $d)
            }
            """#, [
                (#"Variable "$d" is not defined by operation "Foo"."#, [(2, 33), (1, 1)]),
            ])
    }

    @Test func variableNotDefinedByUnNamedQuery() {
        expectErrors(NoUndefinedVariablesRule.self, #"""
            {
              field(a: $a)
            }
            """#, [
                (#"Variable "$a" is not defined."#, [(2, 12), (1, 1)]),
            ])
    }

    @Test func multipleVariablesNotDefined() {
        expectErrors(NoUndefinedVariablesRule.self, #"""
            query Foo($b: String) {
              field(a: $a, b: $b, c: $c)
            }
            """#, [
                (#"Variable "$a" is not defined by operation "Foo"."#, [(2, 12), (1, 1)]),
                (#"Variable "$c" is not defined by operation "Foo"."#, [(2, 26), (1, 1)]),
            ])
    }

    @Test func variableInFragmentNotDefinedByUnNamedQuery() {
        expectErrors(NoUndefinedVariablesRule.self, #"""
            {
              ...FragA
            }
            fragment FragA on Type {
              field(a: $a)
            }
            """#, [
                (#"Variable "$a" is not defined."#, [(5, 12), (1, 1)]),
            ])
    }

    @Test func variableInFragmentNotDefinedByOperation() {
        expectErrors(NoUndefinedVariablesRule.self, #"""
            query Foo($a: String, $b: String) {
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
            """#, [
                (#"Variable "$c" is not defined by operation "Foo"."#, [(15, 12), (1, 1)]),
            ])
    }

    @Test func multipleUndefinedVariablesProduceMultipleErrors() {
        expectErrors(NoUndefinedVariablesRule.self, #"""
            query Foo($b: String) {
              ...FragAB
            }
            query Bar($a: String) {
              ...FragAB
            }
            fragment FragAB on Type {
              field1(a: $a, b: $b)
              ...FragC
              field3(a: $a, b: $b)
            }
            fragment FragC on Type {
              field2(c: $c)
            }
            """#, [
                (#"Variable "$a" is not defined by operation "Foo"."#, [(8, 13), (1, 1)]),
                (#"Variable "$a" is not defined by operation "Foo"."#, [(10, 13), (1, 1)]),
                (#"Variable "$c" is not defined by operation "Foo"."#, [(13, 13), (1, 1)]),
                (#"Variable "$b" is not defined by operation "Bar"."#, [(8, 20), (4, 1)]),
                (#"Variable "$b" is not defined by operation "Bar"."#, [(10, 20), (4, 1)]),
                (#"Variable "$c" is not defined by operation "Bar"."#, [(13, 13), (4, 1)]),
            ])
    }

    @Test func variablesInDirectivesAndValues() {
        expectErrors(NoUndefinedVariablesRule.self, #"""
            query Foo @dir(x: $opDir) {
              field(a: [{ b: $nested }]) @include(if: $fieldDir)
            }
            """#, [
                (#"Variable "$opDir" is not defined by operation "Foo"."#, [(1, 19), (1, 1)]),
                (#"Variable "$nested" is not defined by operation "Foo"."#, [(2, 18), (1, 1)]),
                (#"Variable "$fieldDir" is not defined by operation "Foo"."#, [(2, 43), (1, 1)]),
            ])
    }
}
