// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("KnownOperationTypes") struct ValidationKnownOperationTypesTests {
    @Test func oneKnownOperation() {
        expectValid(KnownOperationTypesRule.self, #"""
            { field }
            """#, schema: ValidationTestSchema.queryOnly)
    }

    @Test func unknownMutation() {
        expectErrors(KnownOperationTypesRule.self, #"""
            mutation { field }
            """#, [
                (#"The mutation operation is not supported by the schema."#, [(1, 1)]),
            ], schema: ValidationTestSchema.queryOnly)
    }

    @Test func unknownSubscription() {
        expectErrors(KnownOperationTypesRule.self, #"""
            subscription { field }
            """#, [
                (#"The subscription operation is not supported by the schema."#, [(1, 1)]),
            ], schema: ValidationTestSchema.queryOnly)
    }

    @Test func mixedKnownAndUnknown() {
        expectErrors(KnownOperationTypesRule.self, #"""
            query { normalField }
            mutation { doSomething }
            subscription { thing }
            """#, [
                (#"The subscription operation is not supported by the schema."#, [(3, 1)]),
            ], schema: ValidationTestSchema.withMutation)
    }
}
