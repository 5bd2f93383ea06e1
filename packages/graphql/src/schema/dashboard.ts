// The programme dashboard (issue 14): its tables exactly as the CSV and XLSX exports write them,
// the funnel with how each stage is counted, and the filters' choices. Principals get their
// school's funnel only (`schoolFigures`).
import { type DashboardTable, dashboardTables } from '@kmg/core/dashboard/export';
import { dashboardFreshness } from '@kmg/core/dashboard/facts';
import {
  dashboardOptions,
  type Funnel,
  loadDashboard,
  loadSchoolFigures,
  parseDashboardFilter,
} from '@kmg/core/dashboard/figures';
import { ValidationError } from '@kmg/core/errors';
import {
  type FunnelStage,
  funnelStageDefinitions,
  funnelStageLabels,
  funnelStages,
  schoolFunnelStages,
  translateError,
} from '@kmg/domain';
import { GraphQLError } from 'graphql';
import { builder } from '#builder.ts';

type Stage = { stage: FunnelStage; count: number };

const FunnelStageRef = builder.objectRef<Stage>('DashboardFunnelStage').implement({
  fields: (t) => ({
    stage: t.exposeString('stage'),
    label: t.string({ resolve: (s, _a, ctx) => funnelStageLabels[s.stage][ctx.locale] }),
    definition: t.string({
      description: 'How the stage is counted.',
      resolve: (s, _a, ctx) => funnelStageDefinitions[s.stage][ctx.locale],
    }),
    count: t.exposeInt('count'),
  }),
});

const TableRef = builder.objectRef<DashboardTable>('DashboardTable').implement({
  description: 'One table of the dashboard, cell for cell what its CSV and XLSX exports hold.',
  fields: (t) => ({
    name: t.exposeString('name'),
    title: t.exposeString('title'),
    header: t.exposeStringList('header'),
    rows: t.string({
      description: 'The rows as JSON: an array of arrays of strings, numbers and nulls.',
      resolve: (table) => JSON.stringify(table.rows),
    }),
  }),
});

type DashboardView = { scope: string; funnel: Stage[]; tables: DashboardTable[] };

const DashboardRef = builder.objectRef<DashboardView>('Dashboard').implement({
  fields: (t) => ({
    scope: t.exposeString('scope', { description: '`all`, `programmes` or `provider`.' }),
    funnel: t.field({ type: [FunnelStageRef], resolve: (d) => d.funnel }),
    tables: t.field({ type: [TableRef], resolve: (d) => d.tables }),
  }),
});

type Option = { id: string; name: string };
const OptionRef = builder.objectRef<Option>('DashboardOption').implement({
  fields: (t) => ({ id: t.exposeString('id'), name: t.exposeString('name') }),
});
type Options = { years: number[]; skillAreas: Option[]; providers: Option[] };
const OptionsRef = builder.objectRef<Options>('DashboardOptions').implement({
  fields: (t) => ({
    years: t.exposeIntList('years'),
    skillAreas: t.field({ type: [OptionRef], resolve: (o) => o.skillAreas }),
    providers: t.field({ type: [OptionRef], resolve: (o) => o.providers }),
  }),
});

const stagesOf = (funnel: Funnel, stages: readonly FunnelStage[]): Stage[] =>
  stages.map((stage) => ({ stage, count: funnel[stage] }));

/** A malformed filter (from a shared URL) is the reader's mistake: a plain message, not a 500. */
function readFilter(args: Parameters<typeof parseDashboardFilter>[0], locale: 'id' | 'en') {
  try {
    return parseDashboardFilter(args);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issue = error.issues[0];
    throw new GraphQLError(translateError(issue?.code ?? 'VALIDATION', locale), {
      extensions: { code: 'BAD_USER_INPUT', field: issue?.path.join('.') },
    });
  }
}

builder.queryFields((t) => ({
  dashboard: t.field({
    type: DashboardRef,
    description:
      'The programme dashboard: managers see their programmes, provider staff their own calls only.',
    authScopes: { $any: { admin: true, programManager: true, providerStaff: true } },
    args: {
      year: t.arg.int(),
      skillAreaId: t.arg.string(),
      province: t.arg.string(),
      providerId: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const dashboard = await loadDashboard(ctx, readFilter(args, ctx.locale));
      return {
        scope: dashboard.scope,
        funnel: stagesOf(dashboard.funnel, funnelStages),
        tables: dashboardTables(dashboard, ctx.locale),
      };
    },
  }),
  dashboardOptions: t.field({
    type: OptionsRef,
    authScopes: { $any: { admin: true, programManager: true, providerStaff: true } },
    resolve: async (_root, _args, ctx) => {
      const options = await dashboardOptions(ctx);
      return {
        years: options.years,
        skillAreas: options.skillAreas.map((s) => ({
          id: s.id,
          name: ctx.locale === 'en' ? s.nameEn : s.nameId,
        })),
        providers: options.providers,
      };
    },
  }),
  dashboardFiguresAsOf: t.field({
    type: 'DateTime',
    nullable: true,
    description:
      "When the dashboard's and the school figures' application stages were last recomputed from " +
      'the records (the queue refreshes them within seconds of a change; null: not yet computed).',
    authScopes: { $any: { admin: true, programManager: true, providerStaff: true, principal: true } },
    resolve: async () => (await dashboardFreshness()).asOf,
  }),
  schoolFigures: t.field({
    type: [FunnelStageRef],
    description:
      "A principal's own school: its teachers' funnel for a programme year (all years by default).",
    authScopes: { principal: true },
    args: { year: t.arg.int() },
    resolve: async (_root, args, ctx) => {
      const { year } = readFilter({ year: args.year }, ctx.locale);
      return stagesOf(await loadSchoolFigures(ctx, { year }), schoolFunnelStages);
    },
  }),
}));
