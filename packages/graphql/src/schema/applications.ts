import { applyToCall } from '@kmg/core/applications/apply-to-call';
import { withdrawApplication } from '@kmg/core/applications/withdraw-application';
import {
  AlreadyAppliedError,
  ApplicationClosedError,
  InvalidStateError,
  NotEligibleError,
} from '@kmg/core/errors';
import { decodeId, requireId } from '@kmg/core/ids';
import { applicationsWhere, canSeeApplication, ownApplicationsWhere } from '@kmg/core/rules/applications';
import { db } from '@kmg/db';
import { builder } from '#builder.ts';
import { TrainingCallRef } from '#schema/calls.ts';
import { ApplicationStatusEnum } from '#schema/enums.ts';
import { refetchQuery } from '#schema/ids.ts';

export const ApplicationRef = builder.prismaNode('Application', {
  id: { field: 'id' },
  description: "A teacher's application for a seat in a call.",
  // Whoever may see it by the application rules, whichever path reaches it.
  authScopes: (application, ctx) => canSeeApplication(ctx, application),
  fields: (t) => ({
    status: t.expose('status', { type: ApplicationStatusEnum }),
    motivation: t.exposeString('motivation'),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    call: t.relation('call', { type: TrainingCallRef }),
    teacher: t.relation('teacher'),
  }),
});

builder.prismaObjectFields(TrainingCallRef, (t) => ({
  viewerApplication: t.field({
    type: ApplicationRef,
    nullable: true,
    description: "The signed-in teacher's own application to this call, if any.",
    select: (_args, ctx, nestedSelection) => ({
      applications: nestedSelection({ where: ownApplicationsWhere(ctx), take: 1 }),
    }),
    resolve: (call) => call.applications[0] ?? null,
  }),
}));

builder.queryFields((t) => ({
  myApplications: t.prismaConnection(
    {
      type: ApplicationRef,
      cursor: 'id',
      description: "The signed-in teacher's applications, newest first.",
      authScopes: { teacher: true },
      resolve: (query, _root, _args, ctx) =>
        db().application.findMany({
          ...query,
          where: ownApplicationsWhere(ctx),
          orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'MyApplicationConnection' },
    { name: 'MyApplicationEdge' },
  ),
  application: t.prismaField({
    type: ApplicationRef,
    nullable: true,
    args: { id: t.arg.globalID({ for: [ApplicationRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const applicationId = decodeId(id.id);
      if (!applicationId) return null;
      return db().application.findFirst({
        ...query,
        where: { AND: [{ id: applicationId }, await applicationsWhere(ctx, 'see')] },
      });
    },
  }),
}));

builder.mutationFields((t) => ({
  applyToCall: t.prismaField({
    type: ApplicationRef,
    description: 'A teacher applies for a seat, with a motivation statement.',
    authScopes: { teacher: true },
    errors: { types: [ApplicationClosedError, AlreadyAppliedError, NotEligibleError] },
    args: {
      callId: t.arg.globalID({ for: [TrainingCallRef], required: true }),
      motivation: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { callId, motivation }, ctx) => {
      const application = await applyToCall(ctx, { callId: requireId(callId.id, ['callId']), motivation });
      return db().application.findUniqueOrThrow({ ...refetchQuery(query), where: { id: application.id } });
    },
  }),
  withdrawApplication: t.prismaField({
    type: ApplicationRef,
    description: 'The applicant withdraws their application.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: { id: t.arg.globalID({ for: [ApplicationRef], required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const applicationId = requireId(id.id);
      await withdrawApplication(ctx, { id: applicationId });
      return db().application.findUniqueOrThrow({ ...refetchQuery(query), where: { id: applicationId } });
    },
  }),
}));
