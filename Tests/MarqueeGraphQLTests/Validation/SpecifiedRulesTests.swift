// Every specified rule at once: errors in the order graphql-core 3.3.2 reports them
// (rules interleaved by the single traversal), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("Specified rules") struct ValidationSpecifiedRulesTests {
    @Test func validQueryWithFragmentsAndVariables() {
        let errors = validationErrors(specifiedRules, #"""
            query Q($cmd: DogCommand = SIT, $skip: Boolean!) {
              dog {
                ...DogFields
                doesKnowCommand(dogCommand: $cmd) @skip(if: $skip)
              }
              catOrDog { ... on Cat { furColor } ...DogFields }
              complicatedArgs { complexArgField(complexArg: { requiredField: true, stringListField: ["a"] }) }
            }
            fragment DogFields on Dog { name barkVolume mother { name } }
            """#)
        #expect(errors == [
        ])
    }

    @Test func errorsOfManyRulesInTraversalOrder() {
        let errors = validationErrors(specifiedRules, #"""
            query Q($unused: Int, $dup: String, $dup: String) {
              dog @unknown {
                nam
                name(surname: "yes")
                name
                ...Missing
                doesKnowCommand(dogCommand: SITT, extra: 1)
                isHouseTrained(atOtherHomes: $undefined)
              }
              cat { ... on Dog { barks } }
              complicatedArgs { multipleReqs(req1: 1, req1: 2) { x } complexArgField(complexArg: { intField: 1, intField: "2" }) }
              human
            }
            query Q { __typename }
            {
              dog { name }
            }
            fragment Unused on Dog { name }
            fragment Cycle on Dog { ...Cycle }
            mutation { x }
            type Extra { f: Strin }
            """#)
        #expect(errors == [
            ExpectedError(#"The "Extra" definition is not executable."#, [(21, 1)]),
            ExpectedError(#"There can be only one variable named "$dup"."#, [(1, 24), (1, 38)]),
            ExpectedError(#"Variable "$undefined" is not defined by operation "Q"."#, [(8, 34), (1, 1)]),
            ExpectedError(#"Variable "$unused" is never used in operation "Q"."#, [(1, 9)]),
            ExpectedError(#"Variable "$dup" is never used in operation "Q"."#, [(1, 23)]),
            ExpectedError(#"Variable "$dup" is never used in operation "Q"."#, [(1, 37)]),
            ExpectedError(#"Unknown directive "@unknown"."#, [(2, 7)]),
            ExpectedError(#"Fields "name" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional."#, [(4, 5), (5, 5)]),
            ExpectedError(#"Cannot query field "nam" on type "Dog". Did you mean "name"?"#, [(3, 5)]),
            ExpectedError(#"Boolean cannot represent a non boolean value: "yes""#, [(4, 19)]),
            ExpectedError(#"Unknown fragment "Missing"."#, [(6, 8)]),
            ExpectedError(#"Value "SITT" does not exist in "DogCommand" enum. Did you mean the enum value "SIT"?"#, [(7, 33)]),
            ExpectedError(#"Unknown argument "extra" on field "Dog.doesKnowCommand"."#, [(7, 39)]),
            ExpectedError(#"Fragment cannot be spread here as objects of type "Cat" can never be of type "Dog"."#, [(10, 9)]),
            ExpectedError(#"Field "multipleReqs" must not have a selection since type "String" has no subfields."#, [(11, 52)]),
            ExpectedError(#"There can be only one argument named "req1"."#, [(11, 34), (11, 43)]),
            ExpectedError(#"Argument "ComplicatedArgs.multipleReqs(req2:)" of type "Int!" is required, but it was not provided."#, [(11, 21)]),
            ExpectedError(#"Expected value of type "ComplexInput" to include required field "requiredField", found: { intField: 1, intField: "2" }."#, [(11, 86)]),
            ExpectedError(#"Int cannot represent non-integer value: "2""#, [(11, 111)]),
            ExpectedError(#"There can be only one input field named "intField"."#, [(11, 88), (11, 101)]),
            ExpectedError(#"Field "human" of type "Human" must have a selection of subfields. Did you mean "human { ... }"?"#, [(12, 3)]),
            ExpectedError(#"There can be only one operation named "Q"."#, [(1, 7), (14, 7)]),
            ExpectedError(#"This anonymous operation must be the only defined operation."#, [(15, 1)]),
            ExpectedError(#"Cannot spread fragment "Cycle" within itself."#, [(19, 25)]),
            ExpectedError(#"The mutation operation is not supported by the schema."#, [(20, 1)]),
            ExpectedError(#"This anonymous operation must be the only defined operation."#, [(20, 1)]),
            ExpectedError(#"Unknown type "Strin". Did you mean "String"?"#, [(21, 17)]),
            ExpectedError(#"Fragment "Unused" is never used."#, [(18, 1)]),
            ExpectedError(#"Fragment "Cycle" is never used."#, [(19, 1)]),
        ])
    }

    @Test func introspectionQueryOfGraphqlJs() {
        let errors = validationErrors(specifiedRules, #"""
            query IntrospectionQuery {
              __schema {
                queryType { name }
                mutationType { name }
                subscriptionType { name }
                types { ...FullType }
                directives {
                  name
                  description
                  locations
                  args { ...InputValue }
                }
              }
            }
            fragment FullType on __Type {
              kind
              name
              description
              fields(includeDeprecated: true) {
                name
                description
                args { ...InputValue }
                type { ...TypeRef }
                isDeprecated
                deprecationReason
              }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) {
                name
                description
                isDeprecated
                deprecationReason
              }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue {
              name
              description
              type { ...TypeRef }
              defaultValue
            }
            fragment TypeRef on __Type {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                    ofType {
                      kind
                      name
                      ofType {
                        kind
                        name
                        ofType {
                          kind
                          name
                          ofType {
                            kind
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """#)
        #expect(errors == [
        ])
    }

    @Test func variablesAndValuesAcrossRules() {
        let errors = validationErrors(specifiedRules, #"""
            query ($a: Int, $b: ComplexInput!, $c: [String] = [1, "two"]) {
              complicatedArgs {
                nonNullIntArgField(nonNullIntArg: $a)
                complexArgField(complexArg: $b)
                stringListNonNullArgField(stringListNonNullArg: $c)
                oneOfArgField(oneOfArg: { stringField: $a })
                enumArgField(enumArg: "BROWN")
              }
              dog { isAtLocation(x: 1, y: $a) }
            }
            """#)
        #expect(errors == [
            ExpectedError(#"String cannot represent a non string value: 1"#, [(1, 52)]),
            ExpectedError(#"Enum "FurColor" cannot represent non-enum value: "BROWN". Did you mean the enum value "BROWN"?"#, [(7, 27)]),
            ExpectedError(#"Variable "$a" of type "Int" used in position expecting type "Int!"."#, [(1, 8), (3, 39)]),
            ExpectedError(#"Variable "$c" of type "[String]" used in position expecting type "[String!]"."#, [(1, 36), (5, 53)]),
            ExpectedError(#"Variable "$a" of type "Int" used in position expecting type "String"."#, [(1, 8), (6, 44)]),
            ExpectedError(#"Variable "$a" is of type "Int" but must be non-nullable to be used for OneOf Input Object "OneOfInput"."#, [(1, 8), (6, 44)]),
        ])
    }
}
