// What the RPL engine reads, loaded from the database: a programme's curriculum in effect, its
// regulation profiles (national, university, programme), its equivalence rules in force on a date,
// and teachers' wallets in the engine's terms.
import type { OpenBadgeInput } from '@kmg/credentials';
import type { Prisma } from '@kmg/db';
import {
  type Accreditation,
  type Course,
  type EquivalenceRule,
  type LocalDate,
  localDateAt,
  type RegulationLimits,
  type RegulationProfile,
  type RplCredential,
  type RuleCoverage,
  type RuleRequirement,
  type StudyProgramme,
} from '@kmg/domain';
import type { Client } from '#credentials/config.ts';

const CREDENTIAL_TIME_ZONE = 'Asia/Jakarta';

/** A `date` column as the engine's local date. */
export function dateOnly(value: Date): LocalDate {
  return value.toISOString().slice(0, 10);
}

/** A local date as a `date` column value. */
export function toDateColumn(value: LocalDate): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

function dayOf(instant: Date | string): LocalDate {
  return localDateAt(new Date(instant), CREDENTIAL_TIME_ZONE);
}

export const engineCourseSelect = {
  id: true,
  code: true,
  nameId: true,
  nameEn: true,
  sks: true,
  semester: true,
  kind: true,
  position: true,
  outcomes: {
    select: { id: true, code: true, textId: true, textEn: true, weight: true, cplCodes: true },
    orderBy: { position: 'asc' },
  },
} satisfies Prisma.CourseSelect;

export type CourseRow = Prisma.CourseGetPayload<{ select: typeof engineCourseSelect }>;

/** The curriculum version in effect on a date (the newest that started by then, else the oldest). */
export async function currentCurriculum(client: Client, programmeId: string, onDate: LocalDate) {
  const inEffect = await client.curriculum.findFirst({
    where: { programmeId, effectiveFrom: { lte: toDateColumn(onDate) } },
    orderBy: { effectiveFrom: 'desc' },
    select: { id: true, version: true, effectiveFrom: true },
  });
  return (
    inEffect ??
    (await client.curriculum.findFirst({
      where: { programmeId },
      orderBy: { effectiveFrom: 'asc' },
      select: { id: true, version: true, effectiveFrom: true },
    }))
  );
}

export type LoadedProgramme = {
  programme: StudyProgramme;
  courses: CourseRow[];
  curriculum: { id: string; version: string } | null;
  universityId: string;
};

export async function loadProgrammeForEngine(
  client: Client,
  programmeId: string,
  onDate: LocalDate,
): Promise<LoadedProgramme | null> {
  const row = await client.studyProgramme.findUnique({
    where: { id: programmeId },
    select: {
      id: true,
      universityId: true,
      degree: true,
      accreditation: true,
      accreditationExpiresOn: true,
      totalSks: true,
      semesters: true,
      rplOffered: true,
    },
  });
  if (!row) return null;
  const curriculum = await currentCurriculum(client, programmeId, onDate);
  const courses = curriculum
    ? await client.course.findMany({
        where: { curriculumId: curriculum.id },
        select: engineCourseSelect,
        orderBy: [{ semester: 'asc' }, { code: 'asc' }],
      })
    : [];
  return {
    universityId: row.universityId,
    curriculum,
    courses,
    programme: {
      id: row.id,
      degree: row.degree,
      accreditation: (row.accreditation as Accreditation | null) ?? null,
      accreditationExpiresOn: row.accreditationExpiresOn ? dateOnly(row.accreditationExpiresOn) : null,
      totalSks: row.totalSks,
      semesters: row.semesters,
      rplOffered: row.rplOffered,
      courses: courses.map(toEngineCourse),
    },
  };
}

export function toEngineCourse(row: CourseRow): Course {
  return {
    id: row.id,
    code: row.code,
    sks: row.sks,
    semester: row.semester,
    kind: row.kind,
    outcomes: row.outcomes.map((outcome) => ({ code: outcome.code, weight: outcome.weight })),
  };
}

/** Every profile that may apply to a programme: national, its university's, its own. */
export async function loadRegulationProfiles(
  client: Client,
  { programmeId, universityId }: { programmeId: string; universityId: string },
): Promise<RegulationProfile[]> {
  const rows = await client.regulationProfile.findMany({
    where: {
      OR: [{ layer: 'NATIONAL' }, { layer: 'UNIVERSITY', universityId }, { layer: 'PROGRAMME', programmeId }],
    },
    orderBy: [{ layer: 'asc' }, { version: 'asc' }],
  });
  return rows.map(toRegulationProfile);
}

export function toRegulationProfile(row: {
  id: string;
  layer: RegulationProfile['layer'];
  version: number;
  citation: string;
  effectiveFrom: Date;
  effectiveTo: Date | null;
  limits: Prisma.JsonValue;
}): RegulationProfile {
  return {
    id: row.id,
    layer: row.layer,
    version: row.version,
    citation: row.citation,
    effectiveFrom: dateOnly(row.effectiveFrom),
    effectiveTo: row.effectiveTo ? dateOnly(row.effectiveTo) : null,
    limits: row.limits as RegulationLimits,
  };
}

export const ruleVersionSelect = {
  id: true,
  version: true,
  status: true,
  courseId: true,
  requirements: true,
  coveredOutcomes: true,
  coverage: true,
  sks: true,
  effectiveFrom: true,
  effectiveTo: true,
  rule: { select: { id: true, code: true } },
} satisfies Prisma.EquivalenceRuleVersionSelect;

type RuleVersionRow = Prisma.EquivalenceRuleVersionGetPayload<{ select: typeof ruleVersionSelect }>;

export function toEquivalenceRule(row: RuleVersionRow): EquivalenceRule {
  return {
    id: row.id,
    version: row.version,
    code: row.rule.code,
    courseId: row.courseId,
    requirements: row.requirements as RuleRequirement[],
    coveredOutcomes: row.coveredOutcomes,
    coverage: row.coverage as RuleCoverage,
    sks: row.sks,
  };
}

/**
 * The rule versions in force on a date: approved (a retired one no longer proposes), started, not
 * ended, for courses of the given curriculum.
 */
export function rulesInForceWhere(
  programmeId: string,
  onDate: LocalDate,
  curriculumId: string | null,
): Prisma.EquivalenceRuleVersionWhereInput {
  const day = toDateColumn(onDate);
  return {
    status: 'APPROVED',
    rule: { programmeId },
    ...(curriculumId ? { course: { curriculumId } } : { id: { in: [] } }),
    effectiveFrom: { lte: day },
    OR: [{ effectiveTo: null }, { effectiveTo: { gte: day } }],
  };
}

export async function loadRulesInForce(
  client: Client,
  programmeId: string,
  onDate: LocalDate,
  curriculumId: string | null,
): Promise<EquivalenceRule[]> {
  const rows = await client.equivalenceRuleVersion.findMany({
    where: rulesInForceWhere(programmeId, onDate, curriculumId),
    select: ruleVersionSelect,
    orderBy: { id: 'asc' },
  });
  return rows.map(toEquivalenceRule);
}

const rplCredentialSelect = {
  id: true,
  kind: true,
  teacherId: true,
  validFrom: true,
  validUntil: true,
  revokedAt: true,
  suspendedAt: true,
  source: true,
  achievement: { select: { code: true, learningOutcomes: { select: { code: true } } } },
  pathwayVersion: { select: { pathway: { select: { code: true } } } },
} satisfies Prisma.CredentialSelect;

type RplCredentialRow = Prisma.CredentialGetPayload<{ select: typeof rplCredentialSelect }>;

/** A KMG credential in the RPL engine's terms. */
export function toRplCredential(row: RplCredentialRow): RplCredential {
  const source = row.source as unknown as OpenBadgeInput;
  const achievement = source.achievement;
  return {
    id: row.id,
    achievementCode: row.kind === 'PATHWAY' ? null : (row.achievement?.code ?? null),
    pathwayCode: row.pathwayVersion?.pathway.code ?? null,
    issuedOn: dayOf(source.awardedDate ?? row.validFrom),
    validUntil: row.validUntil ? dayOf(new Date(row.validUntil.getTime() - 1)) : null,
    revokedOn: row.revokedAt ? dayOf(row.revokedAt) : null,
    suspendedOn: row.suspendedAt ? dayOf(row.suspendedAt) : null,
    // A pathway award's hours are its components': counted once, through them.
    hours: row.kind === 'PATHWAY' ? 0 : (achievement?.workloadHours ?? 0),
    units: (achievement?.skkniUnits ?? []).flatMap((unit) =>
      unit.result
        ? [{ unitCode: unit.code, result: unit.result === 'K' ? ('K' as const) : ('BK' as const) }]
        : [],
    ),
    outcomeCodes: row.achievement?.learningOutcomes.map((outcome) => outcome.code) ?? [],
  };
}

/** The RPL wallets of these teachers (every teacher when null): KMG-issued training and pathway credentials. */
export async function loadRplWallets(
  client: Client,
  teacherIds: readonly string[] | null,
  credentialIds?: readonly string[],
): Promise<Map<string, RplCredential[]>> {
  const rows = await client.credential.findMany({
    where: {
      ...(teacherIds ? { teacherId: { in: [...teacherIds] } } : {}),
      ...(credentialIds ? { id: { in: [...credentialIds] } } : {}),
      kind: { in: ['TRAINING', 'PATHWAY'] },
    },
    select: rplCredentialSelect,
    orderBy: { id: 'asc' },
  });
  const wallets = new Map<string, RplCredential[]>();
  for (const id of teacherIds ?? []) wallets.set(id, []);
  for (const row of rows) {
    const wallet = wallets.get(row.teacherId);
    if (wallet) wallet.push(toRplCredential(row));
    else wallets.set(row.teacherId, [toRplCredential(row)]);
  }
  return wallets;
}
