import { graphql } from '../../gql';

export const ChatMatchDoc = graphql(`
  query ChatMatch($id: ID!) {
    match(id: $id) {
      id
      state
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
`);

export const ConversationDoc = graphql(`
  query Conversation($matchId: ID!, $last: Int, $before: String) {
    conversation(matchId: $matchId, last: $last, before: $before) {
      nodes {
        ...MessageFields
      }
      pageInfo {
        hasPreviousPage
        startCursor
      }
    }
  }
`);

export const SendMessageDoc = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        ...MessageFields
      }
    }
  }
`);

export const MarkReadDoc = graphql(`
  mutation MarkConversationRead($input: MarkConversationReadInput!) {
    markConversationRead(input: $input) {
      matchId
      markedCount
    }
  }
`);

export const SetTypingDoc = graphql(`
  mutation SetTyping($input: SetTypingInput!) {
    setTyping(input: $input) {
      sent
    }
  }
`);

export const UnmatchDoc = graphql(`
  mutation Unmatch($input: UnmatchInput!) {
    unmatch(input: $input) {
      matchId
    }
  }
`);

export const BlockUserDoc = graphql(`
  mutation BlockUser($input: BlockUserInput!) {
    blockUser(input: $input) {
      blockedUserId
    }
  }
`);
