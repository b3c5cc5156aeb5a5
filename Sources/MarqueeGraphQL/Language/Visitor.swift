/// What a visitor's `enter` asks of the traversal.
public enum VisitAction: Sendable, Hashable {
    /// Visit the node's children, then call `leave` for it.
    case `continue`
    /// Skip the node's children; `leave` is not called for it (as in graphql-js).
    case skip
    /// End the whole traversal now; no further `enter` or `leave` is called.
    case stop
}

/// A depth-first visitor of the AST, after graphql-js's visitor: an `enter` before a
/// node's children and a `leave` after them, for each kind of node. Every method
/// defaults to doing nothing (and `enter` to `.continue`), so a visitor implements
/// only those it needs. Children are visited in graphql-js's order (for a field:
/// arguments, directives, selection set).
///
/// Traverse with `visit(_:_:)`, which is generic over the visitor: calls are
/// statically dispatched and nodes are passed borrowed, so one traversal may drive
/// many rules cheaply.
///
/// Beware: an implementation must match the requirement's signature exactly
/// (`mutating func enter(_ node: Field) -> VisitAction`); one that returns nothing,
/// or takes another type, is an unrelated overload the traversal never calls.
///
/// What is visited: every node type below, each `Value` (list items and object field
/// values included), and each level of a `TypeNode` (`[Int!]!` is entered as
/// non-null, list, non-null, named). Not visited as nodes: names, a fragment's type
/// condition, interfaces and union members (all `Name`s), descriptions, and the
/// variable of a `VariableDefinition` (it is a `Name`, not a `Value`).
public protocol ASTVisitor {
    mutating func enter(_ node: Document) -> VisitAction
    mutating func leave(_ node: Document)
    mutating func enter(_ node: OperationDefinition) -> VisitAction
    mutating func leave(_ node: OperationDefinition)
    mutating func enter(_ node: VariableDefinition) -> VisitAction
    mutating func leave(_ node: VariableDefinition)
    mutating func enter(_ node: SelectionSet) -> VisitAction
    mutating func leave(_ node: SelectionSet)
    mutating func enter(_ node: Field) -> VisitAction
    mutating func leave(_ node: Field)
    mutating func enter(_ node: Argument) -> VisitAction
    mutating func leave(_ node: Argument)
    mutating func enter(_ node: FragmentSpread) -> VisitAction
    mutating func leave(_ node: FragmentSpread)
    mutating func enter(_ node: InlineFragment) -> VisitAction
    mutating func leave(_ node: InlineFragment)
    mutating func enter(_ node: FragmentDefinition) -> VisitAction
    mutating func leave(_ node: FragmentDefinition)
    mutating func enter(_ node: Value) -> VisitAction
    mutating func leave(_ node: Value)
    mutating func enter(_ node: ObjectField) -> VisitAction
    mutating func leave(_ node: ObjectField)
    mutating func enter(_ node: Directive) -> VisitAction
    mutating func leave(_ node: Directive)
    mutating func enter(_ node: TypeNode) -> VisitAction
    mutating func leave(_ node: TypeNode)

    // The type system language. An extension is the same node as its definition.
    mutating func enter(_ node: SchemaDefinition, isExtension: Bool) -> VisitAction
    mutating func leave(_ node: SchemaDefinition, isExtension: Bool)
    mutating func enter(_ node: OperationTypeDefinition) -> VisitAction
    mutating func leave(_ node: OperationTypeDefinition)
    mutating func enter(_ node: TypeDefinition, isExtension: Bool) -> VisitAction
    mutating func leave(_ node: TypeDefinition, isExtension: Bool)
    mutating func enter(_ node: FieldDefinition) -> VisitAction
    mutating func leave(_ node: FieldDefinition)
    mutating func enter(_ node: InputValueDefinition) -> VisitAction
    mutating func leave(_ node: InputValueDefinition)
    mutating func enter(_ node: EnumValueDefinition) -> VisitAction
    mutating func leave(_ node: EnumValueDefinition)
    mutating func enter(_ node: DirectiveDefinition) -> VisitAction
    mutating func leave(_ node: DirectiveDefinition)
}

extension ASTVisitor {
    public mutating func enter(_ node: Document) -> VisitAction { .continue }
    public mutating func leave(_ node: Document) {}
    public mutating func enter(_ node: OperationDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: OperationDefinition) {}
    public mutating func enter(_ node: VariableDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: VariableDefinition) {}
    public mutating func enter(_ node: SelectionSet) -> VisitAction { .continue }
    public mutating func leave(_ node: SelectionSet) {}
    public mutating func enter(_ node: Field) -> VisitAction { .continue }
    public mutating func leave(_ node: Field) {}
    public mutating func enter(_ node: Argument) -> VisitAction { .continue }
    public mutating func leave(_ node: Argument) {}
    public mutating func enter(_ node: FragmentSpread) -> VisitAction { .continue }
    public mutating func leave(_ node: FragmentSpread) {}
    public mutating func enter(_ node: InlineFragment) -> VisitAction { .continue }
    public mutating func leave(_ node: InlineFragment) {}
    public mutating func enter(_ node: FragmentDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: FragmentDefinition) {}
    public mutating func enter(_ node: Value) -> VisitAction { .continue }
    public mutating func leave(_ node: Value) {}
    public mutating func enter(_ node: ObjectField) -> VisitAction { .continue }
    public mutating func leave(_ node: ObjectField) {}
    public mutating func enter(_ node: Directive) -> VisitAction { .continue }
    public mutating func leave(_ node: Directive) {}
    public mutating func enter(_ node: TypeNode) -> VisitAction { .continue }
    public mutating func leave(_ node: TypeNode) {}
    public mutating func enter(_ node: SchemaDefinition, isExtension: Bool) -> VisitAction { .continue }
    public mutating func leave(_ node: SchemaDefinition, isExtension: Bool) {}
    public mutating func enter(_ node: OperationTypeDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: OperationTypeDefinition) {}
    public mutating func enter(_ node: TypeDefinition, isExtension: Bool) -> VisitAction { .continue }
    public mutating func leave(_ node: TypeDefinition, isExtension: Bool) {}
    public mutating func enter(_ node: FieldDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: FieldDefinition) {}
    public mutating func enter(_ node: InputValueDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: InputValueDefinition) {}
    public mutating func enter(_ node: EnumValueDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: EnumValueDefinition) {}
    public mutating func enter(_ node: DirectiveDefinition) -> VisitAction { .continue }
    public mutating func leave(_ node: DirectiveDefinition) {}
}

/// Visits a document depth-first with `visitor` (see `ASTVisitor`).
public func visit<V: ASTVisitor>(_ document: Document, _ visitor: inout V) {
    _ = visitor.walk(document)
}

/// Visits one definition and everything in it.
public func visit<V: ASTVisitor>(_ definition: Definition, _ visitor: inout V) {
    _ = visitor.walk(definition)
}

/// Visits a selection set and everything in it (fragment spreads are not followed).
public func visit<V: ASTVisitor>(_ selectionSet: SelectionSet, _ visitor: inout V) {
    _ = visitor.walk(selectionSet)
}

/// Visits a value and the values within it.
public func visit<V: ASTVisitor>(_ value: Value, _ visitor: inout V) {
    _ = visitor.walk(value)
}
