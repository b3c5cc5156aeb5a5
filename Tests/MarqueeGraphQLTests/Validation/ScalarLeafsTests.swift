// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("ScalarLeafs") struct ValidationScalarLeafsTests {
    @Test func validScalarSelection() {
        expectValid(ScalarLeafsRule.self, #"""
            fragment scalarSelection on Dog {
              barks
            }
            """#)
    }

    @Test func objectTypeMissingSelection() {
        expectErrors(ScalarLeafsRule.self, #"""
            query directQueryOnObjectWithoutSubFields {
              human
            }
            """#, [
                (#"Field "human" of type "Human" must have a selection of subfields. Did you mean "human { ... }"?"#, [(2, 3)]),
            ])
    }

    @Test func interfaceTypeMissingSelection() {
        expectErrors(ScalarLeafsRule.self, #"""
            {
              human { pets }
            }
            """#, [
                (#"Field "pets" of type "[Pet]" must have a selection of subfields. Did you mean "pets { ... }"?"#, [(2, 11)]),
            ])
    }

    @Test func validScalarSelectionWithArgs() {
        expectValid(ScalarLeafsRule.self, #"""
            fragment scalarSelectionWithArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
            }
            """#)
    }

    @Test func scalarSelectionNotAllowedOnBoolean() {
        expectErrors(ScalarLeafsRule.self, #"""
            fragment scalarSelectionsNotAllowedOnBoolean on Dog {
              barks { sinceWhen }
            }
            """#, [
                (#"Field "barks" must not have a selection since type "Boolean" has no subfields."#, [(2, 9)]),
            ])
    }

    @Test func scalarSelectionNotAllowedOnEnum() {
        expectErrors(ScalarLeafsRule.self, #"""
            fragment scalarSelectionsNotAllowedOnEnum on Cat {
              furColor { inHexDec }
            }
            """#, [
                (#"Field "furColor" must not have a selection since type "FurColor" has no subfields."#, [(2, 12)]),
            ])
    }

    @Test func scalarSelectionNotAllowedWithArgs() {
        expectErrors(ScalarLeafsRule.self, #"""
            fragment scalarSelectionsNotAllowedWithArgs on Dog {
              doesKnowCommand(dogCommand: SIT) { sinceWhen }
            }
            """#, [
                (#"Field "doesKnowCommand" must not have a selection since type "Boolean" has no subfields."#, [(2, 36)]),
            ])
    }

    @Test func scalarSelectionNotAllowedWithDirectivesAndArgs() {
        expectErrors(ScalarLeafsRule.self, #"""
            fragment scalarSelectionsNotAllowedWithDirectivesAndArgs on Dog {
              doesKnowCommand(dogCommand: SIT) @include(if: true) { sinceWhen }
            }
            """#, [
                (#"Field "doesKnowCommand" must not have a selection since type "Boolean" has no subfields."#, [(2, 55)]),
            ])
    }

    @Test func nonNullListOfObjectsMissingSelection() {
        expectErrors(ScalarLeafsRule.self, #"""
            { human { relatives } }
            """#, [
                (#"Field "relatives" of type "[Human]!" must have a selection of subfields. Did you mean "relatives { ... }"?"#, [(1, 11)]),
            ])
    }
}
