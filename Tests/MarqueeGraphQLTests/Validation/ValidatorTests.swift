// The validator itself: the error limit, aborting on too deeply nested fragments,
// the rule list, and custom rules.

import Testing
@testable import MarqueeGraphQL

@Suite("Validator") struct ValidationValidatorTests {
    private let manyUnknownFields = "{ dog { " + (0..<105).map { "a\($0)" }.joined(separator: " ") + " } }"

    @Test func stopsAfterTheErrorLimit() {
        let errors = validationErrors([FieldsOnCorrectTypeRule.self], manyUnknownFields)
        #expect(errors.count == 101)
        #expect(errors[99] == ExpectedError(#"Cannot query field "a99" on type "Dog"."#, [(1, 395)]))
        #expect(errors[100] == ExpectedError("Too many validation errors, error limit reached. Validation aborted.", []))
    }

    @Test func honoursACustomErrorLimit() {
        let errors = validationErrors([FieldsOnCorrectTypeRule.self], manyUnknownFields, maxErrors: 2)
        #expect(errors == [
            ExpectedError(#"Cannot query field "a0" on type "Dog"."#, [(1, 9)]),
            ExpectedError(#"Cannot query field "a1" on type "Dog"."#, [(1, 12)]),
            ExpectedError("Too many validation errors, error limit reached. Validation aborted.", []),
        ])
    }

    @Test func abortsOnTooDeeplyNestedFragments() {
        let count = 205
        let fragments = (0..<count).map { "fragment F\($0) on Dog { ...F\($0 + 1) }" }.joined(separator: "\n")
        let query = "query Q { dog { ...F0 } }\n" + fragments + "\nfragment F\(count) on Dog { name }\n"
        #expect(validationErrors(specifiedRules, query) == [ExpectedError("Validation aborted.", [])])
    }

    @Test func abortsOnTooDeeplyNestedFragmentsDefinedFirst() {
        let count = 205
        let fragments = (0..<count).reversed().map { "fragment F\($0) on Dog { ...F\($0 + 1) }" }.joined(separator: "\n")
        let query = fragments + "\nfragment F\(count) on Dog { name }\nquery Q { dog { ...F0 } x }\n"
        #expect(validationErrors(specifiedRules, query) == [ExpectedError("Validation aborted.", [])])
    }

    @Test func acceptsFragmentsNestedWithinTheLimit() {
        let count = 100
        let fragments = (0..<count).map { "fragment F\($0) on Dog { ...F\($0 + 1) }" }.joined(separator: "\n")
        let query = "query Q { dog { ...F0 } }\n" + fragments + "\nfragment F\(count) on Dog { name }\n"
        #expect(validationErrors(specifiedRules, query) == [])
    }

    @Test func abortsWhenComparingFieldsTakesTooMuchWork() {
        // 600 fields with one response name and different arguments: graphql-core
        // stops after 500,000 units of comparison work.
        let fields = (0..<600).map { "name(surname: \($0 % 2 == 0))" }.joined(separator: " ")
        #expect(validationErrors(specifiedRules, "{ dog { \(fields) } }") == [ExpectedError("Validation aborted.", [])])
    }

    @Test func specifiedRulesAreInGraphQLJsOrder() {
        let names = specifiedRules.map { String(describing: $0) }
        #expect(names == [
            "ExecutableDefinitionsRule", "KnownOperationTypesRule", "UniqueOperationNamesRule", "LoneAnonymousOperationRule",
            "SingleFieldSubscriptionsRule", "KnownTypeNamesRule", "FragmentsOnCompositeTypesRule", "VariablesAreInputTypesRule",
            "ScalarLeafsRule", "FieldsOnCorrectTypeRule", "UniqueFragmentNamesRule", "KnownFragmentNamesRule",
            "NoUnusedFragmentsRule", "PossibleFragmentSpreadsRule", "NoFragmentCyclesRule", "UniqueVariableNamesRule",
            "NoUndefinedVariablesRule", "NoUnusedVariablesRule", "KnownDirectivesRule", "UniqueDirectivesPerLocationRule",
            "KnownArgumentNamesRule", "UniqueArgumentNamesRule", "ValuesOfCorrectTypeRule", "ProvidedRequiredArgumentsRule",
            "VariablesInAllowedPositionRule", "OverlappingFieldsCanBeMergedRule", "UniqueInputFieldNamesRule",
            "MaxIntrospectionDepthRule",
        ])
    }

    @Test func customRulesSeeTheTypeInfo() {
        let errors = validationErrors([NoDeprecatedFieldsRule.self], "{ dog { name nickname } cat { name } }")
        #expect(errors == [ExpectedError(#"Field "Dog.nickname" is not allowed."#, [(1, 14)])])
    }
}

/// A custom rule written against the public API: only the default `visits` (all).
private final class NoDeprecatedFieldsRule: ValidationRule {
    let context: ValidationContext
    init(context: ValidationContext) { self.context = context }

    func enterField(_ node: Field) {
        guard let parent = context.typeInfo.parentType, node.name.value == "nickname" else { return }
        context.report(GraphQLError("Field \"\(parent.name).\(node.name.value)\" is not allowed.", at: node.loc))
    }
}
