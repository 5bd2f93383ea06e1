import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import schema from '#schema/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };

/** Where 1EdTech publishes the schema; credentials name it in `credentialSchema`. */
export const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** The official schema document, for verifiers that want to serve it themselves. */
export const openBadgeCredentialSchema: object = schema;

export type SchemaIssue = { path: string; message: string };

export type SchemaValidation = { ok: true } | { ok: false; issues: SchemaIssue[] };

const ajv = new Ajv2019({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its module object is the plugin and also carries it as `.default`, which
// is the only spelling TypeScript (nodenext), Node and Vite all agree on.
addFormatsModule.default(ajv);
// Compiled once at import: compiling costs tens of milliseconds, validating a credential well under one.
const validate = ajv.compile(schema);

/** Validates against the official 1EdTech OB 3.0 AchievementCredential JSON Schema (draft 2019-09). */
export function validateOpenBadgeSchema(credential: unknown): SchemaValidation {
  if (validate(credential)) return { ok: true };
  return {
    ok: false,
    issues: (validate.errors ?? []).map((error) => ({
      path: error.instancePath || '/',
      message: error.message ?? error.keyword,
    })),
  };
}
