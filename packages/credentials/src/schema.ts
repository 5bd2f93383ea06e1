import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import clrSchema from '#schema/clr_v2p0_clrcredential_schema.json' with { type: 'json' };
import schema from '#schema/ob_v3p0_achievementcredential_schema.json' with { type: 'json' };

/** Where 1EdTech publishes the schema; credentials name it in `credentialSchema`. */
export const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/** Where 1EdTech publishes the CLR 2.0 schema; CLR bundles name it in `credentialSchema`. */
export const CLR_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

/** The official schema document, for verifiers that want to serve it themselves. */
export const openBadgeCredentialSchema: object = schema;

/** The official CLR 2.0 `ClrCredential` schema document, for verifiers that want to serve it themselves. */
export const clrCredentialSchema: object = clrSchema;

export type SchemaIssue = { path: string; message: string };

export type SchemaValidation = { ok: true } | { ok: false; issues: SchemaIssue[] };

const ajv = new Ajv2019({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its module object is the plugin and also carries it as `.default`, which
// is the only spelling TypeScript (nodenext), Node and Vite all agree on.
addFormatsModule.default(ajv);
// Compiled once at import: compiling costs tens of milliseconds, validating a credential well under one.
const validate = ajv.compile(schema);
// Compiled on first use: most processes that load this module never see a CLR.
let validateClr: ValidateFunction | undefined;

function run(validator: ValidateFunction, document: unknown): SchemaValidation {
  if (validator(document)) return { ok: true };
  return {
    ok: false,
    issues: (validator.errors ?? []).map((error) => ({
      path: error.instancePath || '/',
      message: error.message ?? error.keyword,
    })),
  };
}

/** Validates against the official 1EdTech OB 3.0 AchievementCredential JSON Schema (draft 2019-09). */
export function validateOpenBadgeSchema(credential: unknown): SchemaValidation {
  return run(validate, credential);
}

/**
 * Validates against the official 1EdTech CLR 2.0 ClrCredential JSON Schema (draft 2019-09). The
 * schema checks embedded credentials only as generic verifiable credentials; each one's own OB 3.0
 * schema is checked when it is verified.
 */
export function validateClrCredential(credential: unknown): SchemaValidation {
  validateClr ??= ajv.compile(clrSchema);
  return run(validateClr, credential);
}
