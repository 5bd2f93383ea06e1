import { userIdsWithRole } from '@kmg/core/accounts/users-with-role';
import { hasRole } from '@kmg/core/actor';
import { type ApplicantRecord, findApplicantRecord } from '@kmg/core/applications/applicant-record';
import {
  decideEndorsementFor,
  endorsementAuditActions,
  undoEndorsementDecisionFor,
} from '@kmg/core/applications/decide-endorsement';
import { eligibilityFor } from '@kmg/core/applications/eligibility';
import { respondToSeat } from '@kmg/core/applications/respond-to-seat';
import { waitlistPosition } from '@kmg/core/applications/waitlist';
import { readCallSettings } from '@kmg/core/calls/call-settings';
import { InvalidStateError } from '@kmg/core/errors';
import { requireId } from '@kmg/core/ids';
import {
  applicationsWhere,
  canEndorseApplication,
  canSeeApplicationHistory,
} from '@kmg/core/rules/applications';
import { callsWhere, canDeliverCall, canManageCall, canReviewCall } from '@kmg/core/rules/calls';
import { canSeeReviewSummary, canSeeReviewsOf, ownReviewsWhere } from '@kmg/core/rules/reviews';
import { findReviewDisagreements } from '@kmg/core/selection/disagreements';
import {
  assignReviewers,
  commitSelection,
  previewSelection,
  submitReview,
  updateSelectionSettings,
} from '@kmg/core/selection/selection';
import { db } from '@kmg/db';
import {
  describeOutcomeReason,
  type EligibilityReason,
  type EligibilityRules,
  endorsementDeadline,
  explainOutcome,
  isFullyReviewed,
  meanTotal,
  type ReviewDisagreement,
  type RubricCriterion,
  reviewSpread,
  type ScoreLevel,
  type SelectionOutcome,
} from '@kmg/domain';
import { builder } from '#builder.ts';
import { ApplicationRef } from '#schema/applications.ts';
import { allCallColumns, TrainingCallRef } from '#schema/calls.ts';
import { CredentialStatusEnum } from '#schema/credentials.ts';
import { ApplicationStatusEnum, EmploymentStatusEnum } from '#schema/enums.ts';
import { EligibilityReasonRef } from '#schema/errors.ts';
import { refetchQuery } from '#schema/ids.ts';
import { ProvinceRef, provinceField } from '#schema/reference.ts';
import { UserRef } from '#schema/users.ts';

const points = (hundredths: number | null | undefined) => (hundredths == null ? null : hundredths / 100);

export const SelectionModeEnum = builder.enumType('SelectionMode', {
  values: ['REVIEWED', 'FIRST_COME'] as const,
});
const SchoolStatusEnum = builder.enumType('SchoolStatus', { values: ['NEGERI', 'SWASTA'] as const });

const EligibilityRef = builder
  .objectRef<{ eligible: boolean; reasons: EligibilityReason[] }>('Eligibility')
  .implement({
    fields: (t) => ({
      eligible: t.exposeBoolean('eligible'),
      reasons: t.field({ type: [EligibilityReasonRef], resolve: (result) => result.reasons }),
    }),
  });

const EligibilityRulesRef = builder.objectRef<EligibilityRules>('EligibilityRules').implement({
  description: 'Who may apply; an empty list or null means no limit.',
  fields: (t) => ({
    subjects: t.stringList({ nullable: true, resolve: (rules) => rules.subjects ?? null }),
    employmentStatuses: t.field({
      type: [EmploymentStatusEnum],
      nullable: true,
      resolve: (rules) => rules.employmentStatuses ?? null,
    }),
    minTeachingYears: t.int({ nullable: true, resolve: (rules) => rules.minTeachingYears ?? null }),
    maxAge: t.int({ nullable: true, resolve: (rules) => rules.maxAge ?? null }),
    ageReferenceDate: t.field({
      type: 'LocalDate',
      nullable: true,
      resolve: (rules) => rules.ageReferenceDate ?? null,
    }),
    provinces: t.field({
      type: [ProvinceRef],
      nullable: true,
      resolve: (rules) => rules.provinces?.flatMap((code) => provinceField(code) ?? []) ?? null,
    }),
    schoolStatuses: t.field({
      type: [SchoolStatusEnum],
      nullable: true,
      resolve: (rules) => rules.schoolStatuses ?? null,
    }),
    centreOfExcellenceOnly: t.boolean({ resolve: (rules) => rules.centreOfExcellenceOnly ?? false }),
  }),
});

const RubricLevelRef = builder.objectRef<ScoreLevel>('RubricLevel').implement({
  description: 'What one score of a criterion means, as the program manager wrote it.',
  fields: (t) => ({
    score: t.exposeInt('score'),
    description: t.string({
      resolve: (level, _args, ctx) => (ctx.locale === 'en' ? level.descriptionEn : level.descriptionId),
    }),
    descriptionId: t.exposeString('descriptionId'),
    descriptionEn: t.exposeString('descriptionEn'),
  }),
});

/** What the rules read of the call a criterion belongs to. */
type CallOfCriterion = { id: string; programmeId: string; providerId: string };

const RubricCriterionRef = builder
  .objectRef<RubricCriterion & { call: CallOfCriterion }>('RubricCriterion')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      name: t.string({
        resolve: (criterion, _args, ctx) => (ctx.locale === 'en' ? criterion.nameEn : criterion.nameId),
      }),
      nameId: t.exposeString('nameId'),
      nameEn: t.exposeString('nameEn'),
      weight: t.exposeInt('weight'),
      maxScore: t.exposeInt('maxScore'),
      levels: t.field({
        type: [RubricLevelRef],
        description:
          'What each score means, lowest score first (empty when none are written): for those who deliver the call and its assigned reviewers.',
        authScopes: async (criterion, _args, ctx) =>
          (await canDeliverCall(ctx, criterion.call)) || (await canReviewCall(ctx, criterion.call)),
        resolve: (criterion) => [...(criterion.levels ?? [])],
      }),
    }),
  });

const ProvinceSeatsRef = builder.objectRef<{ province: string; seats: number }>('ProvinceSeats').implement({
  fields: (t) => ({
    province: t.field({
      type: ProvinceRef,
      nullable: true,
      resolve: (entry) => provinceField(entry.province),
    }),
    seats: t.exposeInt('seats'),
  }),
});

const ReviewSummaryRef = builder.objectRef<{ totals: number[]; callId: string }>('ReviewSummary').implement({
  description: 'Scores are on a 0-100 scale.',
  fields: (t) => ({
    count: t.int({ resolve: (summary) => summary.totals.length }),
    required: t.loadable({
      type: 'Int',
      description: "The call's reviewers: every one of them scores each application.",
      // One count for every call in the response, however many applications show it.
      load: async (callIds: string[]) => {
        const rows = await db().callReviewer.groupBy({
          by: ['callId'],
          where: { callId: { in: callIds } },
          _count: true,
        });
        const counts = new Map(rows.map((row) => [row.callId, row._count]));
        return callIds.map((callId) => counts.get(callId) ?? 0);
      },
      resolve: (summary) => summary.callId,
    }),
    meanScore: t.float({ nullable: true, resolve: (summary) => points(meanTotal(summary.totals)) }),
    spread: t.float({ resolve: (summary) => points(reviewSpread(summary.totals).spread) ?? 0 }),
    disagrees: t.boolean({
      description: 'Reviewers are more than 20 points apart: worth a second look.',
      resolve: (summary) => reviewSpread(summary.totals).disagrees,
    }),
  }),
});

const CriterionScoreRef = builder.objectRef<{ key: string; score: number }>('CriterionScore').implement({
  fields: (t) => ({ key: t.exposeString('key'), score: t.exposeInt('score') }),
});

export const ReviewRef = builder.prismaObject('Review', {
  fields: (t) => ({
    id: t.exposeID('id'),
    reviewer: t.relation('reviewer', { type: UserRef }),
    scores: t.field({
      type: [CriterionScoreRef],
      resolve: (review) =>
        Object.entries(review.scores as Record<string, number>).map(([key, score]) => ({ key, score })),
    }),
    total: t.float({ resolve: (review) => review.total / 100 }),
    comment: t.exposeString('comment', { nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const AuditEventRef = builder.prismaObject('AuditEvent', {
  description: 'One decision in the append-only history.',
  fields: (t) => ({
    id: t.string({ resolve: (event) => event.id.toString() }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    action: t.exposeString('action'),
    fromStatus: t.exposeString('fromStatus', { nullable: true }),
    toStatus: t.exposeString('toStatus', { nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null when the platform acted on its own (a deadline passed).',
      resolve: (event) => (event.actorId ? db().user.findUnique({ where: { id: event.actorId } }) : null),
    }),
  }),
});

const OutcomeKindEnum = builder.enumType('SelectionOutcomeKind', {
  values: ['accepted', 'waitlisted', 'rejected', 'pending'] as const,
});

const SelectionOutcomeRef = builder
  .objectRef<SelectionOutcome & { teacherId: string }>('SelectionOutcome')
  .implement({
    description: 'What the selection does with one application, and why.',
    fields: (t) => ({
      kind: t.field({ type: OutcomeKindEnum, resolve: (outcome) => outcome.kind }),
      rank: t.int({ nullable: true, resolve: (outcome) => outcome.rank }),
      score: t.float({ nullable: true, resolve: (outcome) => points(outcome.score) }),
      position: t.int({
        nullable: true,
        resolve: (outcome) => ('position' in outcome ? outcome.position : null),
      }),
      reason: t.string({
        nullable: true,
        resolve: (outcome) => ('reason' in outcome ? outcome.reason : null),
      }),
      explanation: t.string({ resolve: (outcome, _args, ctx) => explainOutcome(outcome, ctx.locale) }),
      application: t.prismaField({
        type: ApplicationRef,
        resolve: (query, outcome) =>
          db().application.findUniqueOrThrow({ ...query, where: { id: outcome.applicationId } }),
      }),
    }),
  });

const CriterionGapRef = builder
  .objectRef<NonNullable<ReviewDisagreement['widestGap']> & { criterion: RubricCriterion | null }>(
    'CriterionGap',
  )
  .implement({
    description: 'The criterion reviewers are furthest apart on.',
    fields: (t) => ({
      key: t.exposeString('key'),
      name: t.string({
        description: "The criterion's name in the request's language.",
        resolve: (gap, _args, ctx) =>
          gap.criterion ? (ctx.locale === 'en' ? gap.criterion.nameEn : gap.criterion.nameId) : gap.key,
      }),
      nameId: t.string({ resolve: (gap) => gap.criterion?.nameId ?? gap.key }),
      nameEn: t.string({ resolve: (gap) => gap.criterion?.nameEn ?? gap.key }),
      low: t.exposeInt('low'),
      high: t.exposeInt('high'),
      maxScore: t.exposeInt('maxScore'),
      gap: t.float({
        description: '(high - low) as a percentage of the criterion scale, 0-100.',
        resolve: (gap) => gap.gap / 100,
      }),
    }),
  });

const ReviewDisagreementRef = builder
  .objectRef<{ applicationId: string; disagreement: ReviewDisagreement; rubric: readonly RubricCriterion[] }>(
    'ReviewDisagreement',
  )
  .implement({
    description: "How far one application's reviewers are apart. Totals are on a 0-100 scale.",
    fields: (t) => ({
      application: t.prismaField({
        type: ApplicationRef,
        resolve: (query, entry) =>
          db().application.findUniqueOrThrow({ ...query, where: { id: entry.applicationId } }),
      }),
      reviewCount: t.int({ resolve: (entry) => entry.disagreement.reviewCount }),
      spread: t.float({
        description: 'Highest minus lowest total.',
        resolve: (entry) => entry.disagreement.spread / 100,
      }),
      lowTotal: t.float({ nullable: true, resolve: (entry) => points(entry.disagreement.lowTotal) }),
      highTotal: t.float({ nullable: true, resolve: (entry) => points(entry.disagreement.highTotal) }),
      widestGap: t.field({
        type: CriterionGapRef,
        nullable: true,
        resolve: ({ disagreement: { widestGap }, rubric }) =>
          widestGap && {
            ...widestGap,
            criterion: rubric.find((criterion) => criterion.key === widestGap.key) ?? null,
          },
      }),
      disagrees: t.boolean({
        description: 'Totals more than 20 points apart: worth another review before committing.',
        resolve: (entry) => entry.disagreement.disagrees,
      }),
      splitOnCriterion: t.boolean({
        description: 'Some criterion scored at least half its scale apart.',
        resolve: (entry) => entry.disagreement.splitOnCriterion,
      }),
    }),
  });

/** What readCallSettings reads. */
const callSettingsColumns = {
  eligibilityRules: true,
  rubric: true,
  seatsPerProvince: true,
  seats: true,
  minScore: true,
  maxPerSchool: true,
} as const;

builder.prismaObjectFields(TrainingCallRef, (t) => ({
  selectionMode: t.expose('selectionMode', { type: SelectionModeEnum }),
  requiresEndorsement: t.exposeBoolean('requiresEndorsement'),
  endorsementDeadline: t.field({
    type: 'DateTime',
    description: 'Principals endorse before this instant.',
    select: { endorsementDeadline: true, applicationClosesAt: true },
    resolve: (call) => endorsementDeadline(call),
  }),
  confirmationDays: t.exposeInt('confirmationDays'),
  eligibilityRules: t.field({
    type: EligibilityRulesRef,
    select: callSettingsColumns,
    resolve: (call) => readCallSettings(call).rules,
  }),
  rubric: t.field({
    type: [RubricCriterionRef],
    select: callSettingsColumns,
    resolve: (call) => {
      const owner = { id: call.id, programmeId: call.programmeId, providerId: call.providerId };
      return readCallSettings(call).rubric.map((criterion) => ({ ...criterion, call: owner }));
    },
  }),
  minScore: t.float({
    nullable: true,
    description: '0-100.',
    select: { minScore: true },
    resolve: (call) => points(call.minScore),
  }),
  maxPerSchool: t.exposeInt('maxPerSchool', { nullable: true }),
  seatsPerProvince: t.field({
    type: [ProvinceSeatsRef],
    select: { seatsPerProvince: true },
    resolve: (call) =>
      Array.isArray(call.seatsPerProvince)
        ? (call.seatsPerProvince as { province: string; seats: number }[])
        : [],
  }),
  selectionCommittedAt: t.expose('selectionCommittedAt', { type: 'DateTime', nullable: true }),
  seatsTaken: t.relationCount('seatRows', { where: { applicationId: { not: null } } }),
  waitlistCount: t.relationCount('applications', { where: { status: 'WAITLISTED' } }),
  viewerEligibility: t.field({
    type: EligibilityRef,
    nullable: true,
    description: 'For a signed-in teacher: whether they may apply, with every failing rule. Null for others.',
    select: allCallColumns,
    resolve: async (call, _args, ctx) => {
      if (!ctx.viewer || !hasRole(ctx.viewer, 'TEACHER')) return null;
      const { result } = await eligibilityFor(ctx.viewer.id, call);
      if (!result) return null;
      return result.kind === 'eligible'
        ? { eligible: true, reasons: [] }
        : { eligible: false, reasons: result.reasons };
    },
  }),
  reviewers: t.field({
    type: [UserRef],
    authScopes: (call, _args, ctx) => canDeliverCall(ctx, call),
    resolve: async (call) =>
      (
        await db().callReviewer.findMany({
          where: { callId: call.id },
          include: { user: true },
          orderBy: { assignedAt: 'asc' },
        })
      ).map((row) => row.user),
  }),
  reviewProgress: t.field({
    type: builder
      .objectRef<{ endorsed: number; complete: number; disagreements: number; reviewers: number }>(
        'ReviewProgress',
      )
      .implement({
        fields: (p) => ({
          endorsed: p.exposeInt('endorsed', { description: 'Applications waiting for selection.' }),
          complete: p.exposeInt('complete', { description: 'Of those, scored by every reviewer.' }),
          disagreements: p.exposeInt('disagreements'),
          reviewers: p.exposeInt('reviewers'),
        }),
      }),
    authScopes: async (call, _args, ctx) =>
      (await canDeliverCall(ctx, call)) || (await canReviewCall(ctx, call)),
    resolve: async (call) => {
      const [applications, reviewers] = await Promise.all([
        db().application.findMany({
          where: { callId: call.id, status: 'ENDORSED' },
          select: { reviews: { select: { reviewerId: true, total: true } } },
        }),
        db().callReviewer.findMany({ where: { callId: call.id }, select: { userId: true } }),
      ]);
      const ids = reviewers.map((reviewer) => reviewer.userId);
      return {
        endorsed: applications.length,
        complete: applications.filter((a) => isFullyReviewed(a.reviews, ids)).length,
        disagreements: applications.filter((a) => reviewSpread(a.reviews.map((r) => r.total)).disagrees)
          .length,
        reviewers: ids.length,
      };
    },
  }),
  reviewDisagreements: t.field({
    type: [ReviewDisagreementRef],
    description:
      'Endorsed applications scored by two reviewers or more, most disagreement first: for those who manage the call.',
    authScopes: (call, _args, ctx) => canManageCall(ctx, call),
    args: { first: t.arg.int({ defaultValue: 5, description: 'At most 50.' }) },
    select: allCallColumns,
    resolve: async (call, { first }) => {
      const { rubric } = readCallSettings(call);
      return (await findReviewDisagreements(db(), call, { first: first ?? 5 })).map((entry) => ({
        ...entry,
        rubric,
      }));
    },
  }),
  selectionPreview: t.field({
    type: [SelectionOutcomeRef],
    description: 'What committing the selection would do now, with the reason for every outcome.',
    authScopes: (call, _args, ctx) => canDeliverCall(ctx, call),
    select: allCallColumns,
    resolve: async (call) => (await previewSelection(db(), call)).outcomes,
  }),
}));

const ApplicantTrainingRef = builder
  .objectRef<ApplicantRecord['trainings'][number]>('ApplicantTraining')
  .implement({
    description: "One of the applicant's other KMG applications, and where it ended.",
    fields: (t) => ({
      callTitle: t.exposeString('callTitle'),
      providerName: t.exposeString('providerName'),
      startDate: t.expose('startDate', { type: 'LocalDate' }),
      endDate: t.expose('endDate', { type: 'LocalDate' }),
      status: t.field({ type: ApplicationStatusEnum, resolve: (training) => training.status }),
      outcomeExplanation: t.string({
        nullable: true,
        resolve: (training, _args, ctx) =>
          training.outcomeReason ? describeOutcomeReason(training.outcomeReason, ctx.locale) : null,
      }),
    }),
  });

const ApplicantCredentialRef = builder
  .objectRef<ApplicantRecord['credentials'][number]>('ApplicantCredential')
  .implement({
    description: 'A credential KMG issued to the applicant, as it stands today.',
    fields: (t) => ({
      name: t.string({
        description: "In the request's language.",
        resolve: (credential, _args, ctx) => (ctx.locale === 'en' ? credential.nameEn : credential.nameId),
      }),
      issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
      status: t.field({ type: CredentialStatusEnum, resolve: (credential) => credential.status }),
    }),
  });

const ApplicantRecordRef = builder.objectRef<ApplicantRecord>('ApplicantRecord').implement({
  description: "The applicant's earlier KMG trainings and credentials, read before endorsing.",
  fields: (t) => ({
    trainings: t.field({ type: [ApplicantTrainingRef], resolve: (record) => record.trainings }),
    credentials: t.field({ type: [ApplicantCredentialRef], resolve: (record) => record.credentials }),
  }),
});

builder.prismaObjectFields(ApplicationRef, (t) => ({
  applicantRecord: t.field({
    type: ApplicantRecordRef,
    nullable: true,
    description:
      "The teacher's other KMG applications and credentials: for the principal of their school, on calls that ask for an endorsement (null for anyone else).",
    resolve: (application, _args, ctx) => findApplicantRecord(ctx, application.id),
  }),
  endorsementHistory: t.prismaField({
    type: [AuditEventRef],
    description:
      'Each endorsement decision, its undoing and an expiry, oldest first: for the principal of the teacher’s school and those who deliver the call.',
    authScopes: async (application, _args, ctx) =>
      (await canEndorseApplication(ctx, application)) || canSeeApplicationHistory(ctx, application),
    resolve: (query, application) =>
      db().auditEvent.findMany({
        ...query,
        where: { applicationId: application.id, action: { in: [...endorsementAuditActions] } },
        orderBy: { id: 'asc' },
      }),
  }),
  school: t.relation('school', { nullable: true }),
  endorsedAt: t.expose('endorsedAt', { type: 'DateTime', nullable: true }),
  endorsementNote: t.exposeString('endorsementNote', { nullable: true }),
  endorsedBy: t.relation('endorsedBy', {
    nullable: true,
    description: 'The principal who endorsed or declined.',
  }),
  rank: t.exposeInt('rank', { nullable: true }),
  score: t.float({
    nullable: true,
    description: '0-100.',
    resolve: (application) => points(application.score),
  }),
  outcomeReason: t.exposeString('outcomeReason', { nullable: true }),
  outcomeExplanation: t.string({
    nullable: true,
    description: "Why the outcome happened, in the request's language.",
    resolve: (application, _args, ctx) =>
      application.outcomeReason ? describeOutcomeReason(application.outcomeReason, ctx.locale) : null,
  }),
  acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
  confirmBy: t.expose('confirmBy', { type: 'DateTime', nullable: true }),
  confirmedAt: t.expose('confirmedAt', { type: 'DateTime', nullable: true }),
  closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
  waitlistPosition: t.int({
    nullable: true,
    resolve: (application) =>
      application.status === 'WAITLISTED' ? waitlistPosition(db(), application.callId, application.id) : null,
  }),
  reviews: t.relation('reviews', {
    description: "Every reviewer's scores: for those who deliver the call.",
    authScopes: (application, _args, ctx) => canSeeReviewsOf(ctx, application),
    query: { orderBy: { createdAt: 'asc' } },
  }),
  viewerReview: t.field({
    type: ReviewRef,
    nullable: true,
    description: "The signed-in reviewer's own scores for this application.",
    select: (_args, ctx, nestedSelection) => ({
      reviews: nestedSelection({ where: ownReviewsWhere(ctx), take: 1 }),
    }),
    resolve: (application) => application.reviews[0] ?? null,
  }),
  reviewSummary: t.field({
    type: ReviewSummaryRef,
    authScopes: (application, _args, ctx) => canSeeReviewSummary(ctx, { callId: application.callId }),
    select: { reviews: { select: { total: true } } },
    resolve: (application) => ({
      totals: application.reviews.map((review) => review.total),
      callId: application.callId,
    }),
  }),
  history: t.prismaField({
    type: [AuditEventRef],
    description: 'Every decision on this application, oldest first: for those who deliver the call.',
    authScopes: (application, _args, ctx) => canSeeApplicationHistory(ctx, application),
    resolve: (query, application) =>
      db().auditEvent.findMany({
        ...query,
        where: { applicationId: application.id },
        orderBy: { id: 'asc' },
      }),
  }),
}));

const CriterionScoreInput = builder.inputType('CriterionScoreInput', {
  fields: (t) => ({ key: t.string({ required: true }), score: t.int({ required: true }) }),
});

const ProvinceSeatsInput = builder.inputType('ProvinceSeatsInput', {
  fields: (t) => ({ province: t.string({ required: true }), seats: t.int({ required: true }) }),
});

const EligibilityRulesInput = builder.inputType('EligibilityRulesInput', {
  fields: (t) => ({
    subjects: t.stringList(),
    employmentStatuses: t.field({ type: [EmploymentStatusEnum] }),
    minTeachingYears: t.int(),
    maxAge: t.int(),
    ageReferenceDate: t.field({ type: 'LocalDate' }),
    provinces: t.stringList(),
    schoolStatuses: t.field({ type: [SchoolStatusEnum] }),
    centreOfExcellenceOnly: t.boolean(),
  }),
});

const RubricLevelInput = builder.inputType('RubricLevelInput', {
  fields: (t) => ({
    score: t.int({ required: true }),
    descriptionId: t.string({ required: true }),
    descriptionEn: t.string({ required: true }),
  }),
});

const RubricCriterionInput = builder.inputType('RubricCriterionInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    nameId: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    weight: t.int({ required: true }),
    maxScore: t.int({ required: true }),
    levels: t.field({
      type: [RubricLevelInput],
      description: 'What each score means (any of 0..maxScore); omitted or empty for none.',
    }),
  }),
});

const SelectionSettingsInput = builder.inputType('SelectionSettingsInput', {
  fields: (t) => ({
    selectionMode: t.field({ type: SelectionModeEnum, required: true }),
    requiresEndorsement: t.boolean({ required: true }),
    endorsementDeadline: t.field({ type: 'DateTime' }),
    confirmationDays: t.int({ required: true }),
    eligibilityRules: t.field({ type: EligibilityRulesInput, required: true }),
    rubric: t.field({ type: [RubricCriterionInput], required: true }),
    minScore: t.float({ description: 'Minimum mean score, 0-100.' }),
    maxPerSchool: t.int(),
    seatsPerProvince: t.field({ type: [ProvinceSeatsInput] }),
  }),
});

const callIdArg = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) =>
  t.arg.globalID({ for: [TrainingCallRef], required: true });
const applicationIdArg = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) =>
  t.arg.globalID({ for: [ApplicationRef], required: true });

const loadCall = (query: object, id: string) =>
  db().trainingCall.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
const loadApplication = (query: object, id: string) =>
  db().application.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });

builder.mutationFields((t) => ({
  updateSelectionSettings: t.prismaField({
    type: TrainingCallRef,
    description: 'How the call selects: mode, endorsement, eligibility rules, rubric, caps.',
    authScopes: { $any: { programManager: true, admin: true } },
    errors: { types: [InvalidStateError] },
    args: { callId: callIdArg(t), input: t.arg({ type: SelectionSettingsInput, required: true }) },
    resolve: async (query, _root, { callId, input }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await updateSelectionSettings(ctx, { callId: id, input });
      return loadCall(query, id);
    },
  }),
  assignReviewers: t.prismaField({
    type: TrainingCallRef,
    authScopes: { $any: { programManager: true, admin: true } },
    errors: { types: [InvalidStateError] },
    args: { callId: callIdArg(t), reviewerIds: t.arg.globalIDList({ for: [UserRef], required: true }) },
    resolve: async (query, _root, { callId, reviewerIds }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await assignReviewers(ctx, {
        callId: id,
        reviewerIds: reviewerIds.map((reviewer, index) =>
          requireId(reviewer.id, ['reviewerIds', String(index)]),
        ),
      });
      return loadCall(query, id);
    },
  }),
  commitSelection: t.prismaField({
    type: TrainingCallRef,
    description: 'Seats the selected teachers, waitlists and rejects the rest, and tells everyone.',
    authScopes: { $any: { programManager: true, admin: true } },
    errors: { types: [InvalidStateError] },
    args: { callId: callIdArg(t) },
    resolve: async (query, _root, { callId }, ctx) => {
      const id = requireId(callId.id, ['callId']);
      await commitSelection(ctx, { callId: id });
      return loadCall(query, id);
    },
  }),
  submitReview: t.prismaField({
    type: ApplicationRef,
    description: 'An assigned reviewer scores an endorsed application (submit again to revise).',
    authScopes: { selectionReviewer: true },
    errors: { types: [InvalidStateError] },
    args: {
      applicationId: applicationIdArg(t),
      scores: t.arg({ type: [CriterionScoreInput], required: true }),
      comment: t.arg.string(),
    },
    resolve: async (query, _root, { applicationId, scores, comment }, ctx) => {
      const id = requireId(applicationId.id, ['applicationId']);
      await submitReview(ctx, {
        applicationId: id,
        scores: Object.fromEntries(scores.map((s) => [s.key, s.score])),
        comment: comment ?? null,
      });
      return loadApplication(query, id);
    },
  }),
  endorseApplication: t.prismaField({
    type: ApplicationRef,
    description: "The principal of the teacher's school endorses the application.",
    authScopes: { principal: true },
    errors: { types: [InvalidStateError] },
    args: { id: applicationIdArg(t), note: t.arg.string() },
    resolve: async (query, _root, { id, note }, ctx) => {
      const applicationId = requireId(id.id, ['id']);
      await decideEndorsementFor(ctx, { id: applicationId, endorse: true, note: note ?? null });
      return loadApplication(query, applicationId);
    },
  }),
  declineEndorsement: t.prismaField({
    type: ApplicationRef,
    description: 'The principal declines, with a reason the teacher will read.',
    authScopes: { principal: true },
    errors: { types: [InvalidStateError] },
    args: { id: applicationIdArg(t), note: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id, note }, ctx) => {
      const applicationId = requireId(id.id, ['id']);
      await decideEndorsementFor(ctx, { id: applicationId, endorse: false, note });
      return loadApplication(query, applicationId);
    },
  }),
  undoEndorsementDecision: t.prismaField({
    type: ApplicationRef,
    description:
      'The principal takes back their endorsement decision before the endorsement deadline, while selection has not acted on it; the application awaits a decision again.',
    authScopes: { principal: true },
    errors: { types: [InvalidStateError] },
    args: { id: applicationIdArg(t) },
    resolve: async (query, _root, { id }, ctx) => {
      const applicationId = requireId(id.id, ['id']);
      await undoEndorsementDecisionFor(ctx, { id: applicationId });
      return loadApplication(query, applicationId);
    },
  }),
  confirmSeat: t.prismaField({
    type: ApplicationRef,
    description: 'The accepted teacher confirms their seat before the deadline.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: { id: applicationIdArg(t) },
    resolve: async (query, _root, { id }, ctx) => {
      const applicationId = requireId(id.id, ['id']);
      await respondToSeat(ctx, { id: applicationId, response: 'confirm' });
      return loadApplication(query, applicationId);
    },
  }),
  declineSeat: t.prismaField({
    type: ApplicationRef,
    description: 'The accepted teacher turns the seat down; it goes to the next on the waitlist.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: { id: applicationIdArg(t) },
    resolve: async (query, _root, { id }, ctx) => {
      const applicationId = requireId(id.id, ['id']);
      await respondToSeat(ctx, { id: applicationId, response: 'decline' });
      return loadApplication(query, applicationId);
    },
  }),
}));

builder.queryFields((t) => ({
  schoolApplications: t.prismaConnection(
    {
      type: ApplicationRef,
      cursor: 'id',
      description: "Applications of the principal's school, oldest first (those awaiting endorsement first).",
      authScopes: { principal: true },
      args: { pendingOnly: t.arg.boolean() },
      resolve: async (query, _root, { pendingOnly }, ctx) =>
        db().application.findMany({
          ...query,
          where: {
            AND: [
              await applicationsWhere(ctx, 'endorse'),
              ...(pendingOnly ? [{ status: 'SUBMITTED' as const }] : []),
            ],
          },
          orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        }),
    },
    { name: 'SchoolApplicationConnection' },
    { name: 'SchoolApplicationEdge' },
  ),
  reviewAssignments: t.prismaField({
    type: [TrainingCallRef],
    description: 'Calls the signed-in reviewer scores.',
    authScopes: { selectionReviewer: true },
    resolve: async (query, _root, _args, ctx) =>
      db().trainingCall.findMany({
        ...query,
        where: { AND: [await callsWhere(ctx, 'review'), await callsWhere(ctx, 'see')] },
        orderBy: { applicationClosesAt: 'asc' },
      }),
  }),
  selectionReviewers: t.prismaField({
    type: [UserRef],
    description: 'People who can be assigned to score applications.',
    authScopes: { $any: { programManager: true, admin: true } },
    resolve: async (query) =>
      db().user.findMany({
        ...query,
        where: { id: { in: await userIdsWithRole(db(), 'SELECTION_REVIEWER') } },
        orderBy: { name: 'asc' },
      }),
  }),
}));
