// Spec 3.13 Directives, type validation: names, locations and arguments of every
// directive definition the schema has.

extension SchemaValidationContext {
    func validateDirectives() {
        for directive in schema.directives {
            let node = nodes.directive(directive.name)
            validateName(directive.name, node?.loc ?? directive.loc)
            if directive.locations.isEmpty {
                report("Directive @\(directive.name) must include 1 or more locations.", node?.loc ?? directive.loc)
            }
            for argument in directive.arguments {
                let argumentNode = nodes.directiveArgument(directive.name, argument.name)
                validateName(argument.name, argumentNode?.loc ?? argument.loc)
                let argumentString = "@\(directive.name)(\(argument.name):)"
                if !argument.type.isInputType {
                    report("The type of \(argumentString) must be Input Type but got: \(argument.type).", argumentNode?.loc ?? argument.loc)
                }
                if argument.isRequired && argument.deprecationReason != nil {
                    report("Required argument \(argumentString) cannot be deprecated.",
                           [deprecatedDirectiveLoc(argumentNode?.directives ?? argument.directives), argumentNode?.type.loc])
                }
                validateDefaultValue(argument, argumentString, node: argumentNode)
            }
        }
    }
}
