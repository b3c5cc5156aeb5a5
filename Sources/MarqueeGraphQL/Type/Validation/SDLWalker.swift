// The one traversal of an SDL document that every SDL rule shares: each node is
// entered (and left) for all rules in order, children in graphql-js's order, so
// errors come out in the order graphql-js reports them.

/// A node of an SDL document, as the SDL rules see it.
enum SDLNode {
    case schema(SchemaDefinition, isExtension: Bool)
    case operationType(OperationTypeDefinition)
    case type(TypeDefinition, isExtension: Bool)
    case field(FieldDefinition)
    case inputValue(InputValueDefinition)
    case enumValue(EnumValueDefinition)
    case directiveDefinition(DirectiveDefinition)
    /// An applied directive, with the location it is applied to.
    case directive(Directive, location: DirectiveLocation)
    case argument(Argument)
    case namedType(Name)
    case objectValue([ObjectField], Location)
    case objectField(ObjectField)
}

/// An SDL validation rule: it is shown every node; both methods default to doing nothing.
protocol SDLValidationRule: AnyObject {
    func enter(_ node: SDLNode)
    func leave(_ node: SDLNode)
}

extension SDLValidationRule {
    func enter(_ node: SDLNode) {}
    func leave(_ node: SDLNode) {}
}

struct SDLWalker {
    let rules: [any SDLValidationRule]

    func walk(_ document: Document) {
        for definition in document.definitions {
            switch definition {
            case .schema(let d): walkSchema(d, isExtension: false)
            case .schemaExtension(let d): walkSchema(d, isExtension: true)
            case .type(let d): walkType(d, isExtension: false)
            case .typeExtension(let d): walkType(d, isExtension: true)
            case .directive(let d): walkDirectiveDefinition(d)
            case .operation, .fragment: continue
            }
        }
    }

    private func visit(_ node: SDLNode, children: () -> Void) {
        for rule in rules { rule.enter(node) }
        children()
        for rule in rules { rule.leave(node) }
    }

    private func walkSchema(_ d: SchemaDefinition, isExtension: Bool) {
        visit(.schema(d, isExtension: isExtension)) {
            walkDirectives(d.directives, .schema)
            for operationType in d.operationTypes {
                visit(.operationType(operationType)) { visit(.namedType(operationType.type)) {} }
            }
        }
    }

    private func walkType(_ definition: TypeDefinition, isExtension: Bool) {
        visit(.type(definition, isExtension: isExtension)) {
            switch definition {
            case .scalar(let d):
                walkDirectives(d.directives, .scalar)
            case .object(let d), .interface(let d):
                for name in d.interfaces { visit(.namedType(name)) {} }
                let isObject: Bool
                if case .object = definition { isObject = true } else { isObject = false }
                walkDirectives(d.directives, isObject ? .object : .interface)
                for field in d.fields { walkField(field) }
            case .union(let d):
                walkDirectives(d.directives, .union)
                for name in d.types { visit(.namedType(name)) {} }
            case .enumType(let d):
                walkDirectives(d.directives, .enumType)
                for value in d.values {
                    visit(.enumValue(value)) { walkDirectives(value.directives, .enumValue) }
                }
            case .inputObject(let d):
                walkDirectives(d.directives, .inputObject)
                for field in d.fields { walkInputValue(field, .inputFieldDefinition) }
            }
        }
    }

    private func walkField(_ field: FieldDefinition) {
        visit(.field(field)) {
            for argument in field.arguments { walkInputValue(argument, .argumentDefinition) }
            walkType(field.type)
            walkDirectives(field.directives, .fieldDefinition)
        }
    }

    private func walkInputValue(_ value: InputValueDefinition, _ location: DirectiveLocation) {
        visit(.inputValue(value)) {
            walkType(value.type)
            if let defaultValue = value.defaultValue { walkValue(defaultValue) }
            walkDirectives(value.directives, location)
        }
    }

    private func walkDirectiveDefinition(_ d: DirectiveDefinition) {
        visit(.directiveDefinition(d)) {
            for argument in d.arguments { walkInputValue(argument, .argumentDefinition) }
        }
    }

    private func walkType(_ type: TypeNode) {
        switch type {
        case .named(let name): visit(.namedType(name)) {}
        case .list(let inner, _), .nonNull(let inner, _): walkType(inner)
        }
    }

    private func walkDirectives(_ directives: [Directive], _ location: DirectiveLocation) {
        for directive in directives {
            visit(.directive(directive, location: location)) {
                for argument in directive.arguments {
                    visit(.argument(argument)) { walkValue(argument.value) }
                }
            }
        }
    }

    private func walkValue(_ value: Value) {
        switch value {
        case .list(let items, _):
            for item in items { walkValue(item) }
        case .object(let fields, let loc):
            visit(.objectValue(fields, loc)) {
                for field in fields {
                    visit(.objectField(field)) { walkValue(field.value) }
                }
            }
        default:
            return
        }
    }
}
