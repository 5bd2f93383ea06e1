// The selection settings form: its values, the way to and from the API, and its rules. Field rules
// are the domain's (`selectionSettingsSchema`), so the form shows the messages the API would send
// back; the endorsement deadline is entered on the venue's clock like the application window.
import {
  endorsementDeadline as defaultEndorsementDeadline,
  type EmploymentStatus,
  type FieldIssue,
  isLocalDate,
  type Locale,
  MAX_DESCRIBED_SCALE,
  type SchoolStatus,
  selectionSettingsSchema,
  startOfLocalDate,
  toFieldIssues,
  translateError,
} from '@kmg/domain';
import { assignRubricKeys } from '#lib/rubric-keys.ts';
import { instantToWallClock, type WallClock, wallClockToInstant } from '#lib/venue-time.ts';

export type SelectionMode = 'REVIEWED' | 'FIRST_COME';

/** A number field as Mantine holds it: '' while empty. */
type NumberValue = number | string;

/** What one score means, as typed; both empty when the score is not described. */
export type LevelValues = { descriptionId: string; descriptionEn: string };

export type RubricRowValues = {
  /** Set for criteria the API already has (kept when renamed); null for new rows. */
  key: string | null;
  nameId: string;
  nameEn: string;
  weight: NumberValue;
  maxScore: NumberValue;
  /**
   * Descriptors indexed by score, 0 to MAX_DESCRIBED_SCALE; scores above the criterion's maximum
   * are kept while typing (lowering the maximum and raising it again loses nothing) but not sent.
   */
  levels: LevelValues[];
};

type ScoreLevelInput = { score: number; descriptionId: string; descriptionEn: string };

export type ProvinceSeatsValues = { province: string | null; seats: NumberValue };

export type SelectionSettingsValues = {
  selectionMode: SelectionMode;
  requiresEndorsement: boolean;
  /** On the venue's clock (`YYYY-MM-DD HH:mm:ss`), not an instant. */
  endorsementDeadline: WallClock | null;
  confirmationDays: NumberValue;
  eligibilityRules: {
    subjects: string[];
    employmentStatuses: EmploymentStatus[];
    minTeachingYears: NumberValue;
    maxAge: NumberValue;
    /** `YYYY-MM-DD`; empty means 31 December of the programme year. */
    ageReferenceDate: string | null;
    provinces: string[];
    schoolStatuses: SchoolStatus[];
    centreOfExcellenceOnly: boolean;
  };
  rubric: RubricRowValues[];
  /** Points, 0-100. */
  minScore: NumberValue;
  maxPerSchool: NumberValue;
  seatsPerProvince: ProvinceSeatsValues[];
};

/** What the rules read from the call itself. */
export type SelectionCallContext = {
  timeZone: string;
  applicationClosesAt: string;
  /** First training day, `YYYY-MM-DD`. */
  startDate: string;
};

/** A call's settings as the API returns them. */
export type CallSelectionSettings = SelectionCallContext & {
  selectionMode: SelectionMode;
  requiresEndorsement: boolean;
  endorsementDeadline: string;
  confirmationDays: number;
  eligibilityRules: {
    subjects: readonly string[] | null;
    employmentStatuses: readonly EmploymentStatus[] | null;
    minTeachingYears: number | null;
    maxAge: number | null;
    ageReferenceDate: string | null;
    provinces: readonly { code: string }[] | null;
    schoolStatuses: readonly SchoolStatus[] | null;
    centreOfExcellenceOnly: boolean;
  };
  rubric: readonly {
    key: string;
    nameId: string;
    nameEn: string;
    weight: number;
    maxScore: number;
    levels?: readonly ScoreLevelInput[];
  }[];
  minScore: number | null;
  maxPerSchool: number | null;
  seatsPerProvince: readonly { province: { code: string } | null; seats: number }[];
};

/** One empty descriptor per score the editor offers. */
export function levelValues(levels: readonly ScoreLevelInput[] = []): LevelValues[] {
  return Array.from({ length: MAX_DESCRIBED_SCALE + 1 }, (_, score) => {
    const level = levels.find((entry) => entry.score === score);
    return { descriptionId: level?.descriptionId ?? '', descriptionEn: level?.descriptionEn ?? '' };
  });
}

export const newRubricRow = (): RubricRowValues => ({
  key: null,
  nameId: '',
  nameEn: '',
  weight: 1,
  maxScore: 5,
  levels: levelValues(),
});

/**
 * The scores a criterion's descriptors can be written for: 0 to its maximum, when that is a whole
 * number up to MAX_DESCRIBED_SCALE (larger scales are scored without descriptors); else none.
 */
export function describableScores(row: Pick<RubricRowValues, 'maxScore'>): number[] {
  const max = toNumber(row.maxScore);
  if (max === undefined || !Number.isInteger(max) || max < 1 || max > MAX_DESCRIBED_SCALE) return [];
  return Array.from({ length: max + 1 }, (_, score) => score);
}

/** The descriptors a row sends, lowest score first: each score with either text typed. */
function levelsInput(row: RubricRowValues): ScoreLevelInput[] {
  return describableScores(row).flatMap((score) => {
    const level = row.levels[score];
    const descriptionId = level?.descriptionId.trim() ?? '';
    const descriptionEn = level?.descriptionEn.trim() ?? '';
    return descriptionId || descriptionEn ? [{ score, descriptionId, descriptionEn }] : [];
  });
}

/** How many of a row's scores are described (for the editor's summary). */
export const describedCount = (row: RubricRowValues) => levelsInput(row).length;

export const MAX_CRITERIA = 10;
export const MAX_PROVINCE_ROWS = 38;

export function selectionSettingsFromCall(call: CallSelectionSettings): SelectionSettingsValues {
  const rules = call.eligibilityRules;
  return {
    selectionMode: call.selectionMode,
    requiresEndorsement: call.requiresEndorsement,
    endorsementDeadline: instantToWallClock(call.endorsementDeadline, call.timeZone),
    confirmationDays: call.confirmationDays,
    eligibilityRules: {
      subjects: [...(rules.subjects ?? [])],
      employmentStatuses: [...(rules.employmentStatuses ?? [])],
      minTeachingYears: rules.minTeachingYears ?? '',
      maxAge: rules.maxAge ?? '',
      ageReferenceDate: rules.ageReferenceDate,
      provinces: (rules.provinces ?? []).map((province) => province.code),
      schoolStatuses: [...(rules.schoolStatuses ?? [])],
      centreOfExcellenceOnly: rules.centreOfExcellenceOnly,
    },
    rubric: call.rubric.map(({ key, nameId, nameEn, weight, maxScore, levels }) => ({
      key,
      nameId,
      nameEn,
      weight,
      maxScore,
      levels: levelValues(levels),
    })),
    minScore: call.minScore ?? '',
    maxPerSchool: call.maxPerSchool ?? '',
    seatsPerProvince: call.seatsPerProvince.flatMap((entry) =>
      entry.province ? [{ province: entry.province.code, seats: entry.seats }] : [],
    ),
  };
}

const toNumber = (value: NumberValue): number | undefined => {
  if (value === '' || value === null || value === undefined) return undefined;
  return typeof value === 'number' ? value : Number(value);
};

/**
 * The deadline the form holds, as an instant. Null when endorsement is not asked for, and when it
 * is the default (seven days after applications close): then it keeps following the window if the
 * call's dates change later.
 */
export function endorsementDeadlineInput(
  values: Pick<SelectionSettingsValues, 'requiresEndorsement' | 'endorsementDeadline'>,
  call: SelectionCallContext,
): string | null {
  if (!values.requiresEndorsement || !values.endorsementDeadline) return null;
  const instant = wallClockToInstant(values.endorsementDeadline, call.timeZone);
  if (!instant) return null;
  const fallback = defaultEndorsementDeadline({
    endorsementDeadline: null,
    applicationClosesAt: new Date(call.applicationClosesAt),
  });
  return Date.parse(instant) === fallback.getTime() ? null : instant;
}

/** `SelectionSettingsInput` for `updateSelectionSettings`. */
export function toSelectionSettingsInput(values: SelectionSettingsValues, call: SelectionCallContext) {
  const keys = assignRubricKeys(values.rubric);
  const rules = values.eligibilityRules;
  return {
    selectionMode: values.selectionMode,
    requiresEndorsement: values.requiresEndorsement,
    endorsementDeadline: endorsementDeadlineInput(values, call),
    confirmationDays: toNumber(values.confirmationDays) ?? 0,
    eligibilityRules: {
      subjects: rules.subjects.map((subject) => subject.trim()).filter(Boolean),
      employmentStatuses: rules.employmentStatuses,
      minTeachingYears: toNumber(rules.minTeachingYears) ?? null,
      maxAge: toNumber(rules.maxAge) ?? null,
      ageReferenceDate: rules.ageReferenceDate || null,
      provinces: rules.provinces,
      schoolStatuses: rules.schoolStatuses,
      centreOfExcellenceOnly: rules.centreOfExcellenceOnly,
    },
    rubric: values.rubric.map((row, index) => ({
      key: keys[index] ?? '',
      nameId: row.nameId.trim(),
      nameEn: row.nameEn.trim(),
      weight: toNumber(row.weight) ?? 0,
      maxScore: toNumber(row.maxScore) ?? 0,
      levels: levelsInput(row),
    })),
    minScore: toNumber(values.minScore) ?? null,
    maxPerSchool: toNumber(values.maxPerSchool) ?? null,
    seatsPerProvince: values.seatsPerProvince.map((entry) => ({
      province: entry.province ?? '',
      seats: toNumber(entry.seats) ?? 0,
    })),
  };
}

/** Eligibility lists edited as one field (tags, multi-selects): an item's problem shows on the list. */
const listFields = ['subjects', 'employmentStatuses', 'provinces', 'schoolStatuses'];

/**
 * The form field a rule's path points at: the derived rubric key is reported on the name it comes
 * from, an item of an eligibility list on the list's field, a descriptor (sent as the n-th of the
 * row's described scores) on its score's text.
 */
function formPath(path: readonly string[], values: SelectionSettingsValues): string {
  if (path[0] === 'rubric' && path[2] === 'key') return ['rubric', path[1], 'nameId'].join('.');
  if (path[0] === 'rubric' && path[2] === 'levels' && path.length > 3) {
    const row = values.rubric[Number(path[1])];
    const score = row ? levelsInput(row)[Number(path[3])]?.score : undefined;
    if (score === undefined) return ['rubric', path[1], 'maxScore'].join('.');
    const field = path[4] === 'descriptionEn' ? 'descriptionEn' : 'descriptionId';
    return ['rubric', path[1], 'levels', String(score), field].join('.');
  }
  if (path[0] === 'eligibilityRules' && listFields.includes(path[1] ?? '') && path.length > 2) {
    return path.slice(0, 2).join('.');
  }
  return path.join('.');
}

/** The API's field errors (paths start with `input`) as form paths, for the values that were sent. */
export function settingsFieldErrors(
  fieldErrors: readonly { path: readonly string[]; message: string }[],
  values: SelectionSettingsValues,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of fieldErrors) {
    const path = error.path[0] === 'input' ? error.path.slice(1) : error.path;
    errors[formPath(path, values)] ??= error.message;
  }
  return errors;
}

/** Fields shown only for reviewed selection: first-come calls neither score nor rank. */
const reviewedOnly = (path: readonly string[]) => path[0] === 'rubric' || path[0] === 'minScore';

/**
 * Every broken rule, keyed by form path (`rubric.1.weight`, `eligibilityRules.maxAge`), with the
 * message the API would give. The endorsement deadline must fall after applications close and
 * before the first training day starts at the venue (the API's DEADLINE_ORDER).
 */
export function validateSelectionSettings(
  values: SelectionSettingsValues,
  call: SelectionCallContext,
  locale: Locale,
): Record<string, string> {
  const input = toSelectionSettingsInput(values, call);
  const issues: FieldIssue[] = [];
  // Numbers as typed: an empty field must read as missing, not as the 0 the input would send.
  const parsed = selectionSettingsSchema.safeParse({
    ...input,
    confirmationDays: toNumber(values.confirmationDays),
    endorsementDeadline: input.endorsementDeadline ? new Date(input.endorsementDeadline) : null,
    rubric: input.rubric.map((row, index) => ({
      ...row,
      weight: toNumber(values.rubric[index]?.weight ?? ''),
      maxScore: toNumber(values.rubric[index]?.maxScore ?? ''),
    })),
    seatsPerProvince: input.seatsPerProvince.map((entry, index) => ({
      ...entry,
      seats: toNumber(values.seatsPerProvince[index]?.seats ?? ''),
    })),
  });
  // The form's own checks first: they say more than the schema about the same fields.
  issues.push(...deadlineIssues(values, call), ...provinceRowIssues(values));
  if (!parsed.success) issues.push(...toFieldIssues(parsed.error.issues));

  const errors: Record<string, string> = {};
  for (const issue of issues) {
    if (values.selectionMode === 'FIRST_COME' && reviewedOnly(issue.path)) continue;
    errors[formPath(issue.path, values)] ??= translateError(issue.code, locale, issue.params);
  }
  return errors;
}

function deadlineIssues(values: SelectionSettingsValues, call: SelectionCallContext): FieldIssue[] {
  if (!values.requiresEndorsement) return [];
  const path = ['endorsementDeadline'];
  if (!values.endorsementDeadline) return [{ path, code: 'REQUIRED' }];
  const instant = wallClockToInstant(values.endorsementDeadline, call.timeZone);
  if (!instant) return [{ path, code: 'INVALID_DATE' }];
  if (!isLocalDate(call.startDate)) return [];
  const deadline = Date.parse(instant);
  const trainingStarts = startOfLocalDate(call.startDate, call.timeZone).getTime();
  if (deadline <= Date.parse(call.applicationClosesAt) || deadline >= trainingStarts) {
    return [{ path, code: 'DEADLINE_ORDER' }];
  }
  return [];
}

/** A province listed twice would have two caps; the API keeps only one of them. */
function provinceRowIssues(values: SelectionSettingsValues): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  values.seatsPerProvince.forEach((entry, index) => {
    if (!entry.province) {
      issues.push({ path: ['seatsPerProvince', String(index), 'province'], code: 'REQUIRED' });
      return;
    }
    if (seen.has(entry.province)) {
      issues.push({ path: ['seatsPerProvince', String(index), 'province'], code: 'DUPLICATE_ITEM' });
    }
    seen.add(entry.province);
  });
  return issues;
}

/**
 * Each criterion's share of the total, in whole percent ("bobot 3 dari 6 = 50%"); null while a
 * weight is missing.
 */
export function criterionShares(rubric: readonly Pick<RubricRowValues, 'weight'>[]): (number | null)[] {
  const weights = rubric.map((row) => toNumber(row.weight));
  const total = weights.reduce<number>((sum, weight) => sum + (weight && weight > 0 ? weight : 0), 0);
  return weights.map((weight) =>
    weight && weight > 0 && total > 0 ? Math.round((weight / total) * 100) : null,
  );
}
