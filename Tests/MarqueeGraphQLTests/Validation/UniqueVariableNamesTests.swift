// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("UniqueVariableNames") struct ValidationUniqueVariableNamesTests {
    @Test func uniqueVariableNames() {
        expectValid(UniqueVariableNamesRule.self, #"""
            query A($x: Int, $y: String) { __typename }
            query B($x: String, $y: Int) { __typename }
            """#)
    }

    @Test func duplicateVariableNames() {
        expectErrors(UniqueVariableNamesRule.self, #"""
            query A($x: Int, $x: Int, $x: String) { __typename }
            query B($x: String, $x: Int) { __typename }
            query C($x: Int, $x: Int) { __typename }
            """#, [
                (#"There can be only one variable named "$x"."#, [(1, 10), (1, 19), (1, 28)]),
                (#"There can be only one variable named "$x"."#, [(2, 10), (2, 22)]),
                (#"There can be only one variable named "$x"."#, [(3, 10), (3, 19)]),
            ])
    }
}
