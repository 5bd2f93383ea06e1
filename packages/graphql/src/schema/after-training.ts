import {
  createIndustryContact,
  deleteIndustryContact,
  myIndustryContactsWhere,
  updateIndustryContact,
} from '@kmg/core/after-training/industry-contacts';
import { setSkillAreaJobLinks } from '@kmg/core/after-training/job-links';
import {
  findProvinceTrainingFigures,
  type ProvinceTrainingFigure,
} from '@kmg/core/after-training/province-figures';
import {
  type CallRatings,
  findCallRatings,
  findMyRating,
  publicProviderRating,
  rateTraining,
  staffProviderRating,
  type TrainingRatingRow,
} from '@kmg/core/after-training/ratings';
import { requireId } from '@kmg/core/ids';
import { db } from '@kmg/db';
import { RATING_REVIEW_MAX, type RatingSummary, ratingEditableUntil } from '@kmg/domain';
import { builder } from '#builder.ts';
import { ApplicationRef } from '#schema/applications.ts';
import { TrainingCallRef } from '#schema/calls.ts';
import { CredentialRef } from '#schema/credentials.ts';
import { refetchQuery } from '#schema/ids.ts';
import { OrganizationRef, SkillAreaRef } from '#schema/reference.ts';

// After the training: ratings of trainings, job platforms per skill area, teachers' industry
// contacts, and the programme's figures per province (for the map).

export const RatingSummaryRef = builder.objectRef<RatingSummary>('RatingSummary').implement({
  description: 'Average stars (one decimal) and how many ratings it rests on.',
  fields: (t) => ({
    average: t.exposeFloat('average'),
    count: t.exposeInt('count'),
  }),
});

const MyTrainingRatingRef = builder
  .objectRef<{ stars: number; review: string | null; createdAt: Date; updatedAt: Date }>('MyTrainingRating')
  .implement({
    description: "The signed-in teacher's own rating of a training.",
    fields: (t) => ({
      stars: t.exposeInt('stars'),
      review: t.exposeString('review', { nullable: true }),
      ratedAt: t.expose('createdAt', { type: 'DateTime' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
      editableUntil: t.field({
        type: 'DateTime',
        description: 'After this instant the rating stands as it is (30 days after it was given).',
        resolve: (rating) => ratingEditableUntil(rating.createdAt),
      }),
      isEditable: t.boolean({
        resolve: (rating, _args, ctx) => ctx.now.getTime() <= ratingEditableUntil(rating.createdAt).getTime(),
      }),
    }),
  });

const CallRatingRef = builder
  .objectRef<{ row: TrainingRatingRow; showsNames: boolean }>('CallRating')
  .implement({
    description: "One teacher's rating of a call, as staff who deliver the call see it.",
    fields: (t) => ({
      stars: t.int({ resolve: ({ row }) => row.stars }),
      review: t.string({ nullable: true, resolve: ({ row }) => row.review }),
      ratedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'Those who manage the call only (a date could point at the participant).',
        resolve: ({ row, showsNames }) => (showsNames ? row.createdAt : null),
      }),
      teacherName: t.string({
        nullable: true,
        description: "Those who manage the call only; the provider's staff read reviews without names.",
        resolve: ({ row, showsNames }) => (showsNames ? row.teacher.name : null),
      }),
    }),
  });

const CallRatingsRef = builder.objectRef<CallRatings & { providerId: string }>('CallRatings').implement({
  description: 'Teachers’ ratings of a call, for those who deliver it.',
  fields: (t) => ({
    summary: t.field({ type: RatingSummaryRef, nullable: true, resolve: (ratings) => ratings.summary }),
    showsNames: t.exposeBoolean('showsNames'),
    ratings: t.field({
      type: [CallRatingRef],
      resolve: (ratings) => ratings.ratings.map((row) => ({ row, showsNames: ratings.showsNames })),
    }),
    providerSummary: t.field({
      type: RatingSummaryRef,
      nullable: true,
      description: "Every rating of the call's provider, over all its calls.",
      resolve: (ratings, _args, ctx) => staffProviderRating(ctx, ratings.providerId),
    }),
  }),
});

builder.prismaObjectFields(TrainingCallRef, (t) => ({
  providerRating: t.field({
    type: RatingSummaryRef,
    nullable: true,
    description:
      "Teachers' ratings of the provider's trainings (all its calls): shown from three ratings, null below, so no single teacher's rating can be read off it.",
    select: { providerId: true },
    resolve: (call, _args, ctx) => publicProviderRating(ctx, call.providerId),
  }),
  ratings: t.field({
    type: CallRatingsRef,
    nullable: true,
    description: 'The ratings of this call: for those who deliver it (null for anyone else).',
    select: { id: true, providerId: true },
    resolve: async (call, _args, ctx) => {
      const ratings = await findCallRatings(ctx, call.id);
      return ratings && { ...ratings, providerId: call.providerId };
    },
  }),
}));

builder.prismaObjectFields(OrganizationRef, (t) => ({
  ratingSummary: t.field({
    type: RatingSummaryRef,
    nullable: true,
    description:
      "A provider's rating over all its calls: admins and program managers for any provider, provider staff for their own (null for another).",
    authScopes: { $any: { admin: true, programManager: true, providerStaff: true } },
    select: { id: true },
    resolve: (organization, _args, ctx) => staffProviderRating(ctx, organization.id),
  }),
}));

builder.prismaObjectFields(CredentialRef, (t) => ({
  myRating: t.field({
    type: MyTrainingRatingRef,
    nullable: true,
    description: "The holder's rating of the training that awarded this credential (null for anyone else).",
    select: { applicationId: true, teacherId: true },
    resolve: (credential, _args, ctx) =>
      ctx.viewer?.id === credential.teacherId ? findMyRating(ctx, credential.applicationId) : null,
  }),
  canRate: t.boolean({
    description: 'Whether the viewer is this training credential’s holder and may rate the training now.',
    select: { applicationId: true, teacherId: true, revokedAt: true },
    resolve: async (credential, _args, ctx) => {
      if (ctx.viewer?.id !== credential.teacherId || !credential.applicationId || credential.revokedAt)
        return false;
      const rating = await findMyRating(ctx, credential.applicationId);
      return !rating || ctx.now.getTime() <= ratingEditableUntil(rating.createdAt).getTime();
    },
  }),
}));

const TrainingRatingInput = builder.inputType('TrainingRatingInput', {
  fields: (t) => ({
    stars: t.int({ required: true, description: '1 to 5.' }),
    review: t.string({ description: `At most ${RATING_REVIEW_MAX} characters; optional.` }),
  }),
});

// Job platforms per skill area.

export const JobLinkRef = builder.prismaObject('SkillAreaJobLink', {
  description:
    'Where teachers send their students for work and apprenticeships (a platform of the ministry).',
  fields: (t) => ({
    name: t.exposeString('name'),
    url: t.exposeString('url'),
    description: t.string({
      description: "In the request's language.",
      resolve: (link, _args, ctx) => (ctx.locale === 'en' ? link.descriptionEn : link.descriptionId),
    }),
    descriptionId: t.exposeString('descriptionId'),
    descriptionEn: t.exposeString('descriptionEn'),
  }),
});

builder.prismaObjectFields(SkillAreaRef, (t) => ({
  jobLinks: t.relation('jobLinks', {
    type: JobLinkRef,
    description: 'Job and apprenticeship platforms for students of this skill area, in order.',
    query: { orderBy: { sortOrder: 'asc' } },
  }),
}));

const JobLinkInput = builder.inputType('JobLinkInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    url: t.string({ required: true, description: 'An https address.' }),
    descriptionId: t.string({ required: true }),
    descriptionEn: t.string({ required: true }),
  }),
});

// Industry contacts.

export const IndustryContactRef = builder.prismaNode('IndustryContact', {
  id: { field: 'id' },
  description:
    'An industry partner a teacher met during a training, kept for student internships. Private to the teacher.',
  // Private to the teacher, whichever path reaches it.
  authScopes: (contact, ctx) => ctx.viewer?.id === contact.teacherId,
  select: { id: true, teacherId: true },
  fields: (t) => ({
    companyName: t.exposeString('companyName'),
    contactName: t.exposeString('contactName', { nullable: true }),
    role: t.exposeString('role', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    application: t.relation('application', {
      nullable: true,
      type: ApplicationRef,
      description: 'The training where they met (the teacher’s application to its call).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const IndustryContactInput = builder.inputType('IndustryContactInput', {
  fields: (t) => ({
    companyName: t.string({ required: true }),
    contactName: t.string(),
    role: t.string(),
    email: t.string(),
    phone: t.string(),
    notes: t.string(),
    applicationId: t.globalID({ for: [ApplicationRef], description: 'The training where they met.' }),
  }),
});

// Figures per province, for the map.

const ProvinceTrainingFigureRef = builder
  .objectRef<ProvinceTrainingFigure>('ProvinceTrainingFigure')
  .implement({
    description:
      'Teachers trained (holding a standing training credential) in a province, per 1,000 teachers registered on KMG there.',
    fields: (t) => ({
      provinceCode: t.exposeString('provinceCode'),
      provinceName: t.exposeString('provinceName'),
      teachersTrained: t.exposeInt('teachersTrained'),
      teachersRegistered: t.exposeInt('teachersRegistered'),
      trainedPerThousand: t.exposeFloat('trainedPerThousand', { nullable: true }),
    }),
  });

builder.queryFields((t) => ({
  myIndustryContacts: t.prismaField({
    type: [IndustryContactRef],
    authScopes: { teacher: true },
    resolve: (query, _root, _args, ctx) =>
      db().industryContact.findMany({
        ...query,
        where: myIndustryContactsWhere(ctx),
        orderBy: { createdAt: 'desc' },
      }),
  }),
  provinceTrainingFigures: t.field({
    type: [ProvinceTrainingFigureRef],
    description:
      'All 38 provinces: teachers trained in the programmes the viewer manages (admins: all), per 1,000 teachers registered on KMG.',
    authScopes: { $any: { admin: true, programManager: true } },
    resolve: (_root, _args, ctx) => findProvinceTrainingFigures(ctx),
  }),
}));

builder.mutationFields((t) => ({
  rateTraining: t.prismaField({
    type: CredentialRef,
    description:
      'Gives or changes the holder’s rating of the training that awarded a credential (editable for 30 days).',
    authScopes: { teacher: true },
    errors: {},
    args: {
      credentialId: t.arg.globalID({ for: [CredentialRef], required: true }),
      input: t.arg({ type: TrainingRatingInput, required: true }),
    },
    resolve: async (query, _root, { credentialId, input }, ctx) => {
      const id = requireId(credentialId.id, ['credentialId']);
      await rateTraining(ctx, { credentialId: id, input });
      return db().credential.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
  setSkillAreaJobLinks: t.prismaField({
    type: SkillAreaRef,
    description: 'Replaces the job platform links of a skill area. Program managers and admins.',
    authScopes: { $any: { admin: true, programManager: true } },
    errors: {},
    args: {
      skillAreaId: t.arg.globalID({ for: [SkillAreaRef], required: true }),
      links: t.arg({ type: [JobLinkInput], required: true }),
    },
    resolve: async (query, _root, { skillAreaId, links }, ctx) => {
      const id = requireId(skillAreaId.id, ['skillAreaId']);
      await setSkillAreaJobLinks(ctx, { skillAreaId: id, links });
      return db().skillArea.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
  createIndustryContact: t.prismaField({
    type: IndustryContactRef,
    authScopes: { teacher: true },
    errors: {},
    args: { input: t.arg({ type: IndustryContactInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await createIndustryContact(ctx, { input: contactInput(input) });
      return db().industryContact.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
    },
  }),
  updateIndustryContact: t.prismaField({
    type: IndustryContactRef,
    authScopes: { teacher: true },
    errors: {},
    args: {
      id: t.arg.globalID({ for: [IndustryContactRef], required: true }),
      input: t.arg({ type: IndustryContactInput, required: true }),
    },
    resolve: async (query, _root, { id, input }, ctx) => {
      const contactId = requireId(id.id, ['id']);
      await updateIndustryContact(ctx, { id: contactId, input: contactInput(input) });
      return db().industryContact.findUniqueOrThrow({ ...refetchQuery(query), where: { id: contactId } });
    },
  }),
  deleteIndustryContact: t.field({
    type: 'ID',
    description: 'Deletes one of the viewer’s contacts; answers its id.',
    authScopes: { teacher: true },
    errors: {},
    args: { id: t.arg.globalID({ for: [IndustryContactRef], required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteIndustryContact(ctx, { id: requireId(id.id, ['id']) });
      return id.id;
    },
  }),
}));

/** The input with the training's global id decoded. */
function contactInput(input: { applicationId?: { id: string } | null } & Record<string, unknown>) {
  const applicationId = input.applicationId
    ? requireId(input.applicationId.id, ['input', 'applicationId'])
    : null;
  return { ...input, applicationId };
}
