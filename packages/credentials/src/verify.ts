/// <reference path="./vendor.d.ts" />
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import jsigs from 'jsonld-signatures';
import { DocumentLoadError, type DocumentLoader, type JsonObject } from '#document-loader.ts';
import { type SchemaIssue, type SchemaValidation, validateOpenBadgeSchema } from '#schema.ts';

/** One verification step: `ok` and a stable reason `code` for the UI, `message` for people and logs. */
export type Check<Code extends string> = { ok: boolean; code: Code; message: string };

export type SchemaCheck = Check<'valid' | 'schema_invalid'> & { issues: SchemaIssue[] };

export type SignatureCheck = Check<
  | 'valid'
  | 'proof_missing'
  | 'proof_unsupported'
  | 'key_unavailable'
  | 'signature_invalid'
  | 'verification_error'
>;

export type IssuerCheck = Check<
  | 'valid'
  | 'issuer_missing'
  | 'issuer_unresolvable'
  | 'key_not_issuers'
  | 'key_not_found'
  | 'key_revoked'
  | 'key_not_authorized'
>;

/** `revoked`/`suspended` are null when the credential has no entry of that purpose or it could not be read. */
export type StatusCheck = Check<
  | 'active'
  | 'no_status'
  | 'revoked'
  | 'suspended'
  | 'status_unsupported'
  | 'status_list_unavailable'
  | 'status_list_invalid'
> & { revoked: boolean | null; suspended: boolean | null };

export type ValidityCheck = Check<'valid' | 'not_yet_valid' | 'expired' | 'dates_malformed'>;

/** Verification outcome a UI can show step by step; `valid` only when every check is ok. */
export type CredentialVerification = {
  valid: boolean;
  credentialId: string | null;
  issuerId: string | null;
  checks: {
    schema: SchemaCheck;
    signature: SignatureCheck;
    issuer: IssuerCheck;
    status: StatusCheck;
    validity: ValidityCheck;
  };
};

/** A JSON Schema a credential must match, with the name messages give it. */
export type SchemaValidator = { name: string; validate: (credential: unknown) => SchemaValidation };

export const openBadgeSchemaValidator: SchemaValidator = {
  name: '1EdTech OB 3.0 JSON Schema',
  validate: validateOpenBadgeSchema,
};

export type VerifyCredentialOptions = {
  /** From `createDocumentLoader`; must resolve the issuer's DID and its status lists. */
  documentLoader: DocumentLoader;
  /** The moment the credential is checked against (validity window, status-list validity). */
  now: Date;
  /** Default `openBadgeSchemaValidator`. */
  schema?: SchemaValidator;
};

type Proof = { type?: unknown; cryptosuite?: unknown; proofPurpose?: unknown; verificationMethod?: unknown };

const CRYPTOSUITE = 'eddsa-rdfc-2022';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function issuerIdOf(document: JsonObject): string | null {
  const { issuer } = document;
  if (typeof issuer === 'string') return issuer;
  if (isObject(issuer) && typeof issuer.id === 'string') return issuer.id;
  return null;
}

function findProof(document: JsonObject): Proof | null {
  const proofs = Array.isArray(document.proof) ? document.proof : [document.proof];
  const proof = proofs.find(
    (candidate): candidate is Proof =>
      isObject(candidate) &&
      candidate.type === 'DataIntegrityProof' &&
      candidate.cryptosuite === CRYPTOSUITE &&
      candidate.proofPurpose === 'assertionMethod',
  );
  return proof ?? null;
}

function verificationMethodOf(proof: Proof): string | null {
  const { verificationMethod } = proof;
  if (typeof verificationMethod === 'string') return verificationMethod;
  if (isObject(verificationMethod) && typeof verificationMethod.id === 'string') return verificationMethod.id;
  return null;
}

/** Every error jsonld-signatures reports, flattened out of its VerificationError wrappers. */
function collectErrors(error: unknown): unknown[] {
  if (isObject(error) && Array.isArray(error.errors)) return error.errors.flatMap(collectErrors);
  if (error instanceof Error && error.cause) return [error, ...collectErrors(error.cause)];
  return error === undefined ? [] : [error];
}

const verifySuite = new DataIntegrityProof({ cryptosuite });
// Checks only that the proof claims `assertionMethod`; whether the issuer authorises the key is the
// issuer check's job, so a bad key and a bad signature surface as different reasons.
const assertionPurpose = new jsigs.purposes.ProofPurpose({ term: 'assertionMethod' });

async function checkSignature(document: JsonObject, documentLoader: DocumentLoader): Promise<SignatureCheck> {
  if (document.proof === undefined) {
    return { ok: false, code: 'proof_missing', message: 'The credential carries no proof.' };
  }
  if (!findProof(document)) {
    return {
      ok: false,
      code: 'proof_unsupported',
      message: `No DataIntegrityProof with cryptosuite ${CRYPTOSUITE} for assertionMethod.`,
    };
  }
  try {
    const result = await jsigs.verify(structuredClone(document), {
      suite: verifySuite,
      purpose: assertionPurpose,
      documentLoader,
    });
    if (result.verified) return { ok: true, code: 'valid', message: 'The signature matches the content.' };
    const errors = [result.error, ...(result.results ?? []).map((entry) => entry.error)].flatMap(
      collectErrors,
    );
    const method = verificationMethodOf(findProof(document) ?? {});
    const loadError = errors.find((error) => error instanceof DocumentLoadError && error.url === method);
    if (loadError) {
      return {
        ok: false,
        code: 'key_unavailable',
        message: `Signing key not available: ${messageOf(loadError)}`,
      };
    }
    if (errors.some((error) => messageOf(error) === 'Invalid signature.')) {
      return {
        ok: false,
        code: 'signature_invalid',
        message: 'The content was changed after signing, or signed by another key.',
      };
    }
    return {
      ok: false,
      code: 'verification_error',
      message: errors.map(messageOf).join('; ') || 'The proof could not be verified.',
    };
  } catch (error) {
    return { ok: false, code: 'verification_error', message: messageOf(error) };
  }
}

async function checkIssuer(document: JsonObject, documentLoader: DocumentLoader): Promise<IssuerCheck> {
  const issuerId = issuerIdOf(document);
  if (!issuerId) return { ok: false, code: 'issuer_missing', message: 'The credential names no issuer id.' };
  const proof = findProof(document);
  const method = proof ? verificationMethodOf(proof) : null;
  if (!method) {
    return { ok: false, code: 'key_not_found', message: 'No supported proof names a verification method.' };
  }
  if (!method.startsWith(`${issuerId}#`)) {
    return {
      ok: false,
      code: 'key_not_issuers',
      message: `Key ${method} does not belong to issuer ${issuerId}.`,
    };
  }
  let didDocument: unknown;
  try {
    ({ document: didDocument } = await documentLoader(issuerId));
  } catch (error) {
    return {
      ok: false,
      code: 'issuer_unresolvable',
      message: `Issuer DID did not resolve: ${messageOf(error)}`,
    };
  }
  if (!isObject(didDocument)) {
    return { ok: false, code: 'issuer_unresolvable', message: 'Issuer DID document is not an object.' };
  }
  const absolute = (reference: unknown) =>
    typeof reference === 'string' && reference.startsWith('#') ? `${issuerId}${reference}` : reference;
  const methods = Array.isArray(didDocument.verificationMethod) ? didDocument.verificationMethod : [];
  const entry = methods.find(
    (candidate: unknown) => isObject(candidate) && absolute(candidate.id) === method,
  );
  if (!isObject(entry)) {
    return { ok: false, code: 'key_not_found', message: `Issuer DID document does not list key ${method}.` };
  }
  if (entry.controller !== issuerId) {
    return {
      ok: false,
      code: 'key_not_issuers',
      message: `Key ${method} is controlled by ${String(entry.controller)}.`,
    };
  }
  if (entry.revoked !== undefined) {
    return {
      ok: false,
      code: 'key_revoked',
      message: `Key ${method} was revoked at ${String(entry.revoked)}.`,
    };
  }
  const assertionMethods = Array.isArray(didDocument.assertionMethod) ? didDocument.assertionMethod : [];
  const isAuthorized = assertionMethods.some(
    (reference: unknown) => absolute(isObject(reference) ? reference.id : reference) === method,
  );
  if (!isAuthorized) {
    return {
      ok: false,
      code: 'key_not_authorized',
      message: `Key ${method} is not an assertionMethod of ${issuerId}.`,
    };
  }
  return { ok: true, code: 'valid', message: `Signed with ${method}, an assertion key of ${issuerId}.` };
}

function parseInstant(value: unknown): Date | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `validFrom` is required of credentials (the OB 3.0 schema says so) but optional in VC 2.0 status lists. */
function checkValidity(document: JsonObject, now: Date, { isValidFromRequired = true } = {}): ValidityCheck {
  const validFrom = parseInstant(document.validFrom);
  const validUntil = parseInstant(document.validUntil);
  if (validFrom === null || (validFrom === undefined && isValidFromRequired) || validUntil === null) {
    return {
      ok: false,
      code: 'dates_malformed',
      message: 'validFrom is missing, or a date is not a date-time.',
    };
  }
  if (validFrom && now < validFrom) {
    return { ok: false, code: 'not_yet_valid', message: `Valid from ${String(document.validFrom)}.` };
  }
  if (validUntil && now > validUntil) {
    return { ok: false, code: 'expired', message: `Expired at ${String(document.validUntil)}.` };
  }
  return { ok: true, code: 'valid', message: 'Within its validity period.' };
}

/**
 * The two status-list formats we read: the W3C Bitstring Status List, and its predecessor
 * StatusList2021 (same bits, no multibase prefix on `encodedList`), still common in external badges.
 */
const statusListFormats = {
  BitstringStatusListEntry: {
    credentialType: 'BitstringStatusListCredential',
    subjectType: 'BitstringStatusList',
    toMultibase: (encodedList: string) => encodedList,
  },
  StatusList2021Entry: {
    credentialType: 'StatusList2021Credential',
    subjectType: 'StatusList2021',
    // base64url without a multibase prefix; some issuers wrote plain base64.
    toMultibase: (encodedList: string) =>
      `u${encodedList.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`,
  },
} as const;

type StatusEntryType = keyof typeof statusListFormats;

function isStatusEntryType(value: unknown): value is StatusEntryType {
  return typeof value === 'string' && Object.hasOwn(statusListFormats, value);
}

type VerifiedList =
  | { ok: true; list: BitstringStatusList; document: JsonObject; entryType: StatusEntryType }
  | { ok: false; message: string };

// The signature and issuer of a status list do not depend on `now`, so a resolver that hands back
// the same (cached) object lets every credential on that list skip re-verifying it. Keyed by object
// identity: callers must not mutate a document after handing it to the loader.
const verifiedLists = new WeakMap<object, Promise<VerifiedList>>();

async function verifyStatusList(document: JsonObject, documentLoader: DocumentLoader): Promise<VerifiedList> {
  const [signature, issuer] = await Promise.all([
    checkSignature(document, documentLoader),
    checkIssuer(document, documentLoader),
  ]);
  if (!signature.ok) return { ok: false, message: `Status list signature: ${signature.message}` };
  if (!issuer.ok) return { ok: false, message: `Status list issuer: ${issuer.message}` };
  const types = Array.isArray(document.type) ? document.type : [];
  const subject = document.credentialSubject;
  const entryType = (Object.keys(statusListFormats) as StatusEntryType[]).find(
    (candidate) =>
      types.includes(statusListFormats[candidate].credentialType) &&
      isObject(subject) &&
      subject.type === statusListFormats[candidate].subjectType,
  );
  if (!entryType || !isObject(subject)) {
    return { ok: false, message: 'Not a BitstringStatusListCredential or StatusList2021Credential.' };
  }
  if (typeof subject.encodedList !== 'string')
    return { ok: false, message: 'Status list has no encodedList.' };
  try {
    return {
      ok: true,
      list: await BitstringStatusList.decode({
        encodedList: statusListFormats[entryType].toMultibase(subject.encodedList),
      }),
      document,
      entryType,
    };
  } catch (error) {
    return { ok: false, message: `Status list does not decode: ${messageOf(error)}` };
  }
}

type EntryOutcome =
  | { kind: 'read'; purpose: 'revocation' | 'suspension'; isSet: boolean }
  | {
      kind: 'failed';
      code: 'status_unsupported' | 'status_list_unavailable' | 'status_list_invalid';
      message: string;
    };

async function readEntry({
  entry,
  issuerId,
  documentLoader,
  now,
}: {
  entry: unknown;
  issuerId: string | null;
  documentLoader: DocumentLoader;
  now: Date;
}): Promise<EntryOutcome> {
  if (!isObject(entry) || !isStatusEntryType(entry.type)) {
    return {
      kind: 'failed',
      code: 'status_unsupported',
      message: 'Only BitstringStatusListEntry and StatusList2021Entry status are supported.',
    };
  }
  const { statusPurpose, statusListIndex, statusListCredential, statusSize } = entry;
  const index =
    typeof statusListIndex === 'string' && /^\d+$/.test(statusListIndex)
      ? Number(statusListIndex)
      : Number.NaN;
  if (
    (statusPurpose !== 'revocation' && statusPurpose !== 'suspension') ||
    !Number.isSafeInteger(index) ||
    typeof statusListCredential !== 'string' ||
    (statusSize !== undefined && statusSize !== 1)
  ) {
    return {
      kind: 'failed',
      code: 'status_unsupported',
      message: 'Status entry must be revocation or suspension, one bit, with a decimal index and a list URL.',
    };
  }
  let document: unknown;
  try {
    ({ document } = await documentLoader(statusListCredential));
  } catch (error) {
    return { kind: 'failed', code: 'status_list_unavailable', message: messageOf(error) };
  }
  if (!isObject(document)) {
    return {
      kind: 'failed',
      code: 'status_list_invalid',
      message: 'Status list credential is not an object.',
    };
  }
  let verification = verifiedLists.get(document);
  if (!verification) {
    verification = verifyStatusList(document, documentLoader);
    verifiedLists.set(document, verification);
  }
  const verified = await verification;
  if (!verified.ok) {
    // Failures may be transient (resolver down), so only successes are remembered.
    verifiedLists.delete(document);
    return { kind: 'failed', code: 'status_list_invalid', message: verified.message };
  }
  if (verified.entryType !== entry.type) {
    return {
      kind: 'failed',
      code: 'status_list_invalid',
      message: `A ${entry.type} points at a list of another format.`,
    };
  }
  const subject = document.credentialSubject as JsonObject;
  if (issuerIdOf(document) !== issuerId) {
    return {
      kind: 'failed',
      code: 'status_list_invalid',
      message: 'Status list was issued by another issuer.',
    };
  }
  if (subject.statusPurpose !== statusPurpose) {
    return {
      kind: 'failed',
      code: 'status_list_invalid',
      message: `Status list purpose ${String(subject.statusPurpose)} does not match entry purpose ${statusPurpose}.`,
    };
  }
  const listValidity = checkValidity(document, now, { isValidFromRequired: false });
  if (!listValidity.ok) {
    return { kind: 'failed', code: 'status_list_invalid', message: `Status list: ${listValidity.message}` };
  }
  if (index >= verified.list.length) {
    return {
      kind: 'failed',
      code: 'status_list_invalid',
      message: `Index ${index} is beyond the status list.`,
    };
  }
  return { kind: 'read', purpose: statusPurpose, isSet: verified.list.getStatus(index) };
}

async function checkStatus(document: JsonObject, options: VerifyCredentialOptions): Promise<StatusCheck> {
  const { credentialStatus } = document;
  if (credentialStatus === undefined) {
    return {
      ok: true,
      code: 'no_status',
      message: 'The credential has no status to check.',
      revoked: null,
      suspended: null,
    };
  }
  const entries = Array.isArray(credentialStatus) ? credentialStatus : [credentialStatus];
  const issuerId = issuerIdOf(document);
  const outcomes = await Promise.all(entries.map((entry) => readEntry({ entry, issuerId, ...options })));
  const purposeBit = (purpose: 'revocation' | 'suspension') => {
    const read = outcomes.filter((outcome) => outcome.kind === 'read' && outcome.purpose === purpose);
    return read.length === 0 ? null : read.some((outcome) => outcome.kind === 'read' && outcome.isSet);
  };
  const revoked = purposeBit('revocation');
  const suspended = purposeBit('suspension');
  if (revoked)
    return { ok: false, code: 'revoked', message: 'The issuer revoked this credential.', revoked, suspended };
  const failure = outcomes.find((outcome) => outcome.kind === 'failed');
  if (failure?.kind === 'failed')
    return { ok: false, code: failure.code, message: failure.message, revoked, suspended };
  if (suspended) {
    return {
      ok: false,
      code: 'suspended',
      message: 'The issuer has suspended this credential.',
      revoked,
      suspended,
    };
  }
  return { ok: true, code: 'active', message: 'Neither revoked nor suspended.', revoked, suspended };
}

function checkSchema(document: unknown, schema: SchemaValidator): SchemaCheck {
  const validation = schema.validate(document);
  return validation.ok
    ? { ok: true, code: 'valid', message: `Matches the ${schema.name}.`, issues: [] }
    : {
        ok: false,
        code: 'schema_invalid',
        message: `Does not match the ${schema.name} (${validation.issues.length} issue(s)).`,
        issues: validation.issues,
      };
}

function malformed(credential: unknown, message: string, schema: SchemaValidator): CredentialVerification {
  const fail = { ok: false, message } as const;
  return {
    valid: false,
    credentialId: null,
    issuerId: null,
    checks: {
      schema: { ...checkSchema(credential, schema), ok: false },
      signature: { ...fail, code: 'verification_error' },
      issuer: { ...fail, code: 'issuer_missing' },
      status: { ...fail, code: 'status_unsupported', revoked: null, suspended: null },
      validity: { ...fail, code: 'dates_malformed' },
    },
  };
}

/**
 * Verifies an OB 3.0 credential offline: schema (1EdTech JSON Schema, or the one `schema` names),
 * signature (Data Integrity `eddsa-rdfc-2022`), issuer (DID resolves, key listed in
 * `assertionMethod`, not revoked), status (Bitstring Status List or StatusList2021: revoked?
 * suspended?) and validity window against `now`. Runs every check so a UI can show each one, and
 * never throws: malformed input comes back `valid: false`.
 */
export async function verifyCredential(
  credential: unknown,
  { documentLoader, now, schema = openBadgeSchemaValidator }: VerifyCredentialOptions,
): Promise<CredentialVerification> {
  if (!isObject(credential)) return malformed(credential, 'The credential is not a JSON object.', schema);
  try {
    const [signature, issuer, status] = await Promise.all([
      checkSignature(credential, documentLoader),
      checkIssuer(credential, documentLoader),
      checkStatus(credential, { documentLoader, now }),
    ]);
    const checks = {
      schema: checkSchema(credential, schema),
      signature,
      issuer,
      status,
      validity: checkValidity(credential, now),
    };
    return {
      valid: Object.values(checks).every((check) => check.ok),
      credentialId: typeof credential.id === 'string' ? credential.id : null,
      issuerId: issuerIdOf(credential),
      checks,
    };
  } catch (error) {
    return malformed(credential, `Verification failed unexpectedly: ${messageOf(error)}`, schema);
  }
}
