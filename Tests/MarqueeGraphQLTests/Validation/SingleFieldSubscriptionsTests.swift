// Cases ported from graphql-js's tests; expected errors checked against graphql-core 3.3.2
// (the reference implementation this engine follows), in graphql-js's double-quoted form.

import Testing
@testable import MarqueeGraphQL

@Suite("SingleFieldSubscriptions") struct ValidationSingleFieldSubscriptionsTests {
    @Test func validSubscription() {
        expectValid(SingleFieldSubscriptionsRule.self, #"""
            subscription ImportantEmails {
              importantEmails
            }
            """#)
    }

    @Test func validWithFragment() {
        expectValid(SingleFieldSubscriptionsRule.self, #"""
            subscription sub {
              ...newMessageFields
            }

            fragment newMessageFields on SubscriptionRoot {
              newMessage {
                body
                sender
              }
            }
            """#)
    }

    @Test func validWithFragmentAndInlineFragment() {
        expectValid(SingleFieldSubscriptionsRule.self, #"""
            subscription sub {
              ... on SubscriptionRoot {
                newMessage {
                  body
                }
              }
              ...newMessageFields
            }

            fragment newMessageFields on SubscriptionRoot {
              newMessage {
                body
                sender
              }
            }
            """#)
    }

    @Test func failsWithMoreThanOneRootField() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription ImportantEmails {
              importantEmails
              notImportantEmails
            }
            """#, [
                (#"Subscription "ImportantEmails" must select only one top level field."#, [(3, 3)]),
            ])
    }

    @Test func failsWithMoreThanOneRootFieldIncludingIntrospection() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription ImportantEmails {
              importantEmails
              __typename
            }
            """#, [
                (#"Subscription "ImportantEmails" must select only one top level field."#, [(3, 3)]),
                (#"Subscription "ImportantEmails" must not select an introspection top level field."#, [(3, 3)]),
            ])
    }

    @Test func failsWithIntrospectionOnly() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription ImportantEmails {
              __typename
            }
            """#, [
                (#"Subscription "ImportantEmails" must not select an introspection top level field."#, [(2, 3)]),
            ])
    }

    @Test func skipOnRootField() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription RequireStaticRoot($skip: Boolean!) {
              importantEmails @skip(if: $skip)
              notImportantEmails
            }
            """#, [
                (#"Subscription "RequireStaticRoot" must not use `@skip` or `@include` directives in the top level selection."#, [(2, 19)]),
            ])
    }

    @Test func includeOnFragmentSpread() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription RequireStaticRoot($include: Boolean!) {
              ...Fields @include(if: $include)
            }
            fragment Fields on SubscriptionRoot {
              importantEmails
            }
            """#, [
                (#"Subscription "RequireStaticRoot" must not use `@skip` or `@include` directives in the top level selection."#, [(2, 13)]),
            ])
    }

    @Test func failsWithManyMoreThanOneRootField() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription ImportantEmails {
              importantEmails
              notImportantEmails
              spamEmails
            }
            """#, [
                (#"Subscription "ImportantEmails" must select only one top level field."#, [(3, 3), (4, 3)]),
            ])
    }

    @Test func failsWithManyMoreThanOneRootFieldViaFragments() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription ImportantEmails {
              importantEmails
              ... {
                more: moreImportantEmails
              }
              ...NotImportantEmails
            }
            fragment NotImportantEmails on SubscriptionRoot {
              notImportantEmails
              deleted: deletedEmails
              ...SpamEmails
            }
            fragment SpamEmails on SubscriptionRoot {
              spamEmails
            }
            """#, [
                (#"Subscription "ImportantEmails" must select only one top level field."#, [(4, 5), (9, 3), (10, 3), (14, 3)]),
            ])
    }

    @Test func failsWithMoreThanOneRootFieldInAnonymousSubscriptions() {
        expectErrors(SingleFieldSubscriptionsRule.self, #"""
            subscription {
              importantEmails
              notImportantEmails
            }
            """#, [
                (#"Anonymous Subscription must select only one top level field."#, [(3, 3)]),
            ])
    }

    @Test func skipsIfNotSubscriptionType() {
        expectValid(SingleFieldSubscriptionsRule.self, #"""
            subscription {
              __typename
            }
            """#, schema: ValidationTestSchema.queryOnly)
    }
}
