// The equivalence rule editor's values and their way to and from the API: requirements and
// coverage travel as JSON (the domain's `ruleRequirementSchema` and `ruleCoverageSchema`), the
// covered CPMK as codes of the chosen course. Field rules are the domain's
// `equivalenceRuleInputSchema`, so the form says what the API would.
import {
  equivalenceRuleInputSchema,
  type Locale,
  type RuleCoverage,
  type RuleRequirement,
  toFieldIssues,
  translateError,
} from '@kmg/domain';

export type RequirementKind = RuleRequirement['kind'];

export const requirementKinds: readonly RequirementKind[] = [
  'ACHIEVEMENT',
  'SKKNI_UNIT',
  'PATHWAY',
  'LEARNING_OUTCOME',
  'HOURS',
];

/**
 * One requirement row. `code` is the achievement, unit or pathway code (for a learning outcome,
 * its achievement); `outcomeCode` only for a learning outcome; `minimum` only for hours.
 */
export type RequirementRow = {
  key: string;
  kind: RequirementKind;
  code: string;
  outcomeCode: string;
  minimum: number | string;
};

export type CoverageKind = RuleCoverage['kind'];

export type RuleFormValues = {
  code: string;
  courseId: string | null;
  requirements: RequirementRow[];
  coveredOutcomes: string[];
  coverageKind: CoverageKind;
  /** For MIN: a percentage, 75 for 0.75. */
  minCoveragePercent: number | string;
  sks: number | string;
  rationaleId: string;
  rationaleEn: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
};

let rowCount = 0;

/** A fresh row key: rows are added and removed, so their position is no key. */
export function newRequirementRow(kind: RequirementKind = 'ACHIEVEMENT'): RequirementRow {
  rowCount += 1;
  return { key: `requirement-${rowCount}`, kind, code: '', outcomeCode: '', minimum: '' };
}

export function emptyRuleForm(today: string): RuleFormValues {
  return {
    code: '',
    courseId: null,
    requirements: [newRequirementRow()],
    coveredOutcomes: [],
    coverageKind: 'DEFAULT',
    minCoveragePercent: 75,
    sks: '',
    rationaleId: '',
    rationaleEn: '',
    effectiveFrom: today,
    effectiveTo: null,
  };
}

function toInteger(value: number | string): number | string {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : value;
}

/** The requirements as the API stores them (blank codes stay blank: the schema names them). */
export function toRequirements(rows: readonly RequirementRow[]): unknown[] {
  return rows.map((row) => {
    if (row.kind === 'HOURS') return { kind: row.kind, minimum: toInteger(row.minimum) };
    if (row.kind === 'SKKNI_UNIT') return { kind: row.kind, unitCode: row.code.trim() };
    if (row.kind === 'PATHWAY') return { kind: row.kind, pathwayCode: row.code.trim() };
    if (row.kind === 'LEARNING_OUTCOME')
      return { kind: row.kind, achievementCode: row.code.trim(), outcomeCode: row.outcomeCode.trim() };
    return { kind: row.kind, achievementCode: row.code.trim() };
  });
}

/** Requirements JSON back into rows (unknown kinds are dropped; the API refuses to store them). */
export function requirementsToRows(json: string): RequirementRow[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: Record<string, unknown>) => {
    const kind = item?.kind as RequirementKind;
    if (!requirementKinds.includes(kind)) return [];
    const row = newRequirementRow(kind);
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    if (kind === 'SKKNI_UNIT') row.code = text(item.unitCode);
    else if (kind === 'PATHWAY') row.code = text(item.pathwayCode);
    else if (kind === 'HOURS') row.minimum = typeof item.minimum === 'number' ? item.minimum : '';
    else row.code = text(item.achievementCode);
    if (kind === 'LEARNING_OUTCOME') row.outcomeCode = text(item.outcomeCode);
    return [row];
  });
}

export function toCoverage(values: Pick<RuleFormValues, 'coverageKind' | 'minCoveragePercent'>): unknown {
  if (values.coverageKind !== 'MIN') return { kind: values.coverageKind };
  const percent =
    typeof values.minCoveragePercent === 'number'
      ? values.minCoveragePercent
      : Number(values.minCoveragePercent.trim().replace(',', '.'));
  return {
    kind: 'MIN',
    minimum:
      values.minCoveragePercent !== '' && Number.isFinite(percent)
        ? Math.round(percent * 100) / 10_000
        : values.minCoveragePercent,
  };
}

export function coverageFromJson(json: string): Pick<RuleFormValues, 'coverageKind' | 'minCoveragePercent'> {
  try {
    const coverage = JSON.parse(json) as { kind?: string; minimum?: number };
    if (coverage.kind === 'MIN' && typeof coverage.minimum === 'number')
      return { coverageKind: 'MIN', minCoveragePercent: Math.round(coverage.minimum * 10_000) / 100 };
    if (coverage.kind === 'ALL') return { coverageKind: 'ALL', minCoveragePercent: 75 };
  } catch {
    // Unreadable coverage falls back to the programme's default.
  }
  return { coverageKind: 'DEFAULT', minCoveragePercent: 75 };
}

/** The rule the form describes, as `saveEquivalenceRuleDraft` takes it (code aside). */
export function toRuleInput(values: RuleFormValues) {
  return {
    courseId: values.courseId ?? '',
    requirements: JSON.stringify(toRequirements(values.requirements)),
    coveredOutcomes: values.coveredOutcomes,
    coverage: JSON.stringify(toCoverage(values)),
    sks: Number(toInteger(values.sks)),
    rationaleId: values.rationaleId.trim(),
    rationaleEn: values.rationaleEn.trim() || null,
    effectiveFrom: values.effectiveFrom ?? '',
    effectiveTo: values.effectiveTo || null,
  };
}

/** A saved version as the editor starts from it (its next version, or the open draft itself). */
export function ruleFormFromVersion(version: {
  code: string;
  course: { id: string };
  requirements: string;
  coveredOutcomes: readonly string[];
  coverage: string;
  sks: number;
  rationaleId: string;
  rationaleEn: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}): RuleFormValues {
  const rows = requirementsToRows(version.requirements);
  return {
    code: version.code,
    courseId: version.course.id,
    requirements: rows.length > 0 ? rows : [newRequirementRow()],
    coveredOutcomes: [...version.coveredOutcomes],
    ...coverageFromJson(version.coverage),
    sks: version.sks,
    rationaleId: version.rationaleId,
    rationaleEn: version.rationaleEn ?? '',
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
  };
}

/**
 * Moves an API or schema path onto the editor's fields: a requirement's code
 * (`requirements.1.unitCode`, or `requirements.1` for one the API cannot find) lands on that row's
 * code, hours on its minimum; coverage on the percentage; a CPMK on the checkbox group.
 */
export function ruleFieldPath(path: readonly string[]): string {
  const parts = path[0] === 'input' ? path.slice(1) : [...path];
  const [head, index, field] = parts;
  if (head === 'requirements' && index !== undefined) {
    if (field === 'minimum') return `requirements.${index}.minimum`;
    if (field === 'outcomeCode') return `requirements.${index}.outcomeCode`;
    return `requirements.${index}.code`;
  }
  if (head === 'coverage') return 'minCoveragePercent';
  if (head === 'coveredOutcomes') return 'coveredOutcomes';
  return parts.join('.');
}

export function ruleFieldErrors(fieldErrors: readonly { path: readonly string[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const { path, message } of fieldErrors) errors[ruleFieldPath(path)] ??= message;
  return errors;
}

// The schema wants the course's raw id; the editor holds its global id, so a stand-in is checked.
const courseStandIn = '00000000-0000-4000-8000-000000000000';
const ruleCode = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The editor's own check; `courseSks` caps the SKS as the API does. */
export function validateRuleForm(
  values: RuleFormValues,
  { locale, courseSks, isNew }: { locale: Locale; courseSks: number | null; isNew: boolean },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const input = toRuleInput(values);
  const parsed = equivalenceRuleInputSchema.safeParse({
    ...input,
    courseId: values.courseId ? courseStandIn : '',
    requirements: JSON.parse(input.requirements),
    coverage: JSON.parse(input.coverage),
    sks: toInteger(values.sks),
  });
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error.issues)) {
      errors[ruleFieldPath(issue.path)] ??= translateError(issue.code, locale, issue.params);
    }
  }
  if (!values.courseId) errors.courseId = translateError('REQUIRED', locale);
  if (isNew && !ruleCode.test(values.code.trim()))
    errors.code = translateError(values.code.trim() ? 'INVALID_FORMAT' : 'REQUIRED', locale);
  if (courseSks !== null && typeof toInteger(values.sks) === 'number' && Number(values.sks) > courseSks)
    errors.sks ??= translateError('RULE_SKS_OVER_COURSE', locale, { sks: courseSks });
  return errors;
}
