// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("ExecutableDefinitions") struct ValidationExecutableDefinitionsTests {
    @Test func onlyOperation() {
        expectValid(ExecutableDefinitionsRule.self, #"""
            query Foo {
              dog {
                name
              }
            }
            """#)
    }

    @Test func operationAndFragment() {
        expectValid(ExecutableDefinitionsRule.self, #"""
            query Foo {
              dog {
                name
                ...Frag
              }
            }

            fragment Frag on Dog {
              name
            }
            """#)
    }

    @Test func typeDefinition() {
        expectErrors(ExecutableDefinitionsRule.self, #"""
            query Foo {
              dog {
                name
              }
            }

            type Cow {
              name: String
            }

            extend type Dog {
              color: String
            }
            """#, [
                (#"The "Cow" definition is not executable."#, [(7, 1)]),
                (#"The "Dog" definition is not executable."#, [(11, 1)]),
            ])
    }

    @Test func schemaDefinition() {
        expectErrors(ExecutableDefinitionsRule.self, #"""
            schema {
              query: Query
            }

            type Query {
              test: String
            }

            extend schema @directive
            """#, [
                (#"The schema definition is not executable."#, [(1, 1)]),
                (#"The "Query" definition is not executable."#, [(5, 1)]),
                (#"The schema definition is not executable."#, [(9, 1)]),
            ])
    }
}
