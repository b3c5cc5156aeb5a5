/// Validation (spec section 5): whether a document can run against a schema.
public enum Validator {
    /// Checks `document` with `rules`, all driven by one traversal, and returns the
    /// errors found in the order the rules report them. After `maxErrors` errors,
    /// validation stops with one more error that says so.
    public static func validate(schema: GraphQLSchema, document: Document, rules: [any ValidationRule.Type] = specifiedRules,
                                maxErrors: Int = 100) -> [GraphQLError] {
        let context = ValidationContext(schema: schema, document: document, maxErrors: maxErrors)
        let dispatch = RuleDispatch(rules.map { $0.init(context: context) })
        var walker = DocumentWalker(context: context, typeInfo: context.typeInfo, rules: dispatch)
        if !context.fragmentNames.isEmpty && FragmentNesting.canBeTooDeep(document) { walker.nesting = FragmentNesting(context) }
        walker.walkDocument(document)
        return context.errors
    }
}
