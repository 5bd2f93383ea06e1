// The RPL demo's cases: teachers who took the robot-welding training apply to UNNES's S1 PTM intake,
// and the university's people take each case to a different step, through the same services the
// apps call (nothing written around them), so a new user signing in as the demo RPL reviewer has
// work waiting at every step. Runs once, after the seeded training credentials are issued.
import { db } from '@kmg/db';
import type { Assessment } from '@kmg/domain';
import { type Actor, createActor, loadViewer } from '#actor.ts';
import { saveRplDraft, startRplApplication, submitRplApplication } from '#rpl/applications.ts';
import type { SubmittedProposal } from '#rpl/equivalence.ts';
import { estimateRecognition } from '#rpl/estimate.ts';
import { issueRplDecree } from '#rpl/review/decrees.ts';
import {
  acceptRplCase,
  appealRplCase,
  assignRplAssessors,
  decideRplCase,
  returnRplCaseToTeacher,
  saveRplAssessment,
  validateRplCase,
} from '#rpl/review/workflow.ts';

const PROGRAMME = { university: 'unnes', code: 'S1-PTM' };

/** Each demo applicant and the step their case is left at. */
export const rplDemoCases = [
  { teacher: 'guru@kmg.demo', step: 'SUBMITTED' },
  { teacher: 'eko.prasetyo@kmg.demo', step: 'EVIDENCE_REQUESTED' },
  { teacher: 'ketut.arsana@kmg.demo', step: 'IN_ASSESSMENT' },
  { teacher: 'dewi.anggraini@kmg.demo', step: 'AWAITING_COMMITTEE' },
  { teacher: 'hendro.wibowo@kmg.demo', step: 'AWAITING_VALIDATION' },
  { teacher: 'siti.rahmawati@kmg.demo', step: 'APPROVED' },
  { teacher: 'bayu.saputra@kmg.demo', step: 'DECIDED' },
  { teacher: 'agung.pratama@kmg.demo', step: 'APPEALED' },
] as const;

type Step = (typeof rplDemoCases)[number]['step'];
const order: Step[] = [
  'SUBMITTED',
  'EVIDENCE_REQUESTED',
  'IN_ASSESSMENT',
  'AWAITING_COMMITTEE',
  'AWAITING_VALIDATION',
  'APPROVED',
  'DECIDED',
  'APPEALED',
];
const reached = (target: Step, step: Step) => order.indexOf(target) >= order.indexOf(step);

async function actorFor(email: string, now: Date): Promise<Actor> {
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const viewer = await loadViewer(user.id);
  if (!viewer) throw new Error(`demo user ${email} cannot be loaded`);
  return createActor({ viewer, locale: 'id', now });
}

/** Whether the demo applicants' training credentials are all issued (the queue issues them at start). */
export async function rplDemoReady(): Promise<boolean> {
  const queued = await db().credentialIssuance.count({
    where: {
      status: 'QUEUED',
      application: { teacher: { email: { in: rplDemoCases.map((c) => c.teacher) } } },
    },
  });
  return queued === 0;
}

/**
 * Creates the demo cases (once: nothing happens when any demo applicant already applied to the
 * intake, or the programme is missing). Returns how many cases it made.
 */
export async function seedRplDemoCases(now: Date): Promise<number> {
  const university = await db().organization.findUnique({ where: { code: PROGRAMME.university } });
  const programme = university
    ? await db().studyProgramme.findUnique({
        where: { universityId_code: { universityId: university.id, code: PROGRAMME.code } },
        include: { intakes: { orderBy: { opensAt: 'desc' }, take: 1 } },
      })
    : null;
  const intake = programme?.intakes[0];
  if (!programme || !intake) return 0;
  const applied = await db().rplApplication.count({
    where: { intakeId: intake.id, teacher: { email: { in: rplDemoCases.map((c) => c.teacher) } } },
  });
  if (applied > 0) return 0;

  // The steps happen now, one after another: the cases rest on credentials issued at start-up, and
  // nothing is verified at a time before them. `now` is when the demo was asked for.
  const at = () => new Date(Math.max(Date.now(), now.getTime()));
  const officer = (time: Date) => actorFor('tendik@kmg.demo', time);
  const academic = (time: Date) => actorFor('asesor@kmg.demo', time);
  const practitioner = (time: Date) => actorFor('praktisi@kmg.demo', time);
  const committee = (time: Date) => actorFor('kaprodi@kmg.demo', time);
  const validator = (time: Date) => actorFor('validator@kmg.demo', time);

  let made = 0;
  for (const { teacher, step } of rplDemoCases) {
    const start = at();
    const self = await actorFor(teacher, start);
    const applicationId = await applyWithWallet(self, intake.id);
    if (!applicationId) continue;
    made++;
    if (step === 'SUBMITTED') continue;
    if (step === 'EVIDENCE_REQUESTED') {
      await returnRplCaseToTeacher(await officer(at()), {
        applicationId,
        missingItems: [
          'Surat keterangan pengalaman mengajar praktik pengelasan dari kepala sekolah',
          'Sertifikat kompetensi BNSP (jika ada)',
        ],
        message: 'Unggah dalam bentuk PDF, lalu ajukan kembali.',
      });
      continue;
    }
    await acceptRplCase(await officer(at()), { applicationId });
    // The university assigns round-robin on acceptance; the demo wants these two on every case.
    const admin = await committee(at());
    const [academicUser, practitionerUser] = await Promise.all([
      db().user.findUniqueOrThrow({ where: { email: 'asesor@kmg.demo' }, select: { id: true } }),
      db().user.findUniqueOrThrow({ where: { email: 'praktisi@kmg.demo' }, select: { id: true } }),
    ]);
    await assignRplAssessors(admin, {
      applicationIds: [applicationId],
      academicId: academicUser.id,
      practitionerId: practitionerUser.id,
    });
    const snapshot = (
      await db().rplApplication.findUniqueOrThrow({
        where: { id: applicationId },
        select: { proposal: true },
      })
    ).proposal as unknown as SubmittedProposal;
    // The practitioner judges first; on one case the academic assessor is left to do it (work waiting).
    await saveRplAssessment(await practitioner(at()), {
      applicationId,
      courses: judgement(snapshot, { disagree: step === 'AWAITING_COMMITTEE' }),
      submit: true,
    });
    if (step === 'IN_ASSESSMENT') continue;
    await saveRplAssessment(await academic(at()), {
      applicationId,
      courses: judgement(snapshot, { disagree: false }),
      submit: true,
    });
    if (!reached(step, 'AWAITING_VALIDATION')) continue;
    await decideRplCase(await committee(at()), { applicationId, input: decision(snapshot, step) });
    if (!reached(step, 'APPROVED')) continue;
    await validateRplCase(await validator(at()), { applicationId });
    if (!reached(step, 'DECIDED')) continue;
    await issueRplDecree(await committee(at()), { applicationId });
    if (step === 'APPEALED')
      await appealRplCase(await actorFor(teacher, at()), {
        applicationId,
        reason:
          'Mata kuliah Teknik Pengelasan juga saya ajarkan selama 10 tahun; mohon pengalaman mengajar praktik las dipertimbangkan.',
      });
  }
  return made;
}

/** Starts, fills (every wallet credential, a self-evaluation per CPMK of the proposed courses) and submits. */
async function applyWithWallet(ctx: Actor, intakeId: string): Promise<string | null> {
  const viewer = ctx.viewer;
  if (!viewer) return null;
  const credentials = await db().credential.findMany({
    where: { teacherId: viewer.id, kind: 'TRAINING', revokedAt: null },
    select: { id: true, achievement: { select: { code: true } } },
  });
  if (credentials.length === 0) return null;
  const application = await startRplApplication(ctx, { intakeId });
  const credentialIds = credentials.map((c) => c.id);
  await saveRplDraft(ctx, {
    applicationId: application.id,
    input: { credentialIds, externalCredentialIds: [], selfEvaluations: [] },
  });
  // The courses the engine would propose: their outcomes are what the teacher evaluates.
  const intake = await db().rplIntake.findUniqueOrThrow({ where: { id: intakeId } });
  const estimate = await estimateRecognition(ctx, { programmeId: intake.programmeId, intakeId });
  const proposed = estimate.proposal.kind === 'proposal' ? estimate.proposal.proposed : [];
  const outcomes = await db().courseOutcome.findMany({
    where: { courseId: { in: proposed.map((p) => p.courseId) } },
    select: { id: true, courseId: true },
  });
  await saveRplDraft(ctx, {
    applicationId: application.id,
    input: {
      credentialIds,
      externalCredentialIds: [],
      selfEvaluations: outcomes.map((outcome, index) => ({
        outcomeId: outcome.id,
        level: index % 3 === 2 ? 'GOOD' : 'VERY_GOOD',
        credentialIds: proposed.find((p) => p.courseId === outcome.courseId)?.credentialIds ?? credentialIds,
        evidenceIds: [],
        note: index === 0 ? 'Saya menerapkannya setiap semester pada praktik las kelas XI.' : null,
      })),
    },
  });
  await submitRplApplication(ctx, { applicationId: application.id });
  return application.id;
}

/** An assessor's judgement of every CPMK of the proposed courses; `disagree` rejects the last course. */
function judgement(snapshot: SubmittedProposal, { disagree }: { disagree: boolean }): Assessment['courses'] {
  const proposed = snapshot.proposal.kind === 'proposal' ? snapshot.proposal.proposed : [];
  return proposed.map((course, index) => {
    const outcomes = snapshot.input.programme.courses.find((c) => c.id === course.courseId)?.outcomes ?? [];
    const rejects = disagree && index === proposed.length - 1;
    return {
      courseId: course.courseId,
      recommendation: rejects ? 'DO_NOT_RECOGNISE' : 'RECOGNISE',
      notes: rejects
        ? 'Bukti belum menunjukkan penguasaan pada benda kerja produksi; perlu demonstrasi.'
        : 'Bukti sahih dan terkini; sesuai CPMK.',
      outcomes: outcomes.map((outcome, o) => ({
        outcomeCode: outcome.code,
        principles: { valid: true, authentic: true, current: true, sufficient: !rejects },
        method: o === 0 && index === 0 ? 'INTERVIEW' : 'PORTFOLIO',
        scheduledOn: o === 0 && index === 0 ? '2026-11-25' : null,
        place: null,
        link: o === 0 && index === 0 ? 'https://meet.unnes.ac.id/rpl-ptm' : null,
        score: rejects ? 55 : 80 + ((o * 7 + index * 3) % 15),
      })),
    };
  });
}

/** The committee follows the proposal; for one case it recognises a course less, with its reason. */
function decision(snapshot: SubmittedProposal, step: Step) {
  const proposed = snapshot.proposal.kind === 'proposal' ? snapshot.proposal.proposed : [];
  return {
    decisions: proposed.map((course, index) => {
      const lower = step === 'AWAITING_VALIDATION' && index === proposed.length - 1 && proposed.length > 1;
      return {
        courseId: course.courseId,
        sks: lower ? 0 : course.sks,
        reason: lower
          ? 'Asesor praktisi menilai bukti belum memadai untuk CPMK pada benda kerja produksi; dapat diajukan kembali dengan demonstrasi.'
          : null,
      };
    }),
    notes: 'Diputuskan dalam rapat tim RPL program studi.',
  };
}
