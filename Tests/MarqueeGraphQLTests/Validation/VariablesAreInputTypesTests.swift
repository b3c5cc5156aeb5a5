// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("VariablesAreInputTypes") struct ValidationVariablesAreInputTypesTests {
    @Test func unknownTypesAreIgnored() {
        expectValid(VariablesAreInputTypesRule.self, #"""
            query Foo($a: Unknown, $b: [[Unknown!]]!) {
              field(a: $a, b: $b)
            }
            """#)
    }

    @Test func inputTypesAreValid() {
        expectValid(VariablesAreInputTypesRule.self, #"""
            query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) {
              field(a: $a, b: $b, c: $c)
            }
            """#)
    }

    @Test func outputTypesAreInvalid() {
        expectErrors(VariablesAreInputTypesRule.self, #"""
            query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) {
              field(a: $a, b: $b, c: $c)
            }
            """#, [
                (#"Variable "$a" cannot be non-input type "Dog"."#, [(1, 15)]),
                (#"Variable "$b" cannot be non-input type "[[CatOrDog!]]!"."#, [(1, 24)]),
                (#"Variable "$c" cannot be non-input type "Pet"."#, [(1, 44)]),
            ])
    }
}
