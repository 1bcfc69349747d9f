import { graphql } from '../../gql';

export const DiscoverDoc = graphql(`
  query Discover($first: Int, $after: String) {
    discover(first: $first, after: $after) {
      nodes {
        id
        displayName
        bio
        hobbies
        interests
        sharedHobbies
        sharedInterests
        distanceMiles
        photos {
          id
          url
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const SwipeDoc = graphql(`
  mutation Swipe($input: SwipeInput!) {
    swipe(input: $input) {
      match {
        id
        user {
          id
          displayName
          photos {
            id
            url
          }
        }
      }
    }
  }
`);
