// Spec 3.10 Input Objects, type validation: fields with input types, no deprecated
// required field, valid defaults, and the `@oneOf` rules (every field nullable,
// none with a default).

extension SchemaValidationContext {
    func validateInputFields(_ input: GraphQLInputObjectType) {
        if input.fields.isEmpty {
            report("Input Object type \(input.name) must define one or more fields.", nodes.typeLocations(input))
        }
        for field in input.fields {
            let fieldNode = nodes.inputField(input.name, field.name)
            validateName(field.name, fieldNode?.loc ?? field.loc)
            let fieldString = "\(input.name).\(field.name)"
            if !field.type.isInputType {
                report("The type of \(fieldString) must be Input Type but got: \(field.type).", fieldNode?.type.loc)
            }
            if field.isRequired && field.deprecationReason != nil {
                report("Required input field \(fieldString) cannot be deprecated.",
                       [deprecatedDirectiveLoc(fieldNode?.directives ?? field.directives), fieldNode?.type.loc])
            }
            validateDefaultValue(field, fieldString, node: fieldNode)
            if input.isOneOf {
                validateOneOfField(input, field, fieldNode)
            }
        }
    }

    private func validateOneOfField(_ input: GraphQLInputObjectType, _ field: GraphQLInputField, _ fieldNode: InputValueDefinition?) {
        if field.type.isNonNull {
            report("OneOf input field \(input.name).\(field.name) must be nullable.", fieldNode?.type.loc)
        }
        if field.hasDefault {
            report("OneOf input field \(input.name).\(field.name) cannot have a default value.", fieldNode?.loc ?? field.loc)
        }
    }
}
