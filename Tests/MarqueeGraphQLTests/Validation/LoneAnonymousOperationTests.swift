// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("LoneAnonymousOperation") struct ValidationLoneAnonymousOperationTests {
    @Test func oneAnonOperation() {
        expectValid(LoneAnonymousOperationRule.self, #"""
            {
              field
            }
            """#)
    }

    @Test func multipleNamedOperations() {
        expectValid(LoneAnonymousOperationRule.self, #"""
            query Foo {
              field
            }

            query Bar {
              field
            }
            """#)
    }

    @Test func multipleAnonOperations() {
        expectErrors(LoneAnonymousOperationRule.self, #"""
            {
              fieldA
            }
            {
              fieldB
            }
            """#, [
                (#"This anonymous operation must be the only defined operation."#, [(1, 1)]),
                (#"This anonymous operation must be the only defined operation."#, [(4, 1)]),
            ])
    }

    @Test func anonOperationWithAnotherOperation() {
        expectErrors(LoneAnonymousOperationRule.self, #"""
            {
              fieldA
            }
            mutation Foo {
              fieldB
            }
            """#, [
                (#"This anonymous operation must be the only defined operation."#, [(1, 1)]),
            ])
    }
}
