import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isNuptk, isSkkniUnitCode } from '@kmg/domain';
import { toDateTime } from '#dates.ts';
import { type JsonObject, OB_V3_CONTEXT, VC_V2_CONTEXT } from '#document-loader.ts';
import { OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL } from '#schema.ts';
import type { StatusEntry } from '#status.ts';

/** Text in both programme languages; keys are BCP 47 tags (`id` Indonesian, primary; `en` English). */
export type BilingualText = { id: string; en: string };

/**
 * OB 3.0 achievement types KMG issues: `CertificateOfCompletion` for a training certificate
 * (attended and completed), `MicroCredential` or `Certification` for a competency credential assessed
 * per SKKNI unit (Certification when a BNSP-licensed body certifies).
 */
export type AchievementType = 'CertificateOfCompletion' | 'MicroCredential' | 'Certification';

/** Per-unit decision: Kompeten (K, competent) or Belum Kompeten (BK, not yet competent). */
export type CompetencyDecision = 'K' | 'BK';

/** EU micro-credential "form of participation". */
export type ParticipationForm = 'online' | 'onsite' | 'blended';

export type IssuerProfileInput = {
  /** The issuer's did:web (see `issuerDid`). */
  id: string;
  name: string;
  url: string;
  email?: string;
  phone?: string;
  description?: string;
  /** The country is always Indonesia; these refine it. */
  address?: { streetAddress?: string; addressLocality?: string; addressRegion?: string; postalCode?: string };
  /** The ministry directorate that runs the programme (Direktorat SMK). */
  parentOrg: { id: string; name: string; url?: string };
};

/** A national competency-standard unit (SKKNI), `X.000000.000.00`, with its published source. */
export type SkkniUnitInput = {
  code: string;
  title: string;
  /** Official page or document of the unit (alignment `targetUrl`; the schema requires one). */
  url: string;
  /** Required for competency achievements; absent for a training certificate. */
  result?: CompetencyDecision;
};

export type EvidenceInput = {
  /** URL of the evidence (portfolio page, assessment record) or a data URI. */
  id?: string;
  name: string;
  description?: string;
  narrative?: string;
  /** Kind of evidence, e.g. "Portofolio", "Uji praktik", "Laporan pengimbasan". */
  genre?: string;
};

/** A coded element for the machine-readable tag plus its text for people. */
export type CodedText = {
  /** Lowercase words joined by hyphens, e.g. `competency-test`, `bnsp-licensed-lsp`. */
  code: string;
  text: BilingualText;
};

export type AchievementInput = {
  id: string;
  achievementType: AchievementType;
  name: BilingualText;
  description: BilingualText;
  /** What the teacher had to do to earn it (Markdown allowed). */
  criteria: BilingualText;
  /** Capaian pembelajaran: what the teacher can do afterwards. */
  learningOutcomes: BilingualText[];
  /** Bidang keahlian (skill area). */
  fieldOfStudy: string;
  /** Short code people quote, e.g. `KMG-2025-LAS-01`. */
  humanCode: string;
  image?: { id: string; caption?: string };
  /** KKNI qualification level (1-9) and the page describing the level (alignment `targetUrl`). */
  kkni: { level: number; url: string };
  skkniUnits: SkkniUnitInput[];
  /** SKS awarded on completion (OB `creditsAvailable`); decided by outcomes, separate from hours. */
  credits: number;
  /** Notional workload in hours of learning. */
  workloadHours: number;
  participation: ParticipationForm;
  assessment: CodedText;
  qualityAssurance: CodedText;
  /** Free keywords, added after the `mc:` tags. */
  tags?: string[];
};

/** Learner identity. The NUPTK never leaves this function unhashed. */
export type LearnerInput = {
  name: string;
  /** NUPTK, the national teacher number (16 digits). */
  nuptk: string;
  /** Per-credential salt (`createIdentitySalt`); store it to re-derive the hash. */
  salt: string;
};

export type OpenBadgeInput = {
  /** `urn:uuid:<uuid>`. */
  id: string;
  issuer: IssuerProfileInput;
  /** Date-time with offset; also the issue date (EU element). */
  validFrom: Date | string;
  validUntil?: Date | string | null;
  /** Defaults to `validFrom`. */
  awardedDate?: Date | string;
  learner: LearnerInput;
  /** Training dates (first and last day). */
  activity?: { startDate: Date | string; endDate: Date | string };
  achievement: AchievementInput;
  /** Defaults to `achievement.credits` when every unit is K (or for a training certificate), else 0. */
  creditsEarned?: number;
  evidence?: EvidenceInput[];
  credentialStatus?: StatusEntry;
};

/** A JSON object credential; the OB 3.0 shape is enforced by the JSON Schema, not by this type. */
export type Credential = { [key: string]: unknown };

/** `sha256$<hex>` of the NUPTK followed by the salt, as OB 3.0 IdentityHash defines it. */
export function hashNuptk({ nuptk, salt }: { nuptk: string; salt: string }): string {
  return `sha256$${createHash('sha256').update(`${nuptk}${salt}`, 'utf8').digest('hex')}`;
}

/** A fresh random salt for one credential's identity hash. */
export function createIdentitySalt(): string {
  return randomBytes(16).toString('hex');
}

/** The identity type we give the hashed NUPTK; OB 3.0 allows `ext:` extensions of IdentifierTypeEnum. */
export const NUPTK_IDENTITY_TYPE = 'ext:NUPTK';

/** Whether a credential's subject is the teacher with this NUPTK (compares salted hashes in constant time). */
export function isCredentialFor({ credential, nuptk }: { credential: Credential; nuptk: string }): boolean {
  const subject = credential.credentialSubject as { identifier?: unknown } | undefined;
  const identifiers = Array.isArray(subject?.identifier) ? subject.identifier : [];
  return identifiers.some((entry: unknown) => {
    const identity = entry as { identityType?: unknown; identityHash?: unknown; salt?: unknown };
    if (identity.identityType !== NUPTK_IDENTITY_TYPE || typeof identity.identityHash !== 'string')
      return false;
    const expected = Buffer.from(
      hashNuptk({ nuptk, salt: typeof identity.salt === 'string' ? identity.salt : '' }),
    );
    const actual = Buffer.from(identity.identityHash);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  });
}

/** Whether `value` is a `urn:uuid:` URN, the form every credential KMG issues takes as its id. */
export function isUrnUuid(value: string): boolean {
  return /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * How a credential names its teacher, as OB 3.0 IdentityObjects: the NUPTK only ever salted and
 * hashed, and the name in clear. Throws `TypeError` for a NUPTK that is not 16 digits or a short salt.
 */
export function buildLearnerIdentifiers(learner: LearnerInput): JsonObject[] {
  if (!isNuptk(learner.nuptk)) throw new TypeError('Learner NUPTK must be 16 digits.');
  if (learner.salt.length < 16) throw new TypeError('Identity salt must be at least 16 characters.');
  return [
    {
      type: 'IdentityObject',
      identityType: NUPTK_IDENTITY_TYPE,
      hashed: true,
      identityHash: hashNuptk(learner),
      salt: learner.salt,
    },
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: learner.name },
  ];
}

/** The issuer as an OB 3.0 `Profile`: always in Indonesia, under its parent organisation. */
export function buildIssuerProfile(issuer: IssuerProfileInput): JsonObject {
  return {
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name,
    url: issuer.url,
    ...(issuer.email ? { email: issuer.email } : {}),
    ...(issuer.phone ? { phone: issuer.phone } : {}),
    ...(issuer.description ? { description: issuer.description } : {}),
    address: {
      type: ['Address'],
      addressCountry: 'Indonesia',
      addressCountryCode: 'ID',
      ...issuer.address,
    },
    parentOrg: {
      id: issuer.parentOrg.id,
      type: ['Profile'],
      name: issuer.parentOrg.name,
      ...(issuer.parentOrg.url ? { url: issuer.parentOrg.url } : {}),
    },
  };
}

/**
 * A `description` in both languages. OB 3.0 and CLR 2.0 keep `name`/`description` single strings
 * (no language maps), so the English edition, headed by the English name, follows the Indonesian
 * text; the Indonesian name is the `name`.
 */
export function bilingualDescription({
  name,
  description,
}: {
  name: BilingualText;
  description: BilingualText;
}): string {
  return `${description.id}\n\n---\n\n${name.en}. ${description.en}`;
}

/** OB 3.0 `Evidence` entries, each with only the fields given. */
export function buildEvidence(evidence: readonly EvidenceInput[]): JsonObject[] {
  return evidence.map((entry) => ({
    ...(entry.id ? { id: entry.id } : {}),
    type: ['Evidence'],
    name: entry.name,
    ...(entry.description ? { description: entry.description } : {}),
    ...(entry.narrative ? { narrative: entry.narrative } : {}),
    ...(entry.genre ? { genre: entry.genre } : {}),
  }));
}

/**
 * An unsigned `OpenBadgeCredential` around an `AchievementSubject` the caller built: contexts, types,
 * issuer profile, dates, evidence, the official schema and the status entry, the same for every kind
 * of badge KMG and its partners issue.
 */
export function buildOpenBadgeEnvelope(input: {
  id: string;
  name: string;
  issuer: IssuerProfileInput;
  validFrom: Date | string;
  validUntil?: Date | string | null;
  awardedDate: Date | string;
  credentialSubject: JsonObject;
  evidence?: readonly EvidenceInput[];
  credentialStatus?: StatusEntry;
}): Credential {
  if (!isUrnUuid(input.id)) throw new TypeError(`Credential id must be urn:uuid: ${input.id}`);
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: input.name,
    issuer: buildIssuerProfile(input.issuer),
    validFrom: toDateTime(input.validFrom),
    ...(input.validUntil ? { validUntil: toDateTime(input.validUntil) } : {}),
    awardedDate: toDateTime(input.awardedDate),
    credentialSubject: input.credentialSubject,
    ...(input.evidence?.length ? { evidence: buildEvidence(input.evidence) } : {}),
    // OB 3.0 examples type this `1EdTechJsonSchemaValidator2019`, a term neither the VC 2.0 nor the OB
    // 3.0.3 context defines, so safe-mode canonicalisation refuses to sign it. VC 2.0's `JsonSchema`
    // says the same thing (validate against this JSON Schema) with a defined term.
    credentialSchema: [{ id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: 'JsonSchema' }],
    ...(input.credentialStatus ? { credentialStatus: input.credentialStatus } : {}),
  };
}

/*
 * EU micro-credential elements that OB 3.0 has no term for (workload in hours, form of
 * participation, type of assessment, type of quality assurance) are written twice: as text in
 * `criteria.narrative` for people, and as `tag` values `mc:<element>=<value>` for machines. We chose
 * tags over a custom JSON-LD context because every OB 3.0 verifier, wallet and the 1EdTech schema
 * accept `tag` as it is, while extra terms need a context document that must be hosted forever,
 * signed over, and that offline verifiers would have to bundle. The level, issuer country and
 * credits also get tags so one parser reads all elements; their OB terms (KKNI alignment,
 * `address.addressCountryCode`, `creditsAvailable`) stay authoritative.
 */
export const MICRO_CREDENTIAL_TAG_PREFIX = 'mc:';

export type MicroCredentialTags = {
  workloadHours?: number;
  credits?: number;
  level?: string;
  participation?: ParticipationForm;
  assessment?: string;
  qualityAssurance?: string;
  country?: string;
};

const tagKeys = {
  workloadHours: 'workload-hours',
  credits: 'credits-sks',
  level: 'level',
  participation: 'participation',
  assessment: 'assessment',
  qualityAssurance: 'quality-assurance',
  country: 'country',
} as const satisfies Record<keyof MicroCredentialTags, string>;

function microCredentialTags(achievement: AchievementInput): string[] {
  const values: Required<MicroCredentialTags> = {
    workloadHours: achievement.workloadHours,
    credits: achievement.credits,
    level: `KKNI-${achievement.kkni.level}`,
    participation: achievement.participation,
    assessment: achievement.assessment.code,
    qualityAssurance: achievement.qualityAssurance.code,
    country: 'ID',
  };
  return (Object.keys(tagKeys) as Array<keyof MicroCredentialTags>).map(
    (key) => `${MICRO_CREDENTIAL_TAG_PREFIX}${tagKeys[key]}=${values[key]}`,
  );
}

/** Reads the `mc:` tags back (for RPL review, search, display); unknown or malformed tags are ignored. */
export function readMicroCredentialTags(tags: readonly unknown[] | undefined): MicroCredentialTags {
  const result: MicroCredentialTags = {};
  for (const tag of tags ?? []) {
    if (typeof tag !== 'string' || !tag.startsWith(MICRO_CREDENTIAL_TAG_PREFIX)) continue;
    const [name, value] = tag.slice(MICRO_CREDENTIAL_TAG_PREFIX.length).split('=', 2);
    if (!value) continue;
    const key = (Object.keys(tagKeys) as Array<keyof MicroCredentialTags>).find((k) => tagKeys[k] === name);
    if (key === 'workloadHours' || key === 'credits') {
      const number = Number(value);
      if (Number.isFinite(number)) result[key] = number;
    } else if (key === 'participation') {
      if (value === 'online' || value === 'onsite' || value === 'blended') result.participation = value;
    } else if (key) {
      result[key] = value;
    }
  }
  return result;
}

const participationText: Record<ParticipationForm, BilingualText> = {
  online: { id: 'Daring', en: 'Online' },
  onsite: { id: 'Luring (tatap muka)', en: 'Onsite (in person)' },
  blended: { id: 'Bauran (daring dan luring)', en: 'Blended (online and onsite)' },
};

const decisionText: Record<CompetencyDecision, string> = { K: 'Kompeten', BK: 'Belum Kompeten' };

/** Formats SKS the Indonesian way: decimal comma (`0,9`). */
export function formatSks(credits: number): string {
  return String(credits).replace('.', ',');
}

function criteriaNarrative(achievement: AchievementInput): string {
  const { kkni, workloadHours, credits, participation, assessment, qualityAssurance } = achievement;
  const section = (language: keyof BilingualText) => {
    const labels =
      language === 'id'
        ? {
            outcomes: 'Capaian pembelajaran',
            workload: 'Beban belajar',
            hours: 'jam',
            level: 'Jenjang KKNI',
            assessment: 'Jenis asesmen',
            participation: 'Bentuk keikutsertaan',
            qa: 'Penjaminan mutu',
          }
        : {
            outcomes: 'Learning outcomes',
            workload: 'Notional workload',
            hours: 'hours',
            level: 'KKNI level',
            assessment: 'Type of assessment',
            participation: 'Form of participation',
            qa: 'Quality assurance',
          };
    return [
      achievement.criteria[language],
      '',
      `**${labels.outcomes}:**`,
      ...achievement.learningOutcomes.map((outcome) => `- ${outcome[language]}`),
      '',
      `- **${labels.workload}:** ${workloadHours} ${labels.hours} (${language === 'id' ? formatSks(credits) : credits} SKS)`,
      `- **${labels.level}:** ${kkni.level}`,
      `- **${labels.assessment}:** ${assessment.text[language]}`,
      `- **${labels.participation}:** ${participationText[participation][language]}`,
      `- **${labels.qa}:** ${qualityAssurance.text[language]}`,
    ].join('\n');
  };
  return `${section('id')}\n\n---\n\n*English*\n\n${section('en')}`;
}

function assertInput(input: OpenBadgeInput): void {
  const { achievement } = input;
  if (!isUrnUuid(input.id)) throw new TypeError(`Credential id must be urn:uuid: ${input.id}`);
  if (!Number.isInteger(achievement.kkni.level) || achievement.kkni.level < 1 || achievement.kkni.level > 9) {
    throw new TypeError(`KKNI level must be 1-9: ${achievement.kkni.level}`);
  }
  for (const unit of achievement.skkniUnits) {
    if (!isSkkniUnitCode(unit.code)) throw new TypeError(`Not an SKKNI unit code: ${unit.code}`);
    if (achievement.achievementType !== 'CertificateOfCompletion' && !unit.result) {
      throw new TypeError(`${achievement.achievementType} needs a K/BK result for unit ${unit.code}.`);
    }
  }
  if (achievement.achievementType !== 'CertificateOfCompletion' && achievement.skkniUnits.length === 0) {
    throw new TypeError(`${achievement.achievementType} needs at least one SKKNI unit.`);
  }
  if (achievement.learningOutcomes.length === 0) {
    throw new TypeError('At least one learning outcome is required (an EU micro-credential element).');
  }
  for (const coded of [achievement.assessment, achievement.qualityAssurance]) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(coded.code))
      throw new TypeError(`Tag code must be kebab-case: ${coded.code}`);
  }
  if (!(achievement.workloadHours > 0) || !(achievement.credits >= 0)) {
    throw new TypeError('Workload hours must be positive and credits not negative.');
  }
}

function resultDescriptionId(achievementId: string, unitCode: string): string {
  return `${achievementId}#unit-${unitCode}`;
}

/**
 * Builds an unsigned OB 3.0 `OpenBadgeCredential` (VC Data Model 2.0) carrying every EU Council
 * micro-credential element: learner identity (hashed NUPTK + name), title, issuer country,
 * awarding body (issuer + parent organisation), issue date, learning outcomes, workload in hours and
 * SKS, KKNI level, type of assessment, form of participation and quality assurance. Throws
 * `TypeError` on input that would make a wrong credential.
 */
export function buildOpenBadgeCredential(input: OpenBadgeInput): Credential {
  assertInput(input);
  const { achievement, learner } = input;
  const identifier = buildLearnerIdentifiers(learner);
  const validFrom = toDateTime(input.validFrom);

  const unitAlignments = achievement.skkniUnits.map((unit) => ({
    type: ['Alignment'],
    targetType: 'ceasn:Competency',
    targetFramework: 'SKKNI',
    targetCode: unit.code,
    targetName: unit.title,
    targetUrl: unit.url,
  }));
  const levelAlignment = {
    type: ['Alignment'],
    targetType: 'ext:QualificationLevel',
    targetFramework: 'KKNI',
    targetCode: String(achievement.kkni.level),
    targetName: `KKNI Jenjang ${achievement.kkni.level}`,
    targetDescription: `Kerangka Kualifikasi Nasional Indonesia, level ${achievement.kkni.level} of 9`,
    targetUrl: achievement.kkni.url,
  };
  const assessedUnits = achievement.skkniUnits.flatMap((unit, index) =>
    unit.result ? [{ unit, alignment: unitAlignments[index] }] : [],
  );
  const isFullyCompetent = assessedUnits.every(({ unit }) => unit.result === 'K');
  const creditsEarned = input.creditsEarned ?? (isFullyCompetent ? achievement.credits : 0);

  const credentialSubject = {
    type: ['AchievementSubject'],
    // `name` is the VC 2.0 term wallets display; the `name` IdentityObject is how OB 3.0 itself
    // conveys a display name. The NUPTK is only ever present hashed.
    name: learner.name,
    identifier,
    ...(input.activity
      ? {
          activityStartDate: toDateTime(input.activity.startDate),
          activityEndDate: toDateTime(input.activity.endDate),
        }
      : {}),
    creditsEarned,
    achievement: {
      id: achievement.id,
      type: ['Achievement'],
      achievementType: achievement.achievementType,
      name: achievement.name.id,
      description: bilingualDescription(achievement),
      // The primary language; the English edition follows it in the description.
      inLanguage: 'id',
      criteria: { narrative: criteriaNarrative(achievement) },
      alignment: [...unitAlignments, levelAlignment],
      creditsAvailable: achievement.credits,
      fieldOfStudy: achievement.fieldOfStudy,
      humanCode: achievement.humanCode,
      ...(achievement.image ? { image: { type: 'Image', ...achievement.image } } : {}),
      ...(assessedUnits.length > 0
        ? {
            resultDescription: assessedUnits.map(({ unit, alignment }) => ({
              id: resultDescriptionId(achievement.id, unit.code),
              type: ['ResultDescription'],
              name: `${unit.code} ${unit.title}`,
              resultType: 'Result',
              allowedValue: [decisionText.BK, decisionText.K],
              requiredValue: decisionText.K,
              alignment: [alignment],
            })),
          }
        : {}),
      tag: [...microCredentialTags(achievement), ...(achievement.tags ?? [])],
    },
    ...(assessedUnits.length > 0
      ? {
          result: assessedUnits.map(({ unit, alignment }) => ({
            type: ['Result'],
            resultDescription: resultDescriptionId(achievement.id, unit.code),
            value: decisionText[unit.result as CompetencyDecision],
            alignment: [alignment],
          })),
        }
      : {}),
  };

  return buildOpenBadgeEnvelope({
    id: input.id,
    name: achievement.name.id,
    issuer: input.issuer,
    validFrom,
    validUntil: input.validUntil,
    awardedDate: input.awardedDate ?? validFrom,
    credentialSubject,
    evidence: input.evidence,
    credentialStatus: input.credentialStatus,
  });
}
