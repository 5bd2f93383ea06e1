// Checks on a call beyond its field rules: combinations that are allowed but unlikely (the manager
// confirms them), and what must hold before a call is published (the API refuses the blocking
// items; the console shows all of them before "Publish").
import { endorsementDeadline } from '#applications.ts';
import { type CallStatus, callTimeZone } from '#calls.ts';
import { daysBetween, type LocalDate, localDateAt, startOfLocalDate } from '#dates.ts';
import { type ErrorCode, formatMessage, type Locale, type MessageParams } from '#messages.ts';
import { rubricSchema } from '#validation.ts';

/** Trainings in the programme run days to weeks; longer than this is more likely a typo in a year. */
export const LONG_TRAINING_DAYS = 92;
/** Fewer hours than this per calendar day of the training looks like a wrong date or a missing digit. */
export const MIN_HOURS_PER_DAY = 1;
/** A training day holds at most this many hours. */
export const MAX_HOURS_PER_DAY = 10;
/** Cohorts seen in the programme are 20-40 teachers; far more is more likely a typo. */
export const MANY_SEATS = 200;
/** A window shorter than this leaves principals and teachers little time. */
export const SHORT_WINDOW_HOURS = 72;
/** A start this far ahead is more likely a wrong year. */
export const FAR_AHEAD_DAYS = 365;

export const plausibilityCodes = [
  'LONG_TRAINING',
  'FEW_HOURS_PER_DAY',
  'MANY_HOURS_PER_DAY',
  'MANY_SEATS',
  'SHORT_WINDOW',
  'START_FAR_AHEAD',
] as const;
export type PlausibilityCode = (typeof plausibilityCodes)[number];

/** An unlikely combination: saved only once the manager confirms it. */
export type PlausibilityWarning = { code: PlausibilityCode; field: string; params: MessageParams };

export const plausibilityMessages: Record<PlausibilityCode, Record<Locale, string>> = {
  LONG_TRAINING: {
    id: 'Pelatihan berlangsung {days} hari (lebih dari 3 bulan). Periksa tanggal mulai dan selesai, terutama tahunnya.',
    en: 'The training lasts {days} days (more than 3 months). Check the start and end dates, especially the year.',
  },
  FEW_HOURS_PER_DAY: {
    id: '{hours} jam pelatihan dalam {days} hari berarti kurang dari {min} jam per hari. Periksa jam pelatihan atau tanggalnya.',
    en: '{hours} training hours over {days} days is less than {min} hour a day. Check the hours or the dates.',
  },
  MANY_HOURS_PER_DAY: {
    id: '{hours} jam pelatihan dalam {days} hari berarti lebih dari {max} jam per hari. Periksa jam pelatihan atau tanggalnya.',
    en: '{hours} training hours in {days} days is more than {max} hours a day. Check the hours or the dates.',
  },
  MANY_SEATS: {
    id: 'Kuota {seats} peserta jauh di atas angkatan biasa (20-40 guru). Periksa kuotanya.',
    en: 'A quota of {seats} is far above a usual cohort (20-40 teachers). Check the quota.',
  },
  SHORT_WINDOW: {
    id: 'Pendaftaran hanya dibuka {hours} jam. Guru dan kepala sekolah mungkin tidak sempat.',
    en: 'Applications are open for only {hours} hours. Teachers and principals may miss it.',
  },
  START_FAR_AHEAD: {
    id: 'Pelatihan dimulai lebih dari setahun lagi ({start}). Periksa tahunnya.',
    en: 'The training starts more than a year from now ({start}). Check the year.',
  },
};

export function translatePlausibility(warning: PlausibilityWarning, locale: Locale): string {
  return formatMessage(plausibilityMessages[warning.code][locale], locale, warning.params);
}

/**
 * Allowed but unlikely combinations in a call (a two-year training of 40 hours, 500 seats). Each
 * names the field to point at; fields not filled in yet are left out. `today` is the venue's date.
 */
export function checkCallPlausibility(
  call: {
    startDate?: LocalDate | null;
    endDate?: LocalDate | null;
    trainingHours?: number | null;
    seats?: number | null;
    applicationOpensAt?: Date | null;
    applicationClosesAt?: Date | null;
  },
  today?: LocalDate,
): PlausibilityWarning[] {
  const warnings: PlausibilityWarning[] = [];
  const { startDate, endDate, trainingHours: hours, seats } = call;
  if (startDate && endDate && endDate >= startDate) {
    const days = daysBetween(startDate, endDate) + 1;
    if (days > LONG_TRAINING_DAYS)
      warnings.push({ code: 'LONG_TRAINING', field: 'endDate', params: { days } });
    if (hours && hours > 0) {
      if (hours / days < MIN_HOURS_PER_DAY) {
        warnings.push({
          code: 'FEW_HOURS_PER_DAY',
          field: 'trainingHours',
          params: { hours, days, min: MIN_HOURS_PER_DAY },
        });
      } else if (hours / days > MAX_HOURS_PER_DAY) {
        warnings.push({
          code: 'MANY_HOURS_PER_DAY',
          field: 'trainingHours',
          params: { hours, days, max: MAX_HOURS_PER_DAY },
        });
      }
    }
  }
  if (seats && seats > MANY_SEATS) warnings.push({ code: 'MANY_SEATS', field: 'seats', params: { seats } });
  const { applicationOpensAt: opens, applicationClosesAt: closes } = call;
  if (opens && closes && closes > opens) {
    const windowHours = Math.round((closes.getTime() - opens.getTime()) / 3_600_000);
    if (windowHours < SHORT_WINDOW_HOURS) {
      warnings.push({ code: 'SHORT_WINDOW', field: 'applicationClosesAt', params: { hours: windowHours } });
    }
  }
  if (today && startDate && daysBetween(today, startDate) > FAR_AHEAD_DAYS) {
    warnings.push({ code: 'START_FAR_AHEAD', field: 'startDate', params: { start: { date: startDate } } });
  }
  return warnings;
}

/** What the publishing checklist reads about a call. */
export type PublishCheckInput = {
  status: CallStatus;
  province: string;
  selectionMode: 'REVIEWED' | 'FIRST_COME';
  requiresEndorsement: boolean;
  endorsementDeadline: Date | null;
  rubric: unknown;
  reviewerCount: number;
  hasAchievement: boolean;
  startDate: LocalDate;
  endDate: LocalDate;
  applicationOpensAt: Date;
  applicationClosesAt: Date;
};

export const publishCheckKeys = [
  'reviewers',
  'rubric',
  'window',
  'endorsement',
  'training',
  'achievement',
] as const;
export type PublishCheckKey = (typeof publishCheckKeys)[number];

/**
 * One line of the checklist. `blocking` items stop publishing (the API refuses them); warnings
 * are worth fixing first but do not. `notNeeded`: the item does not apply to this call (reviewers
 * of a first-come call).
 */
export type PublishCheck = {
  key: PublishCheckKey;
  severity: 'blocking' | 'warning';
  state: 'ok' | 'failed' | 'notNeeded';
  /** Why it failed, when it did. */
  code?: ErrorCode;
  params?: MessageParams;
};

/** Every item of the checklist before publishing, in the order the console lists them. */
export function checkCallBeforePublishing(call: PublishCheckInput, now: Date): PublishCheck[] {
  const reviewed = call.selectionMode === 'REVIEWED';
  const timeZone = callTimeZone(call.province);
  const trainingStarts = startOfLocalDate(call.startDate, timeZone);
  const failed = (
    key: PublishCheckKey,
    severity: PublishCheck['severity'],
    code: ErrorCode,
    params?: MessageParams,
  ): PublishCheck => ({ key, severity, state: 'failed', code, ...(params ? { params } : {}) });
  const ok = (key: PublishCheckKey, severity: PublishCheck['severity']): PublishCheck => ({
    key,
    severity,
    state: 'ok',
  });

  const checks: PublishCheck[] = [];
  if (!reviewed) checks.push({ key: 'reviewers', severity: 'blocking', state: 'notNeeded' });
  else if (call.reviewerCount === 0) checks.push(failed('reviewers', 'blocking', 'PUBLISH_NO_REVIEWERS'));
  else checks.push(ok('reviewers', 'blocking'));

  if (!reviewed) checks.push({ key: 'rubric', severity: 'blocking', state: 'notNeeded' });
  else if (!rubricSchema.safeParse(call.rubric).success)
    checks.push(failed('rubric', 'blocking', 'PUBLISH_RUBRIC_INCOMPLETE'));
  else checks.push(ok('rubric', 'blocking'));

  if (call.applicationClosesAt <= now) {
    checks.push(
      failed('window', 'blocking', 'WINDOW_CLOSED', {
        closesAt: { instant: call.applicationClosesAt.toISOString(), timeZone },
      }),
    );
  } else if (
    call.applicationClosesAt <= call.applicationOpensAt ||
    call.applicationClosesAt > trainingStarts
  ) {
    checks.push(failed('window', 'blocking', 'PUBLISH_WINDOW_ORDER'));
  } else checks.push(ok('window', 'blocking'));

  if (!call.requiresEndorsement)
    checks.push({ key: 'endorsement', severity: 'blocking', state: 'notNeeded' });
  else {
    const deadline = endorsementDeadline(call);
    if (deadline <= call.applicationClosesAt || deadline > trainingStarts) {
      checks.push(
        failed('endorsement', 'blocking', 'PUBLISH_ENDORSEMENT_DEADLINE', {
          deadline: { instant: deadline.toISOString(), timeZone },
        }),
      );
    } else checks.push(ok('endorsement', 'blocking'));
  }

  if (call.startDate <= localDateAt(now, timeZone) || call.endDate < call.startDate) {
    checks.push(
      failed('training', 'blocking', 'PUBLISH_TRAINING_NOT_AHEAD', { start: { date: call.startDate } }),
    );
  } else checks.push(ok('training', 'blocking'));

  checks.push(
    call.hasAchievement
      ? ok('achievement', 'warning')
      : failed('achievement', 'warning', 'PUBLISH_NO_ACHIEVEMENT'),
  );
  return checks;
}

/** The blocking items that failed: publishing is refused while any remains. */
export function blockingPublishChecks(checks: readonly PublishCheck[]): PublishCheck[] {
  return checks.filter((check) => check.severity === 'blocking' && check.state === 'failed');
}

/**
 * A map search for a venue, built from its written address (nothing is fetched): OpenStreetMap,
 * which needs no account and no key.
 */
export function venueMapUrl(place: {
  venueName?: string | null;
  address?: string | null;
  city: string;
  provinceName: string;
}): string {
  const parts = [
    place.address?.trim() || place.venueName?.trim(),
    place.city,
    place.provinceName,
    'Indonesia',
  ];
  const query = parts.filter((part): part is string => !!part && part.length > 0).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
