// A university's decree settings ("Pengaturan SK") as the form edits them: numbering and its
// preview, who decrees, the letterhead, signatories, the appeal days and the step deadlines. The
// form's paths follow the API's input, so its field errors land on the fields.
import {
  type CaseStep,
  checkDecreeNumberPattern,
  DECREE_NUMBER_TOKENS,
  defaultDeadlineTargets,
  formatDecreeNumber,
  isLocalDate,
  type Locale,
  translateError,
} from '@kmg/domain';

export type DecreeScope = 'CASE' | 'INTAKE';
export type DecreeAuthority = 'RECTOR' | 'DEAN';

export type SignatoryValues = {
  /** The row's own key (React), never sent. */
  key: string;
  name: string;
  positionId: string;
  positionEn: string;
  employeeNumber: string;
  employeeNumberLabel: string;
};

export type SettingsFormValues = {
  decreeNumberPattern: string;
  decreeScope: DecreeScope;
  authority: DecreeAuthority;
  facultyId: string;
  facultyEn: string;
  letterhead: {
    ministryId: string;
    ministryEn: string;
    unitId: string;
    unitEn: string;
    address: string[];
    contacts: string[];
  };
  signatories: SignatoryValues[];
  place: string;
  appealDays: number | string;
  deadlineTargets: Record<CaseStep, number | string>;
  workingDays: boolean;
  holidays: string[];
  autoAssign: boolean;
};

/** `rplUniversitySettings` as the page reads it. */
export type UniversitySettings = {
  decreeNumberPattern: string;
  decreeScope: DecreeScope;
  authority: DecreeAuthority;
  facultyId: string | null;
  facultyEn: string | null;
  letterhead: {
    ministryId: string | null;
    ministryEn: string | null;
    unitId: string | null;
    unitEn: string | null;
    address: readonly string[];
    contacts: readonly string[];
  };
  signatories: readonly {
    name: string;
    positionId: string;
    positionEn: string | null;
    employeeNumber: string | null;
    employeeNumberLabel: string | null;
  }[];
  place: string;
  appealDays: number;
  /** JSON: only the steps the university changed. */
  deadlineTargets: string;
  workingDays: boolean;
  holidays: readonly string[];
  autoAssign: boolean;
};

/** The steps with a target, in the order a case meets them. */
export const caseSteps = Object.keys(defaultDeadlineTargets) as CaseStep[];

/** The limits the API keeps (packages/core rpl/review/staff.ts). */
export const settingsLimits = {
  patternMax: 120,
  textMax: 200,
  contactMax: 120,
  placeMax: 100,
  employeeNumberMax: 40,
  employeeNumberLabelMax: 10,
  lines: 4,
  signatories: 4,
  appealDaysMax: 365,
  holidays: 60,
  stepDaysMax: 90,
  wholeCaseDaysMax: 180,
} as const;

export const stepDaysMax = (step: CaseStep) =>
  step === 'wholeCase' ? settingsLimits.wholeCaseDaysMax : settingsLimits.stepDaysMax;

let nextKey = 0;
/** A key for a new signatory row. */
export function signatoryKey(): string {
  nextKey += 1;
  return `signatory-${nextKey}`;
}

export function emptySignatory(): SignatoryValues {
  return {
    key: signatoryKey(),
    name: '',
    positionId: '',
    positionEn: '',
    employeeNumber: '',
    employeeNumberLabel: '',
  };
}

/** The targets in force: the university's own, the defaults for the rest (bad JSON: defaults). */
export function parseDeadlineTargets(json: string): Record<CaseStep, number> {
  let stored: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(json) as unknown;
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  return Object.fromEntries(
    caseSteps.map((step) => {
      const value = stored[step];
      return [
        step,
        typeof value === 'number' && Number.isInteger(value) ? value : defaultDeadlineTargets[step],
      ];
    }),
  ) as Record<CaseStep, number>;
}

export function settingsFormFrom(settings: UniversitySettings): SettingsFormValues {
  return {
    decreeNumberPattern: settings.decreeNumberPattern,
    decreeScope: settings.decreeScope,
    authority: settings.authority,
    facultyId: settings.facultyId ?? '',
    facultyEn: settings.facultyEn ?? '',
    letterhead: {
      ministryId: settings.letterhead.ministryId ?? '',
      ministryEn: settings.letterhead.ministryEn ?? '',
      unitId: settings.letterhead.unitId ?? '',
      unitEn: settings.letterhead.unitEn ?? '',
      address: [...settings.letterhead.address],
      contacts: [...settings.letterhead.contacts],
    },
    signatories:
      settings.signatories.length > 0
        ? settings.signatories.map((signatory) => ({
            key: signatoryKey(),
            name: signatory.name,
            positionId: signatory.positionId,
            positionEn: signatory.positionEn ?? '',
            employeeNumber: signatory.employeeNumber ?? '',
            employeeNumberLabel: signatory.employeeNumberLabel ?? '',
          }))
        : [emptySignatory()],
    place: settings.place,
    appealDays: settings.appealDays,
    deadlineTargets: parseDeadlineTargets(settings.deadlineTargets),
    workingDays: settings.workingDays,
    holidays: [...settings.holidays].sort(),
    autoAssign: settings.autoAssign,
  };
}

const optional = (text: string) => text.trim() || null;

function asNumber(value: number | string): number {
  return typeof value === 'number' ? value : Number(value.trim() === '' ? Number.NaN : value);
}

/**
 * `RplUniversitySettingsInput`. Only targets that differ from the defaults are kept, so a
 * university that never changed one follows the defaults if they change.
 */
export function toSettingsInput(values: SettingsFormValues) {
  const isDean = values.authority === 'DEAN';
  const overrides = Object.fromEntries(
    caseSteps.flatMap((step) => {
      const days = asNumber(values.deadlineTargets[step]);
      return days === defaultDeadlineTargets[step] ? [] : [[step, days]];
    }),
  );
  return {
    decreeNumberPattern: values.decreeNumberPattern.trim(),
    decreeScope: values.decreeScope,
    authority: values.authority,
    // A rector decrees for the whole university: no faculty on the letter.
    facultyId: isDean ? optional(values.facultyId) : null,
    facultyEn: isDean ? optional(values.facultyEn) : null,
    letterhead: {
      ministryId: optional(values.letterhead.ministryId),
      ministryEn: optional(values.letterhead.ministryEn),
      unitId: optional(values.letterhead.unitId),
      unitEn: optional(values.letterhead.unitEn),
      address: values.letterhead.address.map((line) => line.trim()),
      contacts: values.letterhead.contacts.map((line) => line.trim()),
    },
    signatories: values.signatories.map((signatory) => ({
      name: signatory.name.trim(),
      positionId: signatory.positionId.trim(),
      positionEn: optional(signatory.positionEn),
      employeeNumber: optional(signatory.employeeNumber),
      employeeNumberLabel: optional(signatory.employeeNumberLabel),
    })),
    place: values.place.trim(),
    appealDays: asNumber(values.appealDays),
    deadlineTargets: JSON.stringify(overrides),
    workingDays: values.workingDays,
    holidays: [...values.holidays].sort(),
    autoAssign: values.autoAssign,
  };
}

/** The pattern's problems as one message in the reader's language, or null when usable. */
export function decreePatternProblem(pattern: string, locale: Locale): string | null {
  const issues = checkDecreeNumberPattern(pattern);
  if (issues.length === 0) return null;
  return issues.map((issue) => translateError(issue.code, locale, issue.params)).join(' ');
}

export type DecreeNumberPreview = { kind: 'number'; number: string } | { kind: 'invalid'; message: string };

/**
 * The number the next decree would get if issued on `date` as the year's first: what the API prints
 * (`formatDecreeNumber`), or why the pattern cannot be used.
 */
export function previewDecreeNumber(
  pattern: string,
  values: { date: string; programmeCode: string; universityCode: string },
  locale: Locale,
): DecreeNumberPreview {
  const problem = decreePatternProblem(pattern, locale);
  if (problem) return { kind: 'invalid', message: problem };
  try {
    return {
      kind: 'number',
      number: formatDecreeNumber(pattern, {
        sequence: 1,
        date: values.date,
        // A university without programmes yet still sees where the code would go.
        programmeCode: values.programmeCode || 'PRODI',
        universityCode: values.universityCode || 'PT',
      }),
    };
  } catch {
    return { kind: 'invalid', message: translateError('INVALID_FORMAT', locale) };
  }
}

/** The tokens a pattern may use, as the domain lists them (`{seq:3}`, `{year}`, …). */
export const decreeNumberTokens: readonly string[] = DECREE_NUMBER_TOKENS.split(', ');

/** A token's message key: `{seq:3}` is `seq`, `{roman-month}` is `romanMonth`. */
export function tokenKey(token: string): string {
  const name = token.replace(/^\{|\}$/g, '').replace(/:.*$/, '');
  return name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
}

/** Puts `token` where the cursor was (or replaces the selection); returns the text and the new cursor. */
export function insertToken(
  text: string,
  token: string,
  selection: { start: number; end: number } | null,
): { text: string; cursor: number } {
  const start = selection?.start ?? text.length;
  const end = selection?.end ?? start;
  return { text: `${text.slice(0, start)}${token}${text.slice(end)}`, cursor: start + token.length };
}

function checkText(
  errors: Record<string, string>,
  path: string,
  text: string,
  { max, required, locale }: { max: number; required?: boolean; locale: Locale },
) {
  const trimmed = text.trim();
  if (required && !trimmed) errors[path] = translateError('REQUIRED', locale);
  else if (trimmed.length > max) errors[path] = translateError('TOO_LONG', locale, { max });
}

function checkWholeNumber(
  errors: Record<string, string>,
  path: string,
  value: number | string,
  { min, max, locale }: { min: number; max: number; locale: Locale },
) {
  const number = asNumber(value);
  if (typeof value === 'string' && value.trim() === '') errors[path] = translateError('REQUIRED', locale);
  else if (!Number.isInteger(number)) errors[path] = translateError('NOT_INTEGER', locale);
  else if (number < min) errors[path] = translateError('TOO_SMALL', locale, { min });
  else if (number > max) errors[path] = translateError('TOO_LARGE', locale, { max });
}

/** What the form can tell before asking the API (the same rules, in the reader's language). */
export function validateSettingsForm(values: SettingsFormValues, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  const limits = settingsLimits;
  const pattern = decreePatternProblem(values.decreeNumberPattern, locale);
  if (pattern) errors.decreeNumberPattern = pattern;
  else
    checkText(errors, 'decreeNumberPattern', values.decreeNumberPattern, { max: limits.patternMax, locale });
  if (values.authority === 'DEAN') {
    checkText(errors, 'facultyId', values.facultyId, { max: limits.textMax, required: true, locale });
    checkText(errors, 'facultyEn', values.facultyEn, { max: limits.textMax, locale });
  }
  for (const field of ['ministryId', 'ministryEn', 'unitId', 'unitEn'] as const) {
    checkText(errors, `letterhead.${field}`, values.letterhead[field], { max: limits.textMax, locale });
  }
  values.letterhead.address.forEach((line, index) => {
    checkText(errors, `letterhead.address.${index}`, line, { max: limits.textMax, required: true, locale });
  });
  values.letterhead.contacts.forEach((line, index) => {
    checkText(errors, `letterhead.contacts.${index}`, line, {
      max: limits.contactMax,
      required: true,
      locale,
    });
  });
  if (values.signatories.length === 0)
    errors.signatories = translateError('TOO_FEW_ITEMS', locale, { min: 1 });
  values.signatories.forEach((signatory, index) => {
    const at = `signatories.${index}`;
    checkText(errors, `${at}.name`, signatory.name, { max: limits.textMax, required: true, locale });
    checkText(errors, `${at}.positionId`, signatory.positionId, {
      max: limits.textMax,
      required: true,
      locale,
    });
    checkText(errors, `${at}.positionEn`, signatory.positionEn, { max: limits.textMax, locale });
    checkText(errors, `${at}.employeeNumber`, signatory.employeeNumber, {
      max: limits.employeeNumberMax,
      locale,
    });
    checkText(errors, `${at}.employeeNumberLabel`, signatory.employeeNumberLabel, {
      max: limits.employeeNumberLabelMax,
      locale,
    });
  });
  checkText(errors, 'place', values.place, { max: limits.placeMax, required: true, locale });
  checkWholeNumber(errors, 'appealDays', values.appealDays, { min: 0, max: limits.appealDaysMax, locale });
  for (const step of caseSteps) {
    checkWholeNumber(errors, `deadlineTargets.${step}`, values.deadlineTargets[step], {
      min: 1,
      max: stepDaysMax(step),
      locale,
    });
  }
  values.holidays.forEach((day, index) => {
    if (!isLocalDate(day)) errors[`holidays.${index}`] = translateError('INVALID_DATE', locale);
  });
  if (values.holidays.length > limits.holidays)
    errors.holidays = translateError('TOO_MANY_ITEMS', locale, { max: limits.holidays });
  return errors;
}
