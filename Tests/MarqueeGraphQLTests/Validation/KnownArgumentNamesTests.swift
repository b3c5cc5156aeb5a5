// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("KnownArgumentNames") struct ValidationKnownArgumentNamesTests {
    @Test func singleArgIsKnown() {
        expectValid(KnownArgumentNamesRule.self, #"""
            fragment argOnRequiredArg on Dog {
              doesKnowCommand(dogCommand: SIT)
            }
            """#)
    }

    @Test func multipleArgsAreKnown() {
        expectValid(KnownArgumentNamesRule.self, #"""
            fragment multipleArgs on ComplicatedArgs {
              multipleReqs(req1: 1, req2: 2)
            }
            """#)
    }

    @Test func ignoresArgsOfUnknownFields() {
        expectValid(KnownArgumentNamesRule.self, #"""
            fragment argOnUnknownField on Dog {
              unknownField(unknownArg: SIT)
            }
            """#)
    }

    @Test func noArgsOnOptionalArg() {
        expectValid(KnownArgumentNamesRule.self, #"""
            fragment noArgOnOptionalArg on Dog {
              isHouseTrained
            }
            """#)
    }

    @Test func argsAreKnownDeeply() {
        expectValid(KnownArgumentNamesRule.self, #"""
            {
              dog {
                doesKnowCommand(dogCommand: SIT)
              }
              human {
                pet {
                  ... on Dog {
                    doesKnowCommand(dogCommand: SIT)
                  }
                }
              }
            }
            """#)
    }

    @Test func directiveArgsAreKnown() {
        expectValid(KnownArgumentNamesRule.self, #"""
            {
              dog @skip(if: true)
            }
            """#)
    }

    @Test func fieldArgsAreInvalid() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            {
              dog @skip(unless: true)
            }
            """#, [
                (#"Unknown argument "unless" on directive "@skip"."#, [(2, 13)]),
            ])
    }

    @Test func directiveWithoutArgsIsValid() {
        expectValid(KnownArgumentNamesRule.self, #"""
            {
              dog @onField
            }
            """#)
    }

    @Test func argLeaksToDirectiveWithoutArgs() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            {
              dog @onField(if: true)
            }
            """#, [
                (#"Unknown argument "if" on directive "@onField"."#, [(2, 16)]),
            ])
    }

    @Test func misspelledDirectiveArgsAreReported() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            {
              dog @skip(iff: true)
            }
            """#, [
                (#"Unknown argument "iff" on directive "@skip". Did you mean "if"?"#, [(2, 13)]),
            ])
    }

    @Test func invalidArgName() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            fragment invalidArgName on Dog {
              doesKnowCommand(unknown: true)
            }
            """#, [
                (#"Unknown argument "unknown" on field "Dog.doesKnowCommand"."#, [(2, 19)]),
            ])
    }

    @Test func misspelledArgNameIsReported() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            fragment invalidArgName on Dog {
              doesKnowCommand(DogCommand: true)
            }
            """#, [
                (#"Unknown argument "DogCommand" on field "Dog.doesKnowCommand". Did you mean "dogCommand"?"#, [(2, 19)]),
            ])
    }

    @Test func unknownArgsAmongstKnownArgs() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            fragment oneGoodArgOneInvalidArg on Dog {
              doesKnowCommand(whoKnows: 1, dogCommand: SIT, unknown: true)
            }
            """#, [
                (#"Unknown argument "whoKnows" on field "Dog.doesKnowCommand"."#, [(2, 19)]),
                (#"Unknown argument "unknown" on field "Dog.doesKnowCommand"."#, [(2, 49)]),
            ])
    }

    @Test func unknownArgsDeeply() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            {
              dog {
                doesKnowCommand(unknown: true)
              }
              human {
                pet {
                  ... on Dog {
                    doesKnowCommand(unknown: true)
                  }
                }
              }
            }
            """#, [
                (#"Unknown argument "unknown" on field "Dog.doesKnowCommand"."#, [(3, 21)]),
                (#"Unknown argument "unknown" on field "Dog.doesKnowCommand"."#, [(8, 25)]),
            ])
    }

    @Test func unknownDirectiveArgsNotCheckedAgainstField() {
        expectValid(KnownArgumentNamesRule.self, #"""
            {
              dog {
                doesKnowCommand(dogCommand: SIT) @unknownDirective(dogCommand: SIT, other: 1)
              }
            }
            """#)
    }

    @Test func directiveArgsInSDL() {
        expectErrors(KnownArgumentNamesRule.self, #"""
            type Query {
              foo: String @deprecated(reason: "x", unknown: 1)
            }
            directive @myDirective(arg: String) on FIELD
            query { dog @myDirective(arg: "a", unknown: 1) }
            """#, [
                (#"Unknown argument "unknown" on directive "@deprecated"."#, [(2, 40)]),
                (#"Unknown argument "unknown" on directive "@myDirective"."#, [(5, 36)]),
            ])
    }
}
