// A university's RPL recognition (pengakuan) as KMG signs it: a CLR 2.0 `ClrCredential` from the
// university whose subject embeds one `OpenBadgeCredential` for the recognition as a whole
// (`achievementType` "ext:RecognitionOfPriorLearning", `creditsEarned` = the total SKS) and one per
// recognised course (`achievementType` "Course", `creditsEarned` = SKS recognised,
// `creditsAvailable` = the course's SKS); each cites the decree (SK) as `evidence` (see
// packages/credentials/src/recognition.ts). Read here from the signed file, which is what the
// wallet holds and what a verifier checks.

import type { Locale } from '@kmg/domain';

export const RECOGNITION_ACHIEVEMENT_TYPE = 'ext:RecognitionOfPriorLearning';
/** `genre` of the decree among each credential's `evidence`. */
const DECREE_EVIDENCE_GENRE = 'Surat keputusan';

export type RecognisedCourse = {
  code: string | null;
  name: string;
  /** SKS recognised. */
  sks: number;
  /** The course's SKS in the curriculum, when stated. */
  courseSks: number | null;
};

export type RplRecognition = {
  /** The study programme (as the university names it). */
  programme: string | null;
  universityName: string | null;
  learnerName: string | null;
  /** The intake (penerimaan) the recognition counts for. */
  intake: string | null;
  totalSks: number;
  courses: RecognisedCourse[];
  decree: { number: string | null; url: string | null } | null;
  /**
   * The decree's day, as written in the file (`validFrom` is that day's midnight in Jakarta):
   * read as a calendar date, so a reader elsewhere does not see the day before.
   */
  decreedOn: string | null;
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function sks(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function typesOf(value: Json): unknown[] {
  return Array.isArray(value.type) ? value.type : [value.type];
}

/** The course name in the reader's language: KMG writes the English one first in the description's English half. */
function courseName(achievement: Json, locale: Locale): string {
  const name = text(achievement.name) ?? '';
  if (locale !== 'en') return name;
  const english = text(achievement.description)?.split(/\n\n---\n\n/)[1];
  return text(english?.split('. ')[0]) ?? name;
}

function decreeOf(credential: Json): RplRecognition['decree'] {
  const evidence = (Array.isArray(credential.evidence) ? credential.evidence : []).find(
    (entry): entry is Json => isObject(entry) && entry.genre === DECREE_EVIDENCE_GENRE,
  );
  if (!evidence) return null;
  const number = /\bNomor\s+(.+)$/.exec(text(evidence.name) ?? '')?.[1] ?? null;
  return { number: text(number), url: text(evidence.id) };
}

/**
 * The recognition a parsed credential file holds, or null when it is no RPL recognition (another
 * CLR bundle, a single badge, anything else).
 */
export function readRplRecognition(document: unknown, locale: Locale): RplRecognition | null {
  if (!isObject(document) || !typesOf(document).includes('ClrCredential')) return null;
  const subject = isObject(document.credentialSubject) ? document.credentialSubject : {};
  const embedded = (Array.isArray(subject.verifiableCredential) ? subject.verifiableCredential : []).filter(
    isObject,
  );
  const awards = embedded.flatMap((credential) => {
    const award = isObject(credential.credentialSubject) ? credential.credentialSubject : null;
    const achievement = award && isObject(award.achievement) ? award.achievement : null;
    return award && achievement ? [{ credential, award, achievement }] : [];
  });
  const whole = awards.find(
    ({ achievement }) => achievement.achievementType === RECOGNITION_ACHIEVEMENT_TYPE,
  );
  if (!whole) return null;
  const courses = awards
    .filter(({ achievement }) => achievement.achievementType === 'Course')
    .map(
      ({ award, achievement }): RecognisedCourse => ({
        code: text(achievement.humanCode),
        name: courseName(achievement, locale),
        sks: sks(award.creditsEarned) ?? 0,
        courseSks: sks(achievement.creditsAvailable),
      }),
    );
  const issuer = isObject(document.issuer) ? document.issuer : {};
  return {
    programme: text(whole.achievement.fieldOfStudy),
    universityName: text(issuer.name),
    learnerName: text(subject.name) ?? text(whole.award.name),
    intake: text(whole.award.term),
    totalSks: sks(whole.award.creditsEarned) ?? courses.reduce((total, course) => total + course.sks, 0),
    courses,
    decree: decreeOf(whole.credential) ?? decreeOf(document),
    decreedOn: /^(\d{4}-\d{2}-\d{2})T/.exec(text(document.validFrom) ?? '')?.[1] ?? null,
  };
}

/** A credential record's signed file (`Credential.document`, JSON) read as a recognition. */
export function recognitionOfRecord(record: { kind: string; document: string }, locale: Locale) {
  if (record.kind !== 'CLR') return null;
  try {
    return readRplRecognition(JSON.parse(record.document), locale);
  } catch {
    return null;
  }
}
