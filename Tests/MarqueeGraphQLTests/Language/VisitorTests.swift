// The AST visitor: order of enter and leave, skipping, stopping.
import Testing

@testable import MarqueeGraphQL

/// Records what it enters and leaves.
private struct Recorder: ASTVisitor {
    var events: [String] = []
    var skipFieldsNamed: String?
    var stopAtFieldNamed: String?

    mutating func enter(_ node: Document) -> VisitAction { record("enter Document") }
    mutating func leave(_ node: Document) { events.append("leave Document") }
    mutating func enter(_ node: OperationDefinition) -> VisitAction { record("enter Operation") }
    mutating func leave(_ node: OperationDefinition) { events.append("leave Operation") }
    mutating func enter(_ node: VariableDefinition) -> VisitAction { record("enter VariableDefinition $\(node.variable.value)") }
    mutating func leave(_ node: VariableDefinition) { events.append("leave VariableDefinition") }
    mutating func enter(_ node: SelectionSet) -> VisitAction { record("enter SelectionSet") }
    mutating func leave(_ node: SelectionSet) { events.append("leave SelectionSet") }
    mutating func enter(_ node: Field) -> VisitAction {
        events.append("enter Field \(node.name.value)")
        if node.name.value == stopAtFieldNamed { return .stop }
        return node.name.value == skipFieldsNamed ? .skip : .continue
    }
    mutating func leave(_ node: Field) { events.append("leave Field \(node.name.value)") }
    mutating func enter(_ node: Argument) -> VisitAction { record("enter Argument \(node.name.value)") }
    mutating func leave(_ node: Argument) { events.append("leave Argument") }
    mutating func enter(_ node: FragmentSpread) -> VisitAction { record("enter FragmentSpread \(node.name.value)") }
    mutating func enter(_ node: InlineFragment) -> VisitAction { record("enter InlineFragment") }
    mutating func enter(_ node: FragmentDefinition) -> VisitAction { record("enter FragmentDefinition") }
    mutating func enter(_ node: Value) -> VisitAction { record("enter Value \(printValue(node))") }
    mutating func leave(_ node: Value) { events.append("leave Value") }
    mutating func enter(_ node: ObjectField) -> VisitAction { record("enter ObjectField \(node.name.value)") }
    mutating func enter(_ node: Directive) -> VisitAction { record("enter Directive \(node.name.value)") }
    mutating func enter(_ node: TypeNode) -> VisitAction { record("enter Type \(printType(node))") }
    mutating func enter(_ node: SchemaDefinition, isExtension: Bool) -> VisitAction {
        record("enter Schema extension=\(isExtension)")
    }
    mutating func enter(_ node: OperationTypeDefinition) -> VisitAction { record("enter OperationType \(node.type.value)") }
    mutating func enter(_ node: TypeDefinition, isExtension: Bool) -> VisitAction {
        record("enter TypeDefinition \(node.name.value) extension=\(isExtension)")
    }
    mutating func leave(_ node: TypeDefinition, isExtension: Bool) { events.append("leave TypeDefinition") }
    mutating func enter(_ node: FieldDefinition) -> VisitAction { record("enter FieldDefinition \(node.name.value)") }
    mutating func enter(_ node: InputValueDefinition) -> VisitAction { record("enter InputValue \(node.name.value)") }
    mutating func enter(_ node: EnumValueDefinition) -> VisitAction { record("enter EnumValue \(node.name.value)") }
    mutating func enter(_ node: DirectiveDefinition) -> VisitAction { record("enter DirectiveDefinition \(node.name.value)") }

    mutating func record(_ event: String) -> VisitAction {
        events.append(event)
        return .continue
    }
}

@Suite("Visitor")
struct LanguageVisitorTests {
    @Test func visitsExecutableNodesInOrder() throws {
        let document = try Parser.parse(
            "query Q($v: [Int!] = [1]) { a(x: {y: $v}) @d(if: true) { b } ...F ... on T { c } } fragment F on T { d }")
        var recorder = Recorder()
        visit(document, &recorder)
        #expect(
            recorder.events == [
                "enter Document",
                "enter Operation",
                "enter VariableDefinition $v", "enter Type [Int!]", "enter Type Int!", "enter Type Int",
                "enter Value [1]", "enter Value 1", "leave Value", "leave Value", "leave VariableDefinition",
                "enter SelectionSet",
                "enter Field a",
                "enter Argument x", "enter Value { y: $v }", "enter ObjectField y", "enter Value $v", "leave Value",
                "leave Value", "leave Argument",
                "enter Directive d", "enter Argument if", "enter Value true", "leave Value", "leave Argument",
                "enter SelectionSet", "enter Field b", "leave Field b", "leave SelectionSet",
                "leave Field a",
                "enter FragmentSpread F",
                "enter InlineFragment", "enter SelectionSet", "enter Field c", "leave Field c", "leave SelectionSet",
                "leave SelectionSet",
                "leave Operation",
                "enter FragmentDefinition", "enter SelectionSet", "enter Field d", "leave Field d", "leave SelectionSet",
                "leave Document",
            ])
    }

    @Test func skipsChildrenWithoutLeaving() throws {
        let document = try Parser.parse("{ a(x: 1) { b } c }")
        var recorder = Recorder(skipFieldsNamed: "a")
        visit(document, &recorder)
        #expect(
            recorder.events == [
                "enter Document", "enter Operation", "enter SelectionSet", "enter Field a", "enter Field c",
                "leave Field c", "leave SelectionSet", "leave Operation", "leave Document",
            ])
    }

    @Test func stopsEverything() throws {
        let document = try Parser.parse("{ a { b { c } } d } { e }")
        var recorder = Recorder(stopAtFieldNamed: "b")
        visit(document, &recorder)
        #expect(
            recorder.events == [
                "enter Document", "enter Operation", "enter SelectionSet", "enter Field a", "enter SelectionSet",
                "enter Field b",
            ])
    }

    @Test func visitsTypeSystemNodes() throws {
        let document = try Parser.parse(
            """
            schema @s { query: Q }
            type Q implements I @o { f(a: Int = 1 @x): [S] @y }
            extend enum E @e { V @v }
            directive @d(b: Boolean) on FIELD
            """)
        var recorder = Recorder()
        visit(document, &recorder)
        #expect(
            recorder.events == [
                "enter Document",
                "enter Schema extension=false", "enter Directive s", "enter OperationType Q",
                "enter TypeDefinition Q extension=false", "enter Directive o", "enter FieldDefinition f",
                "enter InputValue a", "enter Type Int", "enter Value 1", "leave Value", "enter Directive x",
                "enter Type [S]", "enter Type S", "enter Directive y", "leave TypeDefinition",
                "enter TypeDefinition E extension=true", "enter Directive e", "enter EnumValue V", "enter Directive v",
                "leave TypeDefinition",
                "enter DirectiveDefinition d", "enter InputValue b", "enter Type Boolean",
                "leave Document",
            ])
    }

    @Test func visitsPartsOfDocuments() throws {
        var recorder = Recorder()
        visit(try Parser.parseValue("[A, {b: C}]"), &recorder)
        #expect(
            recorder.events == [
                "enter Value [A, { b: C }]", "enter Value A", "leave Value", "enter Value { b: C }", "enter ObjectField b",
                "enter Value C", "leave Value", "leave Value", "leave Value",
            ])

        let document = try Parser.parse("{ a }")
        recorder = Recorder()
        visit(document.operations[0].selectionSet, &recorder)
        #expect(recorder.events == ["enter SelectionSet", "enter Field a", "leave Field a", "leave SelectionSet"])
        recorder = Recorder()
        visit(document.definitions[0], &recorder)
        #expect(recorder.events.first == "enter Operation" && recorder.events.last == "leave Operation")
    }

    @Test func worksWithClassVisitorsAndDefaults() throws {
        final class Names: ASTVisitor {
            var names: [String] = []
            func enter(_ node: Field) -> VisitAction {
                names.append(node.responseKey)
                return .continue
            }
        }
        var visitor = Names()
        visit(try Parser.parse("{ x: a { b } c }"), &visitor)
        #expect(visitor.names == ["x", "b", "c"])
    }
}
