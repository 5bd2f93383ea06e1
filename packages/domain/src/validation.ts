import { z } from 'zod';
import { countCharacters, MOTIVATION_MAX_LENGTH, MOTIVATION_MIN_LENGTH } from '#applications.ts';
import { checkCallSchedule, deliveryModes, type FieldIssue, travelSupportKinds } from '#calls.ts';
import { isLocalDate } from '#dates.ts';
import { employmentStatuses, genders, schoolStatuses } from '#eligibility.ts';
import { isNpsn, isNuptk, isSkkniUnitCode } from '#identifiers.ts';
import { type ErrorCode, isErrorCode, type MessageParams } from '#messages.ts';
import { findProvince } from '#provinces.ts';

// Input rules shared by the API (through Pothos' validation plugin) and the apps' forms, so a
// teacher sees the same message before and after submitting. Issues carry our error codes, never
// zod's English text: `toFieldIssues` turns them into codes with parameters.

export const PASSWORD_MIN_LENGTH = 10;

/**
 * Every text input starts here, so none can miss the rule: PostgreSQL text cannot hold U+0000
 * (NUL), which would otherwise fail the write as a server error. Still a `ZodString`, so forms
 * read `minLength` and `maxLength` from the rules built on it.
 */
export const textSchema = z.string().refine((value) => !value.includes('\u0000'), 'INVALID_CHARACTER');

const text = (min: number, max: number) => {
  const trimmed = textSchema.trim().min(1);
  return (min > 1 ? trimmed.min(min) : trimmed).max(max);
};
const optionalText = (max: number) =>
  textSchema
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);
const emailSchema = textSchema.trim().toLowerCase().pipe(z.email('INVALID_EMAIL'));
const passwordSchema = textSchema.min(PASSWORD_MIN_LENGTH, 'PASSWORD_TOO_SHORT').max(128);
const uuidSchema = textSchema.uuid();

/** Words to look for in lists (the call search); matched literally, never as a pattern. */
export const searchTextSchema = textSchema.max(200);

export const localDateSchema = textSchema.refine(isLocalDate, 'INVALID_DATE');

export const competencyUnitSchema = z.object({
  code: textSchema.trim().refine(isSkkniUnitCode, 'SKKNI_FORMAT'),
  title: text(3, 300),
});

export const callContentSchema = z.object({
  title: text(5, 200),
  description: text(20, 5000),
  learningOutcomes: z.array(text(5, 300)).min(1).max(20),
  competencyUnits: z.array(competencyUnitSchema).max(40).default([]),
  mode: z.enum(deliveryModes),
  venueName: optionalText(200),
  address: optionalText(500),
  city: text(2, 100),
  province: textSchema.trim().min(1),
  startDate: localDateSchema,
  endDate: localDateSchema,
  trainingHours: z.number().int().min(1).max(2000),
  seats: z.number().int().min(1, 'SEATS_TOO_FEW').max(10000),
  applicationOpensAt: z.date(),
  applicationClosesAt: z.date(),
  /** What a participant brings (laptop, safety shoes, documents). */
  whatToBring: optionalText(2000),
  accommodationProvided: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  accommodationNote: optionalText(500),
  /** Null = the call does not say. */
  travelSupport: z
    .enum(travelSupportKinds)
    .nullish()
    .transform((value) => value ?? null),
  /** Rupiah, for REIMBURSED_UP_TO. */
  travelSupportMaxRupiah: z
    .number()
    .int()
    .min(1)
    .max(100_000_000)
    .nullish()
    .transform((value) => value ?? null),
  travelSupportNote: optionalText(500),
});

/** A training call's content with its cross-field rules (dates, window, venue). */
export const callInputSchema = callContentSchema.superRefine((call, ctx) => {
  const codes = new Set<string>();
  call.competencyUnits.forEach((unit, index) => {
    if (codes.has(unit.code)) {
      ctx.addIssue({ code: 'custom', path: ['competencyUnits', index, 'code'], message: 'DUPLICATE_ITEM' });
    }
    codes.add(unit.code);
  });
  if (call.travelSupport === 'REIMBURSED_UP_TO' && call.travelSupportMaxRupiah == null) {
    ctx.addIssue({
      code: 'custom',
      path: ['travelSupportMaxRupiah'],
      message: 'TRAVEL_SUPPORT_AMOUNT_REQUIRED',
    });
  }
  if (!isLocalDate(call.startDate) || !isLocalDate(call.endDate)) return;
  for (const issue of checkCallSchedule(call)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.code, params: issue.params });
  }
});

export type CallInput = z.output<typeof callInputSchema>;

export const motivationSchema = textSchema.trim().superRefine((value, ctx) => {
  const length = countCharacters(value);
  if (length < MOTIVATION_MIN_LENGTH) {
    ctx.addIssue({ code: 'custom', message: 'TOO_SHORT', params: { min: MOTIVATION_MIN_LENGTH } });
  } else if (length > MOTIVATION_MAX_LENGTH) {
    ctx.addIssue({ code: 'custom', message: 'TOO_LONG', params: { max: MOTIVATION_MAX_LENGTH } });
  }
});

export const teacherRegistrationSchema = z.object({
  name: text(3, 120),
  nuptk: textSchema.trim().refine(isNuptk, 'NUPTK_FORMAT'),
  npsn: textSchema.trim().toUpperCase().refine(isNpsn, 'NPSN_FORMAT'),
  email: emailSchema,
  password: passwordSchema,
  subject: text(2, 120),
  employmentStatus: z.enum(employmentStatuses),
  teachingSince: localDateSchema,
  /** Calls may limit age; without a birth date such calls cannot be checked. */
  birthDate: localDateSchema,
  /** Optional; null, absent or empty (a form's "prefer not to say"): not stated. */
  gender: z
    .enum([...genders, ''])
    .nullish()
    .transform((gender) => gender || null),
});

/** What a teacher may correct on their own profile (identity numbers stay as registered). */
export const teacherProfileSchema = teacherRegistrationSchema.pick({
  name: true,
  subject: true,
  employmentStatus: true,
  teachingSince: true,
  birthDate: true,
  gender: true,
});

export type TeacherRegistration = z.output<typeof teacherRegistrationSchema>;

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): { code: ErrorCode; params?: MessageParams } {
  const params = 'params' in issue ? (issue.params as MessageParams | undefined) : undefined;
  if (isErrorCode(issue.message)) {
    if (issue.message === 'PASSWORD_TOO_SHORT')
      return { code: issue.message, params: { min: PASSWORD_MIN_LENGTH } };
    return params ? { code: issue.message, params } : { code: issue.message };
  }
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? { code: 'REQUIRED' } : { code: 'TOO_SHORT', params: { min } };
      if (issue.origin === 'array') return { code: 'TOO_FEW_ITEMS', params: { min } };
      return { code: 'TOO_SMALL', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'TOO_LONG', params: { max } };
      if (issue.origin === 'array') return { code: 'TOO_MANY_ITEMS', params: { max } };
      return { code: 'TOO_LARGE', params: { max } };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'NOT_INTEGER' };
      // zod reports the input only on request; its default text names what it received.
      if (issue.input == null && /received (undefined|null)/.test(issue.message)) return { code: 'REQUIRED' };
      if (issue.expected === 'date') return { code: 'INVALID_DATE' };
      return { code: 'INVALID_FORMAT' };
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'INVALID_EMAIL' : 'INVALID_FORMAT' };
    default:
      return { code: 'INVALID_FORMAT' };
  }
}

/** Field-level issues (path, our error code, parameters) from a failed parse; the first per field. */
export function toFieldIssues(issues: readonly Issue[], prefix: readonly string[] = []): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>();
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map(String)];
    const key = path.join('.');
    if (!byPath.has(key)) byPath.set(key, { path, ...describe(issue) });
  }
  return [...byPath.values()];
}

/** Roles an admin gives in the console; teachers register themselves (with NUPTK and school). */
export const staffRoles = [
  'ADMIN',
  'PROGRAM_MANAGER',
  'PROVIDER_STAFF',
  'PRINCIPAL',
  'SELECTION_REVIEWER',
  'RPL_REVIEWER',
] as const;

export const staffAccountSchema = z.object({
  name: text(3, 120),
  email: emailSchema,
  password: passwordSchema,
  roles: z.array(z.enum(staffRoles)).min(1).max(staffRoles.length),
});

export type StaffAccount = z.output<typeof staffAccountSchema>;

/** What one score of a criterion means, in both languages. */
export const scoreLevelSchema = z.object({
  score: z.number().int().min(0).max(100),
  descriptionId: text(3, 300),
  descriptionEn: text(3, 300),
});

export const rubricCriterionSchema = z
  .object({
    key: textSchema.trim().regex(/^[a-z][a-z0-9-]{1,39}$/, 'INVALID_FORMAT'),
    nameId: text(3, 120),
    nameEn: text(3, 120),
    weight: z.number().int().min(1).max(10),
    maxScore: z.number().int().min(1).max(100),
    /** Optional: rubrics written before descriptors existed have none. */
    levels: z
      .array(scoreLevelSchema)
      .max(11)
      .nullish()
      .transform((levels) => levels ?? []),
  })
  .superRefine((criterion, ctx) => {
    const seen = new Set<number>();
    criterion.levels.forEach((level, index) => {
      if (level.score > criterion.maxScore)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'score'],
          message: 'LEVEL_OUT_OF_SCALE',
          params: { max: criterion.maxScore },
        });
      else if (seen.has(level.score))
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'score'], message: 'LEVEL_DESCRIBED_TWICE' });
      seen.add(level.score);
    });
  });

export const rubricSchema = z
  .array(rubricCriterionSchema)
  .min(1)
  .max(10)
  .superRefine((criteria, ctx) => {
    const keys = new Set<string>();
    criteria.forEach((criterion, index) => {
      if (keys.has(criterion.key))
        ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'DUPLICATE_ITEM' });
      keys.add(criterion.key);
    });
  })
  // Once valid (issues point at the input as sent), descriptors are kept lowest score first.
  .transform((criteria) =>
    criteria.map((criterion) => ({
      ...criterion,
      levels: [...criterion.levels].sort((a, b) => a.score - b.score),
    })),
  );

const nullableList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(50)
    .nullish()
    .transform((list) => (list && list.length > 0 ? list : null));

export const eligibilityRulesSchema = z.object({
  subjects: nullableList(text(2, 120)),
  employmentStatuses: nullableList(z.enum(employmentStatuses)),
  minTeachingYears: z.number().int().min(0).max(40).nullish(),
  maxAge: z.number().int().min(18).max(70).nullish(),
  ageReferenceDate: localDateSchema.nullish(),
  provinces: nullableList(textSchema.trim().refine((code) => !!findProvince(code), 'UNKNOWN_PROVINCE')),
  schoolStatuses: nullableList(z.enum(schoolStatuses)),
  centreOfExcellenceOnly: z.boolean().nullish(),
});

export const selectionModes = ['REVIEWED', 'FIRST_COME'] as const;
export type SelectionMode = (typeof selectionModes)[number];

/** A call's selection settings, as the program manager sets them. */
export const selectionSettingsSchema = z.object({
  selectionMode: z.enum(selectionModes),
  requiresEndorsement: z.boolean(),
  endorsementDeadline: z.date().nullish(),
  confirmationDays: z.number().int().min(1).max(30),
  eligibilityRules: eligibilityRulesSchema,
  rubric: rubricSchema,
  /** Points (0-100), up to two decimals; stored in hundredths. */
  minScore: z.number().min(0).max(100).nullish(),
  maxPerSchool: z.number().int().min(1).max(1000).nullish(),
  seatsPerProvince: z
    .array(
      z.object({
        province: textSchema.refine((code) => !!findProvince(code), 'UNKNOWN_PROVINCE'),
        seats: z.number().int().min(1),
      }),
    )
    .max(38)
    .nullish(),
});

export type SelectionSettings = z.output<typeof selectionSettingsSchema>;

export const endorsementNoteSchema = textSchema.trim().max(1000);
/** Declining needs a reason the teacher will read. */
export const declineNoteSchema = textSchema.trim().min(10).max(1000);
export const reviewCommentSchema = textSchema.trim().max(2000).nullish();

// Delivering a training: the rules the API applies and the admin console checks as people type.

export const unitDecisions = ['KOMPETEN', 'BELUM_KOMPETEN'] as const;
export const achievementTypes = ['CertificateOfCompletion', 'MicroCredential', 'Certification'] as const;
export const assessmentKinds = ['TRAINING', 'COMPETENCY'] as const;

export const attendanceEntriesSchema = z
  .array(z.object({ applicationId: uuidSchema, dayId: uuidSchema, present: z.boolean() }))
  .min(1)
  .max(5000);

/** Only web links: evidence URLs become links people click (never `javascript:` or `data:`). */
export const evidenceLinkSchema = z.object({
  name: textSchema.trim().min(1).max(200),
  url: textSchema.pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain })),
});

export const unitAssessmentSchema = z.object({
  decision: z.enum(unitDecisions),
  notes: textSchema.trim().max(2000).nullish(),
  links: z.array(evidenceLinkSchema).max(20).default([]),
});

/** The credential template of a call, with the completion rule it states. */
export const achievementSchema = z.object({
  achievementType: z.enum(achievementTypes),
  nameId: textSchema.trim().min(5).max(200),
  nameEn: textSchema.trim().min(5).max(200),
  descriptionId: textSchema.trim().min(20).max(5000),
  descriptionEn: textSchema.trim().min(20).max(5000),
  criteriaId: textSchema.trim().min(10).max(5000),
  criteriaEn: textSchema.trim().min(10).max(5000),
  /** KKNI level 1-9 (the Indonesian qualifications framework). */
  kkniLevel: z.number().int().min(1).max(9),
  /** SKS suggested for RPL; null = by workload (hours / 45). */
  sks: z.number().min(0).max(24).nullish(),
  /** Months the credential stays valid; null = without end. */
  validityMonths: z.number().int().min(1).max(120).nullish(),
  assessmentMethod: textSchema.trim().min(5).max(1000),
  qualityAssurance: textSchema.trim().min(5).max(1000),
  assessmentKind: z.enum(assessmentKinds),
  minAttendancePercent: z.number().int().min(0).max(100),
});

/** A correction after approval: a reason, and the attendance and decisions it changes. */
export const amendmentSchema = z.object({
  reason: textSchema.trim().min(10).max(2000),
  attendance: z
    .array(z.object({ dayId: uuidSchema, present: z.boolean() }))
    .max(100)
    .default([]),
  decisions: z
    .array(z.object({ unitId: uuidSchema, decision: z.enum(unitDecisions) }))
    .max(100)
    .default([]),
});

/** Why a credential is revoked or suspended: anyone verifying it reads this. */
export const credentialReasonSchema = textSchema.trim().min(10).max(1000);
/** Why submitted results go back to the provider. */
export const returnReasonSchema = textSchema.trim().min(10).max(2000);
/** Why a call is cancelled: every applicant reads it. */
export const cancellationReasonSchema = textSchema.trim().min(10).max(1000);
