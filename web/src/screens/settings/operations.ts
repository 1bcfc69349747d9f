import { graphql } from '../../gql';

export const ChangePasswordDoc = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ...SessionFields
    }
  }
`);

export const DeleteAccountDoc = graphql(`
  mutation DeleteAccount {
    deleteAccount {
      deleted
    }
  }
`);

export const ExportMyDataDoc = graphql(`
  query ExportMyData {
    exportMyData
  }
`);
