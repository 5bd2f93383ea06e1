import { gql } from 'urql';

// The import API is being built beside this app: its documents are written against the agreed
// contract by hand, and used only where `canImportCredentials` (lib/api-features.ts) says the
// schema has it. Once `schema.graphql` carries these fields, move each document into `graphql()`
// beside the component that uses it and delete this file: gql.tada then checks it like the rest.

/** A credential from another issuer that joined the wallet after it was verified. */
export type ImportedCredential = {
  id: string;
  achievementName: string;
  issuerName: string;
  validFrom: string;
  validUntil: string | null;
  importedAt: string;
};

const importedFields = 'id achievementName issuerName validFrom validUntil importedAt';

export const MyImportedCredentialsQuery = gql<
  { myImportedCredentials: ImportedCredential[] },
  Record<string, never>
>(`
  query MyImportedCredentials {
    myImportedCredentials {
      ${importedFields}
    }
  }
`);

/**
 * A refusal: the first failed check (`code`, and `message` in the teacher's language); a
 * `ValidationError` also says which input was wrong.
 */
export type ImportRefusal = {
  __typename: string;
  code: string;
  message: string;
  fieldErrors?: { path: string[]; message: string }[];
};

export type ImportCredentialOutcome =
  | { __typename: 'ImportCredentialSuccess'; data: ImportedCredential }
  | ImportRefusal;

export const ImportCredentialMutation = gql<
  { importCredential: ImportCredentialOutcome | null },
  { document?: string | null; url?: string | null }
>(`
  mutation ImportCredential($document: String, $url: String) {
    importCredential(document: $document, url: $url) {
      __typename
      ... on ImportCredentialSuccess {
        data {
          ${importedFields}
        }
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);
