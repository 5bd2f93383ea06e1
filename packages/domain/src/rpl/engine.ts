import type { ErrorCode } from '#messages.ts';
import { isAccreditationAtLeast } from '#rpl/regulation.ts';
import type {
  Course,
  CredentialReason,
  EquivalenceRule,
  IneligibleDetail,
  IneligibleReason,
  Intake,
  LimitSource,
  NotProposedCourse,
  NotProposedReason,
  ProposedCourse,
  RecognitionInput,
  RecognitionProposal,
  ResolvedRegulation,
  RplCredential,
  RuleRequirement,
  RuleTrial,
  SksCapLimit,
  StudyProgramme,
} from '#rpl/types.ts';

/*
 * The proposal maximises recognised SKS under the SKS cap, the course limit and the per-credential
 * limit, exactly (branch and bound). Ties are broken by one fixed order, which is also the order the
 * search walks, so the first best selection found is the one returned:
 *
 * - Course order: semester ascending, then course code, then course id (code-point order).
 * - Option order within a course: recognised SKS (min(rule.sks, course.sks)) descending, then rule
 *   code, rule version descending, rule id; then the credential set: fewer credentials first, then
 *   the sorted credential ids compared element by element.
 * - Among selections with the same total SKS, walk the courses in course order; at the first course
 *   where two selections differ, prefer the one that recognises it, and if both do, the one using
 *   the earlier option. So earlier semesters and lower course codes win, and a course is recognised
 *   through its highest-SKS rule where that costs nothing elsewhere.
 *
 * The search stays fast because courses sharing no credential are searched apart (the preferred
 * selections of independent groups together are the preferred selection of all, unless together
 * they exceed the cap or the course limit; then all courses are searched at once), because a
 * Lagrangian bound prices each credential's remaining uses, and because a greedy start priced the
 * same way usually has the optimal total already. Past a node budget no real case reaches, the best
 * selection found is returned, marked as not proven optimal.
 */

/** The message (both languages) for each reason: `translateError(rplMessageCodes[reason], locale, params)`. */
export const rplMessageCodes: Record<IneligibleReason | NotProposedReason, ErrorCode> = {
  RPL_NOT_OFFERED: 'RPL_NOT_OFFERED',
  DEGREE_WITHOUT_RPL: 'RPL_DEGREE_WITHOUT_RPL',
  ACCREDITATION_TOO_LOW: 'RPL_ACCREDITATION_TOO_LOW',
  ACCREDITATION_EXPIRED: 'RPL_ACCREDITATION_EXPIRED',
  NO_RULE: 'RPL_NO_RULE',
  COURSE_KIND_EXCLUDED: 'RPL_COURSE_KIND_EXCLUDED',
  CAP_REACHED: 'RPL_CAP_REACHED',
  MAX_COURSES_REACHED: 'RPL_MAX_COURSES_REACHED',
  CREDENTIAL_LIMIT: 'RPL_CREDENTIAL_LIMIT',
  MISSING_EVIDENCE: 'RPL_MISSING_EVIDENCE',
  COVERAGE_TOO_LOW: 'RPL_COVERAGE_TOO_LOW',
  HOURS_TOO_FEW: 'RPL_HOURS_TOO_FEW',
  EVIDENCE_TOO_OLD: 'RPL_EVIDENCE_TOO_OLD',
  CREDENTIAL_REVOKED: 'RPL_CREDENTIAL_REVOKED',
  CREDENTIAL_SUSPENDED: 'RPL_CREDENTIAL_SUSPENDED',
  CREDENTIAL_EXPIRED: 'RPL_CREDENTIAL_EXPIRED',
  CREDENTIAL_NOT_YET_ISSUED: 'RPL_CREDENTIAL_NOT_YET_ISSUED',
  NOT_COMPETENT: 'RPL_NOT_COMPETENT',
};

export type RecognitionContext = {
  regulation: ResolvedRegulation;
  programme: StudyProgramme;
  rules: EquivalenceRule[];
  intake: Intake;
};

/** Coverage shares are compared with this slack, so 3 × 0.25 meets 0.75. */
const EPSILON = 1e-9;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most fixable first: the course's reason names the nearest miss (renew before re-train). */
const reasonPrecedence: readonly NotProposedReason[] = [
  'CREDENTIAL_EXPIRED',
  'CREDENTIAL_SUSPENDED',
  'EVIDENCE_TOO_OLD',
  'CREDENTIAL_NOT_YET_ISSUED',
  'NOT_COMPETENT',
  'HOURS_TOO_FEW',
  'CREDENTIAL_REVOKED',
  'MISSING_EVIDENCE',
  'COVERAGE_TOO_LOW',
];
const precedence: Partial<Record<NotProposedReason, number>> = Object.fromEntries(
  reasonPrecedence.map((reason, index) => [reason, index]),
);
const rank = (reason: NotProposedReason) => precedence[reason] ?? reasonPrecedence.length;

type CompiledRule = {
  rule: EquivalenceRule;
  sks: number;
  coverage: number;
  requiredCoverage: number;
  /** Requirements other than HOURS, with their index in the rule and a number shared by equal requirements. */
  evidence: { index: number; requirement: Exclude<RuleRequirement, { kind: 'HOURS' }>; key: number }[];
  hours: { index: number; requirement: Extract<RuleRequirement, { kind: 'HOURS' }> } | null;
};

type CompiledCourse = {
  course: Course;
  excluded: boolean;
  /** In option order (SKS descending, code, version descending, id). */
  rules: CompiledRule[];
};

type Option = { rule: CompiledRule; credentials: number[] };

/** The teacher's credentials, indexed for the rules' requirement kinds. */
type Holdings = {
  credentials: RplCredential[];
  /** Why a credential does not count at the cut-off (null = usable), by position. */
  status: (CredentialReason | null)[];
  byAchievement: Map<string, number[]>;
  byPathway: Map<string, number[]>;
  byUnit: Map<string, { index: number; isCompetent: boolean }[]>;
  /** Per requirement key, what matched (rules share requirements: each is matched once). */
  matches: (Match | undefined)[];
};

type Match = {
  usable: number[];
  failed: { credentialId: string; reason: CredentialReason }[];
  /** Why the requirement is unmet when nothing is usable: the most fixable failure. */
  reason: NotProposedReason;
};

const noMatch: Match = { usable: [], failed: [], reason: 'MISSING_EVIDENCE' };

function coverageOf(course: Course, covered: readonly string[]): number {
  let total = 0;
  for (const outcome of course.outcomes) total += outcome.weight;
  if (total <= 0) return 0;
  const names = new Set(covered);
  let met = 0;
  for (const outcome of course.outcomes) if (names.has(outcome.code)) met += outcome.weight;
  return met / total;
}

function checkEligibility(
  regulation: ResolvedRegulation,
  programme: StudyProgramme,
  cutoff: string,
): IneligibleDetail[] {
  const reasons: IneligibleDetail[] = [];
  if (!programme.rplOffered) reasons.push({ code: 'RPL_NOT_OFFERED', source: null });
  const { degreeLevelsWithoutRpl, minAccreditation } = regulation;
  if (degreeLevelsWithoutRpl.value.includes(programme.degree))
    reasons.push({
      code: 'DEGREE_WITHOUT_RPL',
      source: degreeLevelsWithoutRpl.source,
      params: { degree: programme.degree },
    });
  const minimum = minAccreditation.value;
  if (minimum !== null) {
    if (programme.accreditation === null || !isAccreditationAtLeast(programme.accreditation, minimum))
      reasons.push({
        code: 'ACCREDITATION_TOO_LOW',
        source: minAccreditation.source,
        params: { accreditation: programme.accreditation ?? '-', minimum },
      });
    else if (programme.accreditationExpiresOn !== null && programme.accreditationExpiresOn < cutoff)
      reasons.push({
        code: 'ACCREDITATION_EXPIRED',
        source: minAccreditation.source,
        params: { expiresOn: programme.accreditationExpiresOn },
      });
  }
  return reasons;
}

/** The smallest of the three caps, and which limit set it (first of equals in declaration order). */
export function findSksCap(
  regulation: ResolvedRegulation,
  programme: Pick<StudyProgramme, 'totalSks' | 'semesters'>,
): { capSks: number | null; capSource: { limit: SksCapLimit; source: LimitSource | null } | null } {
  const { totalSks, semesters } = programme;
  const share = regulation.maxShareOfProgramme.value;
  const remaining = regulation.minSemestersRemaining.value;
  const caps: [SksCapLimit, number | null][] = [
    ['maxShareOfProgramme', share === null ? null : Math.floor(share * totalSks + EPSILON)],
    ['maxSks', regulation.maxSks.value],
    [
      'minSemestersRemaining',
      remaining === null ? null : totalSks - remaining * Math.ceil(totalSks / Math.max(1, semesters)),
    ],
  ];
  let best: { limit: SksCapLimit; value: number } | null = null;
  for (const [limit, value] of caps)
    if (value !== null && (best === null || value < best.value)) best = { limit, value };
  if (best === null) return { capSks: null, capSource: null };
  return {
    capSks: Math.max(0, best.value),
    capSource: { limit: best.limit, source: regulation[best.limit].source },
  };
}

function compileCourses(context: RecognitionContext): {
  courses: CompiledCourse[];
  requirementCount: number;
} {
  const { regulation, programme } = context;
  const keys = new Map<string, number>();
  const keyOf = (requirement: RuleRequirement) => {
    const text = JSON.stringify(requirement);
    let key = keys.get(text);
    if (key === undefined) {
      key = keys.size;
      keys.set(text, key);
    }
    return key;
  };
  const excluded = new Set(regulation.excludedCourseKinds.value);
  const byCourse = new Map<string, EquivalenceRule[]>();
  for (const rule of context.rules)
    byCourse.set(rule.courseId, [...(byCourse.get(rule.courseId) ?? []), rule]);
  const courses = [...programme.courses]
    .sort((a, b) => a.semester - b.semester || compareText(a.code, b.code) || compareText(a.id, b.id))
    .map((course) => {
      const rules = (byCourse.get(course.id) ?? []).map((rule): CompiledRule => {
        const evidence: CompiledRule['evidence'] = [];
        let hours: CompiledRule['hours'] = null;
        rule.requirements.forEach((requirement, index) => {
          if (requirement.kind !== 'HOURS') evidence.push({ index, requirement, key: keyOf(requirement) });
          else if (hours === null || requirement.minimum > hours.requirement.minimum)
            hours = { index, requirement };
        });
        return {
          rule,
          sks: Math.min(rule.sks, course.sks),
          coverage: coverageOf(course, rule.coveredOutcomes),
          requiredCoverage:
            rule.coverage.kind === 'ALL'
              ? 1
              : rule.coverage.kind === 'MIN'
                ? rule.coverage.minimum
                : regulation.defaultMinCoverage.value,
          evidence,
          hours,
        };
      });
      rules.sort(
        (a, b) =>
          b.sks - a.sks ||
          compareText(a.rule.code, b.rule.code) ||
          b.rule.version - a.rule.version ||
          compareText(a.rule.id, b.rule.id),
      );
      return { course, excluded: excluded.has(course.kind), rules };
    });
  return { courses, requirementCount: keys.size };
}

function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

function indexHoldings(
  held: readonly RplCredential[],
  regulation: ResolvedRegulation,
  cutoff: string,
  requirementCount: number,
): Holdings {
  const credentials = [...held].sort((a, b) => compareText(a.id, b.id));
  const recency = regulation.recencyYears.value;
  const oldest = recency === null ? null : yearsBefore(cutoff, recency);
  const mustBeValid = regulation.requireValidAtCutoff.value;
  const holdings: Holdings = {
    credentials,
    status: [],
    byAchievement: new Map(),
    byPathway: new Map(),
    byUnit: new Map(),
    matches: new Array(requirementCount),
  };
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  credentials.forEach((credential, index) => {
    let status: CredentialReason | null = null;
    if (mustBeValid && credential.revokedOn !== null && credential.revokedOn <= cutoff)
      status = 'CREDENTIAL_REVOKED';
    else if (mustBeValid && credential.suspendedOn !== null && credential.suspendedOn <= cutoff)
      status = 'CREDENTIAL_SUSPENDED';
    else if (mustBeValid && credential.validUntil !== null && credential.validUntil < cutoff)
      status = 'CREDENTIAL_EXPIRED';
    else if (credential.issuedOn > cutoff) status = 'CREDENTIAL_NOT_YET_ISSUED';
    else if (oldest !== null && credential.issuedOn < oldest) status = 'EVIDENCE_TOO_OLD';
    holdings.status.push(status);
    if (credential.achievementCode !== null) push(holdings.byAchievement, credential.achievementCode, index);
    if (credential.pathwayCode !== null) push(holdings.byPathway, credential.pathwayCode, index);
    for (const unit of credential.units)
      push(holdings.byUnit, unit.unitCode, { index, isCompetent: unit.result === 'K' });
  });
  return holdings;
}

/** Credentials meeting one requirement, usable or not (with why not). */
function matchRequirement(
  requirement: Exclude<RuleRequirement, { kind: 'HOURS' }>,
  holdings: Holdings,
): Match {
  const held =
    requirement.kind === 'PATHWAY'
      ? holdings.byPathway.get(requirement.pathwayCode)
      : requirement.kind === 'SKKNI_UNIT'
        ? holdings.byUnit.get(requirement.unitCode)
        : holdings.byAchievement.get(requirement.achievementCode);
  if (held === undefined) return noMatch;
  const usable: number[] = [];
  const failed: { credentialId: string; reason: CredentialReason }[] = [];
  const consider = (index: number, isCompetent = true) => {
    const status = holdings.status[index] ?? null;
    const reason: CredentialReason | null = isCompetent ? status : 'NOT_COMPETENT';
    if (reason === null) usable.push(index);
    else failed.push({ credentialId: (holdings.credentials[index] as RplCredential).id, reason });
  };
  switch (requirement.kind) {
    case 'ACHIEVEMENT':
      for (const index of holdings.byAchievement.get(requirement.achievementCode) ?? []) consider(index);
      break;
    case 'PATHWAY':
      for (const index of holdings.byPathway.get(requirement.pathwayCode) ?? []) consider(index);
      break;
    case 'SKKNI_UNIT': {
      // A credential listing the unit twice counts once, Kompeten if any listing is.
      const seen = new Map<number, boolean>();
      for (const { index, isCompetent } of holdings.byUnit.get(requirement.unitCode) ?? [])
        seen.set(index, (seen.get(index) ?? false) || isCompetent);
      for (const [index, isCompetent] of [...seen].sort((a, b) => a[0] - b[0])) consider(index, isCompetent);
      break;
    }
    case 'LEARNING_OUTCOME':
      for (const index of holdings.byAchievement.get(requirement.achievementCode) ?? [])
        if ((holdings.credentials[index] as RplCredential).outcomeCodes.includes(requirement.outcomeCode))
          consider(index);
      break;
  }
  let reason: NotProposedReason = 'MISSING_EVIDENCE';
  for (const failure of failed) if (rank(failure.reason) < rank(reason)) reason = failure.reason;
  return { usable, failed, reason };
}

function compareSets(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

const isSubset = (small: readonly number[], large: readonly number[]) =>
  small.every((x) => large.includes(x));

/**
 * The credential sets that meet a rule: one usable credential per requirement (a credential may
 * meet several), the hours of the set reaching the HOURS requirement; only minimal sets (a set
 * holding another that works is never better). With no per-credential limit only the first set is
 * kept: any set will do, so the preferred one is taken.
 */
function findCredentialSets(
  rule: CompiledRule,
  usable: number[][],
  holdings: Holdings,
  isLimited: boolean,
): number[][] {
  if (rule.evidence.length === 0) return [];
  const seen = new Set<string>();
  const sets: number[][] = [];
  const pick: number[] = [];
  const walk = (depth: number) => {
    if (depth === usable.length) {
      const set = [...new Set(pick)].sort((a, b) => a - b);
      const key = set.join(',');
      if (!seen.has(key)) {
        seen.add(key);
        sets.push(set);
      }
      return;
    }
    for (const index of usable[depth] as number[]) {
      pick.push(index);
      walk(depth + 1);
      pick.pop();
    }
  };
  walk(0);
  const minimum = rule.hours?.requirement.minimum ?? 0;
  const meetsHours = (set: readonly number[]) =>
    minimum <= 0 ||
    set.reduce((sum, index) => sum + (holdings.credentials[index] as RplCredential).hours, 0) >= minimum;
  sets.sort(compareSets);
  const kept: number[][] = [];
  for (const set of sets) {
    if (!meetsHours(set) || kept.some((smaller) => isSubset(smaller, set))) continue;
    kept.push(set);
    if (!isLimited) break;
  }
  return kept;
}

/** Per rule: the options (credential sets) that meet it, or the trial explaining why none does. */
function tryRules(
  course: CompiledCourse,
  holdings: Holdings,
  isLimited: boolean,
): { options: Option[]; trials: RuleTrial[] } {
  const options: Option[] = [];
  const trials: RuleTrial[] = [];
  for (const compiled of course.rules) {
    const { rule } = compiled;
    const trial: RuleTrial = {
      ruleId: rule.id,
      ruleVersion: rule.version,
      ruleCode: rule.code,
      coverage: compiled.coverage,
      requiredCoverage: compiled.requiredCoverage,
      reason: null,
      unmet: [],
    };
    trials.push(trial);
    if (compiled.sks <= 0 || compiled.coverage + EPSILON < compiled.requiredCoverage) {
      trial.reason = 'COVERAGE_TOO_LOW';
      continue;
    }
    // The rule's reason is its least fixable unmet requirement's.
    let worst: NotProposedReason | null = null;
    for (const { index, requirement, key } of compiled.evidence) {
      let match = holdings.matches[key];
      if (match === undefined) {
        match = matchRequirement(requirement, holdings);
        holdings.matches[key] = match;
      }
      if (match.usable.length > 0) continue;
      const credentials = match.failed.length === 0 ? [] : match.failed.map((failure) => ({ ...failure }));
      trial.unmet.push({ requirementIndex: index, requirement, reason: match.reason, credentials });
      if (worst === null || rank(match.reason) > rank(worst)) worst = match.reason;
    }
    if (worst === null) {
      const usable = compiled.evidence.map(({ key }) => (holdings.matches[key] as Match).usable);
      const sets = findCredentialSets(compiled, usable, holdings, isLimited);
      for (const credentials of sets) options.push({ rule: compiled, credentials });
      if (sets.length === 0) {
        const hours = compiled.hours;
        worst = compiled.evidence.length === 0 ? 'MISSING_EVIDENCE' : 'HOURS_TOO_FEW';
        trial.unmet.push({
          requirementIndex: hours?.index ?? 0,
          requirement: hours?.requirement ?? { kind: 'HOURS', minimum: 0 },
          reason: worst,
          credentials: [],
        });
      }
    }
    trial.reason = worst;
  }
  // Options of equal SKS from different rules are already in rule order; within a rule, set order.
  return { options, trials };
}

/** The nearest miss: the rule with the fewest unmet requirements, then the most fixable reason. */
function explainUnmet(trials: readonly RuleTrial[]): NotProposedReason {
  let best: RuleTrial | null = null;
  const misses = (trial: RuleTrial) =>
    trial.reason === 'COVERAGE_TOO_LOW' ? Number.POSITIVE_INFINITY : trial.unmet.length;
  for (const trial of trials)
    if (
      best === null ||
      misses(trial) < misses(best) ||
      (misses(trial) === misses(best) &&
        rank(trial.reason as NotProposedReason) < rank(best.reason as NotProposedReason))
    )
      best = trial;
  return best?.reason ?? 'NO_RULE';
}

type Item = { index: number; options: Option[]; optionSks: number[] };

/**
 * Search nodes one proposal may visit before it settles for the best selection found so far
 * (reported as not proven optimal). A safety net against pathological inputs, about a quarter of a
 * second on a 70-course programme: the bench's teachers need a few hundred nodes, the hardest mixes
 * of limits we tried (one course per credential, 120 credentials, the course limit binding) about
 * 15,000.
 */
const NODE_BUDGET = 50_000;
/** Subgradient steps tightening the Lagrangian bound at a component's root, and at a node it does not cut. */
const ROOT_STEPS = 60;
const NODE_STEPS = 4;

type Selection = {
  total: number;
  count: number;
  /** Per item, the chosen option's index in `item.options`, or -1. */
  choice: Int32Array;
  isProvenOptimal: boolean;
};

type SearchInput = {
  items: Item[];
  /** Positions in `items`, in course order. */
  members: number[];
  credentialCount: number;
  cap: number;
  maxCourses: number;
  perCredential: number;
  /** A known upper bound of the optimum (the uncoupled components' optima). */
  ceiling: number;
  budget: { nodes: number };
};

/**
 * The courses whose options share no credential, directly or through other courses, do not
 * interact except through the SKS cap and the course limit. Each group in course order.
 */
function findComponents(items: Item[], credentialCount: number, isLimited: boolean): number[][] {
  if (!isLimited) return items.map((_, i) => [i]);
  const parent = Int32Array.from({ length: credentialCount }, (_, c) => c);
  const root = (c: number): number => {
    while (parent[c] !== c) {
      parent[c] = parent[parent[c] as number] as number;
      c = parent[c] as number;
    }
    return c;
  };
  const anchor = new Int32Array(items.length).fill(-1);
  items.forEach((item, i) => {
    for (const option of item.options)
      for (const c of option.credentials) {
        const a = anchor[i] as number;
        if (a < 0) anchor[i] = c;
        else parent[root(c)] = root(a);
      }
  });
  const groups = new Map<number, number[]>();
  const lone: number[][] = [];
  items.forEach((_, i) => {
    const a = anchor[i] as number;
    if (a < 0) {
      lone.push([i]);
      return;
    }
    const key = root(a);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values(), ...lone];
}

/**
 * Branch and bound over the members in course order, options before skipping, so the first
 * selection reaching a total is the preferred one among equals; a branch is cut when even its
 * optimistic bound cannot beat the best total found. The bound relaxes the per-credential limit
 * with one Lagrange multiplier per credential (tightened by subgradient steps), drops what cannot
 * fit the cap or the course limit, and rounds down to a total the remaining SKS can make.
 */
function searchSelection(input: SearchInput): Selection {
  const { items, members, cap, maxCourses, perCredential, budget } = input;
  const m = members.length;
  const isLimited = Number.isFinite(perCredential);
  const hasCap = Number.isFinite(cap);
  const limitsCourses = Number.isFinite(maxCourses);

  // Options, flattened. An option is dominated by an earlier one of the same course using a subset
  // of its credentials with as many SKS (more SKS only when no cap could make them not fit): the
  // earlier one is preferred wherever the later one would do.
  const first = new Int32Array(m + 1);
  const sksOf: number[] = [];
  const originOf: number[] = [];
  const credFirst: number[] = [0];
  const creds: number[] = [];
  const inComponent = new Uint8Array(input.credentialCount);
  for (let p = 0; p < m; p++) {
    const item = items[members[p] as number] as Item;
    first[p] = sksOf.length;
    item.options.forEach((option, o) => {
      const sks = item.optionSks[o] as number;
      for (let q = first[p] as number; q < sksOf.length; q++) {
        if (sksOf[q] !== sks && hasCap) continue;
        let isSubset = true;
        if (isLimited)
          for (let x = credFirst[q] as number; x < (credFirst[q + 1] as number) && isSubset; x++)
            isSubset = option.credentials.includes(creds[x] as number);
        if (isSubset) return;
      }
      sksOf.push(sks);
      originOf.push(o);
      for (const c of option.credentials) {
        creds.push(c);
        inComponent[c] = 1;
      }
      credFirst.push(creds.length);
    });
  }
  first[m] = sksOf.length;
  const componentCredentials: number[] = [];
  inComponent.forEach((flag, c) => {
    if (flag) componentCredentials.push(c);
  });
  const isIntegral = sksOf.every(Number.isInteger);
  const suffix = new Float64Array(m + 1);
  for (let p = m - 1; p >= 0; p--)
    suffix[p] =
      (suffix[p + 1] as number) + (first[p] === first[p + 1] ? 0 : (sksOf[first[p] as number] as number));

  // Totals the courses from p on can make, ignoring credentials: below[p][x] = the largest <= x.
  const below: Int32Array[] = [];
  if (hasCap && isIntegral && cap <= 10_000) {
    let reach = new Uint8Array(cap + 1);
    reach[0] = 1;
    const lattice = (row: Uint8Array) => {
      const out = new Int32Array(cap + 1);
      let last = 0;
      for (let x = 0; x <= cap; x++) {
        if (row[x]) last = x;
        out[x] = last;
      }
      return out;
    };
    below[m] = lattice(reach);
    for (let p = m - 1; p >= 0; p--) {
      const next = reach.slice();
      for (let q = first[p] as number; q < (first[p + 1] as number); q++) {
        const sks = sksOf[q] as number;
        for (let x = cap - sks; x >= 0; x--) if (reach[x]) next[x + sks] = 1;
      }
      reach = next;
      below[p] = lattice(reach);
    }
  }

  const usage = new Int32Array(input.credentialCount);
  const fits = (q: number) => {
    if (!isLimited) return true;
    for (let x = credFirst[q] as number; x < (credFirst[q + 1] as number); x++)
      if ((usage[creds[x] as number] as number) >= perCredential) return false;
    return true;
  };
  const use = (q: number, delta: number) => {
    for (let x = credFirst[q] as number; x < (credFirst[q + 1] as number); x++) {
      const c = creds[x] as number;
      usage[c] = (usage[c] as number) + delta;
    }
  };

  // A greedy start: the better of taking courses in order at their first fitting option, and taking
  // options by SKS per credential they use. Its total less one seeds the search, so the search still
  // finds the preferred selection of that total.
  const greedy = (order: number[]) => {
    const picked = new Int32Array(m).fill(-1);
    let total = 0;
    let count = 0;
    for (const q of order) {
      const p = ownerOf[q] as number;
      if (picked[p] !== -1 || count >= maxCourses || total + (sksOf[q] as number) > cap || !fits(q)) continue;
      picked[p] = q;
      total += sksOf[q] as number;
      count++;
      use(q, 1);
    }
    usage.fill(0);
    return { total, count, picked };
  };
  const ownerOf = new Int32Array(sksOf.length);
  for (let p = 0; p < m; p++)
    for (let q = first[p] as number; q < (first[p + 1] as number); q++) ownerOf[q] = p;
  const inOrder = Array.from({ length: sksOf.length }, (_, q) => q);
  const weight = (q: number) =>
    (sksOf[q] as number) / Math.max(1, (credFirst[q + 1] as number) - (credFirst[q] as number));
  let start = greedy(inOrder);
  if (isLimited) {
    const byRatio = greedy([...inOrder].sort((a, b) => weight(b) - weight(a) || a - b));
    if (byRatio.total > start.total) start = byRatio;
  }

  // Lagrangian bound: for multipliers lambda >= 0, total + sum over credentials of lambda times the
  // courses it may still support + per later course its best option's SKS less the multipliers of
  // the credentials it uses (or nothing), the best (maxCourses - count) of those.
  const lambda = new Float64Array(input.credentialCount);
  const value = new Float64Array(m);
  const argument = new Int32Array(m);
  const top = new Float64Array(m);
  const gradient = new Float64Array(input.credentialCount);
  const saved = new Float64Array(input.credentialCount);
  const evaluate = (from: number, total: number, count: number): number => {
    let bound = total;
    if (isLimited)
      for (const c of componentCredentials)
        bound += (perCredential - (usage[c] as number)) * (lambda[c] as number);
    const left = cap - total;
    let positive = 0;
    for (let p = from; p < m; p++) {
      let most = 0;
      let arg = -1;
      for (let q = first[p] as number; q < (first[p + 1] as number); q++) {
        const sks = sksOf[q] as number;
        if (sks <= most || sks > left || !fits(q)) continue;
        let reduced = sks;
        if (isLimited)
          for (let x = credFirst[q] as number; x < (credFirst[q + 1] as number); x++)
            reduced -= lambda[creds[x] as number] as number;
        if (reduced > most) {
          most = reduced;
          arg = q;
        }
      }
      value[p] = most;
      argument[p] = arg;
      if (arg >= 0) top[positive++] = most;
    }
    const slots = maxCourses - count;
    if (limitsCourses && positive > slots) {
      const sorted = top.subarray(0, positive).sort();
      const threshold = sorted[positive - slots] as number;
      let ties = 0;
      for (let i = positive - slots; i < positive && sorted[i] === threshold; i++) ties++;
      for (let p = from; p < m; p++) {
        if ((argument[p] as number) < 0) continue;
        const v = value[p] as number;
        if (v > threshold || (v === threshold && ties-- > 0)) bound += v;
        else argument[p] = -1;
      }
    } else for (let p = from; p < m; p++) if ((argument[p] as number) >= 0) bound += value[p] as number;
    return bound;
  };
  /**
   * Lowers the bound by subgradient steps on lambda until it falls below the target (a bound below
   * it cuts); returns the lowest bound seen, lambda left at it.
   */
  const tighten = (
    from: number,
    total: number,
    count: number,
    steps: number,
    target: () => number,
    onStep?: () => void,
  ): number => {
    let bound = evaluate(from, total, count);
    if (!isLimited) return bound;
    let lowest = bound;
    for (const c of componentCredentials) saved[c] = lambda[c] as number;
    let theta = 1;
    for (let step = 0; step < steps && lowest >= target(); step++) {
      for (const c of componentCredentials) gradient[c] = perCredential - (usage[c] as number);
      for (let p = from; p < m; p++) {
        const q = argument[p] as number;
        if (q < 0) continue;
        for (let x = credFirst[q] as number; x < (credFirst[q + 1] as number); x++) {
          const c = creds[x] as number;
          gradient[c] = (gradient[c] as number) - 1;
        }
      }
      let norm = 0;
      for (const c of componentCredentials) {
        const g = gradient[c] as number;
        if (g > 0 && (lambda[c] as number) <= 0) gradient[c] = 0;
        else norm += g * g;
      }
      if (norm === 0) break;
      const size = (theta * (bound - target() + 0.5)) / norm;
      for (const c of componentCredentials)
        lambda[c] = Math.max(0, (lambda[c] as number) - size * (gradient[c] as number));
      onStep?.();
      bound = evaluate(from, total, count);
      if (bound < lowest - 1e-9) {
        lowest = bound;
        for (const c of componentCredentials) saved[c] = lambda[c] as number;
      } else theta /= 2;
    }
    for (const c of componentCredentials) lambda[c] = saved[c] as number;
    return lowest;
  };

  // The multipliers also price the credentials for a better start: options by SKS less the price of
  // their credentials (the Lagrangian heuristic), at every step of the root's tightening.
  const reduced = new Float64Array(sksOf.length);
  const byReduced = inOrder.slice();
  /** A bound below this proves no total above `than` can be reached. */
  const cutsAbove = (than: number) => (isIntegral ? than + 1 : than);
  const rootBound = tighten(
    0,
    0,
    0,
    ROOT_STEPS,
    () => cutsAbove(start.total),
    () => {
      for (let q = 0; q < sksOf.length; q++) {
        let value = sksOf[q] as number;
        for (let x = credFirst[q] as number; x < (credFirst[q + 1] as number); x++)
          value -= lambda[creds[x] as number] as number;
        reduced[q] = value;
      }
      byReduced.sort((a, b) => (reduced[b] as number) - (reduced[a] as number) || a - b);
      const found = greedy(byReduced);
      if (found.total > start.total) start = found;
    },
  );
  const ceiling = Math.min(input.ceiling, isIntegral ? Math.floor(rootBound + 1e-7) : rootBound);
  let best = start.total - 1;
  let bestPicked: Int32Array | null = null;
  const picked = new Int32Array(m).fill(-1);
  let isAborted = false;
  const cutsAboveBest = () => cutsAbove(best);
  /** The optimistic total from p on, as an integer when every SKS is one. */
  const bound = (p: number, total: number, count: number, steps: number) => {
    let most = Math.min(cap, ceiling, tighten(p, total, count, steps, cutsAboveBest));
    if (isIntegral) most = Math.floor(most + 1e-7);
    const row = below[p];
    if (row !== undefined) most = total + (row[Math.max(0, Math.min(cap - total, most - total))] as number);
    return most;
  };
  const walk = (p: number, total: number, count: number) => {
    if (budget.nodes <= 0) {
      isAborted = true;
      return;
    }
    budget.nodes--;
    if (p === m || count === maxCourses) {
      if (total > best) {
        best = total;
        bestPicked = picked.slice();
      }
      return;
    }
    if (Math.min(cap, ceiling, total + (suffix[p] as number)) <= best) return;
    if (bound(p, total, count, NODE_STEPS) <= best) return;
    for (let q = first[p] as number; q < (first[p + 1] as number); q++) {
      const sks = sksOf[q] as number;
      if (total + sks > cap || !fits(q)) continue;
      use(q, 1);
      picked[p] = q;
      walk(p + 1, total + sks, count + 1);
      picked[p] = -1;
      use(q, -1);
      if (isAborted) return;
    }
    walk(p + 1, total, count);
  };
  walk(0, 0, 0);

  const chosen: Int32Array = bestPicked ?? start.picked;
  const choice = new Int32Array(items.length).fill(-1);
  let total = 0;
  let count = 0;
  for (let p = 0; p < m; p++) {
    const q = chosen[p] as number;
    if (q < 0) continue;
    choice[members[p] as number] = originOf[q] as number;
    total += sksOf[q] as number;
    count++;
  }
  return { total, count, choice, isProvenOptimal: !isAborted };
}

/**
 * Whether the optimum without the cap and the course limit certainly breaks one of them: a greedy
 * selection (a lower bound of it) already exceeds the cap, or more SKS than the largest courses
 * allowed could give. Then solving the groups apart first would be wasted.
 */
function surelyBinds({
  items,
  credentialCount,
  cap,
  maxCourses,
  perCredential,
}: {
  items: Item[];
  credentialCount: number;
  cap: number;
  maxCourses: number;
  perCredential: number;
}): boolean {
  const usage = new Int32Array(credentialCount);
  let total = 0;
  for (const item of items)
    for (let o = 0; o < item.options.length; o++) {
      const option = item.options[o] as Option;
      if (option.credentials.some((c) => (usage[c] as number) >= perCredential)) continue;
      for (const c of option.credentials) usage[c] = (usage[c] as number) + 1;
      total += item.optionSks[o] as number;
      break;
    }
  if (total > cap) return true;
  if (!Number.isFinite(maxCourses)) return false;
  const largest = items.map((item) => item.optionSks[0] as number).sort((a, b) => b - a);
  let most = 0;
  for (let i = 0; i < Math.min(maxCourses, largest.length); i++) most += largest[i] as number;
  return total > most;
}

/**
 * The best selection: each group of interacting courses on its own, and where their optima
 * together exceed the cap or the course limit, all courses at once (the groups' optima bound it).
 */
function solve({
  items,
  credentialCount,
  cap,
  maxCourses,
  perCredential,
}: {
  items: Item[];
  credentialCount: number;
  cap: number;
  maxCourses: number;
  perCredential: number;
}): Selection {
  const budget = { nodes: NODE_BUDGET };
  const shared = { items, credentialCount, perCredential, budget };
  const everything = items.map((_, i) => i);
  if (surelyBinds({ items, credentialCount, cap, maxCourses, perCredential }))
    return searchSelection({
      ...shared,
      members: everything,
      cap,
      maxCourses,
      ceiling: Number.POSITIVE_INFINITY,
    });
  const choice = new Int32Array(items.length).fill(-1);
  let total = 0;
  let count = 0;
  let isProvenOptimal = true;
  // Without the cap and the course limit the groups are independent, and the preferred optimum of
  // all is the preferred optima of the groups together; if that fits both, it is the answer.
  for (const members of findComponents(items, credentialCount, Number.isFinite(perCredential))) {
    const only = members[0] as number;
    if (members.length === 1 && perCredential >= 1) {
      // A course alone takes its first option, the largest.
      choice[only] = 0;
      total += (items[only] as Item).optionSks[0] as number;
      count++;
      continue;
    }
    const part = searchSelection({
      ...shared,
      members,
      cap: Number.POSITIVE_INFINITY,
      maxCourses: Number.POSITIVE_INFINITY,
      ceiling: Number.POSITIVE_INFINITY,
    });
    for (const i of members) choice[i] = part.choice[i] as number;
    total += part.total;
    count += part.count;
    isProvenOptimal &&= part.isProvenOptimal;
  }
  if (total <= cap && count <= maxCourses) return { total, count, choice, isProvenOptimal };
  const coupled = searchSelection({
    ...shared,
    members: everything,
    cap,
    maxCourses,
    ceiling: isProvenOptimal ? total : Number.POSITIVE_INFINITY,
  });
  return coupled;
}

/**
 * Compiles what does not depend on the teacher once (eligibility, the cap, courses in order with
 * their rules and coverage) and returns the proposal function: for mass estimates, one estimator
 * per programme and intake.
 */
export function createRecognitionEstimator(
  context: RecognitionContext,
): (credentials: readonly RplCredential[]) => RecognitionProposal {
  const { regulation, programme, intake } = context;
  const cutoff = intake.cutoffDate;
  const ineligible = checkEligibility(regulation, programme, cutoff);
  if (ineligible.length > 0)
    return () => ({ kind: 'ineligible', reasons: ineligible.map((reason) => ({ ...reason })) });
  const { courses, requirementCount } = compileCourses(context);
  const { capSks, capSource } = findSksCap(regulation, programme);
  const maxCourses = regulation.maxCourses.value;
  const perCredential = regulation.maxCoursesPerCredential.value;
  const isLimited = perCredential !== null;

  return (held) => {
    const holdings = indexHoldings(held, regulation, cutoff, requirementCount);
    const items: Item[] = [];
    const explained: (NotProposedCourse | null)[] = [];
    const trialsOf: RuleTrial[][] = [];
    courses.forEach((compiled, index) => {
      const { course } = compiled;
      const base = { courseId: course.id, courseCode: course.code, semester: course.semester };
      trialsOf.push([]);
      if (compiled.excluded) {
        explained.push({
          ...base,
          reason: 'COURSE_KIND_EXCLUDED',
          rules: [],
          source: regulation.excludedCourseKinds.source,
        });
        return;
      }
      if (compiled.rules.length === 0) {
        explained.push({ ...base, reason: 'NO_RULE', rules: [] });
        return;
      }
      const { options, trials } = tryRules(compiled, holdings, isLimited);
      trialsOf[index] = trials;
      if (options.length === 0) {
        explained.push({ ...base, reason: explainUnmet(trials), rules: trials });
        return;
      }
      explained.push(null);
      items.push({ index, options, optionSks: options.map((option) => option.rule.sks) });
    });

    const { total, choice, isProvenOptimal } = solve({
      items,
      credentialCount: holdings.credentials.length,
      cap: capSks ?? Number.POSITIVE_INFINITY,
      maxCourses: maxCourses ?? Number.POSITIVE_INFINITY,
      perCredential: perCredential ?? Number.POSITIVE_INFINITY,
    });

    const usage = new Int32Array(holdings.credentials.length);
    const chosen = new Map<number, Option>();
    items.forEach((item, i) => {
      const o = choice[i] as number;
      if (o < 0) return;
      const option = item.options[o] as Option;
      chosen.set(item.index, option);
      for (const c of option.credentials) usage[c] = (usage[c] as number) + 1;
    });
    const left = capSks === null ? Number.POSITIVE_INFINITY : capSks - total;
    for (const item of items) {
      if (chosen.has(item.index)) continue;
      const { course } = courses[item.index] as CompiledCourse;
      const base = { courseId: course.id, courseCode: course.code, semester: course.semester };
      const rules = trialsOf[item.index] as RuleTrial[];
      const fitting = item.options.filter((option) => option.rule.sks <= left);
      if (fitting.length === 0) {
        explained[item.index] = { ...base, reason: 'CAP_REACHED', rules, source: capSource?.source ?? null };
      } else if (maxCourses !== null && chosen.size >= maxCourses) {
        explained[item.index] = {
          ...base,
          reason: 'MAX_COURSES_REACHED',
          rules,
          source: regulation.maxCourses.source,
        };
      } else {
        const exhausted = new Set<string>();
        for (const option of fitting)
          for (const c of option.credentials)
            if ((usage[c] as number) >= (perCredential ?? Number.POSITIVE_INFINITY))
              exhausted.add((holdings.credentials[c] as RplCredential).id);
        explained[item.index] = {
          ...base,
          reason: 'CREDENTIAL_LIMIT',
          rules,
          exhaustedCredentialIds: [...exhausted].sort(compareText),
          source: regulation.maxCoursesPerCredential.source,
        };
      }
    }

    const proposed: ProposedCourse[] = [];
    const notProposed: NotProposedCourse[] = [];
    const used = new Set<number>();
    courses.forEach(({ course }, index) => {
      const option = chosen.get(index);
      if (option) {
        for (const c of option.credentials) used.add(c);
        proposed.push({
          courseId: course.id,
          courseCode: course.code,
          semester: course.semester,
          sks: option.rule.sks,
          ruleId: option.rule.rule.id,
          ruleVersion: option.rule.rule.version,
          credentialIds: option.credentials.map((c) => (holdings.credentials[c] as RplCredential).id),
          coverage: option.rule.coverage,
        });
      } else notProposed.push(explained[index] as NotProposedCourse);
    });
    let hoursUsed = 0;
    for (const c of used) hoursUsed += (holdings.credentials[c] as RplCredential).hours;
    return {
      kind: 'proposal',
      totalSks: total,
      capSks,
      capSource,
      courseCount: proposed.length,
      isProvenOptimal,
      proposed,
      notProposed,
      hoursUsed,
    };
  };
}

/** The proposal for one teacher; for many teachers against one programme, use an estimator. */
export function proposeRecognition(input: RecognitionInput): RecognitionProposal {
  return createRecognitionEstimator(input)(input.credentials);
}

/** A hypothetical addition: an open training's achievement, a pathway award. */
export type RecognitionCandidate = { key: string; credential: RplCredential };

export type RecognitionGain = {
  key: string;
  /** SKS the proposal would gain with this credential added (0 when none). */
  gainSks: number;
  /** Courses proposed with it that are not proposed without it. */
  addedCourseIds: string[];
  /** Courses proposed without it that the optimum gives up for better ones (the cap or a limit). */
  removedCourseIds: string[];
};

/**
 * "What would add more": for each hypothetical credential, the SKS it would add to the teacher's
 * proposal and which courses change; largest gain first, then by key.
 */
export function findRecognitionGains(
  input: RecognitionContext & {
    credentials: readonly RplCredential[];
    candidates: readonly RecognitionCandidate[];
  },
): RecognitionGain[] {
  const estimate = createRecognitionEstimator(input);
  const base = estimate(input.credentials);
  if (base.kind === 'ineligible')
    return input.candidates
      .map(({ key }) => ({ key, gainSks: 0, addedCourseIds: [], removedCourseIds: [] }))
      .sort((a, b) => compareText(a.key, b.key));
  const before = new Set(base.proposed.map((course) => course.courseId));
  return input.candidates
    .map(({ key, credential }): RecognitionGain => {
      const next = estimate([...input.credentials, credential]);
      if (next.kind === 'ineligible') return { key, gainSks: 0, addedCourseIds: [], removedCourseIds: [] };
      const after = new Set(next.proposed.map((course) => course.courseId));
      return {
        key,
        gainSks: next.totalSks - base.totalSks,
        addedCourseIds: next.proposed.filter((c) => !before.has(c.courseId)).map((c) => c.courseId),
        removedCourseIds: base.proposed.filter((c) => !after.has(c.courseId)).map((c) => c.courseId),
      };
    })
    .sort((a, b) => b.gainSks - a.gainSks || compareText(a.key, b.key));
}
