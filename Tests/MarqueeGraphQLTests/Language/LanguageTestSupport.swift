// Helpers shared by the language tests.
import Testing

@testable import MarqueeGraphQL

/// A lexed token with its value, for comparing in one expectation.
struct LexedToken: Equatable, CustomStringConvertible {
    var kind: TokenKind
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    var value: String?

    init(_ kind: TokenKind, _ start: Int, _ end: Int, line: Int = 1, column: Int, value: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.value = value
    }

    init(_ token: Token, _ lexer: Lexer) {
        self.init(token.kind, token.start, token.end, line: token.line, column: token.column, value: lexer.value(of: token))
    }

    var description: String { "\(kind) \(start)..<\(end) \(line):\(column) \(value.map { "\"\($0)\"" } ?? "nil")" }
}

/// The first significant token of `text`.
func lexOne(_ text: String) throws(GraphQLError) -> LexedToken {
    var lexer = Lexer(text)
    let token = try lexer.next()
    return LexedToken(token, lexer)
}

/// The second significant token of `text`.
func lexSecond(_ text: String) throws(GraphQLError) -> LexedToken {
    var lexer = Lexer(text)
    _ = try lexer.next()
    let token = try lexer.next()
    return LexedToken(token, lexer)
}

/// The error that `body` throws, or nil.
func caughtError(_ body: () throws(GraphQLError) -> Void) -> GraphQLError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// Expects `body` to throw exactly `message` at `line`:`column`.
func expectError(
    _ message: String, at line: Int, _ column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: () throws(GraphQLError) -> Void
) {
    let error = caughtError(body)
    #expect(
        error == GraphQLError(message, locations: [MarqueeGraphQL.SourceLocation(line: line, column: column)]),
        sourceLocation: sourceLocation)
}

/// Expects lexing the first two tokens of `text` to fail with `message` at `line`:`column`.
func expectLexError(
    _ text: String, _ message: String, at line: Int = 1, _ column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    expectError("Syntax Error: " + message, at: line, column, sourceLocation: sourceLocation) { () throws(GraphQLError) in
        _ = try lexSecond(text)
    }
}

/// Expects parsing `text` to fail with `message` at `line`:`column`.
func expectParseError(
    _ text: String, _ message: String, at line: Int = 1, _ column: Int,
    options: ParseOptions = .init(), sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    expectError("Syntax Error: " + message, at: line, column, sourceLocation: sourceLocation) { () throws(GraphQLError) in
        _ = try Parser.parse(text, options: options)
    }
}

/// Joins lines with `\n`, for multi-line expectations.
func lines(_ lines: String...) -> String {
    lines.joined(separator: "\n")
}

/// The graphql-js kitchen-sink query (src/__testUtils__/kitchenSinkQuery.ts, as of
/// graphql-js 16, without the experimental client-controlled-nullability lines).
let kitchenSinkQuery = #"""
    query queryName($foo: ComplexType, $site: Site = MOBILE) @onQuery {
      whoever123is: node(id: [123, 456]) {
        id
        ... on User @onInlineFragment {
          field2 {
            id
            alias: field1(first: 10, after: $foo) @include(if: $foo) {
              id
              ...frag @onFragmentSpread
            }
          }
        }
        ... @skip(unless: $foo) {
          id
        }
        ... {
          id
        }
      }
    }

    mutation likeStory @onMutation {
      like(story: 123) @onField {
        story {
          id @onField
        }
      }
    }

    subscription StoryLikeSubscription(
      $input: StoryLikeSubscribeInput @onVariableDefinition
    )
      @onSubscription {
      storyLikeSubscribe(input: $input) {
        story {
          likers {
            count
          }
          likeSentence {
            text
          }
        }
      }
    }

    fragment frag on Friend @onFragmentDefinition {
      foo(
        size: $size
        bar: $b
        obj: {
          key: "value"
          block: """
          block string uses \"""
          """
        }
      )
    }

    {
      unnamed(truthy: true, falsy: false, nullish: null)
      query
    }

    query {
      __typename
    }

    """#

/// The graphql-js kitchen-sink SDL (src/__testUtils__/kitchenSinkSDL.ts, as of
/// graphql-js 16.9).
let kitchenSinkSDL = #"""
    """This is a description of the schema as a whole."""
    schema {
      query: QueryType
      mutation: MutationType
    }

    """
    This is a description
    of the `Foo` type.
    """
    type Foo implements Bar & Baz & Two {
      "Description of the `one` field."
      one: Type
      """
      This is a description of the `two` field.
      """
      two(
        """
        This is a description of the `argument` argument.
        """
        argument: InputType!
      ): Type
      """This is a description of the `three` field."""
      three(argument: InputType, other: String): Int
      four(argument: String = "string"): String
      five(argument: [String] = ["string", "string"]): String
      six(argument: InputType = {key: "value"}): Type
      seven(argument: Int = null): Type
      eight(argument: OneOfInputType): Type
    }

    type AnnotatedObject @onObject(arg: "value") {
      annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
    }

    type UndefinedType

    extend type Foo {
      seven(argument: [String]): Type
    }

    extend type Foo @onType

    interface Bar {
      one: Type
      four(argument: String = "string"): String
    }

    interface AnnotatedInterface @onInterface {
      annotatedField(arg: Type @onArgumentDefinition): Type @onField
    }

    interface UndefinedInterface

    extend interface Bar implements Two {
      two(argument: InputType!): Type
    }

    extend interface Bar @onInterface

    interface Baz implements Bar & Two {
      one: Type
      two(argument: InputType!): Type
      four(argument: String = "string"): String
    }

    union Feed =
      | Story
      | Article
      | Advert

    union AnnotatedUnion @onUnion = A | B

    union AnnotatedUnionTwo @onUnion = | A | B

    union UndefinedUnion

    extend union Feed = Photo | Video

    extend union Feed @onUnion

    scalar CustomScalar

    scalar AnnotatedScalar @onScalar

    extend scalar CustomScalar @onScalar

    enum Site {
      """
      This is a description of the `DESKTOP` value
      """
      DESKTOP

      """This is a description of the `MOBILE` value"""
      MOBILE

      "This is a description of the `WEB` value"
      WEB
    }

    enum AnnotatedEnum @onEnum {
      ANNOTATED_VALUE @onEnumValue
      OTHER_VALUE
    }

    enum UndefinedEnum

    extend enum Site {
      VR
    }

    extend enum Site @onEnum

    input InputType {
      key: String!
      answer: Int = 42
    }

    input OneOfInputType @oneOf {
      string: String
      int: Int
    }

    input AnnotatedInput @onInputObject {
      annotatedField: Type @onInputFieldDefinition
    }

    input UndefinedInput

    extend input InputType {
      other: Float = 1.23e4 @onInputFieldDefinition
    }

    extend input InputType @onInputObject

    """
    This is a description of the `@skip` directive
    """
    directive @skip(
      """This is a description of the `if` argument"""
      if: Boolean! @onArgumentDefinition
    ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

    directive @include(if: Boolean!)
      on FIELD
       | FRAGMENT_SPREAD
       | INLINE_FRAGMENT

    directive @include2(if: Boolean!) on
      | FIELD
      | FRAGMENT_SPREAD
      | INLINE_FRAGMENT

    directive @myRepeatableDir(name: String!) repeatable on
      | OBJECT
      | INTERFACE

    extend schema @onSchema

    extend schema @onSchema {
      subscription: SubscriptionType
    }

    """#
