// The call form's values and their way to and from the API. Field rules are the domain's own
// (`callInputSchema`, `checkCallSchedule`), so the form shows exactly the messages the server
// would send back.
import {
  type CallSchedule,
  type CallStatus,
  callInputSchema,
  callTimeZone,
  checkCallPlausibility,
  checkCallSchedule,
  type DeliveryMode,
  type ErrorCode,
  type FieldIssue,
  isLocalDate,
  type Locale,
  localDateAt,
  type PlausibilityCode,
  type TravelSupport,
  toFieldIssues,
  translateError,
  translatePlausibility,
} from '@kmg/domain';
import { instantToWallClock, type WallClock, wallClockToInstant } from '#lib/venue-time.ts';

export type CompetencyUnitValue = { code: string; title: string };

export type CallFormValues = {
  programmeId: string | null;
  providerId: string | null;
  skillAreaId: string | null;
  title: string;
  description: string;
  learningOutcomes: string[];
  competencyUnits: CompetencyUnitValue[];
  mode: DeliveryMode;
  venueName: string;
  address: string;
  city: string;
  /** Province code; it also sets the time zone the application window is read in. */
  province: string | null;
  /** Calendar dates, `YYYY-MM-DD`. */
  startDate: string | null;
  endDate: string | null;
  trainingHours: number | string;
  seats: number | string;
  /** Wall-clock times at the venue (`YYYY-MM-DD HH:mm:ss`), not instants. */
  applicationOpensAt: WallClock | null;
  applicationClosesAt: WallClock | null;
  whatToBring: string;
  accommodationProvided: boolean;
  accommodationNote: string;
  /** '' = the call does not say. */
  travelSupport: TravelSupport | '';
  travelSupportMaxRupiah: number | string;
  travelSupportNote: string;
};

/** A call as the API returns it, in the shape the form reads. */
export type CallForForm = {
  programme: { id: string };
  provider: { id: string };
  skillArea: { id: string };
  title: string;
  description: string;
  learningOutcomes: readonly string[];
  competencyUnits: readonly { code: string; title: string }[];
  mode: DeliveryMode;
  venueName: string | null;
  address: string | null;
  city: string;
  province: { code: string };
  timeZone: string;
  startDate: string;
  endDate: string;
  trainingHours: number;
  seats: number;
  applicationOpensAt: string;
  applicationClosesAt: string;
  status: CallStatus;
  whatToBring: string | null;
  accommodationProvided: boolean;
  accommodationNote: string | null;
  travelSupport: TravelSupport | null;
  travelSupportMaxRupiah: number | null;
  travelSupportNote: string | null;
};

export function emptyCallForm({ programmeId = null }: { programmeId?: string | null } = {}): CallFormValues {
  return {
    programmeId,
    providerId: null,
    skillAreaId: null,
    title: '',
    description: '',
    learningOutcomes: [''],
    competencyUnits: [],
    mode: 'OFFLINE',
    venueName: '',
    address: '',
    city: '',
    province: null,
    startDate: null,
    endDate: null,
    trainingHours: '',
    seats: '',
    applicationOpensAt: null,
    applicationClosesAt: null,
    whatToBring: '',
    accommodationProvided: false,
    accommodationNote: '',
    travelSupport: '',
    travelSupportMaxRupiah: '',
    travelSupportNote: '',
  };
}

export function callFormFromCall(call: CallForForm): CallFormValues {
  return {
    programmeId: call.programme.id,
    providerId: call.provider.id,
    skillAreaId: call.skillArea.id,
    title: call.title,
    description: call.description,
    learningOutcomes: call.learningOutcomes.length > 0 ? [...call.learningOutcomes] : [''],
    competencyUnits: call.competencyUnits.map(({ code, title }) => ({ code, title })),
    mode: call.mode,
    venueName: call.venueName ?? '',
    address: call.address ?? '',
    city: call.city,
    province: call.province.code,
    startDate: call.startDate,
    endDate: call.endDate,
    trainingHours: call.trainingHours,
    seats: call.seats,
    applicationOpensAt: instantToWallClock(call.applicationOpensAt, call.timeZone),
    applicationClosesAt: instantToWallClock(call.applicationClosesAt, call.timeZone),
    whatToBring: call.whatToBring ?? '',
    accommodationProvided: call.accommodationProvided,
    accommodationNote: call.accommodationNote ?? '',
    travelSupport: call.travelSupport ?? '',
    travelSupportMaxRupiah: call.travelSupportMaxRupiah ?? '',
    travelSupportNote: call.travelSupportNote ?? '',
  };
}

/** The zone the window is entered in: the venue's, WIB until a province is chosen. */
export function formTimeZone(values: Pick<CallFormValues, 'province'>): string {
  return callTimeZone(values.province ?? '');
}

const toNumber = (value: number | string) =>
  value === '' || value === null ? undefined : typeof value === 'number' ? value : Number(value);
const toInstant = (wallClock: WallClock | null, timeZone: string) =>
  wallClock ? (wallClockToInstant(wallClock, timeZone) ?? undefined) : undefined;

/** `TrainingCallInput` for the create and update mutations. */
export function toCallInput(values: CallFormValues) {
  const timeZone = formTimeZone(values);
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    programmeId: values.programmeId ?? '',
    providerId: values.providerId ?? '',
    skillAreaId: values.skillAreaId ?? '',
    title: values.title.trim(),
    description: values.description.trim(),
    learningOutcomes: values.learningOutcomes.map((outcome) => outcome.trim()),
    competencyUnits: values.competencyUnits.map((unit) => ({
      code: normalizeUnitCode(unit.code),
      title: unit.title.trim(),
    })),
    mode: values.mode,
    venueName: optional(values.venueName),
    address: optional(values.address),
    city: values.city.trim(),
    province: values.province ?? '',
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    trainingHours: toNumber(values.trainingHours) ?? 0,
    seats: toNumber(values.seats) ?? 0,
    applicationOpensAt: toInstant(values.applicationOpensAt, timeZone) ?? '',
    applicationClosesAt: toInstant(values.applicationClosesAt, timeZone) ?? '',
    whatToBring: optional(values.whatToBring),
    accommodationProvided: values.accommodationProvided,
    accommodationNote: optional(values.accommodationNote),
    travelSupport: values.travelSupport === '' ? null : values.travelSupport,
    travelSupportMaxRupiah:
      values.travelSupport === 'REIMBURSED_UP_TO' ? (toNumber(values.travelSupportMaxRupiah) ?? null) : null,
    travelSupportNote: optional(values.travelSupportNote),
  };
}

/** SKKNI codes are written with a capital letter; people type them in any case and with spaces. */
export function normalizeUnitCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * Every broken rule, keyed by form path (`learningOutcomes.1`, `competencyUnits.0.code`), with the
 * message the API would give. The schedule rules are checked as soon as their own fields are
 * filled in, not only once the whole form is valid (zod skips cross-field rules until then).
 */
export function validateCallForm(values: CallFormValues, locale: Locale): Record<string, string> {
  const timeZone = formTimeZone(values);
  const candidate = {
    title: values.title,
    description: values.description,
    learningOutcomes: values.learningOutcomes,
    competencyUnits: values.competencyUnits.map((unit) => ({ ...unit, code: normalizeUnitCode(unit.code) })),
    mode: values.mode,
    venueName: values.venueName,
    address: values.address,
    city: values.city,
    province: values.province ?? '',
    startDate: values.startDate ?? undefined,
    endDate: values.endDate ?? undefined,
    trainingHours: toNumber(values.trainingHours),
    seats: toNumber(values.seats),
    applicationOpensAt: dateOf(toInstant(values.applicationOpensAt, timeZone)),
    applicationClosesAt: dateOf(toInstant(values.applicationClosesAt, timeZone)),
    whatToBring: values.whatToBring,
    accommodationProvided: values.accommodationProvided,
    accommodationNote: values.accommodationNote,
    travelSupport: values.travelSupport === '' ? null : values.travelSupport,
    travelSupportMaxRupiah:
      values.travelSupport === 'REIMBURSED_UP_TO' ? toNumber(values.travelSupportMaxRupiah) : null,
    travelSupportNote: values.travelSupportNote,
  };

  const issues: FieldIssue[] = [];
  for (const [field, value] of [
    ['programmeId', values.programmeId],
    ['providerId', values.providerId],
    ['skillAreaId', values.skillAreaId],
  ] as const) {
    if (!value) issues.push({ path: [field], code: 'REQUIRED' });
  }
  const parsed = callInputSchema.safeParse(candidate);
  if (!parsed.success) issues.push(...toFieldIssues(parsed.error.issues));
  issues.push(...scheduleIssues(values, candidate));

  const errors: Record<string, string> = {};
  for (const issue of issues) {
    errors[issue.path.join('.')] ??= translateError(issue.code, locale, issue.params);
  }
  return errors;
}

/** Which fields each schedule rule reads: a rule is only reported once its fields are filled in. */
const scheduleRuleFields: Partial<Record<ErrorCode, readonly (keyof CallSchedule)[]>> = {
  UNKNOWN_PROVINCE: ['province'],
  END_BEFORE_START: ['startDate', 'endDate'],
  WINDOW_CLOSES_BEFORE_OPENS: ['applicationOpensAt', 'applicationClosesAt'],
  WINDOW_AFTER_TRAINING_START: ['province', 'startDate', 'applicationClosesAt'],
  VENUE_REQUIRED: ['mode'],
};

function scheduleIssues(
  values: CallFormValues,
  candidate: { applicationOpensAt?: Date; applicationClosesAt?: Date },
): FieldIssue[] {
  const validDate = (date: string | null) => (date && isLocalDate(date) ? date : undefined);
  const known: Partial<CallSchedule> = {
    mode: values.mode,
    venueName: values.venueName,
    province: values.province ?? undefined,
    startDate: validDate(values.startDate),
    endDate: validDate(values.endDate),
    applicationOpensAt: candidate.applicationOpensAt,
    applicationClosesAt: candidate.applicationClosesAt,
  };
  // Stand-ins for missing fields let the domain check the rest; rules reading them are dropped.
  const issues = checkCallSchedule({
    mode: values.mode,
    venueName: values.venueName,
    province: known.province ?? '',
    startDate: known.startDate ?? '1970-01-01',
    endDate: known.endDate ?? known.startDate ?? '1970-01-01',
    applicationOpensAt: known.applicationOpensAt ?? new Date(0),
    applicationClosesAt: known.applicationClosesAt ?? new Date(1),
  });
  return issues.filter((issue) =>
    (scheduleRuleFields[issue.code] ?? []).every((field) => known[field] !== undefined),
  );
}

/**
 * Combinations the API accepts but that are unlikely (a two-year training of 40 hours): the form
 * asks the manager to confirm them before saving, in the manager's language.
 */
export function callFormWarnings(
  values: CallFormValues,
  locale: Locale,
  now: Date,
): { code: PlausibilityCode; field: string; message: string }[] {
  const timeZone = formTimeZone(values);
  const validDate = (date: string | null) => (date && isLocalDate(date) ? date : null);
  const hours = toNumber(values.trainingHours);
  const seats = toNumber(values.seats);
  return checkCallPlausibility(
    {
      startDate: validDate(values.startDate),
      endDate: validDate(values.endDate),
      trainingHours: hours !== undefined && Number.isInteger(hours) ? hours : null,
      seats: seats !== undefined && Number.isInteger(seats) ? seats : null,
      applicationOpensAt: dateOf(toInstant(values.applicationOpensAt, timeZone)) ?? null,
      applicationClosesAt: dateOf(toInstant(values.applicationClosesAt, timeZone)) ?? null,
    },
    localDateAt(now, timeZone),
  ).map((warning) => ({ ...warning, message: translatePlausibility(warning, locale) }));
}

function dateOf(instant: string | undefined): Date | undefined {
  return instant ? new Date(instant) : undefined;
}
