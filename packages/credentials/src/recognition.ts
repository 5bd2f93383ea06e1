import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { DegreeLevel } from '@kmg/domain';
import { buildClrCredential, type ClrInput, signClrCredential } from '#clr.ts';
import {
  type BilingualText,
  bilingualDescription,
  buildLearnerIdentifiers,
  buildOpenBadgeEnvelope,
  type Credential,
  type EvidenceInput,
  formatSks,
  type IssuerProfileInput,
  isUrnUuid,
  type LearnerInput,
} from '#credential.ts';
import { startOfJakartaDay } from '#dates.ts';
import type { DocumentLoader, JsonObject } from '#document-loader.ts';
import type { SigningKey } from '#keys.ts';
import { signCredential } from '#sign.ts';
import type { StatusEntry } from '#status.ts';

/*
 * The credential a university issues a teacher once its decree (SK) on recognition of prior
 * learning (RPL, Rekognisi Pembelajaran Lampau) is signed: a CLR 2.0 `ClrCredential` from the
 * university, built and verified by `clr.ts` like KMG's pathway bundles.
 *
 * Shape, and why:
 * - CLR 2.0 has no place for credits earned on a bare `Achievement` (`creditsEarned` is a term of
 *   `AchievementSubject` only; elsewhere it is undefined and signing refuses it), and a `ClrSubject`
 *   must embed at least one credential. So each recognised course is an `OpenBadgeCredential` the
 *   university issues (`achievementType: "Course"`, `creditsAvailable` = the course's SKS,
 *   `creditsEarned` = the SKS recognised), and so is the recognition as a whole (its own
 *   achievement, `creditsEarned` = the total). The bundle embeds them signed, as `clr.ts` requires.
 * - The whole `isParentOf` each course and each course `isChildOf` the whole: `clr.ts`'s pathway
 *   associations, so KMG's readers walk a recognition as they walk a pathway, from either end.
 *   `isPartOf` (physical or logical inclusion) would also pass the schema, but the decree is a
 *   list under one decision, the parent/child structure the pathway bundles already use.
 * - The KMG credentials the recognition rests on are `evidence` by their public verification URL,
 *   not embedded. Embedding would fit `clr.ts` (it embeds signed credentials about the same teacher),
 *   but `verifyClrCredential` calls a bundle valid only while every embedded credential is, and the
 *   decree does not lapse when a training badge later expires or is revoked: the university revokes
 *   its own recognition through the status list if it annuls the decree. References also keep the
 *   bundle small at 30 courses and leave each badge with its own issuer.
 * - Every embedded credential carries the bundle's own revocation entry: the decree stands or falls
 *   as a whole (an amended decree is a new recognition, and the old one is revoked), and a course
 *   credential a wallet shows on its own still reports the revocation.
 * - Achievement ids: each course's id names the programme and course under `achievementBaseUrl`, the
 *   same for every teacher, so it says only what holds for all of them; the recognition's own
 *   achievement, which states this teacher's total, ends with the bundle's UUID.
 * - `partial: true`: the bundle holds the decision only, not the teacher's prior-learning credentials
 *   the university has seen (CLR 2.0: not every assertion the publisher knows for the subject).
 */

/** `achievementType` of the recognition as a whole; OB 3.0's vocabulary takes `ext:` extensions. */
export const RPL_RECOGNITION_ACHIEVEMENT_TYPE = 'ext:RecognitionOfPriorLearning';
/** `genre` of the decree in `evidence`. */
export const RPL_DECREE_EVIDENCE_GENRE = 'Surat keputusan';
/** `genre` of each credential the recognition rests on, in `evidence`. */
export const PRIOR_LEARNING_EVIDENCE_GENRE = 'Kredensial pembelajaran lampau';

export type RplProgrammeInput = {
  /** The study programme's code (PDDikti), used in achievement URLs. */
  code: string;
  name: BilingualText;
  degree: DegreeLevel;
};

export type RplCourseInput = {
  /** Kode mata kuliah; the course's `humanCode` and part of its achievement id. */
  code: string;
  name: BilingualText;
  /** The course's SKS in the curriculum (`creditsAvailable`). */
  sks: number;
  /** SKS the decree recognises (`creditsEarned`), more than 0 and at most `sks`. */
  recognisedSks: number;
  /** Ids (`priorLearning[].id`) of the credentials this course's recognition rests on. */
  basedOn: readonly string[];
};

/** The university's decree (SK) that decided the recognition. */
export type RplRecognitionDecree = {
  /** Nomor SK, as printed. */
  number: string;
  /** Tanggal penetapan: the calendar date in Jakarta, `YYYY-MM-DD`. */
  date: string;
  /** Who decreed it, e.g. `Rektor Universitas Teknik Nusantara`. */
  issuedBy: string;
  /** The public page where anyone can check the decree. */
  verificationUrl: string;
};

/** A credential the recognition rests on, by reference. */
export type PriorLearningInput = {
  /** Its public verification URL (a KMG credential's `<publicUrl>/verify/<id>`). */
  id: string;
  /** The achievement's name, as the credential states it. */
  name: string;
  description?: string;
};

export type RplRecognitionInput = {
  /** The bundle's id, `urn:uuid:<uuid>`; the embedded credentials' ids derive from it. */
  id: string;
  /** The university as issuer; its `id` is its did:web and must be the signing key's issuer. */
  university: IssuerProfileInput;
  /**
   * Where the university's achievements live: its page on KMG (`<publicUrl>/issuers/<slug>`) or on
   * its own site. Course ids are `<base>/programmes/<programme>/courses/<course>`.
   */
  achievementBaseUrl: string;
  /** The teacher, as KMG credentials name them (salted NUPTK hash); a fresh salt per recognition. */
  learner: LearnerInput;
  programme: RplProgrammeInput;
  /** The intake (penerimaan) the teacher enters; its name is each award's `term`. */
  intake: { code: string; name: BilingualText };
  decree: RplRecognitionDecree;
  /** The regulations the decision applies, cited as written (Permendikbudristek 41/2021, ...). */
  legalBasis: readonly string[];
  /** In the decree's order. */
  courses: readonly RplCourseInput[];
  priorLearning: readonly PriorLearningInput[];
  /** A revocation entry: a decree is annulled, never suspended. */
  credentialStatus: StatusEntry;
};

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

function assertInput(input: RplRecognitionInput): void {
  const { decree, courses, priorLearning } = input;
  if (!isUrnUuid(input.id)) throw new TypeError(`Credential id must be urn:uuid: ${input.id}`);
  if (!isHttpUrl(input.achievementBaseUrl)) {
    throw new TypeError(`Achievement base must be an http(s) URL: ${input.achievementBaseUrl}`);
  }
  if (!decree.number.trim() || !decree.issuedBy.trim()) {
    throw new TypeError('The decree needs its number and who issued it.');
  }
  if (!isHttpUrl(decree.verificationUrl)) {
    throw new TypeError(`Decree verification URL must be http(s): ${decree.verificationUrl}`);
  }
  if (input.legalBasis.length === 0) throw new TypeError('A recognition cites at least one regulation.');
  if (input.credentialStatus.statusPurpose !== 'revocation') {
    throw new TypeError('A recognition carries a revocation entry: a decree is annulled, not suspended.');
  }
  const evidenceIds = new Set(priorLearning.map((entry) => entry.id));
  if (evidenceIds.size === 0) throw new TypeError('A recognition rests on at least one credential.');
  if (evidenceIds.size !== priorLearning.length)
    throw new TypeError('A prior-learning credential is listed twice.');
  for (const { id } of priorLearning) {
    if (!isHttpUrl(id)) throw new TypeError(`Prior learning is referenced by URL: ${id}`);
  }
  if (courses.length === 0) throw new TypeError('A recognition recognises at least one course.');
  const codes = new Set<string>();
  for (const course of courses) {
    if (!course.code.trim()) throw new TypeError('Every course needs its code.');
    if (codes.has(course.code)) throw new TypeError(`Course ${course.code} is listed twice.`);
    codes.add(course.code);
    if (!(course.sks > 0) || !(course.recognisedSks > 0) || course.recognisedSks > course.sks) {
      throw new TypeError(
        `Course ${course.code}: recognised SKS must be above 0 and at most its ${course.sks} SKS.`,
      );
    }
    if (course.basedOn.length === 0) throw new TypeError(`Course ${course.code} rests on no credential.`);
    for (const id of course.basedOn) {
      if (!evidenceIds.has(id))
        throw new TypeError(`Course ${course.code} rests on ${id}, not in priorLearning.`);
    }
  }
}

/** A name-based (version 5) UUID under the bundle's: the same recognition always gets the same ids. */
function derivedUrnUuid(parent: string, name: string): string {
  const namespace = Buffer.from(parent.slice('urn:uuid:'.length).replaceAll('-', ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function programmeUrl({ achievementBaseUrl, programme }: RplRecognitionInput): string {
  return `${achievementBaseUrl.replace(/\/$/, '')}/programmes/${encodeURIComponent(programme.code)}`;
}

/** The stable achievement id of a programme's course, the same for every teacher recognised in it. */
export function rplCourseAchievementId(input: RplRecognitionInput, courseCode: string): string {
  return `${programmeUrl(input)}/courses/${encodeURIComponent(courseCode)}`;
}

/** This recognition's own achievement id. */
export function rplRecognitionAchievementId(input: RplRecognitionInput): string {
  return `${programmeUrl(input)}/rpl/${input.id.slice('urn:uuid:'.length)}`;
}

/** Total SKS, summed in hundredths so 0.1 + 0.2 stays 0.3. */
function totalSks(courses: readonly RplCourseInput[]): number {
  return courses.reduce((sum, course) => sum + Math.round(course.recognisedSks * 100), 0) / 100;
}

function longDate(date: string, language: keyof BilingualText): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

function sks(value: number, language: keyof BilingualText): string {
  return `${language === 'id' ? formatSks(value) : value} SKS`;
}

function programmeName({ programme }: RplRecognitionInput, language: keyof BilingualText): string {
  return `${programme.degree} ${programme.name[language]}`;
}

function decreeEvidence({ decree }: RplRecognitionInput): EvidenceInput {
  return {
    id: decree.verificationUrl,
    name: `Keputusan ${decree.issuedBy} Nomor ${decree.number}`,
    description: `Ditetapkan ${longDate(decree.date, 'id')}. Decree issued ${longDate(decree.date, 'en')}.`,
    genre: RPL_DECREE_EVIDENCE_GENRE,
  };
}

function priorLearningEvidence(entry: PriorLearningInput): EvidenceInput {
  return { ...entry, genre: PRIOR_LEARNING_EVIDENCE_GENRE };
}

/** What the course is, for every teacher recognised in it: nothing about this teacher or decree. */
function courseAchievement(input: RplRecognitionInput, course: RplCourseInput): JsonObject {
  const text = (language: keyof BilingualText) =>
    language === 'id'
      ? `Mata kuliah ${course.code} (${sks(course.sks, 'id')}) Program Studi ${programmeName(input, 'id')}.`
      : `Course ${course.code} (${sks(course.sks, 'en')}) of the ${programmeName(input, 'en')} study programme.`;
  const criteria = (language: keyof BilingualText) =>
    language === 'id'
      ? 'Lulus mata kuliah ini, atau memperoleh pengakuan atasnya melalui rekognisi pembelajaran lampau (RPL) yang ditetapkan dengan keputusan universitas.'
      : 'Pass this course, or have it recognised through recognition of prior learning (RPL) by a decree of the university.';
  return {
    id: rplCourseAchievementId(input, course.code),
    type: ['Achievement'],
    achievementType: 'Course',
    name: course.name.id,
    description: bilingualDescription({ name: course.name, description: { id: text('id'), en: text('en') } }),
    inLanguage: 'id',
    criteria: { narrative: `${criteria('id')}\n\n---\n\n*English*\n\n${criteria('en')}` },
    creditsAvailable: course.sks,
    fieldOfStudy: input.programme.name.id,
    humanCode: course.code,
  };
}

function recognitionName({ programme }: RplRecognitionInput): BilingualText {
  return {
    id: `Rekognisi Pembelajaran Lampau: ${programme.degree} ${programme.name.id}`,
    en: `Recognition of Prior Learning: ${programme.degree} ${programme.name.en}`,
  };
}

function recognitionDescription(input: RplRecognitionInput): BilingualText {
  const { courses, decree, intake } = input;
  const total = totalSks(courses);
  return {
    id: `Pengakuan ${sks(total, 'id')} dari ${courses.length} mata kuliah Program Studi ${programmeName(input, 'id')}, penerimaan ${intake.name.id}, melalui RPL perolehan SKS (tipe A2), ditetapkan dengan Keputusan ${decree.issuedBy} Nomor ${decree.number} tanggal ${longDate(decree.date, 'id')}.`,
    en: `${total} SKS credits recognised for ${courses.length} ${courses.length === 1 ? 'course' : 'courses'} of the ${programmeName(input, 'en')} study programme, ${intake.name.en} intake, through RPL credit acquisition (type A2), by decree ${decree.number} of the ${decree.issuedBy}, issued ${longDate(decree.date, 'en')}.`,
  };
}

/** The recognition as an achievement: programme, intake, total, decree and legal basis. */
function recognitionAchievement(input: RplRecognitionInput): JsonObject {
  const { courses, decree, legalBasis } = input;
  const name = recognitionName(input);
  const criteria = (language: keyof BilingualText) => {
    const labels =
      language === 'id'
        ? { lead: 'Diakui dengan keputusan', basis: 'Dasar hukum', courses: 'Mata kuliah yang diakui' }
        : { lead: 'Recognised by decree', basis: 'Legal basis', courses: 'Courses recognised' };
    return [
      `${labels.lead} ${decree.number} (${decree.issuedBy}, ${longDate(decree.date, language)}).`,
      '',
      `**${labels.basis}:**`,
      ...legalBasis.map((citation) => `- ${citation}`),
      '',
      `**${labels.courses}:**`,
      ...courses.map(
        (course) =>
          `- ${course.code} ${course.name[language]}: ${sks(course.recognisedSks, language)} / ${sks(course.sks, language)}`,
      ),
    ].join('\n');
  };
  return {
    id: rplRecognitionAchievementId(input),
    type: ['Achievement'],
    achievementType: RPL_RECOGNITION_ACHIEVEMENT_TYPE,
    name: name.id,
    description: bilingualDescription({ name, description: recognitionDescription(input) }),
    inLanguage: 'id',
    criteria: { narrative: `${criteria('id')}\n\n---\n\n*English*\n\n${criteria('en')}` },
    creditsAvailable: totalSks(courses),
    fieldOfStudy: input.programme.name.id,
  };
}

function award(
  input: RplRecognitionInput,
  {
    id,
    achievement,
    creditsEarned,
    evidence,
  }: {
    id: string;
    achievement: JsonObject;
    creditsEarned: number;
    evidence: EvidenceInput[];
  },
): Credential {
  const validFrom = startOfJakartaDay(input.decree.date);
  return buildOpenBadgeEnvelope({
    id,
    name: String(achievement.name),
    issuer: input.university,
    validFrom,
    awardedDate: validFrom,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: input.learner.name,
      identifier: buildLearnerIdentifiers(input.learner),
      term: input.intake.name.id,
      creditsEarned,
      achievement,
    },
    evidence,
    credentialStatus: input.credentialStatus,
  });
}

/**
 * The unsigned credentials a recognition embeds, the recognition's own award first and then one per
 * course in the decree's order; sign each with the university's key, then pass them to
 * `buildRplRecognition`. Throws `TypeError` on input that would make a wrong recognition.
 */
export function buildRplRecognitionComponents(input: RplRecognitionInput): Credential[] {
  assertInput(input);
  const decree = decreeEvidence(input);
  const priorLearning = new Map(input.priorLearning.map((entry) => [entry.id, priorLearningEvidence(entry)]));
  return [
    award(input, {
      id: derivedUrnUuid(input.id, 'recognition'),
      achievement: recognitionAchievement(input),
      creditsEarned: totalSks(input.courses),
      evidence: [decree, ...priorLearning.values()],
    }),
    ...input.courses.map((course) =>
      award(input, {
        id: derivedUrnUuid(input.id, `course:${course.code}`),
        achievement: courseAchievement(input, course),
        creditsEarned: course.recognisedSks,
        evidence: [decree, ...course.basedOn.map((id) => priorLearning.get(id) as EvidenceInput)],
      }),
    ),
  ];
}

function recognitionClrInput(input: RplRecognitionInput, components: readonly Credential[]): ClrInput {
  return {
    id: input.id,
    issuer: input.university,
    learner: input.learner,
    name: recognitionName(input),
    description: recognitionDescription(input),
    validFrom: startOfJakartaDay(input.decree.date),
    credentials: components,
    pathway: {
      achievementId: rplRecognitionAchievementId(input),
      componentIds: input.courses.map((course) => rplCourseAchievementId(input, course.code)),
    },
    partial: true,
    evidence: [decreeEvidence(input), ...input.priorLearning.map(priorLearningEvidence)],
    credentialStatus: input.credentialStatus,
  };
}

/**
 * Builds the unsigned CLR 2.0 recognition around its signed components (from
 * `buildRplRecognitionComponents`, each signed with the university's key, in that order). Throws
 * `TypeError` when a component is unsigned or says anything other than the input does.
 */
export function buildRplRecognition(
  input: RplRecognitionInput,
  components: readonly Credential[],
): Credential {
  const expected = buildRplRecognitionComponents(input);
  const matches =
    components.length === expected.length &&
    components.every((component, index) => {
      const { proof, ...unsigned } = component;
      return proof !== undefined && isDeepStrictEqual(unsigned, expected[index]);
    });
  if (!matches) {
    throw new TypeError('The components are not this recognition’s, each signed, in order.');
  }
  return buildClrCredential(recognitionClrInput(input, components));
}

/**
 * Signs a recognition with the university's key (`eddsa-rdfc-2022`): each component, then the bundle
 * through `signClrCredential`, which refuses anything the CLR 2.0 schema would. Verify the result
 * with `verifyClrCredential`.
 */
export async function signRplRecognition({
  input,
  key,
  documentLoader,
  now,
}: {
  input: RplRecognitionInput;
  key: SigningKey;
  documentLoader: DocumentLoader;
  /** Proof `created` time. */
  now?: Date;
}): Promise<Credential> {
  const components = await Promise.all(
    buildRplRecognitionComponents(input).map((credential) =>
      signCredential({ credential, key, documentLoader, now }),
    ),
  );
  return signClrCredential({ input: recognitionClrInput(input, components), key, documentLoader, now });
}
