// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("KnownFragmentNames") struct ValidationKnownFragmentNamesTests {
    @Test func knownFragmentNamesAreValid() {
        expectValid(KnownFragmentNamesRule.self, #"""
            {
              human(id: 4) {
                ...HumanFields1
                ... on Human {
                  ...HumanFields2
                }
                ... {
                  name
                }
              }
            }
            fragment HumanFields1 on Human {
              name
              ...HumanFields3
            }
            fragment HumanFields2 on Human {
              name
            }
            fragment HumanFields3 on Human {
              name
            }
            """#)
    }

    @Test func unknownFragmentNamesAreInvalid() {
        expectErrors(KnownFragmentNamesRule.self, #"""
            {
              human(id: 4) {
                ...UnknownFragment1
                ... on Human {
                  ...UnknownFragment2
                }
              }
            }
            fragment HumanFields on Human {
              name
              ...UnknownFragment3
            }
            """#, [
                (#"Unknown fragment "UnknownFragment1"."#, [(3, 8)]),
                (#"Unknown fragment "UnknownFragment2"."#, [(5, 10)]),
                (#"Unknown fragment "UnknownFragment3"."#, [(11, 6)]),
            ])
    }
}
