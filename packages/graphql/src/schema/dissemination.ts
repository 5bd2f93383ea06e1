import {
  createDisseminationReport,
  type DisseminationTraining,
  decideDisseminationReport,
  deleteDisseminationDraft,
  myDisseminationTrainings,
  submitDisseminationReport,
  updateDisseminationExpectation,
  updateDisseminationReport,
} from '@kmg/core/dissemination/reports';
import { InvalidStateError } from '@kmg/core/errors';
import { requireId } from '@kmg/core/ids';
import { disseminationReportsWhere, publicDisseminationWhere } from '@kmg/core/rules/dissemination';
import { db, type Prisma } from '@kmg/db';
import {
  disseminationKindLabels,
  disseminationKinds,
  disseminationStatuses,
  disseminationStatusLabels,
  formatMessage,
} from '@kmg/domain';
import { builder, type GraphqlContext } from '#builder.ts';
import { ApplicationRef } from '#schema/applications.ts';
import { refetchQuery } from '#schema/ids.ts';
import { PublicProfileRef } from '#schema/profiles.ts';
import { ProgrammeRef } from '#schema/reference.ts';

export const DisseminationKindEnum = builder.enumType('DisseminationKind', { values: disseminationKinds });
export const DisseminationStatusEnum = builder.enumType('DisseminationStatus', {
  values: disseminationStatuses,
});

export const DisseminationReportRef = builder.prismaNode('DisseminationReport', {
  id: { field: 'id' },
  description:
    'A dissemination (pengimbasan) activity a teacher reports after a completed training. Read by the teacher, the principal of their school and admins.',
  // Rows reach the schema only through lists and loads filtered by disseminationReportsWhere.
  fields: (t) => ({
    kind: t.expose('kind', { type: DisseminationKindEnum }),
    kindLabel: t.string({ resolve: (r, _a, ctx) => disseminationKindLabels[r.kind][ctx.locale] }),
    status: t.expose('status', { type: DisseminationStatusEnum }),
    statusLabel: t.string({ resolve: (r, _a, ctx) => disseminationStatusLabels[r.status][ctx.locale] }),
    heldOn: t.expose('heldOn', { type: 'LocalDate' }),
    place: t.exposeString('place'),
    description: t.exposeString('description'),
    teachersReached: t.exposeInt('teachersReached'),
    studentsReached: t.exposeInt('studentsReached'),
    schoolsReached: t.exposeInt('schoolsReached'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    returnNote: t.exposeString('returnNote', { nullable: true }),
    returnedAt: t.expose('returnedAt', { type: 'DateTime', nullable: true }),
    teacherName: t.string({
      select: { teacher: { select: { name: true } } },
      resolve: (r) => r.teacher.name,
    }),
    trainingTitle: t.string({
      select: { application: { select: { call: { select: { title: true } } } } },
      resolve: (r) => r.application.call.title,
    }),
    isEditable: t.boolean({
      description: 'The viewer may change it now (their own draft or returned report).',
      select: { teacherId: true },
      resolve: (r, _a, ctx) =>
        r.teacherId === ctx.viewer?.id && (r.status === 'DRAFT' || r.status === 'RETURNED'),
    }),
    evidence: t.relation('evidence', { query: { orderBy: { createdAt: 'asc' } } }),
  }),
});

builder.prismaObject('DisseminationEvidence', {
  fields: (t) => ({
    id: t.exposeString('id'),
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType'),
    size: t.exposeInt('size'),
    url: t.string({
      description: 'Download address (behind the session).',
      resolve: (e) => `/api/dissemination/evidence/${e.id}`,
    }),
  }),
});

const ProgressRef = builder.objectRef<DisseminationTraining['progress']>('DisseminationProgress').implement({
  description: "Where the teacher stands against the programme's expectation for one training.",
  fields: (t) => ({
    required: t.exposeInt('required'),
    verified: t.exposeInt('verified'),
    pending: t.exposeInt('pending'),
    deadline: t.field({ type: 'LocalDate', resolve: (p) => p.deadline }),
    daysLeft: t.exposeInt('daysLeft'),
    state: t.exposeString('state', {
      description: 'none-expected, met, on-track, due-soon or missed.',
    }),
    summary: t.string({
      description: 'e.g. "1 dari 2 kegiatan terverifikasi, batas 14 Mei 2026".',
      resolve: (p, _a, ctx) =>
        formatMessage(
          ctx.locale === 'en'
            ? '{verified} of {required} activities verified, due {deadline}'
            : '{verified} dari {required} kegiatan terverifikasi, batas {deadline}',
          ctx.locale,
          { verified: p.verified, required: p.required, deadline: { date: p.deadline } },
        ),
    }),
  }),
});

const TrainingRef = builder.objectRef<DisseminationTraining>('DisseminationTraining').implement({
  description: 'A training the teacher completed, with its dissemination reports and progress.',
  fields: (t) => ({
    applicationId: t.globalID({
      resolve: (training) => ({ type: 'Application', id: training.applicationId }),
    }),
    callTitle: t.exposeString('callTitle'),
    trainingEnd: t.field({ type: 'LocalDate', resolve: (training) => training.trainingEnd }),
    progress: t.field({ type: ProgressRef, resolve: (training) => training.progress }),
    reports: t.prismaField({
      type: [DisseminationReportRef],
      description: 'Newest activity first.',
      resolve: (query, training) =>
        db().disseminationReport.findMany({
          ...query,
          where: { applicationId: training.applicationId, teacherId: training.teacherId },
          orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
        }),
    }),
  }),
});

const PublicActivityRef = builder
  .objectRef<{
    id: string;
    kind: (typeof disseminationKinds)[number];
    heldOn: Date;
    teachersReached: number;
    studentsReached: number;
    schoolsReached: number;
  }>('PublicDisseminationActivity')
  .implement({
    description:
      'A verified dissemination activity as a public profile shows it: no description, place or files.',
    fields: (t) => ({
      kind: t.field({ type: DisseminationKindEnum, resolve: (a) => a.kind }),
      kindLabel: t.string({ resolve: (a, _args, ctx) => disseminationKindLabels[a.kind][ctx.locale] }),
      heldOn: t.field({ type: 'LocalDate', resolve: (a) => a.heldOn }),
      teachersReached: t.exposeInt('teachersReached'),
      studentsReached: t.exposeInt('studentsReached'),
      schoolsReached: t.exposeInt('schoolsReached'),
    }),
  });

builder.objectFields(PublicProfileRef, (t) => ({
  disseminationActivities: t.field({
    type: [PublicActivityRef],
    description: "The teacher's verified dissemination activities, newest first.",
    resolve: (profile) =>
      db().disseminationReport.findMany({
        where: publicDisseminationWhere(profile.userId),
        select: {
          id: true,
          kind: true,
          heldOn: true,
          teachersReached: true,
          studentsReached: true,
          schoolsReached: true,
        },
        orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
      }),
  }),
}));

builder.prismaObjectFields(ProgrammeRef, (t) => ({
  disseminationMinActivities: t.exposeInt('disseminationMinActivities', {
    description: 'Verified dissemination activities expected of each teacher after a training (0 = none).',
  }),
  disseminationWithinMonths: t.exposeInt('disseminationWithinMonths', {
    description: "Months after the training's last day the activities count within.",
  }),
}));

const ReportInput = builder.inputType('DisseminationReportInput', {
  fields: (t) => ({
    kind: t.field({ type: DisseminationKindEnum, required: true }),
    heldOn: t.field({ type: 'LocalDate', required: true }),
    place: t.string({ required: true, description: 'Where it took place, or a link to it.' }),
    description: t.string({ required: true }),
    teachersReached: t.int({ required: true }),
    studentsReached: t.int({ required: true }),
    schoolsReached: t.int({ required: true }),
  }),
});

const ExpectationInput = builder.inputType('DisseminationExpectationInput', {
  fields: (t) => ({
    minActivities: t.int({ required: true }),
    withinMonths: t.int({ required: true }),
  }),
});

const loadReport = (query: object, id: string) =>
  db().disseminationReport.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });

builder.queryFields((t) => ({
  myDisseminationTrainings: t.field({
    type: [TrainingRef],
    description:
      'The signed-in teacher’s completed trainings, each with its dissemination reports and progress.',
    authScopes: { teacher: true },
    resolve: (_root, _args, ctx) => myDisseminationTrainings(ctx),
  }),
  disseminationReport: t.prismaField({
    type: DisseminationReportRef,
    nullable: true,
    description: 'One report the viewer may see (theirs, their school’s, or any for admins).',
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ for: [DisseminationReportRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) =>
      db().disseminationReport.findFirst({
        ...query,
        where: { AND: [{ id: requireId(id.id, ['id']) }, await disseminationReportsWhere(ctx, 'see')] },
      }),
  }),
  schoolDisseminationReports: t.prismaConnection(
    {
      type: DisseminationReportRef,
      cursor: 'id',
      description:
        "Reports of the principal's school sent to them (not drafts), most recently submitted first, a page at a time.",
      authScopes: { principal: true },
      args: {
        decided: t.arg.boolean({
          description: 'true: verified or returned; false: waiting for the principal; omitted: both.',
        }),
      },
      resolve: async (query, _root, { decided }, ctx) =>
        db().disseminationReport.findMany({
          ...query,
          where: await schoolReportsWhere(ctx, decided),
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        }),
      totalCount: async (_connection, { decided }, ctx) =>
        db().disseminationReport.count({ where: await schoolReportsWhere(ctx, decided) }),
    },
    { name: 'SchoolDisseminationReportConnection' },
    { name: 'SchoolDisseminationReportEdge' },
  ),
}));

/** The reports a principal is sent: all, the decided ones (`decided`), or those waiting (`!decided`). */
async function schoolReportsWhere(
  ctx: GraphqlContext,
  decided: boolean | null | undefined,
): Promise<Prisma.DisseminationReportWhereInput> {
  const status: Prisma.DisseminationReportWhereInput =
    decided === true
      ? { status: { in: ['VERIFIED', 'RETURNED'] } }
      : decided === false
        ? { status: 'SUBMITTED' }
        : { status: { not: 'DRAFT' } };
  return { AND: [await disseminationReportsWhere(ctx, 'verify'), status] };
}

builder.mutationFields((t) => ({
  createDisseminationReport: t.prismaField({
    type: DisseminationReportRef,
    description: 'A new draft report for a training the teacher completed.',
    authScopes: { teacher: true },
    errors: {},
    args: {
      applicationId: t.arg.globalID({
        for: [ApplicationRef],
        required: true,
        description: 'The completed training (application).',
      }),
      input: t.arg({ type: ReportInput, required: true }),
    },
    resolve: async (query, _root, { applicationId, input }, ctx) => {
      const { id } = await createDisseminationReport(ctx, {
        applicationId: requireId(applicationId.id, ['applicationId']),
        input,
      });
      return loadReport(query, id);
    },
  }),
  updateDisseminationReport: t.prismaField({
    type: DisseminationReportRef,
    description: 'Changes the teacher’s own draft or returned report.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: {
      id: t.arg.globalID({ for: [DisseminationReportRef], required: true }),
      input: t.arg({ type: ReportInput, required: true }),
    },
    resolve: async (query, _root, { id, input }, ctx) => {
      const reportId = requireId(id.id, ['id']);
      await updateDisseminationReport(ctx, { id: reportId, input });
      return loadReport(query, reportId);
    },
  }),
  deleteDisseminationDraft: t.field({
    type: 'Boolean',
    description: 'Deletes the teacher’s own draft that was never submitted.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: { id: t.arg.globalID({ for: [DisseminationReportRef], required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const { storageKeys } = await deleteDisseminationDraft(ctx, requireId(id.id, ['id']));
      // The rows are gone (committed); their files go after them.
      await ctx.discardStoredFiles(storageKeys);
      return true;
    },
  }),
  submitDisseminationReport: t.prismaField({
    type: DisseminationReportRef,
    description: 'Sends the teacher’s report to their principal.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: { id: t.arg.globalID({ for: [DisseminationReportRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const reportId = requireId(id.id, ['id']);
      await submitDisseminationReport(ctx, reportId);
      return loadReport(query, reportId);
    },
  }),
  verifyDisseminationReport: t.prismaField({
    type: DisseminationReportRef,
    description: 'The principal of the teacher’s school verifies the report.',
    authScopes: { principal: true },
    errors: { types: [InvalidStateError] },
    args: { id: t.arg.globalID({ for: [DisseminationReportRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const reportId = requireId(id.id, ['id']);
      await decideDisseminationReport(ctx, { id: reportId, verify: true, note: null });
      return loadReport(query, reportId);
    },
  }),
  returnDisseminationReport: t.prismaField({
    type: DisseminationReportRef,
    description: 'The principal returns the report to the teacher with a note saying what to change.',
    authScopes: { principal: true },
    errors: { types: [InvalidStateError] },
    args: {
      id: t.arg.globalID({ for: [DisseminationReportRef], required: true }),
      note: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { id, note }, ctx) => {
      const reportId = requireId(id.id, ['id']);
      await decideDisseminationReport(ctx, { id: reportId, verify: false, note });
      return loadReport(query, reportId);
    },
  }),
  updateDisseminationExpectation: t.prismaField({
    type: ProgrammeRef,
    description: 'Sets how much dissemination a programme expects of each trained teacher.',
    authScopes: { $any: { admin: true, programManager: true } },
    errors: {},
    args: {
      programmeId: t.arg.globalID({ for: [ProgrammeRef], required: true }),
      input: t.arg({ type: ExpectationInput, required: true }),
    },
    resolve: async (query, _root, { programmeId, input }, ctx) => {
      const id = requireId(programmeId.id, ['programmeId']);
      await updateDisseminationExpectation(ctx, { programmeId: id, input });
      return db().programme.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
}));
