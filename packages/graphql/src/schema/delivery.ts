import { achievementImageUrl } from '@kmg/core/credentials/achievements';
import { importAttendance } from '@kmg/core/delivery/attendance-import';
import {
  checkIn,
  checkInPath,
  decideCheckIns,
  openCheckInCode,
  qrCodeSvg,
} from '@kmg/core/delivery/check-in';
import {
  approveResults,
  completionsOf,
  decideAmendment,
  participantStatuses,
  proposeAmendment,
  recordAssessment,
  recordAssessmentsInBulk,
  recordAttendance,
  returnResults,
  saveAchievement,
  submitResults,
} from '@kmg/core/delivery/delivery';
import { InvalidStateError } from '@kmg/core/errors';
import { decodeId, requireId } from '@kmg/core/ids';
import { canDeliverCall, canManageCall } from '@kmg/core/rules/calls';
import { canSeeDeliveryRecordsOf } from '@kmg/core/rules/deliveries';
import { db } from '@kmg/db';
import {
  type AttendanceImportRow,
  type AttendanceRowIssue,
  type Completion,
  sksByWorkload,
  translateError,
} from '@kmg/domain';
import { builder } from '#builder.ts';
import { ApplicationRef } from '#schema/applications.ts';
import { CompetencyUnitRef, TrainingCallRef } from '#schema/calls.ts';
import { ErrorCodeEnum } from '#schema/errors.ts';
import { refetchQuery } from '#schema/ids.ts';
import { AuditEventRef } from '#schema/selection.ts';

const AssessmentKindEnum = builder.enumType('AssessmentKind', {
  values: ['TRAINING', 'COMPETENCY'] as const,
});
const ResultsStatusEnum = builder.enumType('ResultsStatus', {
  values: ['RECORDING', 'SUBMITTED', 'APPROVED'] as const,
});
const UnitDecisionEnum = builder.enumType('UnitDecision', {
  values: ['KOMPETEN', 'BELUM_KOMPETEN'] as const,
});
const AchievementTypeEnum = builder.enumType('AchievementType', {
  values: ['CertificateOfCompletion', 'MicroCredential', 'Certification'] as const,
});
const IssuanceStatusEnum = builder.enumType('IssuanceStatus', {
  values: ['QUEUED', 'ISSUED', 'FAILED'] as const,
});
const AmendmentStatusEnum = builder.enumType('AmendmentStatus', {
  values: ['PROPOSED', 'APPROVED', 'REJECTED'] as const,
});

builder.prismaObjectFields(CompetencyUnitRef, (t) => ({ id: t.exposeID('id') }));

builder.prismaObject('TrainingDay', {
  fields: (t) => ({
    id: t.exposeID('id'),
    date: t.expose('date', { type: 'LocalDate' }),
  }),
});

builder.prismaObject('Attendance', {
  fields: (t) => ({
    dayId: t.exposeID('dayId'),
    present: t.exposeBoolean('present'),
    late: t.exposeBoolean('late', { description: 'Came late (counts as present).' }),
    note: t.exposeString('note', { nullable: true }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

const CheckInStatusEnum = builder.enumType('CheckInStatus', {
  values: ['PENDING', 'CONFIRMED', 'REJECTED'] as const,
});

const CheckInRef = builder.prismaObject('CheckIn', {
  description: "A participant's scan of a training day's QR code, pending until the provider decides.",
  fields: (t) => ({
    id: t.id({ resolve: (row) => `${row.applicationId}:${row.dayId}` }),
    dayId: t.exposeID('dayId'),
    application: t.relation('application', { type: ApplicationRef }),
    day: t.relation('day'),
    status: t.expose('status', { type: CheckInStatusEnum }),
    scannedAt: t.expose('scannedAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    callTitle: t.string({
      select: { day: { select: { call: { select: { title: true } } } } },
      resolve: (row) => row.day.call.title,
    }),
    venue: t.string({
      nullable: true,
      select: { day: { select: { call: { select: { venueName: true, city: true } } } } },
      resolve: (row) => [row.day.call.venueName, row.day.call.city].filter(Boolean).join(', ') || null,
    }),
  }),
});

const CheckInCodeRef = builder
  .objectRef<{ id: string; date: Date; checkInToken: string | null; checkInTokenAt: Date | null }>(
    'CheckInCode',
  )
  .implement({
    description: "A training day's check-in QR code, for those who deliver the call.",
    fields: (t) => ({
      dayId: t.exposeID('id'),
      date: t.field({ type: 'LocalDate', resolve: (day) => day.date }),
      path: t.string({
        description: 'Where the code leads, on this origin (the learner app).',
        resolve: (day) => checkInPath(day.checkInToken ?? ''),
      }),
      qrSvg: t.string({
        description: 'The code as an SVG picture of the full link.',
        args: { origin: t.arg.string({ required: true }) },
        resolve: (day, { origin }) =>
          qrCodeSvg(`${origin.replace(/\/$/, '')}${checkInPath(day.checkInToken ?? '')}`),
      }),
      createdAt: t.field({ type: 'DateTime', resolve: (day) => day.checkInTokenAt ?? new Date(0) }),
    }),
  });

const AttendanceRowIssueRef = builder.objectRef<AttendanceRowIssue>('AttendanceRowIssue').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    code: t.field({ type: ErrorCodeEnum, resolve: (issue) => issue.code }),
    message: t.string({
      resolve: (issue, _args, ctx) => translateError(issue.code, ctx.locale, issue.params),
    }),
  }),
});

const AttendanceImportRowRef = builder.objectRef<AttendanceImportRow>('AttendanceImportRow').implement({
  description: 'One row of an attendance file as read, with what is wrong with it.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: '1 = the first row after the header.' }),
    identifier: t.exposeString('identifier'),
    participantName: t.string({ nullable: true, resolve: (row) => row.participant?.name ?? null }),
    date: t.field({ type: 'LocalDate', nullable: true, resolve: (row) => row.date }),
    present: t.boolean({ nullable: true, resolve: (row) => row.mark?.present ?? null }),
    late: t.boolean({ nullable: true, resolve: (row) => row.mark?.late ?? null }),
    note: t.exposeString('note', { nullable: true }),
    issues: t.field({ type: [AttendanceRowIssueRef], resolve: (row) => row.issues }),
  }),
});

const AttendanceImportRef = builder
  .objectRef<{
    rows: AttendanceImportRow[];
    valid: number;
    invalid: number;
    applied: number;
    callId: string;
  }>('AttendanceImport')
  .implement({
    fields: (t) => ({
      rows: t.field({ type: [AttendanceImportRowRef], resolve: (result) => result.rows }),
      validCount: t.exposeInt('valid'),
      invalidCount: t.exposeInt('invalid'),
      appliedCount: t.exposeInt('applied', { description: 'Rows written: 0 for a preview.' }),
      call: t.prismaField({
        type: TrainingCallRef,
        resolve: (query, result) =>
          db().trainingCall.findUniqueOrThrow({ ...refetchQuery(query), where: { id: result.callId } }),
      }),
    }),
  });

const BulkAssessmentRef = builder
  .objectRef<{ participants: number; units: number; changed: number; applicationIds: string[] }>(
    'BulkAssessment',
  )
  .implement({
    fields: (t) => ({
      participants: t.exposeInt('participants'),
      units: t.exposeInt('units'),
      changed: t.exposeInt('changed', { description: 'Decisions that differed before.' }),
      applications: t.prismaField({
        type: [ApplicationRef],
        description: 'The participants assessed, with their decisions and verdicts as saved.',
        resolve: (query, result) =>
          db().application.findMany({
            ...query,
            where: { id: { in: result.applicationIds } },
            orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
          }),
      }),
    }),
  });

builder.prismaObject('Evidence', {
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.exposeString('kind'),
    name: t.exposeString('name'),
    url: t.string({
      description: 'The link, or where the file downloads from (signed-in, for those allowed).',
      resolve: (evidence) =>
        evidence.kind === 'LINK' ? (evidence.url ?? '') : `/api/evidence/${evidence.id}`,
    }),
    mimeType: t.exposeString('mimeType', { nullable: true }),
    size: t.exposeInt('size', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const UnitAssessmentRef = builder.prismaObject('UnitAssessment', {
  fields: (t) => ({
    id: t.exposeID('id'),
    unitId: t.exposeID('unitId'),
    unit: t.relation('unit', { type: CompetencyUnitRef }),
    application: t.relation('application', {
      type: ApplicationRef,
      description:
        "The participant assessed: a recorded decision comes back with the participant's assessments and verdict.",
    }),
    decision: t.expose('decision', { type: UnitDecisionEnum }),
    notes: t.exposeString('notes', { nullable: true }),
    assessedAt: t.expose('assessedAt', { type: 'DateTime' }),
    evidence: t.relation('evidence', { query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

const CompletionReasonRef = builder.objectRef<Completion['reasons'][number]>('CompletionReason').implement({
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (reason) => reason.code }),
    message: t.string({
      resolve: (reason, _args, ctx) => translateError(reason.code, ctx.locale, reason.params),
    }),
  }),
});

const CompletionRef = builder.objectRef<Completion>('Completion').implement({
  description: 'Whether a participant earns the credential, from what has been recorded so far.',
  fields: (t) => ({
    attendancePercent: t.exposeFloat('attendancePercent'),
    complete: t.exposeBoolean('complete'),
    passed: t.exposeBoolean('passed'),
    reasons: t.field({ type: [CompletionReasonRef], resolve: (completion) => completion.reasons }),
  }),
});

builder.prismaObject('Achievement', {
  description: 'What a call awards: the template of its credentials.',
  fields: (t) => ({
    id: t.exposeID('id'),
    achievementType: t.expose('achievementType', { type: AchievementTypeEnum }),
    name: t.string({ resolve: (a, _args, ctx) => (ctx.locale === 'en' ? a.nameEn : a.nameId) }),
    nameId: t.exposeString('nameId'),
    nameEn: t.exposeString('nameEn'),
    descriptionId: t.exposeString('descriptionId'),
    descriptionEn: t.exposeString('descriptionEn'),
    criteriaId: t.exposeString('criteriaId'),
    criteriaEn: t.exposeString('criteriaEn'),
    kkniLevel: t.exposeInt('kkniLevel', { nullable: true }),
    sks: t.float({
      nullable: true,
      resolve: (a) => (a.sksHundredths == null ? null : a.sksHundredths / 100),
    }),
    validityMonths: t.exposeInt('validityMonths', { nullable: true }),
    assessmentMethod: t.exposeString('assessmentMethod'),
    qualityAssurance: t.exposeString('qualityAssurance'),
    imageUrl: t.string({
      description:
        'The picture every credential of it carries (OB `achievement.image`): a seal drawn from the saved name, kind and KKNI level. Versioned by the last save, so a preview never shows a stale one.',
      resolve: (a) => a.imageUrl ?? `${achievementImageUrl(a.id)}?v=${a.updatedAt.getTime()}`,
    }),
  }),
});

builder.prismaObject('ResultAmendment', {
  fields: (t) => ({
    id: t.exposeID('id'),
    reason: t.exposeString('reason'),
    status: t.expose('status', { type: AmendmentStatusEnum }),
    change: t.string({
      description: 'The proposed change, as JSON.',
      resolve: (a) => JSON.stringify(a.change),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    proposedBy: t.relation('proposedBy', { nullable: true }),
    decidedBy: t.relation('decidedBy', { nullable: true }),
  }),
});

const IssuanceProgressRef = builder
  .objectRef<{ queued: number; issued: number; failed: number }>('IssuanceProgress')
  .implement({
    fields: (t) => ({
      queued: t.exposeInt('queued'),
      issued: t.exposeInt('issued'),
      failed: t.exposeInt('failed'),
      total: t.int({ resolve: (p) => p.queued + p.issued + p.failed }),
    }),
  });

builder.prismaObjectFields(TrainingCallRef, (t) => ({
  assessmentKind: t.expose('assessmentKind', { type: AssessmentKindEnum }),
  minAttendancePercent: t.exposeInt('minAttendancePercent'),
  resultsStatus: t.expose('resultsStatus', { type: ResultsStatusEnum }),
  resultsSubmittedAt: t.expose('resultsSubmittedAt', { type: 'DateTime', nullable: true }),
  resultsApprovedAt: t.expose('resultsApprovedAt', { type: 'DateTime', nullable: true }),
  viewerCanDeliver: t.boolean({
    description: 'Whether the viewer records attendance and results for this call.',
    resolve: (call, _args, ctx) => canDeliverCall(ctx, call),
  }),
  viewerCanRun: t.boolean({
    description: 'Whether the viewer manages this call (approves results, revokes credentials).',
    resolve: (call, _args, ctx) => canManageCall(ctx, call),
  }),
  resultsHistory: t.prismaField({
    type: [AuditEventRef],
    description:
      'Submitted, returned (with the reason), approved: oldest first, for those who deliver the call.',
    authScopes: (call, _args, ctx) => canDeliverCall(ctx, call),
    resolve: (query, call) =>
      db().auditEvent.findMany({
        ...query,
        where: { callId: call.id, action: { startsWith: 'delivery.results_' } },
        orderBy: { id: 'asc' },
      }),
  }),
  sksByWorkload: t.float({
    description: 'Hours / 45: the workload in SKS (recognition is decided by outcomes).',
    select: { trainingHours: true },
    resolve: (call) => sksByWorkload(call.trainingHours),
  }),
  achievement: t.relation('achievement', { nullable: true }),
  trainingDays: t.relation('trainingDays', {
    description: 'The days attendance is taken: every date of the training but Sundays.',
    authScopes: (call, _args, ctx) => canDeliverCall(ctx, call),
    query: { orderBy: { date: 'asc' } },
  }),
  participants: t.relatedConnection(
    'applications',
    {
      cursor: 'id',
      totalCount: true,
      description: 'Teachers who confirmed their seat.',
      authScopes: (call, _args, ctx) => canDeliverCall(ctx, call),
      query: () => ({
        where: { status: { in: [...participantStatuses] } },
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      }),
    },
    { name: 'ParticipantConnection' },
    { name: 'ParticipantEdge' },
  ),
  checkIns: t.prismaField({
    type: [CheckInRef],
    description: 'QR check-ins of the participants, first scanned first (pending ones by default).',
    authScopes: (call, _args, ctx) => canDeliverCall(ctx, call),
    args: { status: t.arg({ type: CheckInStatusEnum, defaultValue: 'PENDING' }) },
    resolve: (query, call, { status }) =>
      db().checkIn.findMany({
        ...query,
        where: { day: { callId: call.id }, ...(status ? { status } : {}) },
        orderBy: [{ scannedAt: 'asc' }, { applicationId: 'asc' }],
      }),
  }),
  issuanceProgress: t.field({
    type: IssuanceProgressRef,
    authScopes: (call, _args, ctx) => canDeliverCall(ctx, call),
    resolve: async (call) => {
      const rows = await db().credentialIssuance.groupBy({
        by: ['status'],
        where: { callId: call.id },
        _count: true,
      });
      const count = (status: string) => rows.find((row) => row.status === status)?._count ?? 0;
      return { queued: count('QUEUED'), issued: count('ISSUED'), failed: count('FAILED') };
    },
  }),
}));

builder.prismaObjectFields(ApplicationRef, (t) => ({
  attendance: t.relation('attendance', {
    authScopes: (application, _args, ctx) => canSeeDeliveryRecordsOf(ctx, application),
  }),
  assessments: t.relation('assessments', { query: { orderBy: { assessedAt: 'asc' } } }),
  assessment: t.prismaField({
    type: UnitAssessmentRef,
    nullable: true,
    description:
      'The assessment of one SKKNI unit, if recorded: its evidence is read again after files are attached or removed.',
    args: { unitId: t.arg.id({ required: true }) },
    resolve: (query, application, { unitId }) => {
      const id = decodeId(String(unitId));
      if (!id) return null;
      return db().unitAssessment.findUnique({
        ...query,
        where: { applicationId_unitId: { applicationId: application.id, unitId: id } },
      });
    },
  }),
  amendments: t.relation('amendments', {
    authScopes: (application, _args, ctx) => canSeeDeliveryRecordsOf(ctx, application),
    query: { orderBy: { createdAt: 'desc' } },
  }),
  issuanceStatus: t.field({
    type: IssuanceStatusEnum,
    nullable: true,
    select: { issuance: { select: { status: true } } },
    resolve: (application) => application.issuance?.status ?? null,
  }),
  issuanceError: t.string({
    nullable: true,
    description: 'Why issuing failed (technical, for staff), while it has not succeeded.',
    select: { issuance: { select: { status: true, lastError: true } } },
    authScopes: (application, _args, ctx) => canSeeDeliveryRecordsOf(ctx, application),
    resolve: (application) =>
      application.issuance?.status === 'ISSUED' ? null : (application.issuance?.lastError ?? null),
  }),
  completion: t.field({
    type: CompletionRef,
    nullable: true,
    description: 'For participants: attendance and assessment against the completion rule.',
    resolve: async (application, _args, ctx) => {
      if (!(participantStatuses as readonly string[]).includes(application.status)) return null;
      // Computed once for the whole call: a participants list costs the same whatever its length.
      const completions = await ctx.once(`completions:${application.callId}`, async () =>
        completionsOf(db(), await db().trainingCall.findUniqueOrThrow({ where: { id: application.callId } })),
      );
      return completions.get(application.id) ?? null;
    },
  }),
}));

const AttendanceInput = builder.inputType('AttendanceInput', {
  fields: (t) => ({
    applicationId: t.globalID({ for: [ApplicationRef], required: true }),
    dayId: t.id({ required: true }),
    present: t.boolean({ required: true }),
  }),
});

const EvidenceLinkInput = builder.inputType('EvidenceLinkInput', {
  fields: (t) => ({ name: t.string({ required: true }), url: t.string({ required: true }) }),
});

const AssessmentInput = builder.inputType('AssessmentInput', {
  fields: (t) => ({
    decision: t.field({ type: UnitDecisionEnum, required: true }),
    notes: t.string(),
    links: t.field({ type: [EvidenceLinkInput] }),
  }),
});

const AchievementInput = builder.inputType('AchievementInput', {
  fields: (t) => ({
    achievementType: t.field({ type: AchievementTypeEnum, required: true }),
    nameId: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    descriptionId: t.string({ required: true }),
    descriptionEn: t.string({ required: true }),
    criteriaId: t.string({ required: true }),
    criteriaEn: t.string({ required: true }),
    kkniLevel: t.int({ required: true, description: 'KKNI level 1-9 (SMK graduate 2+, D3 5+, S1 6+).' }),
    sks: t.float(),
    validityMonths: t.int(),
    assessmentMethod: t.string({ required: true }),
    qualityAssurance: t.string({ required: true }),
    assessmentKind: t.field({ type: AssessmentKindEnum, required: true }),
    minAttendancePercent: t.int({ required: true }),
  }),
});

const AttendanceChangeInput = builder.inputType('AttendanceChangeInput', {
  fields: (t) => ({ dayId: t.id({ required: true }), present: t.boolean({ required: true }) }),
});
const DecisionChangeInput = builder.inputType('DecisionChangeInput', {
  fields: (t) => ({
    unitId: t.id({ required: true }),
    decision: t.field({ type: UnitDecisionEnum, required: true }),
  }),
});
const AmendmentInput = builder.inputType('AmendmentInput', {
  fields: (t) => ({
    reason: t.string({ required: true }),
    attendance: t.field({ type: [AttendanceChangeInput] }),
    decisions: t.field({ type: [DecisionChangeInput] }),
  }),
});

// Request scopes: roles that deliver or manage some call. Which call, the service checks.
const deliveringRoles = { $any: { providerStaff: true, programManager: true, admin: true } };
const managingRoles = { $any: { programManager: true, admin: true } };
const loadCall = (query: object, id: string) =>
  db().trainingCall.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
const loadApplication = (query: object, id: string) =>
  db().application.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });

const CheckInEntryInput = builder.inputType('CheckInEntryInput', {
  fields: (t) => ({
    applicationId: t.globalID({ for: [ApplicationRef], required: true }),
    dayId: t.id({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  recordAttendance: t.prismaField({
    type: TrainingCallRef,
    description: "Provider staff record attendance in bulk (a day for everyone, or one teacher's week).",
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: {
      callId: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      entries: t.arg({ type: [AttendanceInput], required: true }),
    },
    resolve: async (query, _root, { callId, entries }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await recordAttendance(ctx, {
        callId: id,
        entries: entries.map((entry) => ({
          applicationId: decodeId(entry.applicationId.id) ?? '',
          dayId: String(entry.dayId),
          present: entry.present,
        })),
      });
      return loadCall(query, id);
    },
  }),
  importAttendance: t.field({
    type: AttendanceImportRef,
    description:
      'Reads an attendance file (CSV text: NUPTK or email, date, status, note). `apply: false` previews every row with its problems; `apply: true` writes the valid rows in one transaction.',
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: {
      callId: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      content: t.arg.string({ required: true }),
      apply: t.arg.boolean({ required: true }),
    },
    resolve: async (_root, { callId, content, apply }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      const result = await importAttendance(ctx, { callId: id, content, apply });
      return { ...result, callId: id };
    },
  }),
  openCheckInCode: t.field({
    type: CheckInCodeRef,
    description:
      "Shows a training day's check-in QR code (made on first use); `rotate` replaces it and the old one stops working.",
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: { dayId: t.arg.id({ required: true }), rotate: t.arg.boolean({ defaultValue: false }) },
    resolve: (_root, { dayId, rotate }, ctx) =>
      openCheckInCode(ctx, { dayId: requireId(String(dayId), ['dayId']), rotate: rotate ?? false }),
  }),
  checkIn: t.prismaField({
    type: CheckInRef,
    description:
      "A participant checks in with the day's QR code: pending until the provider confirms. Scanning again returns the same check-in.",
    authScopes: { signedIn: true },
    errors: { types: [InvalidStateError] },
    args: { token: t.arg.string({ required: true }) },
    resolve: async (query, _root, { token }, ctx) => {
      const row = await checkIn(ctx, { token });
      return db().checkIn.findUniqueOrThrow({
        ...refetchQuery(query),
        where: { applicationId_dayId: { applicationId: row.applicationId, dayId: row.dayId } },
      });
    },
  }),
  decideCheckIns: t.prismaField({
    type: TrainingCallRef,
    description: 'Confirms (attendance present) or rejects pending check-ins, one or many at once.',
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: {
      callId: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      entries: t.arg({ type: [CheckInEntryInput], required: true }),
      confirm: t.arg.boolean({ required: true }),
    },
    resolve: async (query, _root, { callId, entries, confirm }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await decideCheckIns(ctx, {
        callId: id,
        entries: entries.map((entry, index) => ({
          applicationId: requireId(entry.applicationId.id, ['entries', String(index), 'applicationId']),
          dayId: requireId(String(entry.dayId), ['entries', String(index), 'dayId']),
        })),
        confirm,
      });
      return loadCall(query, id);
    },
  }),
  recordAssessmentsInBulk: t.field({
    type: BulkAssessmentRef,
    description:
      'One decision on every SKKNI unit for the chosen participants, in one transaction (notes and evidence stay).',
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: {
      callId: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      applicationIds: t.arg.globalIDList({ for: [ApplicationRef], required: true }),
      decision: t.arg({ type: UnitDecisionEnum, required: true }),
    },
    resolve: async (_root, { callId, applicationIds, decision }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      const ids = applicationIds.map((ref, index) => requireId(ref.id, ['applicationIds', String(index)]));
      const result = await recordAssessmentsInBulk(ctx, { callId: id, applicationIds: ids, decision });
      return { ...result, applicationIds: ids };
    },
  }),
  recordAssessment: t.prismaField({
    type: UnitAssessmentRef,
    description:
      'The assessor records Kompeten / Belum Kompeten for one SKKNI unit, with notes and evidence links.',
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: {
      applicationId: t.arg.globalID({ for: [ApplicationRef], required: true }),
      unitId: t.arg.id({ required: true }),
      input: t.arg({ type: AssessmentInput, required: true }),
    },
    resolve: async (query, _root, { applicationId, unitId, input }, ctx) => {
      const assessment = await recordAssessment(ctx, {
        applicationId: requireId(applicationId.id, ['applicationId']),
        unitId: requireId(String(unitId), ['unitId']),
        input,
      });
      return db().unitAssessment.findUniqueOrThrow({ ...refetchQuery(query), where: { id: assessment.id } });
    },
  }),
  submitResults: t.prismaField({
    type: TrainingCallRef,
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: { callId: t.arg.globalID({ for: [TrainingCallRef], required: true }) },
    resolve: async (query, _root, { callId }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await submitResults(ctx, { callId: id });
      return loadCall(query, id);
    },
  }),
  returnResults: t.prismaField({
    type: TrainingCallRef,
    description: 'Sends submitted results back to the provider for correction, with the reason.',
    authScopes: managingRoles,
    errors: { types: [InvalidStateError] },
    args: {
      callId: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { callId, reason }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await returnResults(ctx, { callId: id, reason });
      return loadCall(query, id);
    },
  }),
  approveResults: t.prismaField({
    type: TrainingCallRef,
    description:
      'Approves submitted results; everyone who passed gets a credential (issued in the background).',
    authScopes: managingRoles,
    errors: { types: [InvalidStateError] },
    args: { callId: t.arg.globalID({ for: [TrainingCallRef], required: true }) },
    resolve: async (query, _root, { callId }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await approveResults(ctx, { callId: id });
      return loadCall(query, id);
    },
  }),
  saveAchievement: t.prismaField({
    type: TrainingCallRef,
    description: 'Defines what the call awards (managers with the provider staff).',
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: {
      callId: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      input: t.arg({ type: AchievementInput, required: true }),
    },
    resolve: async (query, _root, { callId, input }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await saveAchievement(ctx, { callId: id, input });
      return loadCall(query, id);
    },
  }),
  proposeAmendment: t.prismaField({
    type: ApplicationRef,
    description: 'After approval, provider staff propose a correction with a reason.',
    authScopes: deliveringRoles,
    errors: { types: [InvalidStateError] },
    args: {
      applicationId: t.arg.globalID({ for: [ApplicationRef], required: true }),
      input: t.arg({ type: AmendmentInput, required: true }),
    },
    resolve: async (query, _root, { applicationId, input }, ctx) => {
      const id = requireId(applicationId.id, ['applicationId']);
      await proposeAmendment(ctx, {
        applicationId: id,
        input: {
          ...input,
          attendance: input.attendance?.map((a) => ({ ...a, dayId: String(a.dayId) })),
          decisions: input.decisions?.map((d) => ({ ...d, unitId: String(d.unitId) })),
        },
      });
      return loadApplication(query, id);
    },
  }),
  decideAmendment: t.prismaField({
    type: ApplicationRef,
    description: 'The manager approves (applies, reissues) or rejects a proposed correction.',
    authScopes: managingRoles,
    errors: { types: [InvalidStateError] },
    args: { id: t.arg.id({ required: true }), approve: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, { id, approve }, ctx) => {
      const amendment = await decideAmendment(ctx, { id: requireId(String(id), ['id']), approve });
      return loadApplication(query, amendment.applicationId);
    },
  }),
}));
