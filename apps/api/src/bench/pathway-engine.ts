import {
  createPathwayCompletionCheck,
  createPathwayEvaluator,
  type PathwayCredential,
  type PathwayItem,
  type PathwayNode,
  type PathwayVersion,
} from '@kmg/domain';

const TEACHERS = 100_000;
/** Skill areas (bidang keahlian), five pathways each. */
const AREAS = ['LAS', 'TKJ', 'TKR', 'TITL', 'AKL', 'KUL', 'TBSM', 'DKV', 'APHP', 'ATPH'];
const PATHWAYS_PER_AREA = 5;
const ACHIEVEMENTS_PER_AREA = 12;
const NOW = '2026-06-15';

/** Deterministic pseudo-random numbers (mulberry32), so every run evaluates the same data. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Achievement = {
  code: string;
  area: string;
  kkniLevel: number;
  hours: number;
  sksHundredths: number;
  units: string[];
};

function createCatalog(next: () => number): Achievement[] {
  return AREAS.flatMap((area) =>
    Array.from({ length: ACHIEVEMENTS_PER_AREA }, (_, k) => ({
      code: `${area}-${k + 1}`,
      area,
      kkniLevel: 2 + Math.floor(k / 3),
      hours: 16 + 8 * Math.floor(next() * 7),
      sksHundredths: [0, 50, 100, 200][Math.floor(next() * 4)] as number,
      units: [`${area}.U${(2 * k) % 20}`, `${area}.U${(2 * k + 1) % 20}`],
    })),
  );
}

/**
 * Five pathways per skill area: a core of two or three achievements in order, electives (at least
 * one or two of three: an achievement, an SKKNI unit, a skill area level), and a practice hours or
 * credit SKS group; one stacks on the area's first pathway, half count only the last five years,
 * one lets a credential fill several items.
 */
function createPathways(next: () => number): PathwayVersion[] {
  const pick = (count: number) =>
    Array.from({ length: count }, () => 1 + Math.floor(next() * ACHIEVEMENTS_PER_AREA));
  return AREAS.flatMap((area) =>
    Array.from({ length: PATHWAYS_PER_AREA }, (_, p): PathwayVersion => {
      const pathwayCode = `${area}-P${p + 1}`;
      const core: PathwayItem[] = [...new Set(pick(2 + (p % 2)))].map((k) => ({
        type: 'item',
        id: `${pathwayCode}-core-${k}`,
        match: { kind: 'achievement', code: `${area}-${k}` },
      }));
      if (p === 3)
        core.unshift({
          type: 'item',
          id: `${pathwayCode}-stack`,
          match: { kind: 'pathway', pathwayCode: `${area}-P1` },
        });
      const [elective] = pick(1);
      const electives: PathwayItem[] = [
        {
          type: 'item',
          id: `${pathwayCode}-el-code`,
          match: { kind: 'achievement', code: `${area}-${elective}` },
        },
        {
          type: 'item',
          id: `${pathwayCode}-el-unit`,
          match: { kind: 'skkniUnit', unitCode: `${area}.U${Math.floor(next() * 20)}` },
        },
        {
          type: 'item',
          id: `${pathwayCode}-el-level`,
          match: { kind: 'skillArea', skillAreaCode: area, minKkniLevel: 3 + (p % 2) },
        },
      ];
      const anyInArea: PathwayItem = {
        type: 'item',
        id: `${pathwayCode}-practice`,
        match: { kind: 'skillArea', skillAreaCode: area, minKkniLevel: 2 },
      };
      const summed: PathwayNode =
        p === 4
          ? {
              type: 'group',
              id: `${pathwayCode}-credit`,
              rule: { kind: 'sks', minHundredths: 150 },
              children: [anyInArea],
            }
          : {
              type: 'group',
              id: `${pathwayCode}-practice`,
              rule: { kind: 'hours', min: 40 + 20 * p },
              children: [anyInArea],
            };
      const coreIds = core.filter((item) => item.match.kind === 'achievement').map((item) => item.id);
      return {
        pathwayCode,
        version: 1,
        requirements: {
          type: 'group',
          id: `${pathwayCode}-root`,
          rule: { kind: 'all' },
          children: [
            { type: 'group', id: `${pathwayCode}-core`, rule: { kind: 'all' }, children: core },
            {
              type: 'group',
              id: `${pathwayCode}-electives`,
              rule: { kind: 'atLeast', count: 1 + (p % 2) },
              children: electives,
            },
            summed,
          ],
        },
        precedes: coreIds.slice(1).map((after, index) => ({ before: coreIds[index] as string, after })),
        recencyYears: p % 2 === 0 ? 5 : null,
        allowCredentialReuse: p === 2,
      };
    }),
  );
}

/**
 * A teacher holds one to nine credentials (five on average), three in four from their own skill
 * area; a few revoked, suspended or expired, a few units not yet competent, one in twenty a
 * pathway award. Ids are random, as a database hands them out.
 */
function createTeachers(catalog: readonly Achievement[], next: () => number): PathwayCredential[][] {
  const byArea = new Map(AREAS.map((area) => [area, catalog.filter((a) => a.area === area)]));
  const day = (from: number, to: number) =>
    new Date(Date.UTC(2017, 0, 1) + Math.floor(from + next() * (to - from)) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  return Array.from({ length: TEACHERS }, (_, teacher) => {
    const home = AREAS[Math.floor(next() * AREAS.length)] as string;
    return Array.from({ length: 1 + Math.floor(next() * 9) }, (): PathwayCredential => {
      const area = next() < 0.75 ? home : (AREAS[Math.floor(next() * AREAS.length)] as string);
      const pool = byArea.get(area) as Achievement[];
      const achievement = pool[Math.floor(next() * pool.length)] as Achievement;
      const awardedDate = day(0, 3_450);
      const isAward = next() < 0.05;
      return {
        id: `cred-${teacher}-${Math.floor(next() * 1e9).toString(36)}`,
        kind: isAward ? 'PATHWAY' : 'TRAINING',
        achievementId: isAward ? null : `ach-${achievement.code}-v1`,
        achievementCode: isAward ? null : achievement.code,
        achievementVersion: isAward ? null : 1,
        issuerId: 'org-kmg',
        skillAreaCode: achievement.area,
        kkniLevel: achievement.kkniLevel,
        units: isAward
          ? []
          : achievement.units.map((code) => ({
              code,
              decision: next() < 0.92 ? ('KOMPETEN' as const) : ('BELUM_KOMPETEN' as const),
            })),
        hours: achievement.hours,
        sksHundredths: achievement.sksHundredths,
        awardedDate,
        validUntil: next() < 0.2 ? day(2_000, 4_000) : null,
        isRevoked: next() < 0.02,
        isSuspended: next() < 0.01,
        pathwayCode: isAward ? `${area}-P1` : null,
      };
    });
  });
}

/** Median wall and CPU milliseconds of `repeats` runs (CPU time is what a busy machine cannot inflate). */
function time(run: () => void, repeats = 3): { wall: number; cpu: number } {
  const samples: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpu);
    samples.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
  }
  const median = <T>(values: T[], key: (value: T) => number) =>
    key(values.sort((a, b) => key(a) - key(b))[Math.floor(repeats / 2)] as T);
  return { wall: median(samples, (s) => s.wall), cpu: median(samples, (s) => s.cpu) };
}

/**
 * The pathway engine (`evaluatePathway` through one evaluator per pathway) for 100,000 teachers
 * against 50 pathways, against a plain loop asking whether each teacher holds every achievement
 * code a pathway names.
 */
export function runPathwayEngineBench() {
  const next = random(7);
  const catalog = createCatalog(next);
  const pathways = createPathways(next);
  const teachers = createTeachers(catalog, next);
  const credentials = teachers.reduce((sum, list) => sum + list.length, 0);
  const evaluations = teachers.length * pathways.length;

  // Who completes which pathway: what a publication's backfill and a country-wide run ask.
  const checks = pathways.map((version) => createPathwayCompletionCheck(version));
  let completing = 0;
  const mass = time(() => {
    completing = 0;
    for (const held of teachers) for (const completes of checks) if (completes(held, NOW)) completing++;
  });

  // The full explanation for every pair (what a teacher's own "Jalur" screen shows for theirs).
  const evaluators = pathways.map((version) => createPathwayEvaluator(version));
  let complete = 0;
  let withCredit = 0;
  const engine = time(() => {
    complete = 0;
    withCredit = 0;
    for (const held of teachers) {
      for (const evaluate of evaluators) {
        const result = evaluate(held, NOW);
        if (result.kind === 'complete') complete++;
        else if (result.assignment.length > 0) withCredit++;
      }
    }
  });

  const required = pathways.map((version) => {
    const codes: string[] = [];
    const walk = (node: PathwayNode) => {
      if (node.type === 'group') for (const child of node.children) walk(child);
      else if (node.match.kind === 'achievement') codes.push(node.match.code);
    };
    walk(version.requirements);
    return codes;
  });
  let holding = 0;
  const baseline = time(() => {
    holding = 0;
    for (const held of teachers) {
      const codes = new Set(held.map((credential) => credential.achievementCode));
      for (const names of required) if (names.every((code) => codes.has(code))) holding++;
    }
  });

  return {
    title: `Pathway engine: ${TEACHERS.toLocaleString('en')} teachers × ${pathways.length} pathways = ${evaluations.toLocaleString('en')} evaluations (${(credentials / teachers.length).toFixed(1)} credentials each on average), median of 3`,
    lines: [
      `completion check:         ${mass.wall.toFixed(0).padStart(6)} ms (CPU ${mass.cpu.toFixed(0)} ms)   ${completing} complete; target < 2000 ms`,
      `full explanation:         ${engine.wall.toFixed(0).padStart(6)} ms (CPU ${engine.cpu.toFixed(0)} ms)   ${complete} complete, ${withCredit} in progress with credit (every pair explained)`,
      `baseline (set inclusion): ${baseline.wall.toFixed(0).padStart(6)} ms (CPU ${baseline.cpu.toFixed(0)} ms)   ${holding} hold every achievement code named`,
      `ratio completion check / baseline: ${(mass.wall / baseline.wall).toFixed(1)} (CPU ${(mass.cpu / baseline.cpu).toFixed(1)}); full explanation / baseline: ${(engine.wall / baseline.wall).toFixed(1)}`,
    ],
  };
}
