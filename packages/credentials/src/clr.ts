import { isDeepStrictEqual } from 'node:util';
import {
  type BilingualText,
  bilingualDescription,
  buildEvidence,
  buildIssuerProfile,
  buildLearnerIdentifiers,
  type Credential,
  type EvidenceInput,
  type IssuerProfileInput,
  isCredentialFor,
  isUrnUuid,
  type LearnerInput,
} from '#credential.ts';
import { toDateTime } from '#dates.ts';
import {
  CLR_V2_CONTEXT,
  type DocumentLoader,
  type JsonObject,
  OB_V3_CONTEXT,
  VC_V2_CONTEXT,
} from '#document-loader.ts';
import type { SigningKey } from '#keys.ts';
import { CLR_CREDENTIAL_SCHEMA_URL, validateClrCredential } from '#schema.ts';
import { signCredential } from '#sign.ts';
import type { StatusEntry } from '#status.ts';
import {
  type CredentialVerification,
  type SchemaValidator,
  type VerifyCredentialOptions,
  verifyCredential,
} from '#verify.ts';

/*
 * A Comprehensive Learner Record 2.0 `ClrCredential` bundles a teacher's signed Open Badges into one
 * credential the platform signs: the badges themselves (`verifiableCredential`, untouched so each
 * still verifies on its own), the achievements they award, and how those achievements relate
 * (`association`). The CLR context puts embedded credentials in the bundle's own RDF graph, so the
 * bundle's signature also covers what each embedded credential says, its proof included.
 */

/** The closed `associationType` vocabulary of the CLR 2.0 schema. */
export type AssociationType =
  | 'exactMatchOf'
  | 'isChildOf'
  | 'isParentOf'
  | 'isPartOf'
  | 'isPeerOf'
  | 'isRelatedTo'
  | 'precedes'
  | 'replacedBy';

/** A CLR 2.0 `Association`: the achievement `sourceId` stands in `associationType` to `targetId`. */
export type ClrAssociation = {
  type: 'Association';
  associationType: AssociationType;
  sourceId: string;
  targetId: string;
};

/** A stack of achievements (a pathway): its own achievement and the components it is made of. */
export type ClrPathwayInput = {
  /** The pathway's achievement: an embedded credential's (the award) or one of `achievements`. */
  achievementId: string;
  /** Each `isChildOf` the pathway, which `isParentOf` each; listed in this order. */
  componentIds: readonly string[];
  /** Components that must be earned in order: `before` `precedes` `after` (achievement ids). */
  precedes?: readonly { before: string; after: string }[];
};

export type ClrInput = {
  /** `urn:uuid:<uuid>`. */
  id: string;
  /** The signer; its `id` must be the signing key's issuer. */
  issuer: IssuerProfileInput;
  /** The teacher every embedded credential is about; a fresh salt (`createIdentitySalt`) per bundle. */
  learner: LearnerInput;
  /** The Indonesian name is the `name`; English follows in the description. */
  name: BilingualText;
  description: BilingualText;
  validFrom: Date | string;
  validUntil?: Date | string | null;
  /** Signed OB 3.0 credentials for `learner`, embedded exactly as given. */
  credentials: readonly Credential[];
  /**
   * OB 3.0 `Achievement` objects the bundle names that no embedded credential awards, such as the
   * pathway's own achievement while it is not yet earned.
   */
  achievements?: readonly JsonObject[];
  /** Absent for a whole-wallet bundle: the credentials and their achievements, unrelated. */
  pathway?: ClrPathwayInput;
  /**
   * True when the bundle leaves out credentials the platform holds for this teacher (the CLR 2.0
   * meaning): normally so for a pathway's bundle; for a whole wallet, whenever any is left out.
   */
  partial: boolean;
  /** What the bundle as a whole rests on (VC 2.0 `evidence`, OB 3.0 `Evidence` entries). */
  evidence?: readonly EvidenceInput[];
  credentialStatus?: StatusEntry;
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function achievementOf(credential: Credential): JsonObject | null {
  const subject = credential.credentialSubject;
  const achievement = isObject(subject) ? subject.achievement : undefined;
  return isObject(achievement) && typeof achievement.id === 'string' ? achievement : null;
}

function assertCredentials({ credentials, learner }: Pick<ClrInput, 'credentials' | 'learner'>): void {
  if (credentials.length === 0) throw new TypeError('A CLR bundles at least one credential.');
  const ids = new Set<unknown>();
  for (const credential of credentials) {
    const label = String(credential.id);
    if (credential.proof === undefined) throw new TypeError(`Credential ${label} is not signed.`);
    if (!achievementOf(credential)) {
      throw new TypeError(`Credential ${label} awards no achievement with an id.`);
    }
    if (!isCredentialFor({ credential, nuptk: learner.nuptk })) {
      throw new TypeError(`Credential ${label} is not about this teacher (no matching NUPTK hash).`);
    }
    if (ids.has(credential.id)) throw new TypeError(`Credential ${label} is listed twice.`);
    ids.add(credential.id);
  }
}

/** Each achievement once: those the credentials award (as they state them), then the extra ones. */
function collectAchievements(input: Pick<ClrInput, 'credentials' | 'achievements'>): JsonObject[] {
  const byId = new Map<string, JsonObject>();
  const candidates = [
    ...input.credentials.map((credential) => achievementOf(credential) as JsonObject),
    ...(input.achievements ?? []),
  ];
  for (const achievement of candidates) {
    if (typeof achievement.id !== 'string') throw new TypeError('Every achievement needs an id.');
    const known = byId.get(achievement.id);
    if (known && !isDeepStrictEqual(known, achievement)) {
      throw new TypeError(`Achievement ${achievement.id} is stated two different ways.`);
    }
    if (!known) byId.set(achievement.id, structuredClone(achievement));
  }
  return [...byId.values()];
}

function pathwayAssociations(
  pathway: ClrPathwayInput,
  achievementIds: ReadonlySet<string>,
): ClrAssociation[] {
  const { achievementId, componentIds, precedes = [] } = pathway;
  const components = new Set(componentIds);
  if (components.size !== componentIds.length) throw new TypeError('A pathway component is listed twice.');
  if (components.has(achievementId)) throw new TypeError('A pathway cannot be its own component.');
  for (const id of [achievementId, ...componentIds]) {
    if (!achievementIds.has(id)) throw new TypeError(`Achievement ${id} is not in the bundle.`);
  }
  for (const { before, after } of precedes) {
    if (!components.has(before) || !components.has(after) || before === after) {
      throw new TypeError(`Order ${before} before ${after} must link two different components.`);
    }
  }
  const association = (associationType: AssociationType, sourceId: string, targetId: string) =>
    ({ type: 'Association', associationType, sourceId, targetId }) satisfies ClrAssociation;
  return [
    // Both directions, so a reader starting from either end finds the link without inverting it.
    ...componentIds.flatMap((componentId) => [
      association('isParentOf', achievementId, componentId),
      association('isChildOf', componentId, achievementId),
    ]),
    ...precedes.map(({ before, after }) => association('precedes', before, after)),
  ];
}

/**
 * Builds an unsigned CLR 2.0 `ClrCredential` for one teacher: the signed credentials embedded as
 * they are, every achievement once, and for a pathway the parent/child and order associations.
 * Throws `TypeError` on input that would make a wrong bundle (an unsigned credential, one about
 * another teacher, an association to an achievement the bundle does not hold).
 */
export function buildClrCredential(input: ClrInput): Credential {
  if (!isUrnUuid(input.id)) throw new TypeError(`Credential id must be urn:uuid: ${input.id}`);
  assertCredentials(input);
  const achievements = collectAchievements(input);
  const associations = input.pathway
    ? pathwayAssociations(input.pathway, new Set(achievements.map((achievement) => String(achievement.id))))
    : [];
  return {
    '@context': [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: input.name.id,
    description: bilingualDescription(input),
    // Omitted rather than false: absent means complete, and verifiers holding the CLR context from
    // before `partial` was defined can still canonicalise a complete bundle.
    ...(input.partial ? { partial: true } : {}),
    issuer: buildIssuerProfile(input.issuer),
    validFrom: toDateTime(input.validFrom),
    ...(input.validUntil ? { validUntil: toDateTime(input.validUntil) } : {}),
    credentialSubject: {
      type: ['ClrSubject'],
      name: input.learner.name,
      identifier: buildLearnerIdentifiers(input.learner),
      verifiableCredential: input.credentials.map((credential) => structuredClone(credential)),
      achievement: achievements,
      ...(associations.length > 0 ? { association: associations } : {}),
    },
    ...(input.evidence?.length ? { evidence: buildEvidence(input.evidence) } : {}),
    credentialSchema: [{ id: CLR_CREDENTIAL_SCHEMA_URL, type: 'JsonSchema' }],
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  };
}

/**
 * Builds and signs a CLR bundle (`eddsa-rdfc-2022`, like every KMG credential). Throws `TypeError`
 * when the input is wrong (see `buildClrCredential`) or the signed bundle does not match the 1EdTech
 * CLR 2.0 schema, so nothing non-conformant leaves the platform.
 */
export async function signClrCredential({
  input,
  key,
  documentLoader,
  now,
}: {
  input: ClrInput;
  key: SigningKey;
  documentLoader: DocumentLoader;
  /** Proof `created` time. */
  now?: Date;
}): Promise<Credential> {
  const signed = await signCredential({ credential: buildClrCredential(input), key, documentLoader, now });
  const validation = validateClrCredential(signed);
  if (!validation.ok) {
    const issues = validation.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new TypeError(`The CLR bundle does not match the CLR 2.0 schema: ${issues}`);
  }
  return signed;
}

export const clrSchemaValidator: SchemaValidator = {
  name: '1EdTech CLR 2.0 JSON Schema',
  validate: validateClrCredential,
};

/** The bundle and each embedded credential, verified separately; `valid` only when all are. */
export type ClrVerification = {
  valid: boolean;
  /** The `ClrCredential` itself, its schema check against the CLR 2.0 schema. */
  bundle: CredentialVerification;
  /** One per embedded credential, in bundle order, each verified as an OB 3.0 credential. */
  credentials: CredentialVerification[];
};

function embeddedCredentials(document: unknown): unknown[] {
  const subject = isObject(document) ? document.credentialSubject : undefined;
  const embedded = isObject(subject) ? subject.verifiableCredential : undefined;
  if (embedded === undefined) return [];
  return Array.isArray(embedded) ? embedded : [embedded];
}

/**
 * Verifies a CLR bundle offline: the bundle as `verifyCredential` does (CLR 2.0 schema, signature,
 * issuer key, status, validity), and each embedded credential as the OB 3.0 credential it is, so a
 * UI can show which badge of the bundle fails and why. Never throws.
 */
export async function verifyClrCredential(
  document: unknown,
  { documentLoader, now }: Omit<VerifyCredentialOptions, 'schema'>,
): Promise<ClrVerification> {
  const [bundle, ...credentials] = await Promise.all([
    verifyCredential(document, { documentLoader, now, schema: clrSchemaValidator }),
    ...embeddedCredentials(document).map((credential) =>
      verifyCredential(credential, { documentLoader, now }),
    ),
  ]);
  return {
    valid: bundle.valid && credentials.every((credential) => credential.valid),
    bundle,
    credentials,
  };
}
