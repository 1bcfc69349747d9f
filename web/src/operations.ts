import { graphql } from './gql';

export const SessionFieldsDoc = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    user {
      id
      username
      email
    }
  }
`);

export const SignUpDoc = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...SessionFields
    }
  }
`);

export const LogInDoc = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      ...SessionFields
    }
  }
`);

export const MeDoc = graphql(`
  query Me {
    me {
      id
      username
      email
      profileComplete
      isModerator
      warnings {
        id
        reason
        createdAt
        appealed
      }
      profile {
        displayName
        bio
        hobbies
        interests
        zipCode
        friendRadiusMiles
      }
      photos {
        id
        url
        position
      }
    }
  }
`);

export const UpdateProfileDoc = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      profile {
        displayName
        bio
        hobbies
        interests
        zipCode
        friendRadiusMiles
        complete
      }
    }
  }
`);

export const MessageFieldsDoc = graphql(`
  fragment MessageFields on Message {
    id
    matchId
    body
    sentAt
    readAt
    sender {
      id
      displayName
    }
  }
`);

export const UnreadTotalDoc = graphql(`
  query UnreadTotal {
    unreadTotal
  }
`);

export const MessageReceivedDoc = graphql(`
  subscription MessageReceived($after: String) {
    messageReceived(after: $after) {
      ...MessageFields
    }
  }
`);

export const MatchCreatedDoc = graphql(`
  subscription MatchCreated($after: String) {
    matchCreated(after: $after) {
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
`);

export const TypingDoc = graphql(`
  subscription Typing {
    typing {
      matchId
      userId
    }
  }
`);

export const ConversationReadDoc = graphql(`
  subscription ConversationRead($after: String) {
    conversationRead(after: $after) {
      matchId
      readerId
      readAt
    }
  }
`);

export const MatchEndedDoc = graphql(`
  subscription MatchEnded($after: String) {
    matchEnded(after: $after) {
      matchId
      endedAt
    }
  }
`);

export const LiveCursorDoc = graphql(`
  query LiveCursor {
    liveCursor
  }
`);

export const PhotoFieldsDoc = graphql(`
  fragment PhotoFields on Photo {
    id
    url
    position
  }
`);

/** Sent as a multipart request (graphql-multipart-request-spec) by lib/photos.ts, not through urql. */
export const UploadPhotoDoc = graphql(`
  mutation UploadPhoto($file: Upload!) {
    uploadPhoto(input: { file: $file }) {
      photo {
        ...PhotoFields
      }
    }
  }
`);

export const ReorderPhotosDoc = graphql(`
  mutation ReorderPhotos($input: ReorderPhotosInput!) {
    reorderPhotos(input: $input) {
      photos {
        ...PhotoFields
      }
    }
  }
`);

export const DeletePhotoDoc = graphql(`
  mutation DeletePhoto($input: DeletePhotoInput!) {
    deletePhoto(input: $input) {
      deletedPhotoId
      photos {
        ...PhotoFields
      }
    }
  }
`);

export const ReportUserDoc = graphql(`
  mutation ReportUser($input: ReportUserInput!) {
    reportUser(input: $input) {
      reportId
      blocked
      confirmation
    }
  }
`);

export const AppealSuspensionDoc = graphql(`
  mutation AppealSuspension($input: AppealSuspensionInput!) {
    appealSuspension(input: $input) {
      appealId
      confirmation
    }
  }
`);

export const AcknowledgeWarningDoc = graphql(`
  mutation AcknowledgeWarning($input: AcknowledgeWarningInput!) {
    acknowledgeWarning(input: $input) {
      id
    }
  }
`);

export const AppealDecisionDoc = graphql(`
  mutation AppealDecision($input: AppealDecisionInput!) {
    appealDecision(input: $input) {
      appealId
      confirmation
    }
  }
`);
