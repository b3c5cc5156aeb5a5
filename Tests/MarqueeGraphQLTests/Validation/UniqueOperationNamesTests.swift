// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("UniqueOperationNames") struct ValidationUniqueOperationNamesTests {
    @Test func noOperations() {
        expectValid(UniqueOperationNamesRule.self, #"""
            fragment fragA on Type {
              field
            }
            """#)
    }

    @Test func multipleOperationsOfDifferentNames() {
        expectValid(UniqueOperationNamesRule.self, #"""
            query Foo {
              field
            }

            query Bar {
              field
            }
            """#)
    }

    @Test func fragmentAndOperationNamedTheSame() {
        expectValid(UniqueOperationNamesRule.self, #"""
            query Foo {
              ...Foo
            }
            fragment Foo on Type {
              field
            }
            """#)
    }

    @Test func multipleOperationsOfSameName() {
        expectErrors(UniqueOperationNamesRule.self, #"""
            query Foo {
              fieldA
            }
            query Foo {
              fieldB
            }
            """#, [
                (#"There can be only one operation named "Foo"."#, [(1, 7), (4, 7)]),
            ])
    }

    @Test func multipleOpsOfSameNameOfDifferentTypes() {
        expectErrors(UniqueOperationNamesRule.self, #"""
            query Foo {
              fieldA
            }
            mutation Foo {
              fieldB
            }
            subscription Foo {
              fieldC
            }
            """#, [
                (#"There can be only one operation named "Foo"."#, [(1, 7), (4, 10)]),
                (#"There can be only one operation named "Foo"."#, [(1, 7), (7, 14)]),
            ])
    }
}
