// The programme and intake forms: values, their inputs, and the domain's field rules
// (`studyProgrammeInputSchema`, `rplIntakeInputSchema`), so the form says what the API would.
import {
  type Locale,
  rplIntakeInputSchema,
  studyModes,
  studyProgrammeInputSchema,
  translateError,
} from '@kmg/domain';
import { issuesToErrors } from '#lib/form-errors.ts';
import { accreditations, degreeLevels } from '#lib/rpl-limits.ts';
import { wallClockToInstant } from '#lib/venue-time.ts';

export type DegreeLevel = (typeof degreeLevels)[number];
export type StudyMode = (typeof studyModes)[number];
export type Accreditation = (typeof accreditations)[number];

export type ProgrammeFormValues = {
  code: string;
  nameId: string;
  nameEn: string;
  degree: DegreeLevel;
  mode: StudyMode;
  accreditation: Accreditation | null;
  accreditationExpiresOn: string | null;
  totalSks: number | string;
  semesters: number | string;
  rplOffered: boolean;
  /** Admins pick the university; staff create programmes of their own (null). */
  universityId: string | null;
};

export const emptyProgrammeForm: ProgrammeFormValues = {
  code: '',
  nameId: '',
  nameEn: '',
  degree: 'S1',
  mode: 'ON_CAMPUS',
  accreditation: null,
  accreditationExpiresOn: null,
  totalSks: 144,
  semesters: 8,
  rplOffered: true,
  universityId: null,
};

function asNumber(value: number | string): number | string {
  if (typeof value === 'number') return value;
  return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

/** The `StudyProgrammeInput`; the university is the mutation's own argument. */
export function toProgrammeInput(values: ProgrammeFormValues) {
  return {
    code: values.code.trim(),
    nameId: values.nameId.trim(),
    nameEn: values.nameEn.trim(),
    degree: values.degree,
    mode: values.mode,
    accreditation: values.accreditation,
    rplOffered: values.rplOffered,
    accreditationExpiresOn: values.accreditation ? values.accreditationExpiresOn : null,
    totalSks: asNumber(values.totalSks) as number,
    semesters: asNumber(values.semesters) as number,
  };
}

export function programmeFormFrom(programme: Omit<ProgrammeFormValues, 'universityId'>): ProgrammeFormValues {
  return {
    code: programme.code,
    nameId: programme.nameId,
    nameEn: programme.nameEn,
    degree: programme.degree,
    mode: programme.mode,
    accreditation: programme.accreditation,
    accreditationExpiresOn: programme.accreditationExpiresOn,
    totalSks: programme.totalSks,
    semesters: programme.semesters,
    rplOffered: programme.rplOffered,
    universityId: null,
  };
}

export function validateProgrammeForm(
  values: ProgrammeFormValues,
  { locale, needsUniversity }: { locale: Locale; needsUniversity: boolean },
): Record<string, string> {
  const parsed = studyProgrammeInputSchema.safeParse(toProgrammeInput(values));
  const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues, locale);
  if (needsUniversity && !values.universityId) errors.universityId = translateError('REQUIRED', locale);
  return errors;
}

/** Opening and closing are wall-clock times; the cut-off and the study start are calendar dates. */
export type IntakeFormValues = {
  code: string;
  nameId: string;
  nameEn: string;
  /** `YYYY-MM-DD HH:mm:ss`, as the date-time picker gives it. */
  opensAt: string | null;
  closesAt: string | null;
  cutoffDate: string | null;
  startsOn: string | null;
  quota: number | string;
};

export const emptyIntakeForm: IntakeFormValues = {
  code: '',
  nameId: '',
  nameEn: '',
  opensAt: null,
  closesAt: null,
  cutoffDate: null,
  startsOn: null,
  quota: '',
};

/** A picker's wall-clock time as the instant it names in `timeZone`. */
function toInstant(wallClock: string | null, timeZone: string): Date | null {
  const instant = wallClock ? wallClockToInstant(wallClock, timeZone) : null;
  return instant ? new Date(instant) : null;
}

/** The window is entered on the clock of `timeZone` (the staff member's own). */
export function toIntakeInput(values: IntakeFormValues, timeZone: string) {
  const quota = asNumber(values.quota);
  return {
    code: values.code.trim(),
    nameId: values.nameId.trim(),
    nameEn: values.nameEn.trim(),
    opensAt: toInstant(values.opensAt, timeZone)?.toISOString() ?? '',
    closesAt: toInstant(values.closesAt, timeZone)?.toISOString() ?? '',
    cutoffDate: values.cutoffDate ?? '',
    startsOn: values.startsOn ?? '',
    quota: quota === '' ? null : (quota as number),
  };
}

export function validateIntakeForm(
  values: IntakeFormValues,
  { locale, timeZone }: { locale: Locale; timeZone: string },
): Record<string, string> {
  const parsed = rplIntakeInputSchema.safeParse({
    ...toIntakeInput(values, timeZone),
    opensAt: toInstant(values.opensAt, timeZone) ?? undefined,
    closesAt: toInstant(values.closesAt, timeZone) ?? undefined,
  });
  const errors = parsed.success ? {} : issuesToErrors(parsed.error.issues, locale);
  // An empty picker reads as "required", not as the schema's "expected a date".
  for (const field of ['opensAt', 'closesAt', 'cutoffDate', 'startsOn'] as const) {
    if (!values[field]) errors[field] = translateError('REQUIRED', locale);
  }
  return errors;
}

export { accreditations, degreeLevels, studyModes };
