// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("FieldsOnCorrectType") struct ValidationFieldsOnCorrectTypeTests {
    @Test func objectFieldSelection() {
        expectValid(FieldsOnCorrectTypeRule.self, #"""
            fragment objectFieldSelection on Dog {
              __typename
              name
            }
            """#)
    }

    @Test func aliasedObjectFieldSelection() {
        expectValid(FieldsOnCorrectTypeRule.self, #"""
            fragment aliasedObjectFieldSelection on Dog {
              tn : __typename
              otherName : name
            }
            """#)
    }

    @Test func interfaceFieldSelection() {
        expectValid(FieldsOnCorrectTypeRule.self, #"""
            fragment interfaceFieldSelection on Pet {
              __typename
              name
            }
            """#)
    }

    @Test func ignoresFieldsOnUnknownType() {
        expectValid(FieldsOnCorrectTypeRule.self, #"""
            fragment unknownSelection on UnknownType {
              unknownField
            }
            """#)
    }

    @Test func reportsErrorsWhenTypeIsKnownAgain() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment typeKnownAgain on Pet {
              unknown_pet_field {
                ... on Cat {
                  unknown_cat_field
                }
              }
            }
            """#, [
                (#"Cannot query field "unknown_pet_field" on type "Pet"."#, [(2, 3)]),
                (#"Cannot query field "unknown_cat_field" on type "Cat"."#, [(4, 7)]),
            ])
    }

    @Test func fieldNotDefinedOnFragment() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment fieldNotDefined on Dog {
              meowVolume
            }
            """#, [
                (#"Cannot query field "meowVolume" on type "Dog". Did you mean "barkVolume"?"#, [(2, 3)]),
            ])
    }

    @Test func ignoresDeeplyUnknownField() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment deepFieldNotDefined on Dog {
              unknown_field {
                deeper_unknown_field
              }
            }
            """#, [
                (#"Cannot query field "unknown_field" on type "Dog"."#, [(2, 3)]),
            ])
    }

    @Test func subFieldNotDefined() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment subFieldNotDefined on Human {
              pets {
                unknown_field
              }
            }
            """#, [
                (#"Cannot query field "unknown_field" on type "Pet"."#, [(3, 5)]),
            ])
    }

    @Test func fieldNotDefinedOnInlineFragment() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment fieldNotDefined on Pet {
              ... on Dog {
                meowVolume
              }
            }
            """#, [
                (#"Cannot query field "meowVolume" on type "Dog". Did you mean "barkVolume"?"#, [(3, 5)]),
            ])
    }

    @Test func aliasedFieldTargetNotDefined() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment aliasedFieldTargetNotDefined on Dog {
              volume : mooVolume
            }
            """#, [
                (#"Cannot query field "mooVolume" on type "Dog". Did you mean "barkVolume"?"#, [(2, 3)]),
            ])
    }

    @Test func notDefinedOnInterface() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment notDefinedOnInterface on Pet {
              tailLength
            }
            """#, [
                (#"Cannot query field "tailLength" on type "Pet"."#, [(2, 3)]),
            ])
    }

    @Test func definedOnImplementorsButNotOnInterface() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment definedOnImplementorsButNotInterface on Pet {
              nickname
            }
            """#, [
                (#"Cannot query field "nickname" on type "Pet". Did you mean to use an inline fragment on "Cat" or "Dog"?"#, [(2, 3)]),
            ])
    }

    @Test func metaFieldSelectionOnUnion() {
        expectValid(FieldsOnCorrectTypeRule.self, #"""
            fragment directFieldSelectionOnUnion on CatOrDog {
              __typename
            }
            """#)
    }

    @Test func directFieldSelectionOnUnion() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment directFieldSelectionOnUnion on CatOrDog {
              directField
            }
            """#, [
                (#"Cannot query field "directField" on type "CatOrDog"."#, [(2, 3)]),
            ])
    }

    @Test func definedOnImplementorsQueriedOnUnion() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment definedOnImplementorsQueriedOnUnion on CatOrDog {
              name
            }
            """#, [
                (#"Cannot query field "name" on type "CatOrDog". Did you mean to use an inline fragment on "Pet", "Canine", "Cat", or "Dog"?"#, [(2, 3)]),
            ])
    }

    @Test func validFieldInInlineFragment() {
        expectValid(FieldsOnCorrectTypeRule.self, #"""
            fragment objectFieldSelection on Pet {
              ... on Dog {
                name
              }
              ... {
                name
              }
            }
            """#)
    }

    @Test func introspectionFieldsOnQueryRoot() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            {
              __schema { queryType { name } }
              __type(name: "Dog") { name }
              dog { __schema __type(name: "x") }
            }
            """#, [
                (#"Cannot query field "__schema" on type "Dog"."#, [(4, 9)]),
                (#"Cannot query field "__type" on type "Dog"."#, [(4, 18)]),
            ])
    }

    @Test func suggestsFieldsInFurtherImplementations() {
        expectErrors(FieldsOnCorrectTypeRule.self, #"""
            fragment f on Mammal {
              barkVolume
              meows
            }
            """#, [
                (#"Cannot query field "barkVolume" on type "Mammal". Did you mean to use an inline fragment on "Dog"?"#, [(2, 3)]),
                (#"Cannot query field "meows" on type "Mammal"."#, [(3, 3)]),
            ])
    }
}
