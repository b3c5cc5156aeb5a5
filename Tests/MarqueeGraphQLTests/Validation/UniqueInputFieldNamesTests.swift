// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("UniqueInputFieldNames") struct ValidationUniqueInputFieldNamesTests {
    @Test func inputObjectWithFields() {
        expectValid(UniqueInputFieldNamesRule.self, #"""
            {
              field(arg: { f: true })
            }
            """#)
    }

    @Test func sameInputObjectWithinTwoArgs() {
        expectValid(UniqueInputFieldNamesRule.self, #"""
            {
              field(arg1: { f: true }, arg2: { f: true })
            }
            """#)
    }

    @Test func multipleInputObjectFields() {
        expectValid(UniqueInputFieldNamesRule.self, #"""
            {
              field(arg: { f1: "value", f2: "value", f3: "value" })
            }
            """#)
    }

    @Test func allowsForNestedInputObjectsWithSimilarFields() {
        expectValid(UniqueInputFieldNamesRule.self, #"""
            {
              field(arg: {
                deep: {
                  deep: {
                    id: 1
                  }
                  id: 1
                }
                id: 1
              })
            }
            """#)
    }

    @Test func duplicateInputObjectFields() {
        expectErrors(UniqueInputFieldNamesRule.self, #"""
            {
              field(arg: { f1: "value", f1: "value" })
            }
            """#, [
                (#"There can be only one input field named "f1"."#, [(2, 16), (2, 29)]),
            ])
    }

    @Test func manyDuplicateInputObjectFields() {
        expectErrors(UniqueInputFieldNamesRule.self, #"""
            {
              field(arg: { f1: "value", f1: "value", f1: "value" })
            }
            """#, [
                (#"There can be only one input field named "f1"."#, [(2, 16), (2, 29)]),
                (#"There can be only one input field named "f1"."#, [(2, 16), (2, 42)]),
            ])
    }

    @Test func nestedDuplicateInputObjectFields() {
        expectErrors(UniqueInputFieldNamesRule.self, #"""
            {
              field(arg: { f1: {f2: "value", f2: "value" }})
            }
            """#, [
                (#"There can be only one input field named "f2"."#, [(2, 21), (2, 34)]),
            ])
    }
}
