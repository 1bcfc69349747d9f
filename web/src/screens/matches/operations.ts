import { graphql } from '../../gql';

export const MatchesDoc = graphql(`
  query Matches($first: Int) {
    matches(first: $first) {
      nodes {
        id
        createdAt
        unreadCount
        state
        user {
          id
          displayName
          photos {
            id
            url
          }
        }
        lastMessage {
          id
          body
          sentAt
          sender {
            id
          }
        }
      }
    }
  }
`);
