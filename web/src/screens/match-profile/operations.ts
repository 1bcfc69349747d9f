import { graphql } from '../../gql';

export const MatchProfileDoc = graphql(`
  query MatchProfile($id: ID!) {
    match(id: $id) {
      id
      createdAt
      user {
        id
        displayName
        distanceMiles
        bio
        hobbies
        interests
        sharedHobbies
        sharedInterests
        photos {
          id
          url
        }
      }
    }
  }
`);
