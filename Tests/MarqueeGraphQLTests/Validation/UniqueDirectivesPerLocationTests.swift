// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("UniqueDirectivesPerLocation") struct ValidationUniqueDirectivesPerLocationTests {
    @Test func noDirectives() {
        expectValid(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type {
              field
            }
            """#)
    }

    @Test func uniqueDirectivesInDifferentLocations() {
        expectValid(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type @onFragmentDefinition {
              field @onField
            }
            """#)
    }

    @Test func sameDirectivesInDifferentLocations() {
        expectValid(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type @onFragmentDefinition {
              field @onField
            }
            """#)
    }

    @Test func sameDirectivesInSimilarLocations() {
        expectValid(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type {
              field @onField
              field @onField
            }
            """#)
    }

    @Test func repeatableDirectivesInSameLocation() {
        expectValid(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type @repeatable @repeatable {
              field @repeatable @repeatable
            }
            """#)
    }

    @Test func unknownDirectivesMustBeIgnored() {
        expectValid(UniqueDirectivesPerLocationRule.self, #"""
            type Test @unknown @unknown {
              field: String! @unknown @unknown
            }

            extend type Test @unknown {
              anotherField: String!
            }
            """#)
    }

    @Test func duplicateDirectivesInOneLocation() {
        expectErrors(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type {
              field @onField @onField
            }
            """#, [
                (#"The directive "@onField" can only be used once at this location."#, [(2, 9), (2, 18)]),
            ])
    }

    @Test func manyDuplicateDirectivesInOneLocation() {
        expectErrors(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type {
              field @onField @onField @onField
            }
            """#, [
                (#"The directive "@onField" can only be used once at this location."#, [(2, 9), (2, 18)]),
                (#"The directive "@onField" can only be used once at this location."#, [(2, 9), (2, 27)]),
            ])
    }

    @Test func differentDuplicateDirectivesInOneLocation() {
        expectErrors(UniqueDirectivesPerLocationRule.self, #"""
            fragment Test on Type {
              field @onField @skip(if: true) @onField @skip(if: true)
            }
            """#, [
                (#"The directive "@onField" can only be used once at this location."#, [(2, 9), (2, 34)]),
                (#"The directive "@skip" can only be used once at this location."#, [(2, 18), (2, 43)]),
            ])
    }

    @Test func duplicateDirectivesInManyLocations() {
        expectErrors(UniqueDirectivesPerLocationRule.self, #"""
            query ($v: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {
              ...F @onFragmentSpread @onFragmentSpread
              ... @onInlineFragment @onInlineFragment { x }
            }
            fragment F on Type @onFragmentDefinition @onFragmentDefinition {
              field @onField @onField
            }
            """#, [
                (#"The directive "@onQuery" can only be used once at this location."#, [(1, 61), (1, 70)]),
                (#"The directive "@onVariableDefinition" can only be used once at this location."#, [(1, 16), (1, 38)]),
                (#"The directive "@onFragmentSpread" can only be used once at this location."#, [(2, 8), (2, 26)]),
                (#"The directive "@onInlineFragment" can only be used once at this location."#, [(3, 7), (3, 25)]),
                (#"The directive "@onFragmentDefinition" can only be used once at this location."#, [(5, 20), (5, 42)]),
                (#"The directive "@onField" can only be used once at this location."#, [(6, 9), (6, 18)]),
            ])
    }

    @Test func duplicateDirectivesBetweenSDLDefinitionsAndExtensions() {
        expectErrors(UniqueDirectivesPerLocationRule.self, #"""
            schema @onQuery { query: Dog }
            extend schema @onQuery

            scalar TestScalar @specifiedBy(url: "a")
            extend scalar TestScalar @specifiedBy(url: "b")

            type TestObject { f: Int @deprecated @deprecated }
            enum E { A @deprecated @deprecated }
            """#, [
                (#"The directive "@onQuery" can only be used once at this location."#, [(1, 8), (2, 15)]),
                (#"The directive "@specifiedBy" can only be used once at this location."#, [(4, 19), (5, 26)]),
                (#"The directive "@deprecated" can only be used once at this location."#, [(7, 26), (7, 38)]),
                (#"The directive "@deprecated" can only be used once at this location."#, [(8, 12), (8, 24)]),
            ])
    }
}
