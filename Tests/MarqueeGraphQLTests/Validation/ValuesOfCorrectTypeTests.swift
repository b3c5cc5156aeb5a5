// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("ValuesOfCorrectType") struct ValidationValuesOfCorrectTypeTests {
    @Test func goodValues() {
        expectValid(ValuesOfCorrectTypeRule.self, #"""
            {
              complicatedArgs {
                intArgField(intArg: 2)
                stringArgField(stringArg: "foo")
                booleanArgField(booleanArg: true)
                idArgField(idArg: "someIdString")
                i2: idArgField(idArg: 1)
                floatArgField(floatArg: 1.1)
                f2: floatArgField(floatArg: 1)
                enumArgField(enumArg: NO_FUR)
                n: intArgField(intArg: null)
                stringListArgField(stringListArg: ["one", null, "two"])
                s2: stringListArgField(stringListArg: "one")
                complexArgField(complexArg: { requiredField: true, intField: 4 })
              }
              dog { isHouseTrained(atOtherHomes: true) doesKnowCommand(dogCommand: SIT) }
            }
            """#)
    }

    @Test func invalidStringValues() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              complicatedArgs {
                stringArgField(stringArg: 1)
                s2: stringArgField(stringArg: 1.0)
                s3: stringArgField(stringArg: true)
                s4: stringArgField(stringArg: BAR)
              }
            }
            """#, [
                (#"String cannot represent a non string value: 1"#, [(3, 31)]),
                (#"String cannot represent a non string value: 1.0"#, [(4, 35)]),
                (#"String cannot represent a non string value: true"#, [(5, 35)]),
                (#"String cannot represent a non string value: BAR"#, [(6, 35)]),
            ])
    }

    @Test func invalidIntValues() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              complicatedArgs {
                intArgField(intArg: "3")
                i2: intArgField(intArg: 829384293849283498239482938)
                i3: intArgField(intArg: FOO)
                i4: intArgField(intArg: 3.0)
                i5: intArgField(intArg: 3.333)
                i6: intArgField(intArg: 2147483648)
              }
            }
            """#, [
                (#"Int cannot represent non-integer value: "3""#, [(3, 25)]),
                (#"Int cannot represent non 32-bit signed integer value: 829384293849283498239482938"#, [(4, 29)]),
                (#"Int cannot represent non-integer value: FOO"#, [(5, 29)]),
                (#"Int cannot represent non-integer value: 3.0"#, [(6, 29)]),
                (#"Int cannot represent non-integer value: 3.333"#, [(7, 29)]),
                (#"Int cannot represent non 32-bit signed integer value: 2147483648"#, [(8, 29)]),
            ])
    }

    @Test func invalidFloatBooleanIdValues() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              complicatedArgs {
                floatArgField(floatArg: "3.333")
                f2: floatArgField(floatArg: true)
                f3: floatArgField(floatArg: FOO)
                booleanArgField(booleanArg: 2)
                b2: booleanArgField(booleanArg: 1.0)
                b3: booleanArgField(booleanArg: "true")
                b4: booleanArgField(booleanArg: TRUE)
                idArgField(idArg: 1.0)
                d2: idArgField(idArg: true)
                d3: idArgField(idArg: SOMETHING)
              }
            }
            """#, [
                (#"Float cannot represent non numeric value: "3.333""#, [(3, 29)]),
                (#"Float cannot represent non numeric value: true"#, [(4, 33)]),
                (#"Float cannot represent non numeric value: FOO"#, [(5, 33)]),
                (#"Boolean cannot represent a non boolean value: 2"#, [(6, 33)]),
                (#"Boolean cannot represent a non boolean value: 1.0"#, [(7, 37)]),
                (#"Boolean cannot represent a non boolean value: "true""#, [(8, 37)]),
                (#"Boolean cannot represent a non boolean value: TRUE"#, [(9, 37)]),
                (#"ID cannot represent a non-string and non-integer value: 1.0"#, [(10, 23)]),
                (#"ID cannot represent a non-string and non-integer value: true"#, [(11, 27)]),
                (#"ID cannot represent a non-string and non-integer value: SOMETHING"#, [(12, 27)]),
            ])
    }

    @Test func invalidEnumValues() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              dog {
                doesKnowCommand(dogCommand: 2)
                d2: doesKnowCommand(dogCommand: 1.0)
                d3: doesKnowCommand(dogCommand: "SIT")
                d4: doesKnowCommand(dogCommand: true)
                d5: doesKnowCommand(dogCommand: JUGGLE)
                d6: doesKnowCommand(dogCommand: sit)
                d7: doesKnowCommand(dogCommand: [SIT])
              }
            }
            """#, [
                (#"Enum "DogCommand" cannot represent non-enum value: 2."#, [(3, 33)]),
                (#"Enum "DogCommand" cannot represent non-enum value: 1.0."#, [(4, 37)]),
                (#"Enum "DogCommand" cannot represent non-enum value: "SIT". Did you mean the enum value "SIT"?"#, [(5, 37)]),
                (#"Enum "DogCommand" cannot represent non-enum value: true."#, [(6, 37)]),
                (#"Value "JUGGLE" does not exist in "DogCommand" enum."#, [(7, 37)]),
                (#"Value "sit" does not exist in "DogCommand" enum. Did you mean the enum value "SIT"?"#, [(8, 37)]),
                (#"Enum "DogCommand" cannot represent non-enum value: [SIT]. Did you mean the enum value "SIT"?"#, []),
            ])
    }

    @Test func invalidListValues() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              complicatedArgs {
                stringListArgField(stringListArg: ["one", 2])
                s2: stringListArgField(stringListArg: 1)
                stringListNonNullArgField(stringListNonNullArg: ["one", null])
                intArgField(intArg: [1, 2])
                i2: intArgField(intArg: {a: 1, b: $x})
              }
            }
            """#, [
                (#"String cannot represent a non string value: 2"#, [(3, 47)]),
                (#"String cannot represent a non string value: 1"#, [(4, 43)]),
                (#"Expected value of non-null type "String!" not to be null."#, [(5, 61)]),
                (#"Int cannot represent non-integer value: [1, 2]"#, []),
                (#"Int cannot represent non-integer value: { a: 1 }"#, []),
            ])
    }

    @Test func nullIntoNonNull() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: null)
                multipleReqs(req1: 1, req2: null)
              }
            }
            """#, [
                (#"Expected value of non-null type "Int!" not to be null."#, [(3, 39)]),
                (#"Expected value of non-null type "Int!" not to be null."#, [(4, 33)]),
            ])
    }

    @Test func inputObjects() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              complicatedArgs {
                complexArgField(complexArg: { intField: 4 })
                c2: complexArgField(complexArg: { requiredField: true, nonNullField: false, stringListField: ["one", 2] })
                c3: complexArgField(complexArg: { requiredField: true, invalidField: "value" })
                c4: complexArgField(complexArg: { requiredField: true, nonNullField: null })
                c5: complexArgField(complexArg: { requiredField: true, unknownField: "value", stringField: 2 })
                c6: complexArgField(complexArg: "notAnObject")
                c7: complexArgField(complexArg: { requiredField: true, requiredFeld: 1 })
              }
            }
            """#, [
                (#"Expected value of type "ComplexInput" to include required field "requiredField", found: { intField: 4 }."#, [(3, 33)]),
                (#"String cannot represent a non string value: 2"#, [(4, 106)]),
                (#"Expected value of type "ComplexInput" not to include unknown field "invalidField". Did you mean "intField"? Found: { requiredField: true, invalidField: "value" }."#, [(5, 60)]),
                (#"Expected value of non-null type "Boolean!" not to be null."#, [(6, 74)]),
                (#"String cannot represent a non string value: 2"#, [(7, 96)]),
                (#"Expected value of type "ComplexInput" not to include unknown field "unknownField", found: { requiredField: true, unknownField: "value", stringField: 2 }."#, [(7, 60)]),
                (#"Expected value of type "ComplexInput" to be an object, found: "notAnObject"."#, [(8, 37)]),
                (#"Expected value of type "ComplexInput" not to include unknown field "requiredFeld". Did you mean "requiredField"? Found: { requiredField: true, requiredFeld: 1 }."#, [(9, 60)]),
            ])
    }

    @Test func oneOfInputObjects() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            query ($s: String!, $n: String) {
              complicatedArgs {
                oneOfArgField(oneOfArg: { stringField: "abc" })
                o2: oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 })
                o3: oneOfArgField(oneOfArg: { stringField: null })
                o4: oneOfArgField(oneOfArg: {})
                o5: oneOfArgField(oneOfArg: { stringField: $s })
                o6: oneOfArgField(oneOfArg: { stringField: $n, intField: 1 })
                o7: oneOfArgField(oneOfArg: { badField: 1 })
              }
            }
            """#, [
                (#"Within OneOf Input Object type "OneOfInput", exactly one field must be specified, and the value for that field must be non-null."#, [(4, 33)]),
                (#"Within OneOf Input Object type "OneOfInput", exactly one field must be specified, and the value for that field must be non-null."#, [(5, 33)]),
                (#"Within OneOf Input Object type "OneOfInput", exactly one field must be specified, and the value for that field must be non-null."#, [(6, 33)]),
                (#"Within OneOf Input Object type "OneOfInput", exactly one field must be specified, and the value for that field must be non-null."#, [(8, 33)]),
                (#"Expected value of type "OneOfInput" not to include unknown field "badField". Did you mean "intField"? Found: { badField: 1 }."#, [(9, 35)]),
                (#"Within OneOf Input Object type "OneOfInput", exactly one field must be specified, and the value for that field must be non-null."#, [(9, 33)]),
            ])
    }

    @Test func directiveArgumentsAndVariableDefaults() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            query ($a: Int = "one", $b: ComplexInput = { intField: 1 }, $c: [String] = [1]) {
              dog @include(if: "yes") @skip(if: ENUM) {
                name
              }
            }
            """#, [
                (#"Int cannot represent non-integer value: "one""#, [(1, 18)]),
                (#"Expected value of type "ComplexInput" to include required field "requiredField", found: { intField: 1 }."#, [(1, 44)]),
                (#"String cannot represent a non string value: 1"#, [(1, 77)]),
                (#"Boolean cannot represent a non boolean value: "yes""#, [(2, 20)]),
                (#"Boolean cannot represent a non boolean value: ENUM"#, [(2, 37)]),
            ])
    }

    @Test func unknownDirectiveUsesFieldArgumentType() {
        expectErrors(ValuesOfCorrectTypeRule.self, #"""
            {
              dog {
                doesKnowCommand(dogCommand: SIT) @unknown(dogCommand: 1)
              }
            }
            """#, [
                (#"Enum "DogCommand" cannot represent non-enum value: 1."#, [(3, 59)]),
            ])
    }
}
