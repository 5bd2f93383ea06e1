import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeRecognition } from '#rpl/engine.ts';
import { intake, regulationWith } from '#rpl/fixtures.ts';
import type {
  Course,
  EquivalenceRule,
  RegulationLimits,
  RplCredential,
  RuleRequirement,
  StudyProgramme,
} from '#rpl/types.ts';

// Random small instances against a brute force written from the rule semantics alone: every
// credential set one pick per requirement can make, every choice of option or nothing per course.

const achievements = ['X1', 'X2', 'X3'];
const units = ['U1', 'U2'];
const cutoff = intake.cutoffDate;

const credentialArb = (id: string): fc.Arbitrary<RplCredential> =>
  fc.record({
    id: fc.constant(id),
    achievementCode: fc.option(fc.constantFrom(...achievements), { nil: null, freq: 8 }),
    pathwayCode: fc.option(fc.constant('P1'), { nil: null, freq: 4 }),
    issuedOn: fc.constantFrom(
      '2019-01-01',
      '2022-05-05',
      '2023-02-01',
      '2024-09-09',
      '2025-06-30',
      '2025-07-01',
    ),
    validUntil: fc.constantFrom(null, null, null, '2025-06-29', '2025-06-30'),
    revokedOn: fc.constantFrom(null, null, null, null, null, '2025-01-01'),
    suspendedOn: fc.constantFrom(null, null, null, '2025-08-01'),
    hours: fc.integer({ min: 0, max: 40 }),
    units: fc
      .subarray(units)
      .chain((codes) =>
        fc.tuple(
          ...codes.map((unitCode) =>
            fc
              .constantFrom('K' as const, 'K' as const, 'BK' as const)
              .map((result) => ({ unitCode, result })),
          ),
        ),
      ),
    outcomeCodes: fc.subarray(['LO1', 'LO2']),
  });

const requirementArb: fc.Arbitrary<RuleRequirement> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .constantFrom(...achievements)
      .map((achievementCode) => ({ kind: 'ACHIEVEMENT' as const, achievementCode })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...units).map((unitCode) => ({ kind: 'SKKNI_UNIT' as const, unitCode })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'PATHWAY' as const, pathwayCode: 'P1' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...achievements), fc.constantFrom('LO1', 'LO2'))
      .map(([achievementCode, outcomeCode]) => ({
        kind: 'LEARNING_OUTCOME' as const,
        achievementCode,
        outcomeCode,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 10, max: 60 }).map((minimum) => ({ kind: 'HOURS' as const, minimum })),
  },
);

const instanceArb = fc
  .record({
    courses: fc.array(
      fc.record({
        sks: fc.integer({ min: 1, max: 4 }),
        semester: fc.integer({ min: 1, max: 3 }),
        kind: fc.constantFrom(
          'REGULAR' as const,
          'REGULAR' as const,
          'REGULAR' as const,
          'FINAL_PROJECT' as const,
        ),
        rules: fc.array(
          fc.record({
            requirements: fc.array(requirementArb, { minLength: 1, maxLength: 2 }),
            covers: fc.constantFrom(['1', '2'], ['1', '2'], ['1'], ['2']),
            coverage: fc.constantFrom(
              { kind: 'ALL' as const },
              { kind: 'MIN' as const, minimum: 0.5 },
              { kind: 'DEFAULT' as const },
            ),
            sks: fc.integer({ min: 1, max: 4 }),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    credentialCount: fc.integer({ min: 0, max: 5 }),
    limits: fc.record({
      maxShareOfProgramme: fc.constantFrom(null, 0.3, 0.5, 0.7),
      maxSks: fc.constantFrom(null, null, 4, 7, 10),
      maxCourses: fc.constantFrom(null, null, 1, 2, 3),
      maxCoursesPerCredential: fc.constantFrom(null, 1, 2),
      recencyYears: fc.constantFrom(null, 5),
      requireValidAtCutoff: fc.boolean(),
      defaultMinCoverage: fc.constantFrom(0.5, 1),
      minSemestersRemaining: fc.constantFrom(null, null, 1),
    }),
    totalSks: fc.integer({ min: 4, max: 20 }),
  })
  .chain((shape) =>
    fc
      .tuple(...Array.from({ length: shape.credentialCount }, (_, i) => credentialArb(`c${i}`)))
      .map((credentials) => {
        const courses: Course[] = shape.courses.map((c, i) => ({
          id: `course-${i}`,
          code: `K${i % 3}${i}`,
          sks: c.sks,
          semester: c.semester,
          kind: c.kind,
          outcomes: [
            { code: `K${i}-1`, weight: 1 },
            { code: `K${i}-2`, weight: 2 },
          ],
        }));
        const rules: EquivalenceRule[] = shape.courses.flatMap((c, i) =>
          c.rules.map((r, j) => ({
            id: `rule-${i}-${j}`,
            version: 1,
            code: `R${i}${j}`,
            courseId: `course-${i}`,
            requirements: r.requirements,
            coveredOutcomes: r.covers.map((n) => `K${i}-${n}`),
            coverage: r.coverage,
            sks: r.sks,
          })),
        );
        const programme: StudyProgramme = {
          id: 'p',
          degree: 'S1',
          accreditation: 'UNGGUL',
          accreditationExpiresOn: null,
          totalSks: shape.totalSks,
          semesters: 4,
          rplOffered: true,
          courses,
        };
        return { programme, rules, credentials, limits: shape.limits as RegulationLimits };
      }),
  );

type Instance = {
  programme: StudyProgramme;
  rules: EquivalenceRule[];
  credentials: RplCredential[];
  limits: RegulationLimits;
};

function isUsable(c: RplCredential, limits: RegulationLimits): boolean {
  if (c.issuedOn > cutoff) return false;
  if (limits.recencyYears != null) {
    const oldest = `${Number(cutoff.slice(0, 4)) - limits.recencyYears}${cutoff.slice(4)}`;
    if (c.issuedOn < oldest) return false;
  }
  if (limits.requireValidAtCutoff) {
    if (c.revokedOn !== null && c.revokedOn <= cutoff) return false;
    if (c.suspendedOn !== null && c.suspendedOn <= cutoff) return false;
    if (c.validUntil !== null && c.validUntil < cutoff) return false;
  }
  return true;
}

function meets(requirement: RuleRequirement, c: RplCredential): boolean {
  switch (requirement.kind) {
    case 'ACHIEVEMENT':
      return c.achievementCode === requirement.achievementCode;
    case 'PATHWAY':
      return c.pathwayCode === requirement.pathwayCode;
    case 'SKKNI_UNIT':
      return c.units.some((u) => u.unitCode === requirement.unitCode && u.result === 'K');
    case 'LEARNING_OUTCOME':
      return (
        c.achievementCode === requirement.achievementCode && c.outcomeCodes.includes(requirement.outcomeCode)
      );
    case 'HOURS':
      return false;
  }
}

type BruteOption = { courseId: string; ruleId: string; sks: number; set: string[] };

/** Per course, every (SKS, credential set) a rule allows. */
function optionsOf(instance: Instance): BruteOption[][] {
  const { programme, rules, credentials, limits } = instance;
  const usable = credentials.filter((c) => isUsable(c, limits));
  const cap = (c: Course) => c.kind === 'FINAL_PROJECT';
  return programme.courses.map((course) => {
    if (cap(course)) return [];
    const options: BruteOption[] = [];
    for (const rule of rules.filter((r) => r.courseId === course.id)) {
      const total = course.outcomes.reduce((s, o) => s + o.weight, 0);
      const covered = course.outcomes
        .filter((o) => rule.coveredOutcomes.includes(o.code))
        .reduce((s, o) => s + o.weight, 0);
      const needed =
        rule.coverage.kind === 'ALL'
          ? 1
          : rule.coverage.kind === 'MIN'
            ? rule.coverage.minimum
            : (limits.defaultMinCoverage ?? 1);
      if (covered / total + 1e-9 < needed) continue;
      const evidence = rule.requirements.filter((r) => r.kind !== 'HOURS');
      const hours = Math.max(0, ...rule.requirements.map((r) => (r.kind === 'HOURS' ? r.minimum : 0)));
      if (evidence.length === 0) continue;
      const picks = (i: number): RplCredential[][] =>
        i === evidence.length
          ? [[]]
          : usable
              .filter((c) => meets(evidence[i] as RuleRequirement, c))
              .flatMap((c) => picks(i + 1).map((rest) => [c, ...rest]));
      for (const pick of picks(0)) {
        const set = [...new Set(pick)];
        if (set.reduce((s, c) => s + c.hours, 0) < hours) continue;
        options.push({
          courseId: course.id,
          ruleId: rule.id,
          sks: Math.min(rule.sks, course.sks),
          set: set.map((c) => c.id).sort(compareText),
        });
      }
    }
    return options;
  });
}

function capOf(instance: Instance): number {
  const { totalSks, semesters } = instance.programme;
  const { maxShareOfProgramme, maxSks, minSemestersRemaining } = instance.limits;
  return Math.min(
    maxShareOfProgramme == null ? Infinity : Math.floor(maxShareOfProgramme * totalSks + 1e-9),
    maxSks ?? Infinity,
    minSemestersRemaining == null
      ? Infinity
      : totalSks - minSemestersRemaining * Math.ceil(totalSks / semesters),
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The optimum and the selection the documented tie-breaking prefers: courses in (semester, code,
 * id) order, options by SKS descending, rule code, version descending, rule id, then fewer
 * credentials and the sorted ids; the first selection reaching the best total, trying each course's
 * options before leaving it out.
 */
function bruteForce(instance: Instance): { total: number; selection: [string, string, string[]][] } {
  const courseOrder = [...instance.programme.courses].sort(
    (a, b) => a.semester - b.semester || compareText(a.code, b.code) || compareText(a.id, b.id),
  );
  const byId = new Map(instance.rules.map((rule) => [rule.id, rule]));
  const all = optionsOf(instance);
  const perCourse = courseOrder.map((course) =>
    (all[instance.programme.courses.indexOf(course)] as BruteOption[]).slice().sort((a, b) => {
      const ra = byId.get(a.ruleId) as EquivalenceRule;
      const rb = byId.get(b.ruleId) as EquivalenceRule;
      if (a.sks !== b.sks) return b.sks - a.sks;
      const byRule = compareText(ra.code, rb.code) || rb.version - ra.version || compareText(ra.id, rb.id);
      if (byRule !== 0) return byRule;
      if (a.set.length !== b.set.length) return a.set.length - b.set.length;
      for (let i = 0; i < a.set.length; i++) {
        const order = compareText(a.set[i] as string, b.set[i] as string);
        if (order !== 0) return order;
      }
      return 0;
    }),
  );
  const cap = capOf(instance);
  const maxCourses = instance.limits.maxCourses ?? Infinity;
  const k = instance.limits.maxCoursesPerCredential ?? Infinity;
  let best = -1;
  let selection: BruteOption[] = [];
  const picked: BruteOption[] = [];
  const usage = new Map<string, number>();
  const walk = (i: number, total: number, count: number) => {
    if (total > cap || count > maxCourses) return;
    if (i === perCourse.length) {
      if (total > best) {
        best = total;
        selection = [...picked];
      }
      return;
    }
    for (const option of perCourse[i] as BruteOption[]) {
      if (option.set.some((id) => (usage.get(id) ?? 0) >= k)) continue;
      for (const id of option.set) usage.set(id, (usage.get(id) ?? 0) + 1);
      picked.push(option);
      walk(i + 1, total + option.sks, count + 1);
      picked.pop();
      for (const id of option.set) usage.set(id, (usage.get(id) ?? 0) - 1);
    }
    walk(i + 1, total, count);
  };
  walk(0, 0, 0);
  return { total: best, selection: selection.map((o) => [o.courseId, o.ruleId, o.set]) };
}

describe('proposeRecognition (property)', () => {
  it('reaches the brute-force optimum, breaks ties as documented and respects every limit', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const result = proposeRecognition({
          ...instance,
          regulation: regulationWith(instance.limits),
          intake,
        });
        if (result.kind !== 'proposal') throw new Error('expected a proposal');
        const expected = bruteForce(instance);
        expect(result.totalSks).toBe(expected.total);
        expect(
          result.proposed.map((c) => [c.courseId, c.ruleId, [...c.credentialIds].sort(compareText)]),
        ).toEqual(expected.selection);
        expect(result.totalSks).toBe(result.proposed.reduce((s, c) => s + c.sks, 0));
        expect(result.totalSks).toBeLessThanOrEqual(capOf(instance));
        expect(result.courseCount).toBeLessThanOrEqual(instance.limits.maxCourses ?? Infinity);
        const usage = new Map<string, number>();
        const options = optionsOf(instance).flat();
        for (const course of result.proposed) {
          for (const id of course.credentialIds) usage.set(id, (usage.get(id) ?? 0) + 1);
          // Each proposed course uses a (SKS, credential set) the brute force also allows.
          expect(
            options.some(
              (o) =>
                o.courseId === course.courseId &&
                o.sks === course.sks &&
                [...o.set].sort().join() === [...course.credentialIds].sort().join(),
            ),
          ).toBe(true);
        }
        for (const count of usage.values())
          expect(count).toBeLessThanOrEqual(instance.limits.maxCoursesPerCredential ?? Infinity);
        const ids = [...result.proposed, ...result.notProposed].map((c) => c.courseId).sort();
        expect(ids).toEqual(instance.programme.courses.map((c) => c.id).sort());
      }),
      { numRuns: Number(process.env.RPL_PROPERTY_RUNS ?? 2000), seed: 20250630 },
    );
  });

  it('gives the same proposal whatever order the credentials come in', () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const run = (credentials: RplCredential[]) =>
          proposeRecognition({
            ...instance,
            credentials,
            regulation: regulationWith(instance.limits),
            intake,
          });
        expect(run([...instance.credentials].reverse())).toEqual(run(instance.credentials));
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
