import schema from '#generated/graphcache-schema.json';

type SchemaType = { name: string; fields?: readonly { name: string }[] };

const types = (schema as { __schema: { types: readonly SchemaType[] } }).__schema.types;

/**
 * Whether the API this build was made against has a field: read from the printed schema (through
 * the graphcache copy `pnpm generate` writes), so a screen that needs a field still being built
 * stays hidden until the schema has it, and appears with the next `generate` once it does.
 */
export function schemaHasField(typeName: string, fieldName: string): boolean {
  return !!types.find((type) => type.name === typeName)?.fields?.some((field) => field.name === fieldName);
}

/** Importing credentials from elsewhere into the wallet (`importCredential`, `myImportedCredentials`). */
export const canImportCredentials =
  schemaHasField('Mutation', 'importCredential') && schemaHasField('Query', 'myImportedCredentials');

/** Verifying a CLR bundle as a whole and each credential in it (`kind`, `embedded`). */
export const canVerifyBundles =
  schemaHasField('CredentialVerification', 'kind') && schemaHasField('CredentialVerification', 'embedded');
