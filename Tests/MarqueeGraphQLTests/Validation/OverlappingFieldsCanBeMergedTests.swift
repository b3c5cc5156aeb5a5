// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("OverlappingFieldsCanBeMerged") struct ValidationOverlappingFieldsCanBeMergedTests {
    @Test func uniqueFields() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment uniqueFields on Dog {
              name
              nickname
            }
            """#)
    }

    @Test func identicalFields() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment mergeIdenticalFields on Dog {
              name
              name
            }
            """#)
    }

    @Test func identicalFieldsWithIdenticalArgs() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand(dogCommand: SIT)
            }
            """#)
    }

    @Test func identicalFieldsWithIdenticalDirectives() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment mergeSameFieldsWithSameDirectives on Dog {
              name @include(if: true)
              name @include(if: true)
            }
            """#)
    }

    @Test func differentArgsWithDifferentAliases() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment differentArgsWithDifferentAliases on Dog {
              knowsSit: doesKnowCommand(dogCommand: SIT)
              knowsDown: doesKnowCommand(dogCommand: DOWN)
            }
            """#)
    }

    @Test func sameAliasesWithDifferentFieldTargets() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment sameAliasesWithDifferentFieldTargets on Dog {
              fido: name
              fido: nickname
            }
            """#, [
                (#"Fields "fido" conflict because "name" and "nickname" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 3)]),
            ])
    }

    @Test func sameAliasesAllowedOnNonOverlappingFields() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment sameAliasesWithDifferentFieldTargets on Pet {
              ... on Dog {
                name
              }
              ... on Cat {
                name: nickname
              }
            }
            """#)
    }

    @Test func aliasMaskingDirectFieldAccess() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment aliasMaskingDirectFieldAccess on Dog {
              name: nickname
              name
            }
            """#, [
                (#"Fields "name" conflict because "nickname" and "name" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 3)]),
            ])
    }

    @Test func differentArgsSecondAddsAnArgument() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment conflictingArgs on Dog {
              doesKnowCommand
              doesKnowCommand(dogCommand: HEEL)
            }
            """#, [
                (#"Fields "doesKnowCommand" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 3)]),
            ])
    }

    @Test func differentArgsSecondMissingAnArgument() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment conflictingArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand
            }
            """#, [
                (#"Fields "doesKnowCommand" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 3)]),
            ])
    }

    @Test func conflictingArgValues() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment conflictingArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand(dogCommand: HEEL)
            }
            """#, [
                (#"Fields "doesKnowCommand" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 3)]),
            ])
    }

    @Test func conflictingArgNames() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment conflictingArgs on Dog {
              isAtLocation(x: 0)
              isAtLocation(y: 0)
            }
            """#, [
                (#"Fields "isAtLocation" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 3)]),
            ])
    }

    @Test func argsInDifferentOrder() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment f on Dog {
              isAtLocation(x: 0, y: 1)
              isAtLocation(y: 1, x: 0)
              a: complicatedArgs(o: {a: 1, b: [2, {c: "x"}]})
              a: complicatedArgs(o: {b: [2, {c: "x"}], a: 1})
              b: f(v: $v)
              b: f(v: $w)
            }
            """#, [
                (#"Fields "b" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional."#, [(6, 3), (7, 3)]),
            ])
    }

    @Test func allowsDifferentArgsWhereNoConflictIsPossible() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment conflictingArgs on Pet {
              ... on Dog {
                name(surname: true)
              }
              ... on Cat {
                name
              }
            }
            """#)
    }

    @Test func encountersConflictInFragments() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              ...A
              ...B
            }
            fragment A on Type {
              x: a
            }
            fragment B on Type {
              x: b
            }
            """#, [
                (#"Fields "x" conflict because "a" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(6, 3), (9, 3)]),
            ])
    }

    @Test func reportsEachConflictOnce() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              f1 {
                ...A
                ...B
              }
              f2 {
                ...B
                ...A
              }
              f3 {
                ...A
                ...B
                x: c
              }
            }
            fragment A on Type {
              x: a
            }
            fragment B on Type {
              x: b
            }
            """#, [
                (#"Fields "x" conflict because "a" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(17, 3), (20, 3)]),
                (#"Fields "x" conflict because "c" and "a" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(13, 5), (17, 3)]),
                (#"Fields "x" conflict because "c" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(13, 5), (20, 3)]),
            ])
    }

    @Test func deepConflict() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              field {
                x: a
              },
              field {
                x: b
              }
            }
            """#, [
                (#"Fields "field" conflict because subfields "x" conflict because "a" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 5), (5, 3), (6, 5)]),
            ])
    }

    @Test func deepConflictWithMultipleIssues() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              field {
                x: a
                y: c
              },
              field {
                x: b
                y: d
              }
            }
            """#, [
                (#"Fields "field" conflict because subfields "x" conflict because "a" and "b" are different fields and subfields "y" conflict because "c" and "d" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 5), (4, 5), (6, 3), (7, 5), (8, 5)]),
            ])
    }

    @Test func veryDeepConflict() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              field {
                deepField {
                  x: a
                }
              },
              field {
                deepField {
                  x: b
                }
              }
            }
            """#, [
                (#"Fields "field" conflict because subfields "deepField" conflict because subfields "x" conflict because "a" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (3, 5), (4, 7), (7, 3), (8, 5), (9, 7)]),
            ])
    }

    @Test func reportsDeepConflictToNearestCommonAncestor() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              field {
                deepField {
                  x: a
                }
                deepField {
                  x: b
                }
              },
              field {
                deepField {
                  y
                }
              }
            }
            """#, [
                (#"Fields "deepField" conflict because subfields "x" conflict because "a" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(3, 5), (4, 7), (6, 5), (7, 7)]),
            ])
    }

    @Test func reportsDeepConflictToNearestCommonAncestorInFragments() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              field {
                ...F
              }
              field {
                ...F
              }
            }
            fragment F on T {
              deepField {
                deeperField {
                  x: a
                }
                deeperField {
                  x: b
                }
              },
              deepField {
                deeperField {
                  y
                }
              }
            }
            """#, [
                (#"Fields "deeperField" conflict because subfields "x" conflict because "a" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(11, 5), (12, 7), (14, 5), (15, 7)]),
            ])
    }

    @Test func reportsDeepConflictInNestedFragments() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              field {
                ...F
              }
              field {
                ...I
              }
            }
            fragment F on T {
              x: a
              ...G
            }
            fragment G on T {
              y: c
            }
            fragment I on T {
              y: d
              ...J
            }
            fragment J on T {
              x: b
            }
            """#, [
                (#"Fields "field" conflict because subfields "x" conflict because "a" and "b" are different fields and subfields "y" conflict because "c" and "d" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (10, 3), (14, 3), (5, 3), (21, 3), (17, 3)]),
            ])
    }

    @Test func ignoresUnknownFragments() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              field
              ...Unknown
              ...Known
            }

            fragment Known on T {
              field
              ...OtherUnknown
            }
            """#)
    }

    @Test func conflictingReturnTypesWhichPotentiallyOverlap() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ...on IntBox {
                  scalar
                }
                ...on NonNullStringBox1 {
                  scalar
                }
              }
            }
            """#, [
                (#"Fields "scalar" conflict because they return conflicting types "Int" and "String!". Use different aliases on the fields to fetch both if this was intentional."#, [(4, 7), (7, 7)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func compatibleReturnShapesOnDifferentReturnTypes() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on SomeBox {
                  deepBox {
                    unrelatedField
                  }
                }
                ... on StringBox {
                  deepBox {
                    unrelatedField
                  }
                }
              }
            }
            """#, schema: ValidationTestSchema.overlap)
    }

    @Test func disallowsDifferingReturnTypesDespiteNoOverlap() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on IntBox {
                  scalar
                }
                ... on StringBox {
                  scalar
                }
              }
            }
            """#, [
                (#"Fields "scalar" conflict because they return conflicting types "Int" and "String". Use different aliases on the fields to fetch both if this was intentional."#, [(4, 7), (7, 7)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func reportsCorrectlyWhenANonExclusiveFollowsAnExclusive() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on IntBox {
                  deepBox {
                    ...X
                  }
                }
              }
              someBox {
                ... on StringBox {
                  deepBox {
                    ...Y
                  }
                }
              }
              memoed: someBox {
                ... on IntBox {
                  deepBox {
                    ...X
                  }
                }
              }
              memoed: someBox {
                ... on StringBox {
                  deepBox {
                    ...Y
                  }
                }
              }
              other: someBox {
                ...X
              }
              other: someBox {
                ...Y
              }
            }
            fragment X on SomeBox {
              scalar
            }
            fragment Y on SomeBox {
              scalar: unrelatedField
            }
            """#, [
                (#"Fields "other" conflict because subfields "scalar" conflict because "scalar" and "unrelatedField" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(30, 3), (38, 3), (33, 3), (41, 3)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func disallowsDifferingReturnTypeNullabilityDespiteNoOverlap() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on NonNullStringBox1 {
                  scalar
                }
                ... on StringBox {
                  scalar
                }
              }
            }
            """#, [
                (#"Fields "scalar" conflict because they return conflicting types "String!" and "String". Use different aliases on the fields to fetch both if this was intentional."#, [(4, 7), (7, 7)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func disallowsDifferingReturnTypeListDespiteNoOverlap() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on IntBox {
                  box: listStringBox {
                    scalar
                  }
                }
                ... on StringBox {
                  box: stringBox {
                    scalar
                  }
                }
              }
            }
            """#, [
                (#"Fields "box" conflict because they return conflicting types "[StringBox]" and "StringBox". Use different aliases on the fields to fetch both if this was intentional."#, [(4, 7), (9, 7)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func disallowsDifferingSubfields() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on IntBox {
                  box: stringBox {
                    val: scalar
                    val: unrelatedField
                  }
                }
                ... on StringBox {
                  box: stringBox {
                    val: scalar
                  }
                }
              }
            }
            """#, [
                (#"Fields "val" conflict because "scalar" and "unrelatedField" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(5, 9), (6, 9)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func disallowsDifferingDeepReturnTypesDespiteNoOverlap() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on IntBox {
                  box: stringBox {
                    scalar
                  }
                }
                ... on StringBox {
                  box: intBox {
                    scalar
                  }
                }
              }
            }
            """#, [
                (#"Fields "box" conflict because subfields "scalar" conflict because they return conflicting types "String" and "Int". Use different aliases on the fields to fetch both if this was intentional."#, [(4, 7), (5, 9), (9, 7), (10, 9)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func allowsNonConflictingOverlappingTypes() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ... on IntBox {
                  scalar: unrelatedField
                }
                ... on StringBox {
                  scalar
                }
              }
            }
            """#, schema: ValidationTestSchema.overlap)
    }

    @Test func sameWrappedScalarReturnTypes() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ...on NonNullStringBox1 {
                  scalar
                }
                ...on NonNullStringBox2 {
                  scalar
                }
              }
            }
            """#, schema: ValidationTestSchema.overlap)
    }

    @Test func allowsInlineFragmentsWithoutTypeCondition() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              a
              ... {
                a
              }
            }
            """#, schema: ValidationTestSchema.overlap)
    }

    @Test func comparesDeepTypesIncludingList() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              connection {
                ...edgeID
                edges {
                  node {
                    id: name
                  }
                }
              }
            }

            fragment edgeID on Connection {
              edges {
                node {
                  id
                }
              }
            }
            """#, [
                (#"Fields "edges" conflict because subfields "node" conflict because subfields "id" conflict because "name" and "id" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(4, 5), (5, 7), (6, 9), (13, 3), (14, 5), (15, 7)]),
            ], schema: ValidationTestSchema.overlap)
    }

    @Test func ignoresUnknownTypes() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              someBox {
                ...on UnknownType {
                  scalar
                }
                ...on NonNullStringBox2 {
                  scalar
                }
              }
            }
            """#, schema: ValidationTestSchema.overlap)
    }

    @Test func errorMessageContainsHintForAliasConflict() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              dog {
                name: nickname
                name
              }
            }
            """#, [
                (#"Fields "name" conflict because "nickname" and "name" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(3, 5), (4, 5)]),
            ])
    }

    @Test func doesNotInfiniteLoopOnRecursiveFragment() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              ...fragA
            }

            fragment fragA on Human { name, relatives { name, ...fragA } }
            """#)
    }

    @Test func doesNotInfiniteLoopOnImmediatelyRecursiveFragment() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              ...fragA
            }

            fragment fragA on Human { name, ...fragA }
            """#)
    }

    @Test func findsInvalidCaseEvenWithImmediatelyRecursiveFragment() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            fragment sameAliasesWithDifferentFieldTargets on Dog {
              ...sameAliasesWithDifferentFieldTargets
              fido: name
              fido: nickname
            }
            """#, [
                (#"Fields "fido" conflict because "name" and "nickname" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(3, 3), (4, 3)]),
            ])
    }

    @Test func doesNotInfiniteLoopOnTransitivelyRecursiveFragment() {
        expectValid(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              ...fragA
              fragB
            }

            fragment fragA on Human { name, ...fragB }
            fragment fragB on Human { name, ...fragC }
            fragment fragC on Human { name, ...fragA }
            """#)
    }

    @Test func findsInvalidCaseWithFieldNamedAfterFragment() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              fragA
              ...fragA
            }

            fragment fragA on Type {
              fragA: b
            }
            """#, [
                (#"Fields "fragA" conflict because "fragA" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(2, 3), (7, 3)]),
            ])
    }

    @Test func findsInvalidCaseEvenWithFieldNamedAfterFragment() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              ...fragA
              fragA
            }

            fragment fragA on Type {
              fragA: b
            }
            """#, [
                (#"Fields "fragA" conflict because "fragA" and "b" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(3, 3), (7, 3)]),
            ])
    }

    @Test func streamDirectives() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              dog {
                name @stream(initialCount: 1)
                name @stream(initialCount: 1)
                nickname @stream(initialCount: 1)
                nickname @stream(initialCount: 2)
                barks
                barks @stream
              }
            }
            """#, [
                (#"Fields "name" conflict because they have overlapping stream directives. See https://github.com/graphql/defer-stream-wg/discussions/100. Use different aliases on the fields to fetch both if this was intentional."#, [(3, 5), (4, 5)]),
                (#"Fields "nickname" conflict because they have overlapping stream directives. Use different aliases on the fields to fetch both if this was intentional."#, [(5, 5), (6, 5)]),
                (#"Fields "barks" conflict because they have overlapping stream directives. Use different aliases on the fields to fetch both if this was intentional."#, [(7, 5), (8, 5)]),
            ])
    }

    @Test func conflictInsideInlineFragmentIsReportedOnce() {
        expectErrors(OverlappingFieldsCanBeMergedRule.self, #"""
            {
              dog {
                ... on Dog {
                  x: name
                  x: nickname
                }
              }
            }
            """#, [
                (#"Fields "x" conflict because "name" and "nickname" are different fields. Use different aliases on the fields to fetch both if this was intentional."#, [(4, 7), (5, 7)]),
            ])
    }
}
