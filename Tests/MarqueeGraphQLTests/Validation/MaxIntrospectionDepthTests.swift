// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("MaxIntrospectionDepth") struct ValidationMaxIntrospectionDepthTests {
    @Test func defaultIntrospectionQuery() {
        expectValid(MaxIntrospectionDepthRule.self, #"""
            query {
              __schema {
                types {
                  fields {
                    type {
                      ofType { name }
                    }
                  }
                  interfaces { name }
                  possibleTypes { name }
                  inputFields { name }
                }
              }
            }
            """#, schema: ValidationTestSchema.introspection)
    }

    @Test func tooDeepFields() {
        expectErrors(MaxIntrospectionDepthRule.self, #"""
            {
              __schema {
                types {
                  fields {
                    type {
                      fields {
                        type {
                          fields {
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
            """#, [
                (#"Maximum introspection depth exceeded"#, [(2, 3)]),
            ], schema: ValidationTestSchema.introspection)
    }

    @Test func tooDeepThroughFragments() {
        expectErrors(MaxIntrospectionDepthRule.self, #"""
            query {
              __schema {
                types {
                  ...F1
                }
              }
            }

            fragment F1 on __Type {
              fields {
                type {
                  ...F2
                }
              }
            }

            fragment F2 on __Type {
              fields {
                type {
                  ...F3
                }
              }
            }

            fragment F3 on __Type {
              fields {
                type {
                  name
                }
              }
            }
            """#, [
                (#"Maximum introspection depth exceeded"#, [(2, 3)]),
            ], schema: ValidationTestSchema.introspection)
    }

    @Test func tooDeepInterfacesAndPossibleTypes() {
        expectErrors(MaxIntrospectionDepthRule.self, #"""
            {
              __type(name: "Query") {
                interfaces {
                  possibleTypes {
                    inputFields { name }
                  }
                }
              }
              __schema { types { name } }
            }
            """#, [
                (#"Maximum introspection depth exceeded"#, [(2, 3)]),
            ], schema: ValidationTestSchema.introspection)
    }

    @Test func infiniteFragmentCycleIsNotAnError() {
        expectValid(MaxIntrospectionDepthRule.self, #"""
            query {
              __schema {
                types {
                  ...Cycle
                }
              }
            }

            fragment Cycle on __Type {
              ...Cycle
            }
            """#, schema: ValidationTestSchema.introspection)
    }
}
