import { type LocalDate, wholeYearsBetween } from '#dates.ts';
import type { ErrorCode, MessageParams } from '#messages.ts';

export const employmentStatuses = ['PNS', 'PPPK', 'GTY', 'HONORER'] as const;
export type EmploymentStatus = (typeof employmentStatuses)[number];

/** A teacher's gender, optional on the profile (not stating it is a choice, counted as such). */
export const genders = ['FEMALE', 'MALE'] as const;
export type Gender = (typeof genders)[number];

export const schoolStatuses = ['NEGERI', 'SWASTA'] as const;
export type SchoolStatus = (typeof schoolStatuses)[number];

/**
 * Who may apply to a call, chosen per call by the program manager. Absent or empty = no limit.
 * (The programme's real rules are not public; a 2021 ministry scheme asked for 2+ years of
 * teaching and age at most 45 on 31 December, which the demo calls use.)
 */
export type EligibilityRules = {
  /** Subjects or skill programmes taught (matched without regard to case or spacing). */
  subjects?: string[] | null;
  employmentStatuses?: EmploymentStatus[] | null;
  /** Whole years of teaching, counted up to the first training day. */
  minTeachingYears?: number | null;
  /** Age in whole years on `ageReferenceDate`, at most. */
  maxAge?: number | null;
  /** Defaults to 31 December of the programme year. */
  ageReferenceDate?: LocalDate | null;
  /** Province codes of the teacher's school. */
  provinces?: string[] | null;
  schoolStatuses?: SchoolStatus[] | null;
  /** Only SMK Pusat Keunggulan (centres of excellence). */
  centreOfExcellenceOnly?: boolean | null;
};

/** Programme-wide limits that apply across calls. */
export type ProgrammeLimits = {
  /** Accepted trainings per teacher per programme year; null = unlimited. */
  maxAcceptedPerYear: number | null;
};

export type TeacherFacts = {
  subject: string;
  employmentStatus: EmploymentStatus;
  teachingSince: LocalDate;
  birthDate: LocalDate | null;
  school: { province: string | null; status: SchoolStatus | null; centreOfExcellence: boolean };
};

/** A training the teacher already holds a seat in (accepted or confirmed), in any call. */
export type HeldSeat = {
  callId: string;
  title: string;
  programmeYear: number;
  startDate: LocalDate;
  endDate: LocalDate;
};

export type EligibilityRule =
  | 'subject'
  | 'employmentStatus'
  | 'teachingYears'
  | 'age'
  | 'province'
  | 'schoolStatus'
  | 'centreOfExcellence'
  | 'yearLimit'
  | 'overlap';

export type EligibilityReason = { rule: EligibilityRule; code: ErrorCode; params?: MessageParams };

export type EligibilityResult = { kind: 'eligible' } | { kind: 'ineligible'; reasons: EligibilityReason[] };

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

const has = <T>(list: readonly T[] | null | undefined): list is readonly T[] => !!list && list.length > 0;

/**
 * Every rule the teacher fails, each with a reason they can read; eligible when none fails.
 * `held` lists the seats the teacher holds elsewhere (this call excluded by the caller or here).
 */
export function checkEligibility(input: {
  rules: EligibilityRules;
  limits: ProgrammeLimits;
  teacher: TeacherFacts;
  call: { id: string; startDate: LocalDate; endDate: LocalDate; programmeYear: number };
  held: readonly HeldSeat[];
}): EligibilityResult {
  const { rules, limits, teacher, call } = input;
  const reasons: EligibilityReason[] = [];

  if (
    has(rules.subjects) &&
    !rules.subjects.some((subject) => normalise(subject) === normalise(teacher.subject))
  ) {
    reasons.push({
      rule: 'subject',
      code: 'INELIGIBLE_SUBJECT',
      params: { subjects: rules.subjects.join(', ') },
    });
  }
  if (has(rules.employmentStatuses) && !rules.employmentStatuses.includes(teacher.employmentStatus)) {
    reasons.push({
      rule: 'employmentStatus',
      code: 'INELIGIBLE_EMPLOYMENT',
      params: { statuses: rules.employmentStatuses.join(', ') },
    });
  }
  if (rules.minTeachingYears != null) {
    const years = Math.max(0, wholeYearsBetween(teacher.teachingSince, call.startDate));
    if (years < rules.minTeachingYears) {
      reasons.push({
        rule: 'teachingYears',
        code: 'INELIGIBLE_TEACHING_YEARS',
        params: { min: rules.minTeachingYears, years },
      });
    }
  }
  if (rules.maxAge != null) {
    const on = rules.ageReferenceDate ?? `${call.programmeYear}-12-31`;
    if (!teacher.birthDate) {
      reasons.push({ rule: 'age', code: 'INELIGIBLE_AGE_UNKNOWN' });
    } else {
      const age = wholeYearsBetween(teacher.birthDate, on);
      if (age > rules.maxAge)
        reasons.push({ rule: 'age', code: 'INELIGIBLE_AGE', params: { max: rules.maxAge, age, on } });
    }
  }
  if (
    has(rules.provinces) &&
    !(teacher.school.province && rules.provinces.includes(teacher.school.province))
  ) {
    reasons.push({ rule: 'province', code: 'INELIGIBLE_PROVINCE' });
  }
  if (
    has(rules.schoolStatuses) &&
    !(teacher.school.status && rules.schoolStatuses.includes(teacher.school.status))
  ) {
    reasons.push({
      rule: 'schoolStatus',
      code: 'INELIGIBLE_SCHOOL_STATUS',
      params: { statuses: rules.schoolStatuses.join(', ') },
    });
  }
  if (rules.centreOfExcellenceOnly && !teacher.school.centreOfExcellence) {
    reasons.push({ rule: 'centreOfExcellence', code: 'INELIGIBLE_CENTRE_OF_EXCELLENCE' });
  }

  const others = input.held.filter((seat) => seat.callId !== call.id);
  if (limits.maxAcceptedPerYear != null) {
    const sameYear = others.filter((seat) => seat.programmeYear === call.programmeYear);
    if (sameYear.length >= limits.maxAcceptedPerYear) {
      reasons.push({
        rule: 'yearLimit',
        code: 'INELIGIBLE_YEAR_LIMIT',
        params: {
          max: limits.maxAcceptedPerYear,
          year: call.programmeYear,
          title: sameYear.map((seat) => seat.title).join(', '),
        },
      });
    }
  }
  const overlapping = others.find((seat) => seat.startDate <= call.endDate && call.startDate <= seat.endDate);
  if (overlapping) {
    reasons.push({ rule: 'overlap', code: 'INELIGIBLE_OVERLAP', params: { title: overlapping.title } });
  }

  return reasons.length === 0 ? { kind: 'eligible' } : { kind: 'ineligible', reasons };
}
