import type { LocalDate } from '@kmg/domain';

/** `TrainingCall.eligibilityRules` as the API gives it: an empty list or null means no limit. */
export type EligibilityRules = {
  subjects: readonly string[] | null;
  employmentStatuses: readonly string[] | null;
  minTeachingYears: number | null;
  maxAge: number | null;
  ageReferenceDate: LocalDate | null;
  provinces: readonly { code: string; name: string }[] | null;
  schoolStatuses: readonly string[] | null;
  centreOfExcellenceOnly: boolean;
};

/** One thing an applicant must be or have, for the call page to put in words. */
export type Requirement =
  | { rule: 'subjects'; subjects: string[] }
  | { rule: 'employment'; statuses: string[] }
  | { rule: 'teachingYears'; years: number }
  | { rule: 'age'; maxAge: number; on: LocalDate }
  | { rule: 'provinces'; provinces: string[] }
  | { rule: 'schoolStatus'; statuses: string[] }
  | { rule: 'centreOfExcellence' }
  | { rule: 'endorsement' };

const given = <T>(list: readonly T[] | null): list is readonly T[] => !!list && list.length > 0;

/**
 * What a teacher must meet to apply, in the order a teacher checks themselves (what they teach,
 * their employment, experience, age, then their school), ending with the principal's endorsement.
 * Empty when the call is open to every SMK teacher.
 */
export function listRequirements(call: {
  eligibilityRules: EligibilityRules;
  requiresEndorsement: boolean;
  programme: { year: number };
}): Requirement[] {
  const rules = call.eligibilityRules;
  const requirements: Requirement[] = [];
  if (given(rules.subjects)) requirements.push({ rule: 'subjects', subjects: [...rules.subjects] });
  if (given(rules.employmentStatuses))
    requirements.push({ rule: 'employment', statuses: [...rules.employmentStatuses] });
  if (rules.minTeachingYears != null && rules.minTeachingYears > 0)
    requirements.push({ rule: 'teachingYears', years: rules.minTeachingYears });
  if (rules.maxAge != null) {
    // The domain's default: age on 31 December of the programme year.
    const on = rules.ageReferenceDate ?? `${call.programme.year}-12-31`;
    requirements.push({ rule: 'age', maxAge: rules.maxAge, on });
  }
  if (given(rules.provinces))
    requirements.push({ rule: 'provinces', provinces: rules.provinces.map((province) => province.name) });
  if (given(rules.schoolStatuses))
    requirements.push({ rule: 'schoolStatus', statuses: [...rules.schoolStatuses] });
  if (rules.centreOfExcellenceOnly) requirements.push({ rule: 'centreOfExcellence' });
  if (call.requiresEndorsement) requirements.push({ rule: 'endorsement' });
  return requirements;
}
