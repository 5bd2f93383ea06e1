import { InvalidStateError, ValidationError } from '@kmg/core/errors';
import { decodeId, requireId } from '@kmg/core/ids';
import {
  createPathway,
  previewPathwayPublication,
  publishPathway,
  retirePathway,
  savePathwayDraft,
} from '@kmg/core/pathways/pathways';
import { decideAwardReview } from '@kmg/core/pathways/reviews';
import { type TeacherPathway, teacherPathways } from '@kmg/core/pathways/teacher-pathways';
import { canManagePathways, pathwayVersionsWhere } from '@kmg/core/rules/pathways';
import { containsText, db } from '@kmg/db';
import {
  type GroupProgress,
  type NotCounted,
  type PathwayGroup,
  type PathwayItemMatch,
  pathwayItems,
  translateError,
} from '@kmg/domain';
import { z } from 'zod';
import { builder } from '#builder.ts';
import { TrainingCallRef } from '#schema/calls.ts';
import { CredentialRef } from '#schema/credentials.ts';
import { ErrorCodeEnum } from '#schema/errors.ts';
import { refetchQuery } from '#schema/ids.ts';
import { OrganizationRef } from '#schema/reference.ts';

const managers = { $any: { programManager: true, admin: true } };
/** The pickers serve the pathway builder and the RPL rule editor. */
const pickerUsers = { $any: { programManager: true, admin: true, rplReviewer: true } };

const PathwayStatusEnum = builder.enumType('PathwayStatus', {
  values: ['DRAFT', 'PUBLISHED', 'RETIRED'] as const,
});
const BackfillStatusEnum = builder.enumType('BackfillStatus', {
  values: ['RUNNING', 'DONE', 'FAILED'] as const,
});
const AwardReviewStatusEnum = builder.enumType('AwardReviewStatus', {
  values: ['OPEN', 'KEPT', 'REVOKED'] as const,
});
const AwardReviewDecisionEnum = builder.enumType('AwardReviewDecision', {
  values: ['KEEP', 'REVOKE'] as const,
});

export const PathwayRef = builder.prismaNode('Pathway', {
  id: { field: 'id' },
  description: 'A stack of credentials that adds up to a larger one, in versions.',
  fields: (t) => ({
    code: t.exposeString('code'),
    issuer: t.relation('issuer', { type: OrganizationRef }),
    versions: t.relation('versions', {
      description: 'Every version the viewer may see, newest first.',
      query: (_args, ctx) => ({ where: pathwayVersionsWhere(ctx), orderBy: { version: 'desc' } }),
    }),
  }),
});

export const PathwayVersionRef = builder.prismaNode('PathwayVersion', {
  id: { field: 'id' },
  description: 'One version of a pathway: frozen once published; an edit drafts the next version.',
  fields: (t) => ({
    pathway: t.relation('pathway'),
    code: t.string({ select: { pathway: { select: { code: true } } }, resolve: (v) => v.pathway.code }),
    version: t.exposeInt('version'),
    status: t.expose('status', { type: PathwayStatusEnum }),
    title: t.string({
      description: "In the request's language.",
      resolve: (v, _args, ctx) => (ctx.locale === 'en' ? v.titleEn : v.titleId),
    }),
    description: t.string({
      resolve: (v, _args, ctx) => (ctx.locale === 'en' ? v.descriptionEn : v.descriptionId),
    }),
    titleId: t.exposeString('titleId'),
    titleEn: t.exposeString('titleEn'),
    descriptionId: t.exposeString('descriptionId'),
    descriptionEn: t.exposeString('descriptionEn'),
    kkniLevel: t.exposeInt('kkniLevel'),
    achievementType: t.exposeString('achievementType'),
    validityMonths: t.exposeInt('validityMonths', { nullable: true }),
    recencyYears: t.exposeInt('recencyYears', { nullable: true }),
    allowCredentialReuse: t.exposeBoolean('allowCredentialReuse'),
    illustrative: t.exposeBoolean('illustrative', {
      description: 'Demo data: an example, not a programme decision.',
    }),
    definition: t.string({
      description:
        'The requirement tree as JSON: `{ requirements, precedes, recencyYears, allowCredentialReuse }`.',
      resolve: (v) =>
        JSON.stringify({
          requirements: v.requirements,
          precedes: v.precedes,
          recencyYears: v.recencyYears,
          allowCredentialReuse: v.allowCredentialReuse,
        }),
    }),
    items: t.field({
      type: [PathwayItemRef],
      description: 'The requirement items in tree order, each with a label in the request language.',
      resolve: async (v, _args, ctx) => labelItems(v.requirements as never, ctx.locale),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true }),
    backfillStatus: t.expose('backfillStatus', { type: BackfillStatusEnum, nullable: true }),
    backfillTotal: t.exposeInt('backfillTotal'),
    backfillDone: t.exposeInt('backfillDone'),
    backfillAwarded: t.exposeInt('backfillAwarded'),
    awardCount: t.relationCount('awards', {
      description: 'Teachers holding an award under this version (revoked awards not counted).',
      where: { revokedAt: null },
      authScopes: managers,
    }),
    awards: t.relatedConnection('awards', {
      description: 'Credentials awarded under this version, newest first (program managers).',
      authScopes: managers,
      cursor: 'id',
      totalCount: true,
      query: { orderBy: { validFrom: 'desc' } },
    }),
  }),
});

type LabeledItem = {
  itemId: string;
  groupId: string;
  kind: PathwayItemMatch['kind'];
  label: string;
  reference: string;
};

const PathwayItemRef = builder.objectRef<LabeledItem>('PathwayItem').implement({
  description: 'One requirement of a pathway, as the teacher reads it.',
  fields: (t) => ({
    itemId: t.exposeString('itemId'),
    groupId: t.exposeString('groupId'),
    kind: t.exposeString('kind', {
      description: 'achievement, achievementVersion, skkniUnit, skillArea, pathway or external.',
    }),
    label: t.exposeString('label'),
    reference: t.exposeString('reference', { description: 'The code, unit or id the item names.' }),
  }),
});

/** Human labels for items: the names of what they name, looked up in one round per kind. */
async function labelItems(requirements: Parameters<typeof pathwayItems>[0], locale: 'id' | 'en') {
  const items = pathwayItems(requirements);
  const of = <K extends PathwayItemMatch['kind']>(kind: K) =>
    items.flatMap(({ item }) =>
      item.match.kind === kind ? [item.match as Extract<PathwayItemMatch, { kind: K }>] : [],
    );
  const [achievements, calls, versions, units, areas, pathways] = await Promise.all([
    db().achievement.findMany({
      where: { code: { in: of('achievement').map((m) => m.code) } },
      orderBy: { version: 'desc' },
      select: { code: true, nameId: true, nameEn: true },
    }),
    // A call that has not awarded yet will award its achievement under its own code.
    db().trainingCall.findMany({
      where: { code: { in: of('achievement').map((m) => m.code) } },
      select: { code: true, title: true },
    }),
    db().achievement.findMany({
      where: { id: { in: of('achievementVersion').map((m) => m.achievementId) } },
      select: { id: true, nameId: true, nameEn: true, version: true },
    }),
    db().skkniUnit.findMany({ where: { code: { in: of('skkniUnit').map((m) => m.unitCode) } } }),
    db().skillArea.findMany({ where: { code: { in: of('skillArea').map((m) => m.skillAreaCode) } } }),
    db().pathwayVersion.findMany({
      where: { status: 'PUBLISHED', pathway: { code: { in: of('pathway').map((m) => m.pathwayCode) } } },
      select: { titleId: true, titleEn: true, pathway: { select: { code: true } } },
    }),
  ]);
  const en = locale === 'en';
  const name = (row: { nameId: string; nameEn: string }) => (en ? row.nameEn : row.nameId);
  return items.map(({ item, groupId }): LabeledItem => {
    const match = item.match;
    const base = { itemId: item.id, groupId, kind: match.kind };
    switch (match.kind) {
      case 'achievement': {
        const row = achievements.find((a) => a.code === match.code);
        const call = calls.find((c) => c.code === match.code);
        return { ...base, reference: match.code, label: row ? name(row) : (call?.title ?? match.code) };
      }
      case 'achievementVersion': {
        const row = versions.find((a) => a.id === match.achievementId);
        return {
          ...base,
          reference: match.achievementId,
          label: row ? `${name(row)} (${en ? 'version' : 'versi'} ${row.version})` : match.achievementId,
        };
      }
      case 'skkniUnit': {
        const row = units.find((u) => u.code === match.unitCode);
        return {
          ...base,
          reference: match.unitCode,
          label: `${en ? 'SKKNI unit' : 'Unit SKKNI'} ${match.unitCode}${row ? ` ${en && row.titleEn ? row.titleEn : row.titleId}` : ''} (${en ? 'competent' : 'Kompeten'})`,
        };
      }
      case 'skillArea': {
        const row = areas.find((a) => a.code === match.skillAreaCode);
        const area = row ? (en ? row.nameEn : row.nameId) : match.skillAreaCode;
        return {
          ...base,
          reference: match.skillAreaCode,
          label: en
            ? `Any credential in ${area} at KKNI level ${match.minKkniLevel} or above`
            : `Kredensial apa pun di bidang ${area} dengan jenjang KKNI ${match.minKkniLevel} atau lebih`,
        };
      }
      case 'pathway': {
        const row = pathways.find((p) => p.pathway.code === match.pathwayCode);
        return {
          ...base,
          reference: match.pathwayCode,
          label: `${en ? 'Pathway' : 'Jalur'} ${row ? (en ? row.titleEn : row.titleId) : match.pathwayCode}`,
        };
      }
      default:
        return {
          ...base,
          reference: match.achievementId,
          label: en
            ? `Imported credential ${match.achievementId} from ${match.issuerId}`
            : `Kredensial impor ${match.achievementId} dari ${match.issuerId}`,
        };
    }
  });
}

type PlacedGroupProgress = GroupProgress & { parentGroupId: string | null };

/** Each group's parent, read from the tree the evaluation came from. */
function placeGroups(requirements: PathwayGroup, groups: readonly GroupProgress[]): PlacedGroupProgress[] {
  const parents = new Map<string, string | null>();
  const visit = (group: PathwayGroup, parent: string | null) => {
    parents.set(group.id, parent);
    for (const child of group.children) if (child.type === 'group') visit(child, group.id);
  };
  visit(requirements, null);
  return groups.map((group) => ({ ...group, parentGroupId: parents.get(group.groupId) ?? null }));
}

/**
 * How far a group is toward its rule, 0 to 1: a met group is 1; items count 1 when filled; an
 * "all" or "at least n" group is the best children's share; hours and SKS groups their share.
 */
function groupShare(group: PathwayGroup, evaluation: TeacherPathway['evaluation']): number {
  const progress = evaluation.groups.find((g) => g.groupId === group.id);
  if (!progress) return 0;
  if (progress.isSatisfied) return 1;
  const filled = new Set(evaluation.assignment.map((entry) => entry.itemId));
  switch (group.rule.kind) {
    case 'hours':
      return Math.min(1, progress.hours / group.rule.min);
    case 'sks':
      return Math.min(1, progress.sksHundredths / group.rule.minHundredths);
    default: {
      const shares = group.children
        .map((child) =>
          child.type === 'item' ? (filled.has(child.id) ? 1 : 0) : groupShare(child, evaluation),
        )
        .sort((a, b) => b - a);
      const needed = group.rule.kind === 'atLeast' ? group.rule.count : group.children.length;
      return shares.slice(0, needed).reduce((sum, share) => sum + share, 0) / Math.max(needed, 1);
    }
  }
}

const GroupProgressRef = builder.objectRef<PlacedGroupProgress>('PathwayGroupProgress').implement({
  fields: (t) => ({
    groupId: t.exposeString('groupId'),
    rule: t.string({ description: 'all, atLeast, hours or sks.', resolve: (g) => g.rule.kind }),
    target: t.float({
      description: 'n for atLeast, the hours for hours, SKS for sks, the number of children for all.',
      resolve: (g) =>
        g.rule.kind === 'atLeast'
          ? g.rule.count
          : g.rule.kind === 'hours'
            ? g.rule.min
            : g.rule.kind === 'sks'
              ? g.rule.minHundredths / 100
              : g.requiredChildren,
    }),
    parentGroupId: t.string({
      nullable: true,
      description: 'The group this one sits in; null for the root.',
      resolve: (g) => g.parentGroupId,
    }),
    isSatisfied: t.exposeBoolean('isSatisfied'),
    satisfiedChildren: t.exposeInt('satisfiedChildren'),
    requiredChildren: t.exposeInt('requiredChildren'),
    hours: t.exposeInt('hours'),
    sks: t.float({ resolve: (g) => g.sksHundredths / 100 }),
  }),
});

const NotCountedRef = builder.objectRef<NotCounted>('PathwayNotCounted').implement({
  description: 'A credential of the teacher that does not count toward the pathway, and why.',
  fields: (t) => ({
    credentialId: t.exposeString('credentialId'),
    reason: t.exposeString('reason'),
    code: t.field({ type: ErrorCodeEnum, resolve: (n) => n.code }),
    message: t.string({ resolve: (n, _args, ctx) => translateError(n.code, ctx.locale, n.params) }),
  }),
});

type ItemState = { item: LabeledItem; credentialIds: string[]; state: TeacherPathway; isMissing: boolean };

const PathwayItemStateRef = builder.objectRef<ItemState>('PathwayItemState').implement({
  description: "One requirement and the teacher's standing on it.",
  fields: (t) => ({
    item: t.field({ type: PathwayItemRef, resolve: (s) => s.item }),
    isFilled: t.boolean({ resolve: (s) => s.credentialIds.length > 0 }),
    isMissing: t.boolean({
      description: 'The pathway is not complete without it (filled items and optional ones are not missing).',
      resolve: (s) => s.isMissing,
    }),
    filledBy: t.stringList({
      description: 'Ids of the credentials (issued or imported) that fill it.',
      resolve: (s) => s.credentialIds,
    }),
    openTrainings: t.prismaField({
      type: [TrainingCallRef],
      description: 'Trainings open now or opening soon whose credential would fill it.',
      resolve: (query, s) => {
        const ids = (s.state.openTrainings.get(s.item.itemId) ?? []).map((call) => call.callId);
        return ids.length > 0
          ? db().trainingCall.findMany({
              ...query,
              where: { id: { in: ids } },
              orderBy: { applicationClosesAt: 'asc' },
            })
          : [];
      },
    }),
  }),
});

const TeacherPathwayRef = builder.objectRef<TeacherPathway>('TeacherPathway').implement({
  description: "A published pathway and the signed-in teacher's progress on it.",
  fields: (t) => ({
    version: t.prismaField({
      type: PathwayVersionRef,
      resolve: (query, s) =>
        db().pathwayVersion.findUniqueOrThrow({ ...query, where: { id: s.pathway.stored.id } }),
    }),
    isComplete: t.boolean({ resolve: (s) => s.evaluation.kind === 'complete' }),
    concernsTeacher: t.exposeBoolean('concernsTeacher'),
    award: t.prismaField({
      type: CredentialRef,
      nullable: true,
      description: 'The credential awarded for it, when the teacher holds one.',
      resolve: (query, s) =>
        s.awardId ? db().credential.findUnique({ ...query, where: { id: s.awardId } }) : null,
    }),
    groups: t.field({
      type: [GroupProgressRef],
      resolve: (s) => placeGroups(s.pathway.engine.requirements, s.evaluation.groups),
    }),
    items: t.field({
      type: [PathwayItemStateRef],
      resolve: async (s, _args, ctx) => {
        const labeled = await labelItems(s.pathway.engine.requirements, ctx.locale);
        const missing = new Set(
          s.evaluation.missing.flatMap((gap) => (gap.kind === 'item' ? [gap.itemId] : [])),
        );
        return labeled.map((item) => ({
          item,
          state: s,
          isMissing: missing.has(item.itemId),
          credentialIds: s.evaluation.assignment
            .filter((entry) => entry.itemId === item.itemId)
            .map((entry) => entry.credentialId),
        }));
      },
    }),
    notCounted: t.field({ type: [NotCountedRef], resolve: (s) => s.evaluation.notCounted }),
    progressPercent: t.int({
      description:
        'How far the teacher is, 0-100, counting partly met groups (hours and SKS toward their minimum) for a progress bar.',
      resolve: (s) => {
        if (s.evaluation.kind === 'complete' || s.awardId) return 100;
        return Math.min(99, Math.round(100 * groupShare(s.pathway.engine.requirements, s.evaluation)));
      },
    }),
  }),
});

const PublicationPreviewRef = builder
  .objectRef<{ teachersEvaluated: number; wouldReceive: number; oneAway: number }>(
    'PathwayPublicationPreview',
  )
  .implement({
    fields: (t) => ({
      teachersEvaluated: t.exposeInt('teachersEvaluated'),
      wouldReceive: t.exposeInt('wouldReceive', { description: 'Would receive its credential at once.' }),
      oneAway: t.exposeInt('oneAway', { description: 'One requirement short.' }),
    }),
  });

export const AwardReviewRef = builder.prismaNode('PathwayAwardReview', {
  id: { field: 'id' },
  description: 'A pathway award whose component was revoked: a program manager keeps or revokes it.',
  fields: (t) => ({
    status: t.expose('status', { type: AwardReviewStatusEnum }),
    award: t.relation('award', { type: CredentialRef }),
    component: t.relation('component', { type: CredentialRef }),
    reason: t.exposeString('reason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decidedByName: t.string({
      nullable: true,
      select: { decidedBy: { select: { name: true } } },
      resolve: (r) => r.decidedBy?.name ?? null,
    }),
  }),
});

type AchievementOption = {
  code: string;
  name: string;
  kkniLevel: number | null;
  owner: string;
  awarded: boolean;
};

const AchievementOptionRef = builder.objectRef<AchievementOption>('PathwayAchievementOption').implement({
  description: 'An achievement a pathway item can name, by its code (any version).',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    kkniLevel: t.exposeInt('kkniLevel', { nullable: true }),
    owner: t.exposeString('owner', { description: 'The provider (or issuer) that awards it.' }),
    awarded: t.exposeBoolean('awarded', {
      description:
        'False for a call that has not defined its credential yet (it will award it under this code).',
    }),
  }),
});

const SkkniOptionRef = builder
  .objectRef<{ code: string; title: string }>('SkkniUnitOption')
  .implement({ fields: (t) => ({ code: t.exposeString('code'), title: t.exposeString('title') }) });

const searchArg = z.string().trim().max(100);

builder.queryFields((t) => ({
  pathwayAchievementOptions: t.field({
    type: [AchievementOptionRef],
    description:
      'Achievements (and calls that will award one) whose code or name contains the text: the builder picker.',
    authScopes: pickerUsers,
    args: { search: t.arg.string({ required: true, validate: searchArg }) },
    resolve: async (_root, { search }, ctx) => {
      const text = containsText(search.trim());
      const [achievements, calls] = await Promise.all([
        db().achievement.findMany({
          where: { OR: [{ code: text }, { nameId: text }, { nameEn: text }], pathwayVersion: { is: null } },
          orderBy: [{ code: 'asc' }, { version: 'desc' }],
          distinct: ['code'],
          take: 20,
          select: {
            code: true,
            nameId: true,
            nameEn: true,
            kkniLevel: true,
            owner: { select: { name: true } },
          },
        }),
        db().trainingCall.findMany({
          where: { code: { not: null, ...text }, achievementId: null, status: { not: 'CANCELLED' } },
          orderBy: { code: 'asc' },
          take: 20,
          select: { code: true, title: true, provider: { select: { name: true } } },
        }),
      ]);
      const options: AchievementOption[] = achievements.map((row) => ({
        code: row.code,
        name: ctx.locale === 'en' ? row.nameEn : row.nameId,
        kkniLevel: row.kkniLevel,
        owner: row.owner.name,
        awarded: true,
      }));
      for (const call of calls)
        if (call.code && !options.some((option) => option.code === call.code))
          options.push({
            code: call.code,
            name: call.title,
            kkniLevel: null,
            owner: call.provider.name,
            awarded: false,
          });
      return options.slice(0, 20);
    },
  }),
  skkniUnitOptions: t.field({
    type: [SkkniOptionRef],
    description: 'SKKNI units whose code or title contains the text: the builder picker.',
    authScopes: pickerUsers,
    args: { search: t.arg.string({ required: true, validate: searchArg }) },
    resolve: async (_root, { search }, ctx) => {
      const text = containsText(search.trim());
      const rows = await db().skkniUnit.findMany({
        where: { OR: [{ code: text }, { titleId: text }, { titleEn: text }] },
        orderBy: { code: 'asc' },
        take: 20,
      });
      return rows.map((row) => ({
        code: row.code,
        title: ctx.locale === 'en' && row.titleEn ? row.titleEn : row.titleId,
      }));
    },
  }),
  pathways: t.prismaField({
    type: [PathwayVersionRef],
    description:
      'Pathway versions: the published ones for everyone; program managers also see drafts and retired versions.',
    args: { status: t.arg({ type: PathwayStatusEnum }) },
    resolve: (query, _root, { status }, ctx) =>
      db().pathwayVersion.findMany({
        ...query,
        where: { AND: [pathwayVersionsWhere(ctx), status ? { status } : {}] },
        orderBy: [{ pathway: { code: 'asc' } }, { version: 'desc' }],
      }),
  }),
  pathwayVersion: t.prismaField({
    type: PathwayVersionRef,
    nullable: true,
    description: 'A pathway version by its global id (as every other field gives it).',
    args: { id: t.arg.globalID({ for: [PathwayVersionRef], required: true }) },
    resolve: (query, _root, { id }, ctx) => {
      const versionId = decodeId(id.id);
      return versionId
        ? db().pathwayVersion.findFirst({
            ...query,
            where: { AND: [{ id: versionId }, pathwayVersionsWhere(ctx)] },
          })
        : null;
    },
  }),
  myPathways: t.field({
    type: [TeacherPathwayRef],
    description:
      "The signed-in teacher's standing on every published pathway, those that concern them first.",
    authScopes: { teacher: true },
    resolve: (_root, _args, ctx) => teacherPathways(ctx),
  }),
  pathwayPublicationPreview: t.field({
    type: PublicationPreviewRef,
    description: 'What publishing this draft would do now.',
    authScopes: managers,
    args: { versionId: t.arg.globalID({ for: [PathwayVersionRef], required: true }) },
    resolve: (_root, { versionId }, ctx) =>
      previewPathwayPublication(ctx, requireId(versionId.id, ['versionId'])),
  }),
  pathwayAwardReviews: t.prismaField({
    type: [AwardReviewRef],
    description: 'Awards whose component was revoked: open ones, or decided ones.',
    authScopes: managers,
    args: { open: t.arg.boolean({ required: true }) },
    resolve: (query, _root, { open }, ctx) => {
      if (!canManagePathways(ctx)) return [];
      return db().pathwayAwardReview.findMany({
        ...query,
        where: open ? { status: 'OPEN' } : { status: { not: 'OPEN' } },
        orderBy: { createdAt: 'desc' },
        take: 200,
      });
    },
  }),
}));

const PathwayContentInput = builder.inputType('PathwayContentInput', {
  fields: (t) => ({
    titleId: t.string({ required: true }),
    titleEn: t.string({ required: true }),
    descriptionId: t.string({ required: true }),
    descriptionEn: t.string({ required: true }),
    kkniLevel: t.int({ required: true }),
    achievementType: t.string({ required: true }),
    validityMonths: t.int(),
  }),
});

function parseDefinition(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new ValidationError([{ path: ['definition'], code: 'INVALID_FORMAT' }]);
  }
}

async function loadVersion(query: object, id: string) {
  return db().pathwayVersion.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
}

builder.mutationFields((t) => ({
  createPathway: t.prismaField({
    type: PathwayVersionRef,
    description: 'Creates a pathway with its first draft (program managers).',
    authScopes: managers,
    errors: {},
    args: {
      code: t.arg.string({ required: true }),
      issuerId: t.arg.globalID({ for: [OrganizationRef], required: true }),
      content: t.arg({ type: PathwayContentInput, required: true }),
      definition: t.arg.string({ required: true, description: 'The requirement tree as JSON.' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { versionId } = await createPathway(ctx, {
        code: args.code,
        issuerId: requireId(args.issuerId.id, ['issuerId']),
        content: args.content,
        definition: parseDefinition(args.definition),
      });
      return loadVersion(query, versionId);
    },
  }),
  savePathwayDraft: t.prismaField({
    type: PathwayVersionRef,
    description: 'Saves the draft; when the pathway is published, drafts its next version.',
    authScopes: managers,
    errors: {},
    args: {
      pathwayId: t.arg.globalID({ for: [PathwayRef], required: true }),
      content: t.arg({ type: PathwayContentInput, required: true }),
      definition: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { versionId } = await savePathwayDraft(ctx, {
        pathwayId: requireId(args.pathwayId.id, ['pathwayId']),
        content: args.content,
        definition: parseDefinition(args.definition),
      });
      return loadVersion(query, versionId);
    },
  }),
  publishPathway: t.prismaField({
    type: PathwayVersionRef,
    description:
      'Publishes a draft (freezing it) and awards everyone who already qualifies, in the background.',
    authScopes: managers,
    errors: { types: [InvalidStateError] },
    args: { versionId: t.arg.globalID({ for: [PathwayVersionRef], required: true }) },
    resolve: async (query, _root, { versionId }, ctx) => {
      const id = requireId(versionId.id, ['versionId']);
      await publishPathway(ctx, id);
      return loadVersion(query, id);
    },
  }),
  retirePathway: t.prismaField({
    type: PathwayVersionRef,
    description: 'Retires the published version: awarded no more; its awards stay valid.',
    authScopes: managers,
    errors: { types: [InvalidStateError] },
    args: { versionId: t.arg.globalID({ for: [PathwayVersionRef], required: true }) },
    resolve: async (query, _root, { versionId }, ctx) => {
      const id = requireId(versionId.id, ['versionId']);
      await retirePathway(ctx, id);
      return loadVersion(query, id);
    },
  }),
  decidePathwayAwardReview: t.prismaField({
    type: AwardReviewRef,
    description: 'Keeps or revokes an award whose component was revoked, with a reason.',
    authScopes: managers,
    errors: { types: [InvalidStateError] },
    args: {
      id: t.arg.globalID({ for: [AwardReviewRef], required: true }),
      decision: t.arg({ type: AwardReviewDecisionEnum, required: true }),
      reason: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { id, decision, reason }, ctx) => {
      const reviewId = requireId(id.id, ['id']);
      await decideAwardReview(ctx, { id: reviewId, decision, reason });
      return db().pathwayAwardReview.findUniqueOrThrow({ ...refetchQuery(query), where: { id: reviewId } });
    },
  }),
}));
