// The reviewers' queue and the numbers around it: cases by view (mine, unassigned, open, closed)
// and filters (programme, intake, step, overdue), each with its deadlines; the deadline reminders
// (sent once per step run through the outbox); and the reports a university sends on (per
// programme and intake: applications, recognised SKS, time per step, assessors' load, reasons for
// non-recognition), with KMG's own figure across universities for program managers.
import { db, type Prisma, type RplStaffRole } from '@kmg/db';
import {
  type CaseStep,
  caseStepLabels,
  computeCaseDeadlines,
  type DeadlineTargets,
  type RplCaseStatus,
  type StepDeadline,
} from '@kmg/domain';
import { type Actor, hasRole } from '#actor.ts';
import { requireViewer } from '#applications/common.ts';
import { notify } from '#notify.ts';
import { coversProgramme, statusHistory } from '#rpl/review/case.ts';
import { programmeTitle } from '#rpl/review/decrees.ts';
import { inTransaction } from '#transaction.ts';

export type RplQueueView = 'MINE' | 'UNASSIGNED' | 'OPEN' | 'CLOSED';

export type RplQueueFilter = {
  view: RplQueueView;
  programmeId?: string | null;
  intakeId?: string | null;
  status?: RplCaseStatus | null;
  overdue?: boolean | null;
};

const openStatuses: RplCaseStatus[] = [
  'SUBMITTED',
  'EVIDENCE_REQUESTED',
  'IN_ASSESSMENT',
  'AWAITING_COMMITTEE',
  'AWAITING_VALIDATION',
  'APPROVED',
  'APPEALED',
];
const closedStatuses: RplCaseStatus[] = ['DECIDED', 'WITHDRAWN'];

/** Which staff role acts on a case in each status. */
export const roleForStatus: Partial<Record<RplCaseStatus, RplStaffRole[]>> = {
  SUBMITTED: ['ADMIN_OFFICER'],
  IN_ASSESSMENT: ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR', 'UNIVERSITY_ADMIN', 'ADMIN_OFFICER'],
  AWAITING_COMMITTEE: ['COMMITTEE'],
  AWAITING_VALIDATION: ['VALIDATOR'],
  APPROVED: ['UNIVERSITY_ADMIN'],
  APPEALED: ['COMMITTEE'],
};

type Settings = { deadlineTargets: Prisma.JsonValue; workingDays: boolean; holidays: string[] };

export function deadlinesOf(
  history: { status: RplCaseStatus; at: Date }[],
  now: Date,
  settings: Settings | null,
): StepDeadline[] {
  return computeCaseDeadlines({
    history,
    now,
    targets: (settings?.deadlineTargets ?? {}) as Partial<DeadlineTargets>,
    ...(settings?.workingDays ? { workingDays: { holidays: settings.holidays } } : {}),
  });
}

/** The universities whose cases the viewer works on (their own), or every one for admins. */
function universityScope(ctx: Actor): Prisma.RplApplicationWhereInput | null {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  if (hasRole(viewer, 'ADMIN')) return { submittedAt: { not: null } };
  if (hasRole(viewer, 'RPL_REVIEWER') && viewer.organizationId)
    return { submittedAt: { not: null }, programme: { universityId: viewer.organizationId } };
  return null;
}

/**
 * The queue: up to `limit` cases of the viewer's university, oldest submission first, each with
 * its deadlines. MINE: cases waiting on a role the viewer holds (their own assessments, their
 * steps). UNASSIGNED: in assessment without both assessors.
 */
export async function rplQueue(ctx: Actor, filter: RplQueueFilter, limit = 100) {
  const viewer = requireViewer(ctx);
  const scope = universityScope(ctx);
  if (!scope) return [];
  const where: Prisma.RplApplicationWhereInput = { ...scope };
  if (filter.programmeId) where.programmeId = filter.programmeId;
  if (filter.intakeId) where.intakeId = filter.intakeId;
  const statuses = filter.view === 'CLOSED' ? closedStatuses : openStatuses;
  where.status = filter.status
    ? statuses.includes(filter.status)
      ? filter.status
      : { in: [] }
    : { in: statuses };
  const rows = await db().rplApplication.findMany({
    where,
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    take: filter.view === 'MINE' || filter.overdue ? 2000 : limit,
    select: {
      id: true,
      status: true,
      teacherId: true,
      programmeId: true,
      programme: { select: { universityId: true } },
      participants: { select: { userId: true, role: true } },
      assessments: { select: { role: true, submittedAt: true, assessorId: true } },
    },
  });
  const staff = viewer.organizationId
    ? await db().rplStaffMember.findMany({
        where: { userId: viewer.id, universityId: viewer.organizationId },
      })
    : [];
  const settings = await db().rplUniversitySettings.findMany({
    where: { universityId: { in: [...new Set(rows.map((r) => r.programme.universityId))] } },
  });
  const histories = await statusHistory(
    db(),
    rows.map((r) => r.id),
  );
  const result = rows.flatMap((row) => {
    const assessors = row.participants.filter(
      (p) => p.role === 'ACADEMIC_ASSESSOR' || p.role === 'PRACTITIONER_ASSESSOR',
    );
    if (filter.view === 'UNASSIGNED' && (row.status !== 'IN_ASSESSMENT' || assessors.length >= 2)) return [];
    if (filter.view === 'MINE') {
      const status = row.status as RplCaseStatus;
      const mine =
        status === 'IN_ASSESSMENT'
          ? assessors.some(
              (a) =>
                a.userId === viewer.id &&
                !row.assessments.some((s) => s.role === a.role && s.submittedAt !== null),
            ) ||
            (assessors.length < 2 &&
              staff.some(
                (m) =>
                  (m.role === 'UNIVERSITY_ADMIN' || m.role === 'ADMIN_OFFICER') &&
                  coversProgramme(m, row.programmeId),
              ))
          : (roleForStatus[status] ?? []).some((role) =>
              staff.some((m) => m.role === role && coversProgramme(m, row.programmeId)),
            );
      if (!mine || row.teacherId === viewer.id) return [];
    }
    const deadlines = deadlinesOf(
      histories.get(row.id) ?? [],
      ctx.now,
      settings.find((s) => s.universityId === row.programme.universityId) ?? null,
    );
    if (filter.overdue && !deadlines.some((d) => d.isOverdue)) return [];
    return [{ id: row.id, deadlines }];
  });
  return result.slice(0, limit);
}

/** Who is told when a step's reminder is due: the people of the step, or the admins for the whole case. */
const remindRoles: Record<CaseStep, RplStaffRole[]> = {
  administrativeCheck: ['ADMIN_OFFICER'],
  assessment: ['ACADEMIC_ASSESSOR', 'PRACTITIONER_ASSESSOR'],
  committee: ['COMMITTEE'],
  validation: ['VALIDATOR'],
  decree: ['UNIVERSITY_ADMIN'],
  appealDecision: ['COMMITTEE'],
  wholeCase: ['UNIVERSITY_ADMIN'],
};

/**
 * Sends each due reminder once (the reminder's key is recorded in the same transaction as its
 * notices and emails): to the case's own assessors for the assessment step, else to everyone of
 * the step's role for the programme. Run by the deadline sweep.
 */
export async function sendRplReminders(now: Date): Promise<number> {
  const rows = await db().rplApplication.findMany({
    where: { status: { in: openStatuses.filter((s) => s !== 'EVIDENCE_REQUESTED') } },
    select: {
      id: true,
      teacherId: true,
      programmeId: true,
      programme: { select: { universityId: true, nameId: true } },
      participants: { select: { userId: true, role: true } },
      assessments: { select: { role: true, submittedAt: true } },
    },
  });
  if (rows.length === 0) return 0;
  const histories = await statusHistory(
    db(),
    rows.map((r) => r.id),
  );
  const settings = await db().rplUniversitySettings.findMany();
  const staff = await db().rplStaffMember.findMany({
    where: { universityId: { in: [...new Set(rows.map((r) => r.programme.universityId))] } },
  });
  let sent = 0;
  for (const row of rows) {
    const deadlines = deadlinesOf(
      histories.get(row.id) ?? [],
      now,
      settings.find((s) => s.universityId === row.programme.universityId) ?? null,
    );
    for (const deadline of deadlines) {
      if (!deadline.reminder || !deadline.reminderKey) continue;
      const key = deadline.reminderKey;
      const roles = remindRoles[deadline.step];
      const people =
        deadline.step === 'assessment'
          ? row.participants
              .filter(
                (p) =>
                  roles.includes(p.role) && !row.assessments.some((a) => a.role === p.role && a.submittedAt),
              )
              .map((p) => p.userId)
          : staff
              .filter(
                (m) =>
                  m.universityId === row.programme.universityId &&
                  roles.includes(m.role) &&
                  coversProgramme(m, row.programmeId),
              )
              .map((m) => m.userId);
      const recipients = [...new Set(people)].filter((id) => id !== row.teacherId);
      const created = await inTransaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO rpl_reminders (application_id, key) VALUES (${row.id}::uuid, ${key})
          ON CONFLICT DO NOTHING`;
        if (inserted === 0) return false;
        await notify(
          tx,
          recipients.map((userId) => ({
            userId,
            kind:
              deadline.reminder?.kind === 'OVERDUE'
                ? ('RPL_CASE_OVERDUE' as const)
                : ('RPL_CASE_REMINDER' as const),
            subject: { type: 'RPL_APPLICATION' as const, id: row.id },
            params: {
              programme: row.programme.nameId,
              step: caseStepLabels[deadline.step],
              dueOn: { date: deadline.dueOn },
            },
          })),
        );
        return true;
      });
      if (created) sent++;
    }
  }
  return sent;
}

export type RplReportFilter = {
  universityId?: string | null;
  programmeId?: string | null;
  intakeId?: string | null;
};

const nonRecognitionLabel = (reason: string | null) => reason?.trim() || '—';

/**
 * A university's report (its own staff; admins any university): per programme and intake, the
 * applications by status, SKS recognised (total, mean, distribution), days per step, each
 * assessor's cases, and the committee's reasons for recognising less than proposed.
 */
export async function rplReport(ctx: Actor, filter: RplReportFilter) {
  const viewer = requireViewer(ctx);
  const universityId = hasRole(viewer, 'ADMIN') ? (filter.universityId ?? null) : viewer.organizationId;
  if (!hasRole(viewer, 'ADMIN') && !(hasRole(viewer, 'RPL_REVIEWER') && universityId)) return null;
  const where: Prisma.RplApplicationWhereInput = {
    submittedAt: { not: null },
    ...(universityId ? { programme: { universityId } } : {}),
    ...(filter.programmeId ? { programmeId: filter.programmeId } : {}),
    ...(filter.intakeId ? { intakeId: filter.intakeId } : {}),
  };
  const cases = await db().rplApplication.findMany({
    where,
    select: {
      id: true,
      status: true,
      recognisedSks: true,
      proposedSks: true,
      programme: {
        select: { id: true, code: true, nameId: true, degree: true, university: { select: { name: true } } },
      },
      intake: { select: { id: true, code: true, nameId: true } },
      participants: { select: { userId: true, role: true, user: { select: { name: true } } } },
    },
  });
  const histories = await statusHistory(
    db(),
    cases.map((c) => c.id),
  );
  const groups = new Map<string, typeof cases>();
  for (const c of cases) {
    const key = `${c.programme.id}:${c.intake.id}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const dayMs = 86_400_000;
  const rows = [...groups.values()].map((group) => {
    const first = group[0] as (typeof cases)[number];
    const decided = group.filter((c) => c.recognisedSks !== null);
    const sks = decided.map((c) => c.recognisedSks as number);
    const byStatus = Object.fromEntries(
      [...new Set(group.map((c) => c.status))].map((status) => [
        status,
        group.filter((c) => c.status === status).length,
      ]),
    );
    const stepDays: Record<string, number[]> = {};
    for (const c of group) {
      const history = histories.get(c.id) ?? [];
      history.forEach((change, index) => {
        const next = history[index + 1];
        if (!next) return;
        stepDays[change.status] = [
          ...(stepDays[change.status] ?? []),
          (next.at.getTime() - change.at.getTime()) / dayMs,
        ];
      });
    }
    const mean = (values: number[]) =>
      values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    return {
      universityName: first.programme.university.name,
      programmeCode: first.programme.code,
      programmeName: programmeTitle({ ...first.programme, nameEn: first.programme.nameId }).id,
      intakeCode: first.intake.code,
      intakeName: first.intake.nameId,
      applications: group.length,
      byStatus,
      decided: decided.length,
      totalSks: sks.reduce((a, b) => a + b, 0),
      meanSks: mean(sks),
      sksDistribution: distribution(sks),
      meanDaysPerStep: Object.fromEntries(
        Object.entries(stepDays).map(([status, days]) => [status, mean(days)]),
      ),
    };
  });
  const load = new Map<string, { name: string; role: string; cases: number; open: number }>();
  for (const c of cases) {
    for (const p of c.participants) {
      if (p.role !== 'ACADEMIC_ASSESSOR' && p.role !== 'PRACTITIONER_ASSESSOR') continue;
      const key = `${p.userId}:${p.role}`;
      const entry = load.get(key) ?? { name: p.user.name, role: p.role, cases: 0, open: 0 };
      entry.cases++;
      if (c.status === 'IN_ASSESSMENT') entry.open++;
      load.set(key, entry);
    }
  }
  const reasons = await db().rplCourseDecision.findMany({
    where: {
      decision: { application: where, OR: [{ validatedAt: { not: null } }, { kind: 'APPEAL' }] },
    },
    select: { sks: true, proposedSks: true, reason: true, course: { select: { code: true, nameId: true } } },
  });
  const lower = reasons.filter((r) => r.sks < r.proposedSks || (r.sks === 0 && r.proposedSks === 0));
  const reasonCounts = new Map<string, number>();
  for (const r of lower.filter((r) => r.sks < r.proposedSks)) {
    const label = nonRecognitionLabel(r.reason);
    reasonCounts.set(label, (reasonCounts.get(label) ?? 0) + 1);
  }
  return {
    rows,
    assessors: [...load.values()].sort((a, b) => b.cases - a.cases),
    nonRecognition: [...reasonCounts.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count),
  };
}

/** SKS per decided case, in bands of 5 (0, 1–5, 6–10, …). */
function distribution(values: number[]): { band: string; count: number }[] {
  const bands = new Map<string, number>();
  for (const value of values) {
    const band =
      value === 0 ? '0' : `${Math.floor((value - 1) / 5) * 5 + 1}–${Math.floor((value - 1) / 5) * 5 + 5}`;
    bands.set(band, (bands.get(band) ?? 0) + 1);
  }
  return [...bands.entries()]
    .map(([band, count]) => ({ band, count }))
    .sort((a, b) => Number.parseInt(a.band, 10) - Number.parseInt(b.band, 10));
}

/**
 * KMG's figure for its funders: SKS recognised through RPL across universities, and how many
 * teachers earned them, from decided cases (decrees issued). Program managers and admins.
 */
export async function rplProgrammeFigure(ctx: Actor) {
  const viewer = requireViewer(ctx);
  if (!hasRole(viewer, 'ADMIN') && !hasRole(viewer, 'PROGRAM_MANAGER')) return null;
  const rows = await db().$queryRaw<{ university: string; teachers: bigint; sks: bigint; cases: bigint }[]>`
    SELECT o.name AS university, COUNT(DISTINCT a.teacher_id) FILTER (WHERE a.recognised_sks > 0) AS teachers,
           COALESCE(SUM(a.recognised_sks), 0) AS sks, COUNT(*) AS cases
    FROM rpl_applications a
    JOIN study_programmes p ON p.id = a.programme_id
    JOIN organizations o ON o.id = p.university_id
    WHERE a.decided_at IS NOT NULL
    GROUP BY o.name ORDER BY sks DESC, o.name`;
  const universities = rows.map((r) => ({
    university: r.university,
    teachers: Number(r.teachers),
    sks: Number(r.sks),
    cases: Number(r.cases),
  }));
  const [totals] = await db().$queryRaw<{ teachers: bigint }[]>`
    SELECT COUNT(DISTINCT teacher_id) AS teachers FROM rpl_applications WHERE decided_at IS NOT NULL AND recognised_sks > 0`;
  return {
    totalSks: universities.reduce((sum, u) => sum + u.sks, 0),
    teachers: Number(totals?.teachers ?? 0),
    universities,
  };
}
