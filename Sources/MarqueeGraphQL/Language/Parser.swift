/// A recursive-descent parser for GraphQL documents (spec section 2 and 3), after
/// graphql-js's: one method per grammar production, each quoting its production.
/// This file holds the entry points and the executable grammar; the type system
/// grammar is in Parser+TypeSystem.swift and Parser+Extensions.swift, the token
/// utilities in Parser+Tokens.swift and the nesting limit in Parser+Depth.swift.
///
/// Errors are `GraphQLError`s worded exactly as graphql-js 16 words them, with the
/// line and column of the offending token. `ParseOptions` bounds the number of
/// tokens and the nesting depth; a document nested too deeply gets the depth error
/// even when it has other syntax errors.
public struct Parser {
    var lexer: Lexer
    /// The current token, not yet consumed.
    var token = Token.startOfFile
    /// The end of the last consumed token, where a node being built ends.
    var lastEnd = 0
    let options: ParseOptions
    /// Tokens consumed so far, comments excluded.
    var tokenCount = 0
    /// Nesting of `{` and `[`: selection sets, list and object values, list types,
    /// and the blocks of type system definitions.
    var depth = 0
    /// Whether parsing stopped at `maxTokens` or `maxDepth`.
    var limitExceeded = false

    init(_ source: Source, options: ParseOptions) {
        lexer = Lexer(source)
        self.options = options
    }

    /// Parses a GraphQL document (executable definitions and type system definitions).
    public static func parse(_ source: Source, options: ParseOptions = .init()) throws(GraphQLError) -> Document {
        try run(source, options) { parser throws(GraphQLError) in try parser.parseDocument() }
    }

    /// Parses a GraphQL document from its text.
    public static func parse(_ body: String, options: ParseOptions = .init()) throws(GraphQLError) -> Document {
        try parse(Source(body: body), options: options)
    }

    /// Parses a lone value, such as `[42]`; variables are allowed.
    public static func parseValue(_ source: Source, options: ParseOptions = .init()) throws(GraphQLError) -> Value {
        try run(source, options) { parser throws(GraphQLError) in
            try parser.expect(.sof)
            let value = try parser.parseValueLiteral(const: false)
            try parser.expect(.eof)
            return value
        }
    }

    public static func parseValue(_ body: String, options: ParseOptions = .init()) throws(GraphQLError) -> Value {
        try parseValue(Source(body: body), options: options)
    }

    /// Parses a lone constant value: like `parseValue`, but a variable is an error.
    public static func parseConstValue(_ source: Source, options: ParseOptions = .init()) throws(GraphQLError) -> Value {
        try run(source, options) { parser throws(GraphQLError) in
            try parser.expect(.sof)
            let value = try parser.parseValueLiteral(const: true)
            try parser.expect(.eof)
            return value
        }
    }

    public static func parseConstValue(_ body: String, options: ParseOptions = .init()) throws(GraphQLError) -> Value {
        try parseConstValue(Source(body: body), options: options)
    }

    /// Parses a lone type reference, such as `[Int!]`.
    public static func parseType(_ source: Source, options: ParseOptions = .init()) throws(GraphQLError) -> TypeNode {
        try run(source, options) { parser throws(GraphQLError) in
            try parser.expect(.sof)
            let type = try parser.parseTypeReference()
            try parser.expect(.eof)
            return type
        }
    }

    public static func parseType(_ body: String, options: ParseOptions = .init()) throws(GraphQLError) -> TypeNode {
        try parseType(Source(body: body), options: options)
    }

    // MARK: Document (spec 2.2)

    /// Document : Definition+
    mutating func parseDocument() throws(GraphQLError) -> Document {
        let definitions = try many(.sof, .eof) { parser throws(GraphQLError) in try parser.parseDefinition() }
        let loc = Location(start: 0, end: lastEnd, line: 1, column: 1)
        return Document(definitions: definitions, loc: loc, tokenCount: tokenCount)
    }

    /// ```
    /// Definition : ExecutableDefinition | TypeSystemDefinition | TypeSystemExtension
    /// ExecutableDefinition : OperationDefinition | FragmentDefinition
    /// ```
    mutating func parseDefinition() throws(GraphQLError) -> Definition {
        if token.kind == .braceL { return .operation(try parseOperationDefinition()) }

        // Many definitions begin with a description and so need a lookahead.
        let hasDescription = peekDescription()
        let keywordToken = hasDescription ? try lexer.lookahead() : token
        if keywordToken.kind == .name {
            let keyword = lexer.text(of: keywordToken)
            if let definition = try parseTypeSystemDefinition(keyword) { return definition }
            if hasDescription {
                throw syntaxError(
                    "Unexpected description, descriptions are supported only on type definitions.", at: token)
            }
            switch keyword {
            case "query", "mutation", "subscription": return .operation(try parseOperationDefinition())
            case "fragment": return .fragment(try parseFragmentDefinition())
            case "extend": return try parseTypeSystemExtension()
            default: break
            }
        }
        throw unexpected(keywordToken)
    }

    // MARK: Operations (spec 2.3)

    /// ```
    /// OperationDefinition :
    ///   - SelectionSet
    ///   - OperationType Name? VariablesDefinition? Directives? SelectionSet
    /// ```
    mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinition {
        let start = token
        if token.kind == .braceL {
            let selectionSet = try parseSelectionSet()
            return OperationDefinition(
                operation: .query, name: nil, variableDefinitions: [], directives: [], selectionSet: selectionSet,
                loc: loc(start))
        }
        let operation = try parseOperationType()
        let name = token.kind == .name ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(
            operation: operation, name: name, variableDefinitions: variableDefinitions, directives: directives,
            selectionSet: selectionSet, loc: loc(start))
    }

    /// OperationType : one of `query` `mutation` `subscription`
    mutating func parseOperationType() throws(GraphQLError) -> OperationType {
        let operationToken = try expect(.name)
        if lexer.matches(operationToken, "query") { return .query }
        if lexer.matches(operationToken, "mutation") { return .mutation }
        if lexer.matches(operationToken, "subscription") { return .subscription }
        throw unexpected(operationToken)
    }

    /// VariablesDefinition : ( VariableDefinition+ )
    mutating func parseVariableDefinitions() throws(GraphQLError) -> [VariableDefinition] {
        try optionalMany(.parenL, .parenR) { parser throws(GraphQLError) in try parser.parseVariableDefinition() }
    }

    /// VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
    ///
    /// DefaultValue : = Value[Const]
    mutating func parseVariableDefinition() throws(GraphQLError) -> VariableDefinition {
        let start = token
        let variable = try parseVariable()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValueLiteral(const: true) : nil
        let directives = try parseDirectives(const: true)
        return VariableDefinition(
            variable: variable, type: type, defaultValue: defaultValue, directives: directives, loc: loc(start))
    }

    /// Variable : $ Name
    ///
    /// The name is kept without the `$`; its location covers the `$`.
    mutating func parseVariable() throws(GraphQLError) -> Name {
        let start = try expect(.dollar)
        let name = try parseName()
        return Name(value: name.value, loc: loc(start))
    }

    /// SelectionSet : { Selection+ }
    mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSet {
        let start = token
        try expect(.braceL)
        try descend(at: start)
        var selections: [Selection] = []
        repeat { selections.append(try parseSelection()) } while try !expectOptional(.braceR)
        ascend()
        return SelectionSet(selections: selections, loc: loc(start))
    }

    /// Selection : Field | FragmentSpread | InlineFragment
    mutating func parseSelection() throws(GraphQLError) -> Selection {
        token.kind == .spread ? try parseFragment() : .field(try parseField())
    }

    /// Field : Alias? Name Arguments? Directives? SelectionSet?
    ///
    /// Alias : Name :
    mutating func parseField() throws(GraphQLError) -> Field {
        let start = token
        let nameOrAlias = try parseName()
        var alias: Name?
        var name = nameOrAlias
        if try expectOptional(.colon) {
            alias = nameOrAlias
            name = try parseName()
        }
        let arguments = try parseArguments(const: false)
        let directives = try parseDirectives(const: false)
        let selectionSet = token.kind == .braceL ? try parseSelectionSet() : nil
        return Field(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            loc: loc(start))
    }

    /// Arguments[Const] : ( Argument[?Const]+ )
    ///
    /// Not inlined, nor are directives: kept out of the recursion's frames.
    @inline(never)
    mutating func parseArguments(const isConst: Bool) throws(GraphQLError) -> [Argument] {
        try optionalMany(.parenL, .parenR) { parser throws(GraphQLError) in try parser.parseArgument(const: isConst) }
    }

    /// Argument[Const] : Name : Value[?Const]
    mutating func parseArgument(const isConst: Bool) throws(GraphQLError) -> Argument {
        let start = token
        let name = try parseName()
        try expect(.colon)
        let value = try parseValueLiteral(const: isConst)
        return Argument(name: name, value: value, loc: loc(start))
    }

    /// Name :: NameStart NameContinue*
    mutating func parseName() throws(GraphQLError) -> Name {
        let nameToken = try expect(.name)
        return Name(value: lexer.text(of: nameToken), loc: nameToken.location)
    }

    // MARK: Fragments (spec 2.8)

    /// ```
    /// FragmentSpread : ... FragmentName Directives?
    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    /// ```
    mutating func parseFragment() throws(GraphQLError) -> Selection {
        let start = try expect(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && token.kind == .name {
            let name = try parseFragmentName()
            let directives = try parseDirectives(const: false)
            return .fragmentSpread(FragmentSpread(name: name, directives: directives, loc: loc(start)))
        }
        let typeCondition = hasTypeCondition ? try parseName() : nil
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragment(typeCondition: typeCondition, directives: directives, selectionSet: selectionSet, loc: loc(start)))
    }

    /// FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
    ///
    /// TypeCondition : on NamedType
    mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinition {
        let start = token
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseName()
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(
            name: name, typeCondition: typeCondition, directives: directives, selectionSet: selectionSet, loc: loc(start))
    }

    /// FragmentName : Name but not `on`
    mutating func parseFragmentName() throws(GraphQLError) -> Name {
        if currentValueIs("on") { throw unexpected() }
        return try parseName()
    }

    // MARK: Values (spec 2.9)

    /// ```
    /// Value[Const] :
    ///   - [~Const] Variable
    ///   - IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
    ///   - ListValue[?Const]
    ///   - ObjectValue[?Const]
    /// BooleanValue : one of `true` `false`
    /// NullValue : `null`
    /// EnumValue : Name but not `true`, `false` or `null`
    /// ```
    mutating func parseValueLiteral(const isConst: Bool) throws(GraphQLError) -> Value {
        // Only lists and objects recurse: the other values are parsed apart, so the
        // recursion's stack frames stay small.
        switch token.kind {
        case .bracketL: return try parseList(const: isConst)
        case .braceL: return try parseObject(const: isConst)
        default: return try parseScalarValue(const: isConst)
        }
    }

    /// A value that is neither a list nor an object.
    mutating func parseScalarValue(const isConst: Bool) throws(GraphQLError) -> Value {
        let start = token
        switch start.kind {
        case .int:
            try advance()
            return .int(lexer.text(of: start), loc(start))
        case .float:
            try advance()
            return .float(lexer.text(of: start), loc(start))
        case .string, .blockString:
            let string = try parseStringLiteral()
            return .string(string.value, block: string.block, string.loc)
        case .name:
            try advance()
            if lexer.matches(start, "true") { return .boolean(true, loc(start)) }
            if lexer.matches(start, "false") { return .boolean(false, loc(start)) }
            if lexer.matches(start, "null") { return .null(loc(start)) }
            return .enumValue(lexer.text(of: start), loc(start))
        case .dollar:
            guard isConst else { return .variable(try parseVariable()) }
            try advance()
            if token.kind == .name {
                throw syntaxError("Unexpected variable \"$\(lexer.text(of: token))\" in constant value.", at: start)
            }
            throw unexpected(start)
        default:
            throw unexpected()
        }
    }

    /// StringValue, as kept for values and descriptions.
    mutating func parseStringLiteral() throws(GraphQLError) -> StringValue {
        let start = token
        try advance()
        let value = start.kind == .blockString ? lexer.blockStringValue(of: start) : lexer.stringValue(of: start)
        return StringValue(value: value, block: start.kind == .blockString, loc: loc(start))
    }

    /// ListValue[Const] : [ ] | [ Value[?Const]+ ]
    mutating func parseList(const isConst: Bool) throws(GraphQLError) -> Value {
        let start = try expect(.bracketL)
        try descend(at: start)
        var values: [Value] = []
        while try !expectOptional(.bracketR) { values.append(try parseValueLiteral(const: isConst)) }
        ascend()
        return .list(values, loc(start))
    }

    /// ObjectValue[Const] : { } | { ObjectField[?Const]+ }
    mutating func parseObject(const isConst: Bool) throws(GraphQLError) -> Value {
        let start = try expect(.braceL)
        try descend(at: start)
        var fields: [ObjectField] = []
        while try !expectOptional(.braceR) { fields.append(try parseObjectField(const: isConst)) }
        ascend()
        return .object(fields, loc(start))
    }

    /// ObjectField[Const] : Name : Value[?Const]
    mutating func parseObjectField(const isConst: Bool) throws(GraphQLError) -> ObjectField {
        let start = token
        let name = try parseName()
        try expect(.colon)
        let value = try parseValueLiteral(const: isConst)
        return ObjectField(name: name, value: value, loc: loc(start))
    }

    // MARK: Directives (spec 2.12)

    /// Directives[Const] : Directive[?Const]+
    @inline(never)
    mutating func parseDirectives(const isConst: Bool) throws(GraphQLError) -> [Directive] {
        var directives: [Directive] = []
        while token.kind == .at { directives.append(try parseDirective(const: isConst)) }
        return directives
    }

    /// Directive[Const] : @ Name Arguments[?Const]?
    mutating func parseDirective(const isConst: Bool) throws(GraphQLError) -> Directive {
        let start = try expect(.at)
        let name = try parseName()
        let arguments = try parseArguments(const: isConst)
        return Directive(name: name, arguments: arguments, loc: loc(start))
    }

    // MARK: Types (spec 2.11)

    /// ```
    /// Type : NamedType | ListType | NonNullType
    /// ListType : [ Type ]
    /// NonNullType : NamedType ! | ListType !
    /// ```
    mutating func parseTypeReference() throws(GraphQLError) -> TypeNode {
        let start = token
        var type: TypeNode
        if try expectOptional(.bracketL) {
            try descend(at: start)
            let inner = try parseTypeReference()
            try expect(.bracketR)
            ascend()
            type = .list(inner, loc(start))
        } else {
            type = .named(try parseName())
        }
        if try expectOptional(.bang) { return .nonNull(type, loc(start)) }
        return type
    }
}
