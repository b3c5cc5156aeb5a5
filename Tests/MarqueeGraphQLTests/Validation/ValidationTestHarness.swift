// The shared fixture of the validation tests: graphql-js's test schema (from its
// validation test harness) and helpers that validate a document with one rule and
// compare every error's message and locations.

import Testing
@testable import MarqueeGraphQL

/// A schema of the validation tests.
enum ValidationTestSchema {
    /// graphql-js's `testSchema`: pets, humans, complicated arguments, custom directives.
    static let `default` = build(#"""
        interface Mammal {
          mother: Mammal
          father: Mammal
        }

        interface Pet {
          name(surname: Boolean): String
        }

        interface Canine implements Mammal {
          name(surname: Boolean): String
          mother: Canine
          father: Canine
        }

        enum DogCommand {
          SIT
          HEEL
          DOWN
        }

        type Dog implements Pet & Mammal & Canine {
          name(surname: Boolean): String
          nickname: String
          barkVolume: Int
          barks: Boolean
          doesKnowCommand(dogCommand: DogCommand): Boolean
          isHouseTrained(atOtherHomes: Boolean = true): Boolean
          isAtLocation(x: Int, y: Int): Boolean
          mother: Dog
          father: Dog
        }

        type Cat implements Pet {
          name(surname: Boolean): String
          nickname: String
          meows: Boolean
          meowsVolume: Int
          furColor: FurColor
        }

        union CatOrDog = Cat | Dog

        type Human {
          name(surname: Boolean): String
          pets: [Pet]
          relatives: [Human]!
        }

        enum FurColor {
          BROWN
          BLACK
          TAN
          SPOTTED
          NO_FUR
          UNKNOWN
        }

        input ComplexInput {
          requiredField: Boolean!
          nonNullField: Boolean! = false
          intField: Int
          stringField: String
          booleanField: Boolean
          stringListField: [String]
        }

        input OneOfInput @oneOf {
          stringField: String
          intField: Int
        }

        type ComplicatedArgs {
          intArgField(intArg: Int): String
          nonNullIntArgField(nonNullIntArg: Int!): String
          stringArgField(stringArg: String): String
          booleanArgField(booleanArg: Boolean): String
          enumArgField(enumArg: FurColor): String
          floatArgField(floatArg: Float): String
          idArgField(idArg: ID): String
          stringListArgField(stringListArg: [String]): String
          stringListNonNullArgField(stringListNonNullArg: [String!]): String
          complexArgField(complexArg: ComplexInput): String
          oneOfArgField(oneOfArg: OneOfInput): String
          multipleReqs(req1: Int!, req2: Int!): String
          nonNullFieldWithDefault(arg: Int! = 0): String
          multipleOpts(opt1: Int = 0, opt2: Int = 0): String
          multipleOptAndReq(req1: Int!, req2: Int!, opt1: Int = 0, opt2: Int = 0): String
        }

        type QueryRoot {
          human(id: ID): Human
          dog: Dog
          cat: Cat
          pet: Pet
          catOrDog: CatOrDog
          complicatedArgs: ComplicatedArgs
        }

        type SubscriptionRoot {
          importantEmails: [String]
          notImportantEmails: [String]
          moreImportantEmails: [String]
          spamEmails: [String]
          deletedEmails: [String]
          newMessage: Message
        }

        type Message {
          body: String
          sender: String
        }

        schema {
          query: QueryRoot
          subscription: SubscriptionRoot
        }

        directive @onQuery on QUERY
        directive @onMutation on MUTATION
        directive @onSubscription on SUBSCRIPTION
        directive @onField on FIELD
        directive @onFragmentDefinition on FRAGMENT_DEFINITION
        directive @onFragmentSpread on FRAGMENT_SPREAD
        directive @onInlineFragment on INLINE_FRAGMENT
        directive @onVariableDefinition on VARIABLE_DEFINITION
        directive @repeatable repeatable on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
        """#)

    /// Interfaces and objects whose fields overlap with different types
    /// (graphql-js's OverlappingFieldsCanBeMerged tests).
    static let overlap = build(#"""
        interface SomeBox {
          deepBox: SomeBox
          unrelatedField: String
        }

        type StringBox implements SomeBox {
          scalar: String
          deepBox: StringBox
          unrelatedField: String
          listStringBox: [StringBox]
          stringBox: StringBox
          intBox: IntBox
        }

        type IntBox implements SomeBox {
          scalar: Int
          deepBox: IntBox
          unrelatedField: String
          listStringBox: [StringBox]
          stringBox: StringBox
          intBox: IntBox
        }

        interface NonNullStringBox1 {
          scalar: String!
        }

        type NonNullStringBox1Impl implements SomeBox & NonNullStringBox1 {
          scalar: String!
          unrelatedField: String
          deepBox: SomeBox
        }

        interface NonNullStringBox2 {
          scalar: String!
        }

        type NonNullStringBox2Impl implements SomeBox & NonNullStringBox2 {
          scalar: String!
          unrelatedField: String
          deepBox: SomeBox
        }

        type Connection {
          edges: [Edge]
        }

        type Edge {
          node: Node
        }

        type Node {
          id: ID
          name: String
        }

        type Query {
          someBox: SomeBox
          connection: Connection
        }
        """#)

    static let queryOnly = build(#"type Query { normalField: String }"#)
    static let withMutation = build(#"type Query { normalField: String } type Mutation { doSomething: String }"#)
    static let introspection = build(#"type Query { someField: String }"#)

    static func build(_ sdl: String) -> GraphQLSchema {
        do {
            return try GraphQLSchema.build(sdl: sdl)
        } catch {
            fatalError("test schema does not build: \(error)")
        }
    }
}

/// Parses a test document (a syntax error fails the test's precondition).
func parseDocument(_ query: String) -> Document {
    do {
        return try Parser.parse(Source(body: query))
    } catch {
        fatalError("test document does not parse: \(error)")
    }
}

/// The errors of validating `query` with `rules`, as (message, [(line, column)]).
func validationErrors(_ rules: [any ValidationRule.Type], _ query: String, schema: GraphQLSchema = ValidationTestSchema.default,
                      maxErrors: Int = 100) -> [ExpectedError] {
    Validator.validate(schema: schema, document: parseDocument(query), rules: rules, maxErrors: maxErrors).map(ExpectedError.init)
}

/// An error as the tests compare it: its message and its locations.
struct ExpectedError: Equatable, CustomStringConvertible {
    let message: String
    let locations: [MarqueeGraphQL.SourceLocation]

    init(_ message: String, _ locations: [(Int, Int)]) {
        self.message = message
        self.locations = locations.map { MarqueeGraphQL.SourceLocation(line: $0.0, column: $0.1) }
    }

    init(_ error: GraphQLError) {
        message = error.message
        locations = error.locations
    }

    var description: String { message + " " + locations.map(\.description).joined(separator: ", ") }
}

func expectValid(_ rule: any ValidationRule.Type, _ query: String, schema: GraphQLSchema = ValidationTestSchema.default,
                 sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let errors = validationErrors([rule], query, schema: schema)
    #expect(errors == [], sourceLocation: sourceLocation)
}

func expectErrors(_ rule: any ValidationRule.Type, _ query: String, _ expected: [(String, [(Int, Int)])],
                  schema: GraphQLSchema = ValidationTestSchema.default, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let errors = validationErrors([rule], query, schema: schema)
    #expect(errors == expected.map { ExpectedError($0.0, $0.1) }, sourceLocation: sourceLocation)
}

