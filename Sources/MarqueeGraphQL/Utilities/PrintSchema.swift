// The schema printer (graphql-js `printSchema`): a schema as SDL, without the
// specified directives, built-in scalars and introspection types, exactly as
// graphql-core 3.3.2 prints it.

/// `schema` as SDL: the schema definition (only when needed), then directives, then types.
public func printSchema(_ schema: GraphQLSchema) -> String {
    let specifiedNames = Set(GraphQLDirective.specified.map(\.name))
    let directives = schema.directives.filter { !specifiedNames.contains($0.name) }
    let types = schema.types.filter { !SchemaPrinter.reservedTypeNames.contains($0.name) }
    var parts: [String] = []
    if let definition = SchemaPrinter.schemaDefinition(schema) { parts.append(definition) }
    parts += directives.map(SchemaPrinter.directive)
    parts += types.map(SchemaPrinter.type)
    return parts.joined(separator: "\n\n")
}

enum SchemaPrinter {
    /// The specified scalars and introspection types, which every schema has.
    static let reservedTypeNames: Set<String> = Set(GraphQLScalarType.specified.map(\.name) + [
        "__Schema", "__Directive", "__DirectiveLocation", "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ])

    /// `schema { ... }`, unless the roots have the default names (and no other type
    /// has them) and there is no description.
    static func schemaDefinition(_ schema: GraphQLSchema) -> String? {
        let query = schema.queryType, mutation = schema.mutationType, subscription = schema.subscriptionType
        if query == nil && mutation == nil && subscription == nil { return nil }
        func isDefault(_ root: GraphQLObjectType?, _ name: String) -> Bool { root === schema.type(named: name) }
        if schema.description == nil && isDefault(query, "Query") && isDefault(mutation, "Mutation") && isDefault(subscription, "Subscription") {
            return nil
        }
        var text = description(schema.description) + "schema {\n"
        if let query { text += "  query: \(query.name)\n" }
        if let mutation { text += "  mutation: \(mutation.name)\n" }
        if let subscription { text += "  subscription: \(subscription.name)\n" }
        return text + "}"
    }

    static func type(_ type: any GraphQLNamedType) -> String {
        switch type {
        case let scalar as GraphQLScalarType:
            return description(scalar.description) + "scalar \(scalar.name)" + specifiedBy(scalar.specifiedByURL)
        case let object as GraphQLObjectType:
            return description(object.description) + "type \(object.name)" + implements(object.interfaces) + fields(object.fields)
        case let interface as GraphQLInterfaceType:
            return description(interface.description) + "interface \(interface.name)" + implements(interface.interfaces) + fields(interface.fields)
        case let union as GraphQLUnionType:
            let members = union.types.isEmpty ? "" : " = " + union.types.map(\.name).joined(separator: " | ")
            return description(union.description) + "union \(union.name)" + members
        case let enumType as GraphQLEnumType:
            let values = enumType.values.enumerated().map { i, value in
                description(value.description, indentation: "  ", firstInBlock: i == 0) + "  \(value.name)" + deprecated(value.deprecationReason)
            }
            return description(enumType.description) + "enum \(enumType.name)" + block(values)
        case let input as GraphQLInputObjectType:
            let fields = input.fields.enumerated().map { i, field in
                description(field.description, indentation: "  ", firstInBlock: i == 0) + "  " + inputValue(field)
            }
            return description(input.description) + "input \(input.name)" + (input.isOneOf ? " @oneOf" : "") + block(fields)
        default:
            return ""
        }
    }

    static func directive(_ directive: GraphQLDirective) -> String {
        description(directive.description) + "directive @\(directive.name)" + arguments(directive.arguments)
            + (directive.isRepeatable ? " repeatable" : "") + " on " + directive.locations.map(\.rawValue).joined(separator: " | ")
    }

    private static func implements(_ interfaces: [GraphQLInterfaceType]) -> String {
        interfaces.isEmpty ? "" : " implements " + interfaces.map(\.name).joined(separator: " & ")
    }

    private static func fields(_ fields: [GraphQLField]) -> String {
        block(fields.enumerated().map { i, field in
            description(field.description, indentation: "  ", firstInBlock: i == 0) + "  \(field.name)"
                + arguments(field.arguments, indentation: "  ") + ": \(field.type)" + deprecated(field.deprecationReason)
        })
    }

    private static func block(_ items: [String]) -> String {
        items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
    }

    /// Arguments on one line, unless one of them has a description.
    private static func arguments(_ arguments: [GraphQLArgument], indentation: String = "") -> String {
        if arguments.isEmpty { return "" }
        if arguments.allSatisfy({ $0.description == nil }) {
            return "(" + arguments.map(inputValue).joined(separator: ", ") + ")"
        }
        let lines = arguments.enumerated().map { i, argument in
            description(argument.description, indentation: "  " + indentation, firstInBlock: i == 0) + "  " + indentation + inputValue(argument)
        }
        return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
    }

    /// `name: Type = default @deprecated(...)`; the default as written in the SDL
    /// when known, else as `astFromValue` makes it.
    private static func inputValue(_ argument: GraphQLArgument) -> String {
        var text = "\(argument.name): \(argument.type)"
        if let literal = defaultValueLiteral(argument) { text += " = " + printWrappedValue(literal) }
        return text + deprecated(argument.deprecationReason)
    }

    static func defaultValueLiteral(_ argument: GraphQLArgument) -> Value? {
        if let literal = argument.defaultValueAST { return literal }
        guard let value = argument.defaultValue else { return nil }
        return astFromValue(value, type: argument.type)
    }

    private static func deprecated(_ reason: String?) -> String {
        guard let reason else { return "" }
        if reason == GraphQLDirective.defaultDeprecationReason { return " @deprecated" }
        return " @deprecated(reason: \(printString(reason)))"
    }

    private static func specifiedBy(_ url: String?) -> String {
        guard let url else { return "" }
        return " @specifiedBy(url: \(printString(url)))"
    }

    /// A description as a block string (or a string, when a block string cannot
    /// hold it), indented, before the element it describes.
    static func description(_ text: String?, indentation: String = "", firstInBlock: Bool = true) -> String {
        guard let text else { return "" }
        let literal = isPrintableAsBlockString(text) ? printBlockString(text) : printString(text)
        let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
        var indented = ""
        for scalar in literal.unicodeScalars {
            indented.unicodeScalars.append(scalar)
            if scalar == "\n" { indented += indentation }
        }
        return prefix + indented + "\n"
    }

    /// graphql-js `isPrintableAsBlockString`: whether a block string reads back as `value`.
    static func isPrintableAsBlockString(_ value: String) -> Bool {
        if value.isEmpty { return true }
        var isEmptyLine = true, hasIndent = false, hasCommonIndent = true, seenNonEmptyLine = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n":
                if isEmptyLine && !seenNonEmptyLine { return false }  // a leading new line
                seenNonEmptyLine = true
                isEmptyLine = true
                hasIndent = false
            case " ", "\t":
                hasIndent = hasIndent || isEmptyLine
            default:
                if scalar.value <= 0x0F { return false }
                hasCommonIndent = hasCommonIndent && hasIndent
                isEmptyLine = false
            }
        }
        if isEmptyLine { return false }  // trailing empty lines
        if hasCommonIndent && seenNonEmptyLine { return false }  // an internal indent
        return true
    }
}
