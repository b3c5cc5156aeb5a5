// Printing the AST as graphql-js 16's print() does
// (graphql-js src/language/__tests__/printer-test.ts and schema-printer-test.ts).
import Testing

@testable import MarqueeGraphQL

@Suite("Printer")
struct LanguagePrinterTests {
    func reprint(_ text: String) throws -> String {
        printAST(try Parser.parse(text))
    }

    @Test func printsQueriesInShortFormOnlyWhenBare() throws {
        #expect(try reprint("query { id, name }") == lines("{", "  id", "  name", "}"))
        #expect(try reprint("mutation { id, name }") == lines("mutation {", "  id", "  name", "}"))
        #expect(
            try reprint("query ($foo: TestType) @testDirective { id, name }")
                == lines("query ($foo: TestType) @testDirective {", "  id", "  name", "}"))
        #expect(
            try reprint("mutation ($foo: TestType) @testDirective { id, name }")
                == lines("mutation ($foo: TestType) @testDirective {", "  id", "  name", "}"))
        #expect(try reprint("query Q { a }") == lines("query Q {", "  a", "}"))
    }

    @Test func printsVariableDirectives() throws {
        #expect(
            try reprint("query ($foo: TestType = {a: 123} @testDirective(if: true) @test) { id }")
                == lines("query ($foo: TestType = { a: 123 } @testDirective(if: true) @test) {", "  id", "}"))
    }

    @Test func keepsShortArgumentListsOnOneLine() throws {
        #expect(
            try reprint("{trip(wheelchair:false arriveBy:false){dateTime}}")
                == lines("{", "  trip(wheelchair: false, arriveBy: false) {", "    dateTime", "  }", "}"))
    }

    @Test func putsLongArgumentListsOnSeparateLines() throws {
        #expect(
            try reprint(
                "{trip(wheelchair:false arriveBy:false includePlannedCancellations:true transitDistanceReluctance:2000){dateTime}}"
            )
                == lines(
                    "{", "  trip(", "    wheelchair: false", "    arriveBy: false", "    includePlannedCancellations: true",
                    "    transitDistanceReluctance: 2000", "  ) {", "    dateTime", "  }", "}"))
    }

    @Test func printsKitchenSinkQuery() throws {
        let document = try Parser.parse(kitchenSinkQuery)
        let printed = printAST(document)
        #expect(
            printed == #"""
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

                subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
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
                    obj: { key: "value", block: """
                    block string uses \"""
                    """ }
                  )
                }

                {
                  unnamed(truthy: true, falsy: false, nullish: null)
                  query
                }

                {
                  __typename
                }
                """#)
        // Printing is a fixed point: the printed document parses and prints the same.
        #expect(try reprint(printed) == printed)
    }

    @Test func printsKitchenSinkSDL() throws {
        let printed = try reprint(kitchenSinkSDL)
        #expect(
            printed == #"""
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
                  """This is a description of the `two` field."""
                  two(
                    """This is a description of the `argument` argument."""
                    argument: InputType!
                  ): Type
                  """This is a description of the `three` field."""
                  three(argument: InputType, other: String): Int
                  four(argument: String = "string"): String
                  five(argument: [String] = ["string", "string"]): String
                  six(argument: InputType = { key: "value" }): Type
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

                union Feed = Story | Article | Advert

                union AnnotatedUnion @onUnion = A | B

                union AnnotatedUnionTwo @onUnion = A | B

                union UndefinedUnion

                extend union Feed = Photo | Video

                extend union Feed @onUnion

                scalar CustomScalar

                scalar AnnotatedScalar @onScalar

                extend scalar CustomScalar @onScalar

                enum Site {
                  """This is a description of the `DESKTOP` value"""
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

                """This is a description of the `@skip` directive"""
                directive @skip(
                  """This is a description of the `if` argument"""
                  if: Boolean! @onArgumentDefinition
                ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

                directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

                directive @include2(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

                directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE

                extend schema @onSchema

                extend schema @onSchema {
                  subscription: SubscriptionType
                }
                """#)
        #expect(try reprint(printed) == printed)
    }

    @Test func indentsMultiLineDescriptionsAsGraphQLJS() throws {
        // graphql-js indents every line of a nested block string, blank ones included.
        #expect(
            try reprint("type T {\n  \"\"\"\n  one\n\n  two\n  \"\"\"\n  f: Int\n}")
                == "type T {\n  \"\"\"\n  one\n  \n  two\n  \"\"\"\n  f: Int\n}")
    }

    @Test func printsValuesAndTypes() throws {
        #expect(printValue(try Parser.parseValue("{a:[1,2.5,\"x\"],b:$v,c:null,d:ENUM,e:{}}")) == "{ a: [1, 2.5, \"x\"], b: $v, c: null, d: ENUM, e: {  } }")
        #expect(printValue(try Parser.parseValue("\"quote \\\" and \\u00e9\"")) == "\"quote \\\" and é\"")
        #expect(printType(try Parser.parseType("[ [Int!] ]!")) == "[[Int!]]!")
        #expect(printAST(try Parser.parseType("MyType")) == "MyType")
        #expect(printAST(try Parser.parseValue("[]")) == "[]")
    }

    @Test func printsFragmentsAndDirectives() throws {
        #expect(
            try reprint("fragment F on T @a @b(x: 1) { ...G @c ... on U { d } ... @e { f } }")
                == lines(
                    "fragment F on T @a @b(x: 1) {", "  ...G @c", "  ... on U {", "    d", "  }", "  ... @e {", "    f",
                    "  }", "}"))
        #expect(try reprint("{ a: b @skip(if: true) }") == lines("{", "  a: b @skip(if: true)", "}"))
    }
}

@Suite("Printer: strings")
struct LanguagePrintStringTests {
    @Test func printsStrings() {
        #expect(printString("hello world") == "\"hello world\"")
        #expect(printString("\"hello world\"") == "\"\\\"hello world\\\"\"")
        #expect(printString("who's test") == "\"who's test\"")
        #expect(printString("escape: \\") == "\"escape: \\\\\"")
        #expect(printString("\u{8}\u{C}\n\r\t") == "\"\\b\\f\\n\\r\\t\"")
        #expect(printString("\u{0}") == "\"\\u0000\"")
        #expect(printString(" ") == "\" \"")
        #expect(printString("\u{21BB}") == "\"\u{21BB}\"")
        #expect(printString("\u{1F600}") == "\"\u{1F600}\"")
    }

    @Test func escapesAllControlCharacters() {
        let input = String(String.UnicodeScalarView((0...0x9F).map { Unicode.Scalar(UInt8($0)) }))
        let expected =
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
            + "\\b\\t\\n\\u000B\\f\\r\\u000E\\u000F"
            + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
            + "\\u0018\\u0019\\u001A\\u001B\\u001C\\u001D\\u001E\\u001F"
            + " !\\\"#$%&'()*+,-./0123456789:;<=>?"
            + "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_"
            + "`abcdefghijklmnopqrstuvwxyz{|}~\\u007F"
            + "\\u0080\\u0081\\u0082\\u0083\\u0084\\u0085\\u0086\\u0087"
            + "\\u0088\\u0089\\u008A\\u008B\\u008C\\u008D\\u008E\\u008F"
            + "\\u0090\\u0091\\u0092\\u0093\\u0094\\u0095\\u0096\\u0097"
            + "\\u0098\\u0099\\u009A\\u009B\\u009C\\u009D\\u009E\\u009F\""
        #expect(printString(input) == expected)
        #expect(printString("\u{A0}é") == "\"\u{A0}é\"")
    }

    func expectBlockString(
        _ value: String, readable: String, minimize: String? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(printBlockString(value) == readable, sourceLocation: sourceLocation)
        #expect(printBlockString(value, minimize: true) == (minimize ?? readable), sourceLocation: sourceLocation)
    }

    @Test func printsBlockStrings() {
        let unescaped = "\" \\ / \u{8} \u{C} \n \r \t"
        expectBlockString(
            unescaped, readable: "\"\"\"\n" + unescaped + "\n\"\"\"", minimize: "\"\"\"\n" + unescaped + "\"\"\"")
        expectBlockString("one liner", readable: "\"\"\"one liner\"\"\"")
        expectBlockString(
            "triple quotation \"\"\"", readable: "\"\"\"\ntriple quotation \\\"\"\"\n\"\"\"",
            minimize: "\"\"\"triple quotation \\\"\"\"\"\"\"")
        expectBlockString("    space-led string", readable: "\"\"\"    space-led string\"\"\"")
        expectBlockString(
            "    space-led value \"quoted string\"", readable: "\"\"\"    space-led value \"quoted string\"\n\"\"\"")
        expectBlockString(
            "backslash \\", readable: "\"\"\"\nbackslash \\\n\"\"\"", minimize: "\"\"\"backslash \\\n\"\"\"")
        expectBlockString(
            "no indent\n with indent", readable: "\"\"\"\nno indent\n with indent\n\"\"\"",
            minimize: "\"\"\"\nno indent\n with indent\"\"\"")
        expectBlockString(
            lines("    first  ", "  line     ", "indentation", "     string"),
            readable: lines("\"\"\"", "    first  ", "  line     ", "indentation", "     string", "\"\"\""),
            minimize: lines("\"\"\"    first  ", "  line     ", "indentation", "     string\"\"\""))
        let long = String(repeating: "x", count: 71)
        expectBlockString(long, readable: "\"\"\"\n" + long + "\n\"\"\"", minimize: "\"\"\"" + long + "\"\"\"")
    }

    @Test func blockStringsSurviveARoundTrip() throws {
        for value in ["", "a", " a", "a\"", "a\\", "\"\"\"", "a\n b", "\n", "  \n x", "x\"\"\"y", "é😀\nb"] {
            let printed = printBlockString(value)
            var lexer = Lexer(printed)
            let token = try lexer.next()
            // A block string loses leading and trailing blank lines, as the spec says.
            let expected = value == "\n" ? "" : value == "  \n x" ? "x" : value
            #expect(lexer.value(of: token) == expected, "\(value.debugDescription) printed as \(printed.debugDescription)")
        }
    }
}
