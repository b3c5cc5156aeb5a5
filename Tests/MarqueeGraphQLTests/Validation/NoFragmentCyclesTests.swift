// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("NoFragmentCycles") struct ValidationNoFragmentCyclesTests {
    @Test func singleReferenceIsValid() {
        expectValid(NoFragmentCyclesRule.self, #"""
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { name }
            """#)
    }

    @Test func spreadingTwiceIsNotCircular() {
        expectValid(NoFragmentCyclesRule.self, #"""
            fragment fragA on Dog { ...fragB, ...fragB }
            fragment fragB on Dog { name }
            """#)
    }

    @Test func doesNotFalsePositiveOnUnknownFragment() {
        expectValid(NoFragmentCyclesRule.self, #"""
            fragment nameFragment on Pet {
              ...UnknownFragment
            }
            """#)
    }

    @Test func spreadingRecursivelyWithinFieldFails() {
        expectErrors(NoFragmentCyclesRule.self, #"""
            fragment fragA on Human { relatives { ...fragA } },
            """#, [
                (#"Cannot spread fragment "fragA" within itself."#, [(1, 39)]),
            ])
    }

    @Test func noSpreadingItselfDirectly() {
        expectErrors(NoFragmentCyclesRule.self, #"""
            fragment fragA on Dog { ...fragA }
            """#, [
                (#"Cannot spread fragment "fragA" within itself."#, [(1, 25)]),
            ])
    }

    @Test func noSpreadingItselfDirectlyWithinInlineFragment() {
        expectErrors(NoFragmentCyclesRule.self, #"""
            fragment fragA on Pet {
              ... on Dog {
                ...fragA
              }
            }
            """#, [
                (#"Cannot spread fragment "fragA" within itself."#, [(3, 5)]),
            ])
    }

    @Test func noSpreadingItselfIndirectly() {
        expectErrors(NoFragmentCyclesRule.self, #"""
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { ...fragA }
            """#, [
                (#"Cannot spread fragment "fragA" within itself via "fragB"."#, [(1, 25), (2, 25)]),
            ])
    }

    @Test func noSpreadingItselfDeeply() {
        expectErrors(NoFragmentCyclesRule.self, #"""
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { ...fragC }
            fragment fragC on Dog { ...fragO }
            fragment fragX on Dog { ...fragY }
            fragment fragY on Dog { ...fragZ }
            fragment fragZ on Dog { ...fragO }
            fragment fragO on Dog { ...fragP }
            fragment fragP on Dog { ...fragA, ...fragX }
            """#, [
                (#"Cannot spread fragment "fragA" within itself via "fragB", "fragC", "fragO", "fragP"."#, [(1, 25), (2, 25), (3, 25), (7, 25), (8, 25)]),
                (#"Cannot spread fragment "fragO" within itself via "fragP", "fragX", "fragY", "fragZ"."#, [(7, 25), (8, 35), (4, 25), (5, 25), (6, 25)]),
            ])
    }

    @Test func noSpreadingItselfDeeplyTwoPaths() {
        expectErrors(NoFragmentCyclesRule.self, #"""
            fragment fragA on Dog { ...fragB, ...fragC }
            fragment fragB on Dog { ...fragA }
            fragment fragC on Dog { ...fragA }
            """#, [
                (#"Cannot spread fragment "fragA" within itself via "fragB"."#, [(1, 25), (2, 25)]),
                (#"Cannot spread fragment "fragA" within itself via "fragC"."#, [(1, 35), (3, 25)]),
            ])
    }

    @Test func noSpreadingItselfDeeplyAndImmediately() {
        expectErrors(NoFragmentCyclesRule.self, #"""
            fragment fragA on Dog { ...fragB }
            fragment fragB on Dog { ...fragB, ...fragC }
            fragment fragC on Dog { ...fragA, ...fragB }
            """#, [
                (#"Cannot spread fragment "fragB" within itself."#, [(2, 25)]),
                (#"Cannot spread fragment "fragA" within itself via "fragB", "fragC"."#, [(1, 25), (2, 35), (3, 25)]),
                (#"Cannot spread fragment "fragB" within itself via "fragC"."#, [(2, 35), (3, 35)]),
            ])
    }
}
