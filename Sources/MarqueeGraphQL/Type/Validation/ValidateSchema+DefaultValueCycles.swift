// Spec 3.10: the default values of input object fields must not refer to
// themselves (an input field's default that, through the defaults of the fields
// it leaves out, needs that same default again). A depth-first search as
// graphql-js's `InputObjectDefaultValueCircularRefsValidator` does it, which
// reports every cycle once.

final class InputObjectDefaultValueCycles {
    private unowned let context: SchemaValidationContext
    private var visitedFields: Set<String> = []
    private var fieldPath: [(name: String, loc: Location?)] = []
    private var fieldPathIndex: [String: Int] = [:]

    init(_ context: SchemaValidationContext) { self.context = context }

    /// Checks every field of `input`, as if given an empty object.
    func detect(_ input: GraphQLInputObjectType) {
        detectInValue(input, .object(JSONObject()))
    }

    private func detectInValue(_ input: GraphQLInputObjectType, _ value: JSON) {
        if case .array(let items) = value {
            for item in items { detectInValue(input, item) }
            return
        }
        guard case .object(let object) = value else { return }
        for field in input.fields {
            guard case .inputObject(let fieldType) = field.type.named.graphQLType else { continue }
            if let fieldValue = object[field.name] {
                detectInValue(fieldType, fieldValue)
            } else {
                detectInFieldDefault(field, fieldType, "\(input.name).\(field.name)")
            }
        }
    }

    private func detectInLiteral(_ input: GraphQLInputObjectType, _ literal: Value) {
        if case .list(let items, _) = literal {
            for item in items { detectInLiteral(input, item) }
            return
        }
        guard case .object(let fields, _) = literal else { return }
        for field in input.fields {
            guard case .inputObject(let fieldType) = field.type.named.graphQLType else { continue }
            if let fieldNode = fields.last(where: { $0.name.value == field.name }) {
                detectInLiteral(fieldType, fieldNode.value)
            } else {
                detectInFieldDefault(field, fieldType, "\(input.name).\(field.name)")
            }
        }
    }

    private func detectInFieldDefault(_ field: GraphQLInputField, _ fieldType: GraphQLInputObjectType, _ fieldString: String) {
        guard field.hasDefault else { return }
        if let cycleIndex = fieldPathIndex[fieldString] {
            let via = cycleIndex < fieldPath.count
                ? " via the default values of: " + fieldPath[cycleIndex...].map(\.name).joined(separator: ", ")
                : ""
            context.report("Invalid circular reference. The default value of Input Object field \(fieldString) references itself\(via).",
                           fieldPath[(cycleIndex - 1)...].map(\.loc))
            return
        }
        guard !visitedFields.contains(fieldString) else { return }
        visitedFields.insert(fieldString)
        let typeName = String(fieldString[..<fieldString.lastIndex(of: ".")!])
        let defaultLoc = context.nodes.inputField(typeName, field.name)?.defaultValue?.loc ?? field.defaultValueAST?.loc
        fieldPath.append((fieldString, defaultLoc))
        fieldPathIndex[fieldString] = fieldPath.count
        if let literal = field.defaultValueAST {
            detectInLiteral(fieldType, literal)
        } else if let value = field.defaultValue {
            detectInValue(fieldType, value)
        }
        fieldPath.removeLast()
        fieldPathIndex[fieldString] = nil
    }
}
