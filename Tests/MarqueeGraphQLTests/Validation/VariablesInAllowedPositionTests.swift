// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("VariablesInAllowedPosition") struct ValidationVariablesInAllowedPositionTests {
    @Test func booleanToBoolean() {
        expectValid(VariablesInAllowedPositionRule.self, #"""
            query Query($booleanArg: Boolean)
            {
              complicatedArgs {
                booleanArgField(booleanArg: $booleanArg)
              }
            }
            """#)
    }

    @Test func booleanToBooleanWithinFragment() {
        expectValid(VariablesInAllowedPositionRule.self, #"""
            fragment booleanArgFrag on ComplicatedArgs {
              booleanArgField(booleanArg: $booleanArg)
            }
            query Query($booleanArg: Boolean)
            {
              complicatedArgs {
                ...booleanArgFrag
              }
            }
            """#)
    }

    @Test func nonNullBooleanToBoolean() {
        expectValid(VariablesInAllowedPositionRule.self, #"""
            query Query($nonNullBooleanArg: Boolean!)
            {
              complicatedArgs {
                booleanArgField(booleanArg: $nonNullBooleanArg)
              }
            }
            """#)
    }

    @Test func stringListToStringList() {
        expectValid(VariablesInAllowedPositionRule.self, #"""
            query Query($stringListVar: [String!])
            {
              complicatedArgs {
                stringListArgField(stringListArg: $stringListVar)
              }
            }
            """#)
    }

    @Test func itemInList() {
        expectValid(VariablesInAllowedPositionRule.self, #"""
            query Query($stringVar: String)
            {
              complicatedArgs {
                stringListArgField(stringListArg: [$stringVar])
              }
            }
            """#)
    }

    @Test func intToNonNullIntWithDefault() {
        expectValid(VariablesInAllowedPositionRule.self, #"""
            query Query($intArg: Int = 1)
            {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: $intArg)
              }
            }
            """#)
    }

    @Test func intToNonNullInt() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($intArg: Int) {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: $intArg)
              }
            }
            """#, [
                (#"Variable "$intArg" of type "Int" used in position expecting type "Int!"."#, [(1, 13), (3, 39)]),
            ])
    }

    @Test func intToNonNullIntWithinNestedFragment() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            fragment outerFrag on ComplicatedArgs {
              ...nonNullIntArgFieldFrag
            }

            fragment nonNullIntArgFieldFrag on ComplicatedArgs {
              nonNullIntArgField(nonNullIntArg: $intArg)
            }

            query Query($intArg: Int) {
              complicatedArgs {
                ...outerFrag
              }
            }
            """#, [
                (#"Variable "$intArg" of type "Int" used in position expecting type "Int!"."#, [(9, 13), (6, 37)]),
            ])
    }

    @Test func stringOverBoolean() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($stringVar: String) {
              complicatedArgs {
                booleanArgField(booleanArg: $stringVar)
              }
            }
            """#, [
                (#"Variable "$stringVar" of type "String" used in position expecting type "Boolean"."#, [(1, 13), (3, 33)]),
            ])
    }

    @Test func stringToListOfString() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($stringVar: String) {
              complicatedArgs {
                stringListArgField(stringListArg: $stringVar)
              }
            }
            """#, [
                (#"Variable "$stringVar" of type "String" used in position expecting type "[String]"."#, [(1, 13), (3, 39)]),
            ])
    }

    @Test func booleanToNonNullBooleanInDirective() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($boolVar: Boolean) {
              dog @include(if: $boolVar)
            }
            """#, [
                (#"Variable "$boolVar" of type "Boolean" used in position expecting type "Boolean!"."#, [(1, 13), (2, 20)]),
            ])
    }

    @Test func stringToNonNullBooleanInDirective() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($stringVar: String) {
              dog @include(if: $stringVar)
            }
            """#, [
                (#"Variable "$stringVar" of type "String" used in position expecting type "Boolean!"."#, [(1, 13), (2, 20)]),
            ])
    }

    @Test func listOfStringToListOfNonNullString() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($stringListVar: [String])
            {
              complicatedArgs {
                stringListNonNullArgField(stringListNonNullArg: $stringListVar)
              }
            }
            """#, [
                (#"Variable "$stringListVar" of type "[String]" used in position expecting type "[String!]"."#, [(1, 13), (4, 53)]),
            ])
    }

    @Test func nullDefaultDoesNotAllowNonNullPosition() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($intVar: Int = null) {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: $intVar)
              }
            }
            """#, [
                (#"Variable "$intVar" of type "Int" used in position expecting type "Int!"."#, [(1, 13), (3, 39)]),
            ])
    }

    @Test func nullableVariableWithLocationDefault() {
        expectValid(VariablesInAllowedPositionRule.self, #"""
            query Query($intVar: Int) {
              complicatedArgs {
                nonNullFieldWithDefault(arg: $intVar)
              }
            }
            """#)
    }

    @Test func booleanInInputObjectWithDefault() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($boolVar: Boolean) {
              complicatedArgs {
                complexArgField(complexArg: { requiredField: true, nonNullField: $boolVar })
                c2: complexArgField(complexArg: { requiredField: $boolVar })
              }
            }
            """#, [
                (#"Variable "$boolVar" of type "Boolean" used in position expecting type "Boolean!"."#, [(1, 13), (4, 54)]),
            ])
    }

    @Test func oneOfVariables() {
        expectErrors(VariablesInAllowedPositionRule.self, #"""
            query Query($string: String!, $maybe: String, $int: Int) {
              complicatedArgs {
                oneOfArgField(oneOfArg: { stringField: $string })
                o2: oneOfArgField(oneOfArg: { stringField: $maybe })
                o3: oneOfArgField(oneOfArg: { intField: $int })
              }
            }
            """#, [
                (#"Variable "$maybe" is of type "String" but must be non-nullable to be used for OneOf Input Object "OneOfInput"."#, [(1, 31), (4, 48)]),
                (#"Variable "$int" is of type "Int" but must be non-nullable to be used for OneOf Input Object "OneOfInput"."#, [(1, 47), (5, 45)]),
            ])
    }
}
