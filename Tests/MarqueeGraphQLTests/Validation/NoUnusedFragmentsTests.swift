// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("NoUnusedFragments") struct ValidationNoUnusedFragmentsTests {
    @Test func allFragmentNamesAreUsed() {
        expectValid(NoUnusedFragmentsRule.self, #"""
            {
              human(id: 4) {
                ...HumanFields1
                ... on Human {
                  ...HumanFields2
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

    @Test func containsUnknownFragments() {
        expectErrors(NoUnusedFragmentsRule.self, #"""
            query Foo {
              human(id: 4) {
                ...HumanFields1
              }
            }
            query Bar {
              human(id: 4) {
                ...HumanFields2
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
            fragment Unused1 on Human {
              name
            }
            fragment Unused2 on Human {
              name
            }
            """#, [
                (#"Fragment "Unused1" is never used."#, [(21, 1)]),
                (#"Fragment "Unused2" is never used."#, [(24, 1)]),
            ])
    }

    @Test func containsUnknownFragmentsWithRefCycle() {
        expectErrors(NoUnusedFragmentsRule.self, #"""
            query Foo {
              human(id: 4) {
                ...HumanFields1
              }
            }
            fragment HumanFields1 on Human {
              name
              ...HumanFields3
            }
            fragment HumanFields3 on Human {
              name
            }
            fragment Unused1 on Human {
              name
              ...Unused2
            }
            fragment Unused2 on Human {
              name
              ...Unused1
            }
            """#, [
                (#"Fragment "Unused1" is never used."#, [(13, 1)]),
                (#"Fragment "Unused2" is never used."#, [(17, 1)]),
            ])
    }

    @Test func containsUnknownAndUndefFragments() {
        expectErrors(NoUnusedFragmentsRule.self, #"""
            query Foo {
              human(id: 4) {
                ...bar
              }
            }
            fragment foo on Human {
              name
            }
            """#, [
                (#"Fragment "foo" is never used."#, [(6, 1)]),
            ])
    }
}
