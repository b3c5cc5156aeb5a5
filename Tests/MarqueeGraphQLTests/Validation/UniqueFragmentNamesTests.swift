// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("UniqueFragmentNames") struct ValidationUniqueFragmentNamesTests {
    @Test func noFragments() {
        expectValid(UniqueFragmentNamesRule.self, #"""
            {
              field
            }
            """#)
    }

    @Test func manyFragments() {
        expectValid(UniqueFragmentNamesRule.self, #"""
            {
              ...fragA
              ...fragB
              ...fragC
            }
            fragment fragA on Type {
              fieldA
            }
            fragment fragB on Type {
              fieldB
            }
            fragment fragC on Type {
              fieldC
            }
            """#)
    }

    @Test func fragmentsNamedTheSame() {
        expectErrors(UniqueFragmentNamesRule.self, #"""
            {
              ...fragA
            }
            fragment fragA on Type {
              fieldA
            }
            fragment fragA on Type {
              fieldB
            }
            """#, [
                (#"There can be only one fragment named "fragA"."#, [(4, 10), (7, 10)]),
            ])
    }

    @Test func fragmentsNamedTheSameWithoutBeingReferenced() {
        expectErrors(UniqueFragmentNamesRule.self, #"""
            fragment fragA on Type {
              fieldA
            }
            fragment fragA on Type {
              fieldB
            }
            fragment fragA on Type {
              fieldC
            }
            """#, [
                (#"There can be only one fragment named "fragA"."#, [(1, 10), (4, 10)]),
                (#"There can be only one fragment named "fragA"."#, [(1, 10), (7, 10)]),
            ])
    }
}
