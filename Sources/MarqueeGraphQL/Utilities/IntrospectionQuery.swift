// The introspection query (graphql-js `getIntrospectionQuery`), and the result of
// running it against a schema.

public enum IntrospectionQuery {
    /// The text of the full introspection query, character for character as
    /// graphql-core 3.3.2 writes it (a left-out option leaves an empty line).
    public static func text(descriptions: Bool = true, specifiedByURL: Bool = true, directiveIsRepeatable: Bool = true,
                            schemaDescription: Bool = true, inputValueDeprecation: Bool = true, oneOf: Bool = true) -> String {
        func line(_ include: Bool, _ indentation: Int, _ text: String) -> String {
            include ? String(repeating: " ", count: indentation) + text : ""
        }
        let deprecatedArgument = inputValueDeprecation ? "(includeDeprecated: true)" : ""
        let lines: [String] = [
            "",
            "query IntrospectionQuery {",
            "  __schema {",
            line(descriptions && schemaDescription, 4, "description"),
            "    queryType { name kind }",
            "    mutationType { name kind }",
            "    subscriptionType { name kind }",
            "    types {",
            "      ...FullType",
            "    }",
            "    directives {",
            "      name",
            line(descriptions, 6, "description"),
            line(directiveIsRepeatable, 6, "isRepeatable"),
            "",
            "",
            "      locations",
            "      args\(deprecatedArgument) {",
            "        ...InputValue",
            "      }",
            "    }",
            "  }",
            "}",
            "",
            "fragment FullType on __Type {",
            "  kind",
            "  name",
            line(descriptions, 2, "description"),
            line(specifiedByURL, 2, "specifiedByURL"),
            line(oneOf, 2, "isOneOf"),
            "  fields(includeDeprecated: true) {",
            "    name",
            line(descriptions, 4, "description"),
            "    args\(deprecatedArgument) {",
            "      ...InputValue",
            "    }",
            "    type {",
            "      ...TypeRef",
            "    }",
            "    isDeprecated",
            "    deprecationReason",
            "  }",
            "  inputFields\(deprecatedArgument) {",
            "    ...InputValue",
            "  }",
            "  interfaces {",
            "    ...TypeRef",
            "  }",
            "  enumValues(includeDeprecated: true) {",
            "    name",
            line(descriptions, 4, "description"),
            "    isDeprecated",
            "    deprecationReason",
            "  }",
            "  possibleTypes {",
            "    ...TypeRef",
            "  }",
            "}",
            "",
            "fragment InputValue on __InputValue {",
            "  name",
            line(descriptions, 2, "description"),
            "  type { ...TypeRef }",
            "  defaultValue",
            line(inputValueDeprecation, 2, "isDeprecated"),
            line(inputValueDeprecation, 2, "deprecationReason"),
            "}",
            "",
            "fragment TypeRef on __Type {",
            "  kind",
            "  name" + ofType(level: 9, indentation: "  "),
            "}",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `ofType { name kind ofType { ... } }`, `level` deep.
    private static func ofType(level: Int, indentation: String) -> String {
        guard level > 0 else { return "" }
        return "\n\(indentation)ofType {\n\(indentation)  name\n\(indentation)  kind" + ofType(level: level - 1, indentation: indentation + "  ")
            + "\n\(indentation)}"
    }
}

/// The `data` of the full introspection query (every option on) run against
/// `schema`, as graphql-js's `introspectionFromSchema` gives it.
public func introspectionResult(_ schema: GraphQLSchema) async -> JSON {
    let response = await GraphQLExecutor.execute(schema: schema, document: IntrospectionQuery.document)
    return response.data ?? .null
}

extension IntrospectionQuery {
    /// The full query, parsed once.
    static let document: Document = {
        do {
            return try Parser.parse(Source(body: text(), name: "IntrospectionQuery"))
        } catch {
            preconditionFailure("The introspection query does not parse: \(error)")
        }
    }()
}
