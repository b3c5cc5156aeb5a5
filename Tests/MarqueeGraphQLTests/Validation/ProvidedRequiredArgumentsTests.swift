// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("ProvidedRequiredArguments") struct ValidationProvidedRequiredArgumentsTests {
    @Test func ignoresUnknownArguments() {
        expectValid(ProvidedRequiredArgumentsRule.self, #"""
            {
              dog {
                isHouseTrained(unknownArgument: true)
              }
            }
            """#)
    }

    @Test func argOnOptionalArg() {
        expectValid(ProvidedRequiredArgumentsRule.self, #"""
            {
              dog {
                isHouseTrained(atOtherHomes: true)
              }
            }
            """#)
    }

    @Test func noArgOnNonNullFieldWithDefault() {
        expectValid(ProvidedRequiredArgumentsRule.self, #"""
            {
              complicatedArgs {
                nonNullFieldWithDefault
              }
            }
            """#)
    }

    @Test func multipleReqsInEitherOrder() {
        expectValid(ProvidedRequiredArgumentsRule.self, #"""
            {
              complicatedArgs {
                multipleReqs(req2: 2, req1: 1)
              }
            }
            """#)
    }

    @Test func missingOneNonNullableArgument() {
        expectErrors(ProvidedRequiredArgumentsRule.self, #"""
            {
              complicatedArgs {
                multipleReqs(req2: 2)
              }
            }
            """#, [
                (#"Argument "ComplicatedArgs.multipleReqs(req1:)" of type "Int!" is required, but it was not provided."#, [(3, 5)]),
            ])
    }

    @Test func missingMultipleNonNullableArguments() {
        expectErrors(ProvidedRequiredArgumentsRule.self, #"""
            {
              complicatedArgs {
                multipleReqs
              }
            }
            """#, [
                (#"Argument "ComplicatedArgs.multipleReqs(req1:)" of type "Int!" is required, but it was not provided."#, [(3, 5)]),
                (#"Argument "ComplicatedArgs.multipleReqs(req2:)" of type "Int!" is required, but it was not provided."#, [(3, 5)]),
            ])
    }

    @Test func incorrectValueAndMissingArgument() {
        expectErrors(ProvidedRequiredArgumentsRule.self, #"""
            {
              complicatedArgs {
                multipleReqs(req1: "one")
              }
            }
            """#, [
                (#"Argument "ComplicatedArgs.multipleReqs(req2:)" of type "Int!" is required, but it was not provided."#, [(3, 5)]),
            ])
    }

    @Test func directives() {
        expectErrors(ProvidedRequiredArgumentsRule.self, #"""
            {
              dog @include(if: true) @skip {
                name @include
              }
              __type { name }
            }
            """#, [
                (#"Argument "@skip(if:)" of type "Boolean!" is required, but it was not provided."#, [(2, 26)]),
                (#"Argument "@include(if:)" of type "Boolean!" is required, but it was not provided."#, [(3, 10)]),
                (#"Argument "<meta>.__type(name:)" of type "String!" is required, but it was not provided."#, [(5, 3)]),
            ])
    }

    @Test func directivesDefinedInDocument() {
        expectErrors(ProvidedRequiredArgumentsRule.self, #"""
            directive @withRequired(req: Int!, opt: Int, def: Int! = 1) on FIELD
            { dog @withRequired { name } }
            """#, [
                (#"Argument "@withRequired(req:)" of type "Int!" is required, but it was not provided."#, [(2, 7)]),
            ])
    }
}
