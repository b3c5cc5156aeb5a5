// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("UniqueArgumentNames") struct ValidationUniqueArgumentNamesTests {
    @Test func noArgumentsOnField() {
        expectValid(UniqueArgumentNamesRule.self, #"""
            {
              field
            }
            """#)
    }

    @Test func argumentsOnFieldAndDirective() {
        expectValid(UniqueArgumentNamesRule.self, #"""
            {
              field(arg: "value") @directive(arg: "value")
            }
            """#)
    }

    @Test func sameArgumentOnTwoFields() {
        expectValid(UniqueArgumentNamesRule.self, #"""
            {
              one: field(arg: "value")
              two: field(arg: "value")
            }
            """#)
    }

    @Test func duplicateFieldArguments() {
        expectErrors(UniqueArgumentNamesRule.self, #"""
            {
              field(arg1: "value", arg1: "value")
            }
            """#, [
                (#"There can be only one argument named "arg1"."#, [(2, 9), (2, 24)]),
            ])
    }

    @Test func manyDuplicateFieldArguments() {
        expectErrors(UniqueArgumentNamesRule.self, #"""
            {
              field(arg1: "value", arg1: "value", arg1: "value")
            }
            """#, [
                (#"There can be only one argument named "arg1"."#, [(2, 9), (2, 24), (2, 39)]),
            ])
    }

    @Test func duplicateDirectiveArguments() {
        expectErrors(UniqueArgumentNamesRule.self, #"""
            {
              field @directive(arg1: "value", arg1: "value")
            }
            """#, [
                (#"There can be only one argument named "arg1"."#, [(2, 20), (2, 35)]),
            ])
    }

    @Test func manyDuplicateDirectiveArguments() {
        expectErrors(UniqueArgumentNamesRule.self, #"""
            {
              field @directive(arg1: "value", arg2: "x", arg1: "value", arg2: "y", arg1: "z")
            }
            """#, [
                (#"There can be only one argument named "arg1"."#, [(2, 20), (2, 46), (2, 72)]),
                (#"There can be only one argument named "arg2"."#, [(2, 35), (2, 61)]),
            ])
    }
}
