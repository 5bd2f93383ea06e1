import type { Actor } from '@kmg/core/actor';
import { callSearchWhere, changeCallStatus, createCall, updateCall } from '@kmg/core/calls/call-changes';
import { readCallPage, rememberCallTotal, rememberedCallTotal } from '@kmg/core/calls/call-page';
import { publishChecksFor } from '@kmg/core/calls/publish-checks';
import { storedDate } from '@kmg/core/dates';
import { InvalidStateError, ValidationError } from '@kmg/core/errors';
import { decodeId, requireId } from '@kmg/core/ids';
import { applicationsWhere } from '@kmg/core/rules/applications';
import { callsWhere, canDeliverCall, canManageCall, canReviewCall, canSeeCall } from '@kmg/core/rules/calls';
import { type ApplicationStatus, db, Prisma } from '@kmg/db';
import {
  callStatuses,
  callTimeZone,
  checkApplicationWindow,
  deliveryModes,
  findProvince,
  type PublishCheck,
  publishCheckKeys,
  searchTextSchema,
  translateError,
  travelSupportKinds,
  venueMapUrl,
} from '@kmg/domain';
import { GraphQLError } from 'graphql';
import { builder } from '#builder.ts';
import { ApplicationStatusEnum } from '#schema/enums.ts';
import { refetchQuery } from '#schema/ids.ts';
import {
  OrganizationRef,
  ProgrammeRef,
  ProvinceRef,
  provinceField,
  SkillAreaRef,
} from '#schema/reference.ts';

export const CallStatusEnum = builder.enumType('CallStatus', { values: callStatuses });
export const DeliveryModeEnum = builder.enumType('DeliveryMode', { values: deliveryModes });
export const TravelSupportEnum = builder.enumType('TravelSupport', {
  values: travelSupportKinds,
  description: 'What a call says about travel costs: not covered, reimbursed up to an amount, paid in full.',
});

const PublishCheckKeyEnum = builder.enumType('PublishCheckKey', { values: publishCheckKeys });
const PublishCheckSeverityEnum = builder.enumType('PublishCheckSeverity', {
  values: ['BLOCKING', 'WARNING'] as const,
});
const PublishCheckStateEnum = builder.enumType('PublishCheckState', {
  values: ['OK', 'FAILED', 'NOT_NEEDED'] as const,
});

const PublishCheckRef = builder.objectRef<PublishCheck>('PublishCheck').implement({
  description:
    'One item of the checklist before publishing a call. The API refuses to publish while a blocking item fails.',
  fields: (t) => ({
    key: t.field({ type: PublishCheckKeyEnum, resolve: (check) => check.key }),
    severity: t.field({
      type: PublishCheckSeverityEnum,
      resolve: (check) => (check.severity === 'blocking' ? 'BLOCKING' : 'WARNING'),
    }),
    state: t.field({
      type: PublishCheckStateEnum,
      resolve: (check) => (check.state === 'ok' ? 'OK' : check.state === 'failed' ? 'FAILED' : 'NOT_NEEDED'),
    }),
    message: t.string({
      nullable: true,
      description: 'Why it failed, in the request language.',
      resolve: (check, _args, ctx) =>
        check.code ? translateError(check.code, ctx.locale, check.params) : null,
    }),
  }),
});

export const CompetencyUnitRef = builder.prismaObject('CompetencyUnit', {
  description: 'An SKKNI competency unit the call trains and assesses.',
  fields: (t) => ({
    code: t.exposeString('code'),
    title: t.exposeString('title'),
  }),
});

/**
 * Every column of a call, for the fields whose rules read the whole row (eligibility, selection).
 * Other fields name the columns they read, so the calls list loads a dozen narrow columns, not the
 * descriptions and JSON settings of every call (measured: Prisma's row mapping was half the page).
 */
export const allCallColumns = Object.fromEntries(
  Object.values(Prisma.TrainingCallScalarFieldEnum).map((column) => [column, true]),
) as { [Column in Prisma.TrainingCallScalarFieldEnum]: true };

const callWindowColumns = {
  status: true,
  province: true,
  applicationOpensAt: true,
  applicationClosesAt: true,
} as const;

export const TrainingCallRef = builder.prismaNode('TrainingCall', {
  id: { field: 'id' },
  // What every call's visibility rule reads (CallRow); fields add their own columns.
  select: { id: true, status: true, programmeId: true, providerId: true },
  description: 'A training call: a provider runs a course, teachers apply for its seats.',
  // Drafts are seen only by those who deliver the call, whichever path reaches them.
  authScopes: (call, ctx) => canSeeCall(ctx, call),
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    learningOutcomes: t.stringList({
      select: { learningOutcomes: { select: { textId: true }, orderBy: { position: 'asc' } } },
      resolve: (call) => call.learningOutcomes.map((outcome) => outcome.textId),
    }),
    competencyUnits: t.relation('competencyUnits', { query: { orderBy: { position: 'asc' } } }),
    mode: t.expose('mode', { type: DeliveryModeEnum }),
    venueName: t.exposeString('venueName', { nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    city: t.exposeString('city'),
    province: t.field({
      type: ProvinceRef,
      select: { province: true },
      resolve: (call) =>
        provinceField(call.province) ?? {
          code: call.province,
          name: call.province,
          timeZone: 'Asia/Jakarta' as const,
        },
    }),
    timeZone: t.string({
      description: "The venue's time zone, in which the application window is announced.",
      select: { province: true },
      resolve: (call) => callTimeZone(call.province),
    }),
    mapUrl: t.string({
      nullable: true,
      description: "A map search for the venue's written address (OpenStreetMap); null for online calls.",
      select: { mode: true, venueName: true, address: true, city: true, province: true },
      resolve: (call) =>
        call.mode === 'ONLINE'
          ? null
          : venueMapUrl({ ...call, provinceName: findProvince(call.province)?.name ?? call.province }),
    }),
    whatToBring: t.exposeString('whatToBring', { nullable: true }),
    accommodationProvided: t.exposeBoolean('accommodationProvided'),
    accommodationNote: t.exposeString('accommodationNote', { nullable: true }),
    travelSupport: t.expose('travelSupport', { type: TravelSupportEnum, nullable: true }),
    travelSupportMaxRupiah: t.exposeInt('travelSupportMaxRupiah', { nullable: true }),
    travelSupportNote: t.exposeString('travelSupportNote', { nullable: true }),
    publishChecklist: t.field({
      type: [PublishCheckRef],
      nullable: true,
      description:
        'The checklist before publishing, for those who manage the call; null once it is published or for anyone else.',
      select: allCallColumns,
      resolve: async (call, _args, ctx) => {
        if (call.status !== 'DRAFT' || !(await canManageCall(ctx, call))) return null;
        return publishChecksFor(db(), call, ctx.now);
      },
    }),
    startDate: t.expose('startDate', { type: 'LocalDate' }),
    endDate: t.expose('endDate', { type: 'LocalDate' }),
    trainingHours: t.exposeInt('trainingHours'),
    seats: t.exposeInt('seats'),
    applicationOpensAt: t.expose('applicationOpensAt', { type: 'DateTime' }),
    applicationClosesAt: t.expose('applicationClosesAt', { type: 'DateTime' }),
    status: t.expose('status', { type: CallStatusEnum }),
    isAcceptingApplications: t.boolean({
      select: callWindowColumns,
      resolve: (call, _args, ctx) => checkApplicationWindow(call, ctx.now).kind === 'open',
    }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    cancelledAt: t.expose('cancelledAt', { type: 'DateTime', nullable: true }),
    cancellationReason: t.exposeString('cancellationReason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    programme: t.relation('programme', { type: ProgrammeRef }),
    provider: t.relation('provider', { type: OrganizationRef }),
    skillArea: t.relation('skillArea', { type: SkillAreaRef }),
    applicationCount: t.relationCount('applications', {
      description: 'Applications in play (not withdrawn).',
      where: { status: { not: 'WITHDRAWN' } },
    }),
    applications: t.prismaConnection(
      {
        type: 'Application',
        cursor: 'id',
        description:
          'Applications to this call the viewer may see: all of them for those who deliver the call, the endorsed ones onwards for its assigned reviewers.',
        authScopes: async (call, _args, ctx) =>
          (await canDeliverCall(ctx, call)) || (await canReviewCall(ctx, call)),
        args: { status: t.arg({ type: ApplicationStatusEnum, required: false }) },
        resolve: async (query, call, args, ctx) =>
          db().application.findMany({
            ...query,
            where: await callApplicationsWhere(ctx, call.id, args.status),
            orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
          }),
        totalCount: async (call, args, ctx) =>
          db().application.count({ where: await callApplicationsWhere(ctx, call.id, args.status) }),
      },
      { name: 'CallApplicationConnection' },
      { name: 'CallApplicationEdge' },
    ),
  }),
});

/** A call's applications the viewer may see, by status if asked: rows they may not see are left out, not refused. */
async function callApplicationsWhere(
  ctx: Actor,
  callId: string,
  status: ApplicationStatus | null | undefined,
) {
  return {
    AND: [{ callId }, ...(status ? [{ status }] : []), await applicationsWhere(ctx, 'see')],
  } satisfies Prisma.ApplicationWhereInput;
}

const TrainingCallFilter = builder.inputType('TrainingCallFilter', {
  fields: (t) => ({
    search: t.string({
      description: 'Words in the title, description, city or provider name.',
      validate: searchTextSchema.nullish(),
    }),
    statuses: t.field({ type: [CallStatusEnum] }),
    skillAreaIds: t.globalIDList({ for: [SkillAreaRef] }),
    skillAreaCodes: t.stringList({ description: 'Skill-area codes (readable in shared links).' }),
    provinces: t.stringList({ description: 'Province codes.' }),
    programmeId: t.globalID({ for: [ProgrammeRef] }),
    providerId: t.globalID({ for: [OrganizationRef] }),
    startsOnOrAfter: t.field({ type: 'LocalDate' }),
    startsOnOrBefore: t.field({ type: 'LocalDate' }),
    acceptingApplications: t.boolean({ description: 'Only calls taking applications right now.' }),
    managedOnly: t.boolean({
      description:
        "Only calls the viewer delivers (the admin console): managers their programmes', provider staff their own, admins all.",
    }),
  }),
});

const CallOrderField = builder.enumType('TrainingCallOrderField', {
  values: ['START_DATE', 'APPLICATION_CLOSES_AT', 'TITLE', 'CREATED_AT', 'SEATS'] as const,
});
const OrderDirection = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });

const TrainingCallOrder = builder.inputType('TrainingCallOrder', {
  fields: (t) => ({
    field: t.field({ type: CallOrderField, required: true }),
    direction: t.field({ type: OrderDirection, required: true }),
  }),
});

type FilterInput = typeof TrainingCallFilter.$inferInput;

const orderColumns = {
  START_DATE: 'startDate',
  APPLICATION_CLOSES_AT: 'applicationClosesAt',
  TITLE: 'title',
  CREATED_AT: 'createdAt',
  SEATS: 'seats',
} as const;

async function filteredCallsWhere(filter: FilterInput | null | undefined, ctx: Actor) {
  const and: Prisma.TrainingCallWhereInput[] = [await callsWhere(ctx, 'see')];
  if (!filter) return { AND: and };
  if (filter.managedOnly) {
    if (!ctx.viewer) {
      throw new GraphQLError(translateError('UNAUTHENTICATED', ctx.locale), {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    and.push(await callsWhere(ctx, 'deliver'));
  }
  if (filter.skillAreaCodes?.length) and.push({ skillArea: { code: { in: filter.skillAreaCodes } } });
  const search = filter.search?.trim();
  if (search) and.push(callSearchWhere(search));
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  if (filter.skillAreaIds?.length) and.push({ skillAreaId: { in: filter.skillAreaIds.map((id) => id.id) } });
  if (filter.provinces?.length) and.push({ province: { in: filter.provinces } });
  if (filter.programmeId) and.push({ programmeId: filter.programmeId.id });
  if (filter.providerId) and.push({ providerId: filter.providerId.id });
  if (filter.startsOnOrAfter) and.push({ startDate: { gte: storedDate(filter.startsOnOrAfter) } });
  if (filter.startsOnOrBefore) and.push({ startDate: { lte: storedDate(filter.startsOnOrBefore) } });
  if (filter.acceptingApplications) {
    and.push({ status: 'OPEN', applicationOpensAt: { lte: ctx.now }, applicationClosesAt: { gt: ctx.now } });
  }
  return { AND: and };
}

builder.queryFields((t) => ({
  trainingCalls: t.prismaConnection(
    {
      type: TrainingCallRef,
      cursor: 'id',
      description: 'Calls the viewer may see, filtered and sorted; published calls are public.',
      args: {
        filter: t.arg({ type: TrainingCallFilter }),
        orderBy: t.arg({ type: TrainingCallOrder }),
      },
      resolve: async (query, _root, args, ctx) => {
        const order = args.orderBy ?? { field: 'START_DATE', direction: 'ASC' };
        const direction = order.direction === 'ASC' ? 'asc' : 'desc';
        const where = await filteredCallsWhere(args.filter, ctx);
        // The lists' hot path: one statement instead of one per relation (call-page.ts).
        const page = await readCallPage(query, where, { field: orderColumns[order.field], direction });
        if (page) {
          rememberCallTotal(ctx, args.filter, page.total);
          return page.rows as Prisma.TrainingCallGetPayload<object>[];
        }
        return db().trainingCall.findMany({
          ...query,
          where,
          orderBy: [{ [orderColumns[order.field]]: direction }, { id: direction }],
        });
      },
      totalCount: async (_connection, args, ctx) =>
        rememberedCallTotal(ctx, args.filter) ??
        db().trainingCall.count({ where: await filteredCallsWhere(args.filter, ctx) }),
    },
    { name: 'TrainingCallConnection' },
    { name: 'TrainingCallEdge' },
  ),
  trainingCall: t.prismaField({
    type: TrainingCallRef,
    nullable: true,
    args: { id: t.arg.globalID({ for: [TrainingCallRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const callId = decodeId(id.id);
      if (!callId) return null;
      return db().trainingCall.findFirst({
        ...query,
        where: { AND: [{ id: callId }, await callsWhere(ctx, 'see')] },
      });
    },
  }),
}));

const CompetencyUnitInput = builder.inputType('CompetencyUnitInput', {
  fields: (t) => ({
    code: t.string({ required: true, description: 'SKKNI unit code, X.000000.000.00.' }),
    title: t.string({ required: true }),
  }),
});

const TrainingCallInput = builder.inputType('TrainingCallInput', {
  fields: (t) => ({
    programmeId: t.globalID({ for: [ProgrammeRef], required: true }),
    providerId: t.globalID({ for: [OrganizationRef], required: true }),
    skillAreaId: t.globalID({ for: [SkillAreaRef], required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: true }),
    learningOutcomes: t.stringList({ required: true }),
    competencyUnits: t.field({ type: [CompetencyUnitInput], required: false }),
    mode: t.field({ type: DeliveryModeEnum, required: true }),
    venueName: t.string(),
    address: t.string(),
    city: t.string({ required: true }),
    province: t.string({ required: true, description: 'Province code.' }),
    startDate: t.field({ type: 'LocalDate', required: true }),
    endDate: t.field({ type: 'LocalDate', required: true }),
    trainingHours: t.int({ required: true }),
    seats: t.int({ required: true }),
    applicationOpensAt: t.field({ type: 'DateTime', required: true }),
    applicationClosesAt: t.field({ type: 'DateTime', required: true }),
    whatToBring: t.string(),
    accommodationProvided: t.boolean(),
    accommodationNote: t.string(),
    travelSupport: t.field({ type: TravelSupportEnum }),
    travelSupportMaxRupiah: t.int({ description: 'Rupiah, for REIMBURSED_UP_TO.' }),
    travelSupportNote: t.string(),
  }),
});

type CallInputValue = typeof TrainingCallInput.$inferInput;

function splitInput(input: CallInputValue) {
  const { programmeId, providerId, skillAreaId, ...content } = input;
  const refs = {
    programmeId: decodeId(programmeId.id),
    providerId: decodeId(providerId.id),
    skillAreaId: decodeId(skillAreaId.id),
  };
  const bad = Object.entries(refs).filter(([, value]) => !value);
  if (bad.length > 0)
    throw new ValidationError(bad.map(([key]) => ({ path: ['input', key], code: 'INVALID_ID' })));
  return { refs: refs as { programmeId: string; providerId: string; skillAreaId: string }, content };
}

async function loadCall(query: object, id: string) {
  return db().trainingCall.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
}

builder.mutationFields((t) => ({
  createTrainingCall: t.prismaField({
    type: TrainingCallRef,
    description: 'A program manager drafts a call in a programme they run.',
    authScopes: { $any: { programManager: true, admin: true } },
    errors: {},
    args: { input: t.arg({ type: TrainingCallInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { refs, content } = splitInput(input);
      const { id } = await createCall(ctx, { refs, input: content });
      return loadCall(query, id);
    },
  }),
  updateTrainingCall: t.prismaField({
    type: TrainingCallRef,
    authScopes: { $any: { programManager: true, admin: true } },
    errors: { types: [InvalidStateError] },
    args: {
      id: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      input: t.arg({ type: TrainingCallInput, required: true }),
    },
    resolve: async (query, _root, { id, input }, ctx) => {
      const { refs, content } = splitInput(input);
      const updated = await updateCall(ctx, { id: requireId(id.id), refs, input: content });
      return loadCall(query, updated.id);
    },
  }),
  publishTrainingCall: transitionField(t, 'publish', 'Opens a draft call for applications.'),
  closeTrainingCall: transitionField(t, 'close', 'Stops taking applications.'),
  cancelTrainingCall: t.prismaField({
    type: TrainingCallRef,
    description: 'Cancels a call, with a reason every applicant will see.',
    authScopes: { $any: { programManager: true, admin: true } },
    errors: { types: [InvalidStateError] },
    args: {
      id: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { id, reason }, ctx) => {
      const done = await changeCallStatus(ctx, { id: requireId(id.id), action: 'cancel', reason });
      return loadCall(query, done.id);
    },
  }),
}));

function transitionField(
  t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0],
  action: 'publish' | 'close',
  description: string,
) {
  return t.prismaField({
    type: TrainingCallRef,
    description,
    authScopes: { $any: { programManager: true, admin: true } },
    errors: { types: [InvalidStateError] },
    args: { id: t.arg.globalID({ for: [TrainingCallRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const done = await changeCallStatus(ctx, { id: requireId(id.id), action });
      return loadCall(query, done.id);
    },
  });
}
