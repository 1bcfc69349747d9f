import { graphql } from '../../gql';

export const ModerationQueueDoc = graphql(`
  query ModerationQueue {
    moderationQueue(first: 50) {
      userId
      username
      displayName
      openReports
      countingReporters
      latestReportAt
      hidden
      suspended
    }
  }
`);

export const ModerationActionFieldsDoc = graphql(`
  fragment ModerationActionFields on ModerationAction {
    id
    kind
    reason
    moderatorUsername
    subjectId
    until
    photoId
    granted
    reportIds
    createdAt
  }
`);

export const ModerationCaseDoc = graphql(`
  query ModerationCase($userId: ID!) {
    moderationCase(userId: $userId) {
      userId
      username
      displayName
      bio
      hobbies
      interests
      accountCreatedAt
      hidden
      suspension {
        until
        reason
      }
      photos {
        id
        url
        hidden
      }
      reports {
        id
        category
        reason
        reporterName
        counts
        blocked
        createdAt
        resolvedAt
        photoId
        photo {
          id
          url
          deleted
        }
        messageId
        conversation {
          id
          body
          sentAt
          fromReportedPerson
          isReported
        }
      }
      actions {
        ...ModerationActionFields
      }
      appeals {
        id
        text
        createdAt
        answeredAt
        granted
        action {
          id
          kind
        }
      }
    }
  }
`);

export const ModerateDoc = graphql(`
  mutation Moderate($input: ModerateInput!) {
    moderate(input: $input) {
      ...ModerationActionFields
    }
  }
`);

export const ModerationAppealsDoc = graphql(`
  query ModerationAppeals {
    moderationAppeals {
      id
      userId
      text
      createdAt
      action {
        ...ModerationActionFields
      }
    }
  }
`);

export const AnswerAppealDoc = graphql(`
  mutation AnswerAppeal($input: AnswerAppealInput!) {
    answerAppeal(input: $input) {
      id
      answeredAt
      granted
    }
  }
`);

export const ModerationAuditTrailDoc = graphql(`
  query ModerationAuditTrail {
    moderationAuditTrail(first: 100) {
      ...ModerationActionFields
    }
  }
`);
