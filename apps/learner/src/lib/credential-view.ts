import type { LocalDate, Locale } from '@kmg/domain';

/** Per-unit decision: Kompeten (K, competent) or Belum Kompeten (BK, not yet competent). */
export type UnitResult = 'K' | 'BK';

/** An SKKNI unit the credential names; `result` is null on a training certificate (no assessment). */
export type CredentialUnit = { code: string; title: string; result: UnitResult | null };

/** The training's first and last day, as calendar dates where it took place. */
export type TrainingDates = { start: LocalDate; end: LocalDate };

/** The call whose training awarded a credential: KMG's record knows it, a credential file does not. */
export type TrainingCallLink = { id: string; title: string };

/**
 * A credential as a person reads it, the same whether it comes from KMG's record (the wallet, the
 * verification page) or from a credential file someone pasted in. Anything the source does not
 * say is null (or empty), so the page leaves it out instead of showing a blank.
 */
export type CredentialView = {
  name: string;
  achievementType: string | null;
  description: string | null;
  learnerName: string | null;
  issuerName: string | null;
  parentOrganizationName: string | null;
  /** Instants (ISO 8601). `awardedAt`: when it was awarded (OB `awardedDate`), else `validFrom`. */
  awardedAt: string | null;
  validFrom: string | null;
  validUntil: string | null;
  training: TrainingDates | null;
  call: TrainingCallLink | null;
  units: CredentialUnit[];
  learningOutcomes: string[];
  workloadHours: number | null;
  /** SKS (Satuan Kredit Semester, semester credit units) awarded; kept apart from hours. */
  sks: number | null;
  /** KKNI (national qualifications framework) level, 1-9. */
  kkniLevel: number | null;
  humanCode: string | null;
  fieldOfStudy: string | null;
  participation: 'online' | 'onsite' | 'blended' | null;
  /**
   * The achievement's picture (OB `achievement.image`), from KMG's own record only: the picture
   * address inside a pasted file is not shown, since anyone can write one there.
   */
  imageUrl: string | null;
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `{ id, en }` text in the reader's language, falling back to Indonesian (the programme's own). */
function bilingual(value: unknown, locale: Locale): string | null {
  if (typeof value === 'string') return text(value);
  if (!isObject(value)) return null;
  return text(value[locale]) ?? text(value.id) ?? text(value.en);
}

function participationOf(value: unknown): CredentialView['participation'] {
  return value === 'online' || value === 'onsite' || value === 'blended' ? value : null;
}

const minute = 60_000;

/**
 * The training's calendar dates from the instants a credential file carries (`activityStartDate`,
 * `activityEndDate`); KMG's own record gives them as dates. KMG writes the first day's local midnight and the last day's 23:59:59 in the
 * venue's zone; the offset that makes the start a midnight is that zone (+07:00 WIB, +08:00 WITA,
 * +09:00 WIT), and reading both instants in it gives the dates as they were on the venue's calendar,
 * wherever the reader is.
 */
export function trainingDates(startDate: unknown, endDate: unknown): TrainingDates | null {
  const start = typeof startDate === 'string' ? Date.parse(startDate) : Number.NaN;
  const end = typeof endDate === 'string' ? Date.parse(endDate) : Number.NaN;
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  const minutesIntoUtcDay = Math.round((start % 86_400_000) / minute);
  let offset = (1440 - minutesIntoUtcDay) % 1440;
  // Zones run from UTC-12 to UTC+14: a larger "offset" is the same midnight seen from the west.
  if (offset > 14 * 60) offset -= 1440;
  const local = (instant: number) => new Date(instant + offset * minute).toISOString().slice(0, 10);
  return { start: local(start), end: local(end) };
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/** What only `Credential.source` tells (units with results, outcomes, level). */
export type SourceDetails = Pick<
  CredentialView,
  | 'description'
  | 'units'
  | 'learningOutcomes'
  | 'kkniLevel'
  | 'humanCode'
  | 'fieldOfStudy'
  | 'participation'
  | 'imageUrl'
>;

/**
 * Reads `Credential.source`, the JSON KMG built the credential from, in the reader's language.
 * Never throws: a source that is not what we expect gives empty details.
 */
export function readCredentialSource(source: string, locale: Locale): SourceDetails {
  const parsed = parseJson(source);
  const root = isObject(parsed) ? parsed : {};
  const achievement = isObject(root.achievement) ? root.achievement : {};
  const kkni = isObject(achievement.kkni) ? achievement.kkni : {};
  return {
    description: bilingual(achievement.description, locale),
    units: list(achievement.skkniUnits).flatMap((unit) => {
      if (!isObject(unit)) return [];
      const code = text(unit.code);
      if (!code) return [];
      const result = unit.result === 'K' || unit.result === 'BK' ? unit.result : null;
      return [{ code, title: text(unit.title) ?? '', result }];
    }),
    learningOutcomes: list(achievement.learningOutcomes).flatMap((outcome) => {
      const line = bilingual(outcome, locale);
      return line ? [line] : [];
    }),
    kkniLevel: count(kkni.level),
    humanCode: text(achievement.humanCode),
    fieldOfStudy: text(achievement.fieldOfStudy),
    participation: participationOf(achievement.participation),
    imageUrl: webUrl(isObject(achievement.image) ? achievement.image.id : null),
  };
}

function webUrl(value: unknown): string | null {
  const url = text(value);
  return url && /^https?:\/\//.test(url) ? url : null;
}

/**
 * KMG's record of a credential: the fields the API resolves, plus its `source`. A pathway
 * credential was earned by stacking others, not in one training: no call, no training dates.
 */
export type CredentialRecord = {
  trainingStartDate: LocalDate | null;
  trainingEndDate: LocalDate | null;
  call: TrainingCallLink | null;
  name: string;
  achievementType: string;
  learnerName: string;
  issuerName: string;
  parentOrganizationName: string;
  awardedAt: string;
  validFrom: string;
  validUntil: string | null;
  workloadHours: number;
  sks: number;
  source: string;
};

export function credentialViewFromRecord(record: CredentialRecord, locale: Locale): CredentialView {
  return {
    ...readCredentialSource(record.source, locale),
    name: record.name,
    achievementType: text(record.achievementType),
    learnerName: text(record.learnerName),
    issuerName: text(record.issuerName),
    parentOrganizationName: text(record.parentOrganizationName),
    awardedAt: record.awardedAt,
    validFrom: record.validFrom,
    validUntil: record.validUntil,
    training:
      record.trainingStartDate && record.trainingEndDate
        ? { start: record.trainingStartDate, end: record.trainingEndDate }
        : null,
    call: record.call ? { id: record.call.id, title: record.call.title } : null,
    workloadHours: record.workloadHours > 0 ? record.workloadHours : null,
    sks: record.sks > 0 ? record.sks : null,
  };
}

const resultValues: Record<string, UnitResult> = {
  Kompeten: 'K',
  K: 'K',
  Competent: 'K',
  'Belum Kompeten': 'BK',
  BK: 'BK',
  'Not Yet Competent': 'BK',
};

function skkniAlignment(value: unknown): { code: string; title: string } | null {
  const alignment = list(isObject(value) ? value.alignment : null).find(
    (entry) => isObject(entry) && entry.targetFramework === 'SKKNI',
  );
  if (!isObject(alignment)) return null;
  const code = text(alignment.targetCode);
  return code ? { code, title: text(alignment.targetName) ?? '' } : null;
}

/** `mc:workload-hours=40` → `40`: the micro-credential tags KMG puts on the achievement. */
function tagValue(tags: unknown[], name: string): string | null {
  const prefix = `mc:${name}=`;
  const tag = tags.find((entry) => typeof entry === 'string' && entry.startsWith(prefix));
  return typeof tag === 'string' ? tag.slice(prefix.length) : null;
}

function tagNumber(tags: unknown[], name: string): number | null {
  const value = tagValue(tags, name);
  return value === null ? null : count(Number(value.replace(/^KKNI-/, '')));
}

/**
 * Our credential descriptions hold Indonesian, a `---` rule, then English: keep the reader's part.
 * Anyone else's description is shown whole.
 */
function descriptionIn(value: unknown, locale: Locale): string | null {
  const whole = text(value);
  if (!whole) return null;
  const [id, en] = whole.split(/\n\n---\n\n/);
  return (locale === 'en' ? text(en) : null) ?? text(id) ?? whole;
}

/**
 * What a pasted or uploaded Open Badges 3.0 credential says, read straight from the JSON (its
 * claims, which the verification then confirms or refutes). Null when it is not a JSON object.
 */
export function credentialViewFromDocument(document: unknown, locale: Locale): CredentialView | null {
  if (!isObject(document)) return null;
  const subject = isObject(document.credentialSubject) ? document.credentialSubject : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const issuer = isObject(document.issuer) ? document.issuer : {};
  const parentOrg = isObject(issuer.parentOrg) ? issuer.parentOrg : {};
  const tags = list(achievement.tag);
  const nameIdentifier = list(subject.identifier).find(
    (entry) => isObject(entry) && entry.identityType === 'name' && entry.hashed === false,
  );

  const results = list(subject.result).flatMap((result): CredentialUnit[] => {
    const unit = skkniAlignment(result);
    if (!unit || !isObject(result)) return [];
    return [{ ...unit, result: resultValues[String(result.value)] ?? null }];
  });
  const units =
    results.length > 0
      ? results
      : list(achievement.alignment).flatMap((entry): CredentialUnit[] => {
          const unit = skkniAlignment({ alignment: [entry] });
          return unit ? [{ ...unit, result: null }] : [];
        });
  const kkni = list(achievement.alignment).find(
    (entry) => isObject(entry) && entry.targetFramework === 'KKNI',
  );

  return {
    name: text(achievement.name) ?? text(document.name) ?? '',
    achievementType: text(achievement.achievementType),
    description: descriptionIn(achievement.description, locale),
    learnerName:
      text(subject.name) ?? (isObject(nameIdentifier) ? text(nameIdentifier.identityHash) : null) ?? null,
    issuerName: text(issuer.name),
    parentOrganizationName: text(parentOrg.name),
    awardedAt: text(document.awardedDate) ?? text(document.validFrom),
    validFrom: text(document.validFrom),
    validUntil: text(document.validUntil),
    training: trainingDates(subject.activityStartDate, subject.activityEndDate),
    call: null,
    units,
    learningOutcomes: [],
    workloadHours: tagNumber(tags, 'workload-hours'),
    sks: count(subject.creditsEarned) ?? count(achievement.creditsAvailable),
    kkniLevel: tagNumber(tags, 'level') ?? (isObject(kkni) ? count(Number(kkni.targetCode)) : null),
    humanCode: text(achievement.humanCode),
    fieldOfStudy: text(achievement.fieldOfStudy),
    participation: participationOf(tagValue(tags, 'participation')),
    imageUrl: null,
  };
}

/** Whether a reading holds anything to show: a JSON object that is no credential gives nothing. */
export function isReadable(view: CredentialView): boolean {
  const { call: _call, imageUrl: _imageUrl, units, learningOutcomes, ...facts } = view;
  return (
    units.length > 0 ||
    learningOutcomes.length > 0 ||
    Object.values(facts).some((value) => value !== null && value !== '')
  );
}

/** The uuid in `urn:uuid:<uuid>`, for a link to the credential's own verification page. */
export function credentialUuid(credentialId: string | null | undefined): string | null {
  const match = /^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    credentialId ?? '',
  );
  return match ? (match[1] as string).toLowerCase() : null;
}

/**
 * What the owner may do with a credential in each status. A revoked or suspended one is not to be
 * passed around as if it held (no certificate to print, no link to share, no LinkedIn entry); its
 * signed file and its verification page stay available, since they say what happened.
 */
export function credentialActions(status: string): { canShare: boolean } {
  return { canShare: status === 'ACTIVE' || status === 'EXPIRED' };
}
