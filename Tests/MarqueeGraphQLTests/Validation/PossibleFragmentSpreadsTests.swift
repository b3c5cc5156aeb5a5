// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("PossibleFragmentSpreads") struct ValidationPossibleFragmentSpreadsTests {
    @Test func ofTheSameObject() {
        expectValid(PossibleFragmentSpreadsRule.self, #"""
            fragment objectWithinObject on Dog { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            """#)
    }

    @Test func objectIntoImplementedInterface() {
        expectValid(PossibleFragmentSpreadsRule.self, #"""
            fragment objectWithinInterface on Pet { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            """#)
    }

    @Test func unionIntoOverlappingInterface() {
        expectValid(PossibleFragmentSpreadsRule.self, #"""
            fragment unionWithinInterface on Pet { ...catOrDogFragment }
            fragment catOrDogFragment on CatOrDog { __typename }
            """#)
    }

    @Test func interfaceIntoImplementedInterface() {
        expectValid(PossibleFragmentSpreadsRule.self, #"""
            fragment interfaceWithinInterface on Mammal { ...canineFragment }
            fragment canineFragment on Canine { name }
            """#)
    }

    @Test func ignoresIncorrectType() {
        expectValid(PossibleFragmentSpreadsRule.self, #"""
            fragment petFragment on Pet { ...badInADifferentWay }
            fragment badInADifferentWay on String { name }
            """#)
    }

    @Test func differentObjectIntoObject() {
        expectErrors(PossibleFragmentSpreadsRule.self, #"""
            fragment invalidObjectWithinObject on Cat { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            """#, [
                (#"Fragment "dogFragment" cannot be spread here as objects of type "Cat" can never be of type "Dog"."#, [(1, 45)]),
            ])
    }

    @Test func differentObjectIntoObjectInInlineFragment() {
        expectErrors(PossibleFragmentSpreadsRule.self, #"""
            fragment invalidObjectWithinObjectAnon on Cat {
              ... on Dog { barkVolume }
            }
            """#, [
                (#"Fragment cannot be spread here as objects of type "Cat" can never be of type "Dog"."#, [(2, 3)]),
            ])
    }

    @Test func objectIntoNotImplementingInterface() {
        expectErrors(PossibleFragmentSpreadsRule.self, #"""
            fragment invalidObjectWithinInterface on Pet { ...humanFragment }
            fragment humanFragment on Human { pets { name } }
            """#, [
                (#"Fragment "humanFragment" cannot be spread here as objects of type "Pet" can never be of type "Human"."#, [(1, 48)]),
            ])
    }

    @Test func objectIntoNotContainingUnion() {
        expectErrors(PossibleFragmentSpreadsRule.self, #"""
            fragment invalidObjectWithinUnion on CatOrDog { ...humanFragment }
            fragment humanFragment on Human { pets { name } }
            """#, [
                (#"Fragment "humanFragment" cannot be spread here as objects of type "CatOrDog" can never be of type "Human"."#, [(1, 49)]),
            ])
    }

    @Test func interfaceIntoNonOverlappingUnion() {
        expectErrors(PossibleFragmentSpreadsRule.self, #"""
            fragment invalidInterfaceWithinUnion on CatOrDog { ... on Mammal { mother { __typename } } }
            fragment x on Human { ... on Canine { name } }
            """#, [
                (#"Fragment cannot be spread here as objects of type "Human" can never be of type "Canine"."#, [(2, 23)]),
            ])
    }
}
