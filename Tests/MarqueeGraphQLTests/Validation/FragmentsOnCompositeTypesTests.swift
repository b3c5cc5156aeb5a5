// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("FragmentsOnCompositeTypes") struct ValidationFragmentsOnCompositeTypesTests {
    @Test func objectIsValidFragmentType() {
        expectValid(FragmentsOnCompositeTypesRule.self, #"""
            fragment validFragment on Dog {
              barks
            }
            """#)
    }

    @Test func unionIsValidFragmentType() {
        expectValid(FragmentsOnCompositeTypesRule.self, #"""
            fragment validFragment on CatOrDog {
              __typename
            }
            """#)
    }

    @Test func inlineFragmentWithoutTypeIsValid() {
        expectValid(FragmentsOnCompositeTypesRule.self, #"""
            fragment validFragment on Pet {
              ... {
                name
              }
            }
            """#)
    }

    @Test func unknownTypeIsIgnored() {
        expectValid(FragmentsOnCompositeTypesRule.self, #"""
            fragment validFragment on UnknownType {
              __typename
            }
            """#)
    }

    @Test func scalarIsInvalidFragmentType() {
        expectErrors(FragmentsOnCompositeTypesRule.self, #"""
            fragment scalarFragment on Boolean {
              bad
            }
            """#, [
                (#"Fragment "scalarFragment" cannot condition on non composite type "Boolean"."#, [(1, 28)]),
            ])
    }

    @Test func enumIsInvalidFragmentType() {
        expectErrors(FragmentsOnCompositeTypesRule.self, #"""
            fragment scalarFragment on FurColor {
              bad
            }
            """#, [
                (#"Fragment "scalarFragment" cannot condition on non composite type "FurColor"."#, [(1, 28)]),
            ])
    }

    @Test func inputObjectIsInvalidFragmentType() {
        expectErrors(FragmentsOnCompositeTypesRule.self, #"""
            fragment inputFragment on ComplexInput {
              stringField
            }
            """#, [
                (#"Fragment "inputFragment" cannot condition on non composite type "ComplexInput"."#, [(1, 27)]),
            ])
    }

    @Test func scalarIsInvalidInlineFragmentType() {
        expectErrors(FragmentsOnCompositeTypesRule.self, #"""
            fragment invalidFragment on Pet {
              ... on String {
                barks
              }
            }
            """#, [
                (#"Fragment cannot condition on non composite type "String"."#, [(2, 10)]),
            ])
    }
}
