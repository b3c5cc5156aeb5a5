/// A validation rule (spec section 5): a visitor over the document that reports what
/// it finds to its ``ValidationContext``. A rule is instantiated once per validation,
/// and every rule of a validation is driven by the same single traversal.
///
/// Every visitor method defaults to doing nothing. A rule lists the methods it
/// implements in ``visits`` so the traversal calls only those; the default, `.all`,
/// calls every method.
public protocol ValidationRule: AnyObject, SendableMetatype {
    init(context: ValidationContext)

    /// The visitor methods this rule implements.
    static var visits: ValidationVisits { get }

    func enterDocument(_ node: Document)
    func leaveDocument(_ node: Document)
    func enterOperationDefinition(_ node: OperationDefinition)
    func leaveOperationDefinition(_ node: OperationDefinition)
    func enterFragmentDefinition(_ node: FragmentDefinition)
    func leaveFragmentDefinition(_ node: FragmentDefinition)
    func enterVariableDefinition(_ node: VariableDefinition)
    func leaveVariableDefinition(_ node: VariableDefinition)
    func enterSelectionSet(_ node: SelectionSet, parent: SelectionSetParent)
    func leaveSelectionSet(_ node: SelectionSet, parent: SelectionSetParent)
    func enterField(_ node: Field)
    func leaveField(_ node: Field)
    func enterFragmentSpread(_ node: FragmentSpread)
    func leaveFragmentSpread(_ node: FragmentSpread)
    func enterInlineFragment(_ node: InlineFragment)
    func leaveInlineFragment(_ node: InlineFragment)
    /// A directive, with the location it is applied to.
    func enterDirective(_ node: Directive, location: DirectiveLocation)
    func leaveDirective(_ node: Directive, location: DirectiveLocation)
    func enterArgument(_ node: Argument, parent: ArgumentParent)
    func leaveArgument(_ node: Argument, parent: ArgumentParent)
    /// Any value literal, nested ones included; `context.typeInfo.valueDepth` is 0
    /// for the outermost value of an argument or default value.
    func enterValue(_ node: Value)
    func leaveValue(_ node: Value)
    func enterObjectField(_ node: ObjectField)
    func leaveObjectField(_ node: ObjectField)
    /// A named type reference: in a variable's type, a type condition, or SDL.
    func enterNamedType(_ node: Name)
    /// A type system definition or extension, or one of its fields, arguments, input
    /// fields or enum values (only met in documents that mix SDL in).
    func enterTypeSystemNode(_ node: TypeSystemNode)
}

/// The visitor methods a rule implements, one flag per method.
public struct ValidationVisits: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let enterDocument = Self(rawValue: 1 << 0)
    public static let leaveDocument = Self(rawValue: 1 << 1)
    public static let enterOperationDefinition = Self(rawValue: 1 << 2)
    public static let leaveOperationDefinition = Self(rawValue: 1 << 3)
    public static let enterFragmentDefinition = Self(rawValue: 1 << 4)
    public static let leaveFragmentDefinition = Self(rawValue: 1 << 5)
    public static let enterVariableDefinition = Self(rawValue: 1 << 6)
    public static let leaveVariableDefinition = Self(rawValue: 1 << 7)
    public static let enterSelectionSet = Self(rawValue: 1 << 8)
    public static let leaveSelectionSet = Self(rawValue: 1 << 9)
    public static let enterField = Self(rawValue: 1 << 10)
    public static let leaveField = Self(rawValue: 1 << 11)
    public static let enterFragmentSpread = Self(rawValue: 1 << 12)
    public static let leaveFragmentSpread = Self(rawValue: 1 << 13)
    public static let enterInlineFragment = Self(rawValue: 1 << 14)
    public static let leaveInlineFragment = Self(rawValue: 1 << 15)
    public static let enterDirective = Self(rawValue: 1 << 16)
    public static let leaveDirective = Self(rawValue: 1 << 17)
    public static let enterArgument = Self(rawValue: 1 << 18)
    public static let leaveArgument = Self(rawValue: 1 << 19)
    public static let enterValue = Self(rawValue: 1 << 20)
    public static let leaveValue = Self(rawValue: 1 << 21)
    public static let enterObjectField = Self(rawValue: 1 << 22)
    public static let leaveObjectField = Self(rawValue: 1 << 23)
    public static let enterNamedType = Self(rawValue: 1 << 24)
    public static let enterTypeSystemNode = Self(rawValue: 1 << 25)

    public static let all = Self(rawValue: (1 << 26) - 1)
}

/// What a selection set belongs to.
public enum SelectionSetParent: Sendable {
    case operation, fragmentDefinition, field, inlineFragment
}

/// What an argument is given to: a field or a directive, by name.
public enum ArgumentParent: Sendable {
    case field(Name)
    case directive(Name)
}

/// A type system node met in a document: definitions and extensions (`isExtension`),
/// and the parts of them that can carry directives.
public enum TypeSystemNode: Sendable {
    case schema(SchemaDefinition, isExtension: Bool)
    case type(TypeDefinition, isExtension: Bool)
    case directiveDefinition(DirectiveDefinition)
    case fieldDefinition(FieldDefinition)
    case inputValueDefinition(InputValueDefinition)
    case enumValueDefinition(EnumValueDefinition)
}

extension ValidationRule {
    public static var visits: ValidationVisits { .all }

    public func enterDocument(_ node: Document) {}
    public func leaveDocument(_ node: Document) {}
    public func enterOperationDefinition(_ node: OperationDefinition) {}
    public func leaveOperationDefinition(_ node: OperationDefinition) {}
    public func enterFragmentDefinition(_ node: FragmentDefinition) {}
    public func leaveFragmentDefinition(_ node: FragmentDefinition) {}
    public func enterVariableDefinition(_ node: VariableDefinition) {}
    public func leaveVariableDefinition(_ node: VariableDefinition) {}
    public func enterSelectionSet(_ node: SelectionSet, parent: SelectionSetParent) {}
    public func leaveSelectionSet(_ node: SelectionSet, parent: SelectionSetParent) {}
    public func enterField(_ node: Field) {}
    public func leaveField(_ node: Field) {}
    public func enterFragmentSpread(_ node: FragmentSpread) {}
    public func leaveFragmentSpread(_ node: FragmentSpread) {}
    public func enterInlineFragment(_ node: InlineFragment) {}
    public func leaveInlineFragment(_ node: InlineFragment) {}
    public func enterDirective(_ node: Directive, location: DirectiveLocation) {}
    public func leaveDirective(_ node: Directive, location: DirectiveLocation) {}
    public func enterArgument(_ node: Argument, parent: ArgumentParent) {}
    public func leaveArgument(_ node: Argument, parent: ArgumentParent) {}
    public func enterValue(_ node: Value) {}
    public func leaveValue(_ node: Value) {}
    public func enterObjectField(_ node: ObjectField) {}
    public func leaveObjectField(_ node: ObjectField) {}
    public func enterNamedType(_ node: Name) {}
    public func enterTypeSystemNode(_ node: TypeSystemNode) {}
}
