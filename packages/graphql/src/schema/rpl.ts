import { InvalidStateError, ValidationError } from '@kmg/core/errors';
import { decodeId, requireId } from '@kmg/core/ids';
import {
  requestRplEvidence,
  saveRplDraft,
  startRplApplication,
  submitRplApplication,
  withdrawRplApplication,
} from '@kmg/core/rpl/applications';
import { createRplIntake, createStudyProgramme, updateStudyProgramme } from '@kmg/core/rpl/catalogue';
import { currentCurriculum, dateOnly } from '@kmg/core/rpl/engine-input';
import {
  approveRuleVersion,
  discardRuleDraft,
  retireRuleVersion,
  type SubmittedProposal,
  saveRuleDraft,
  whatIfRuleDraft,
} from '@kmg/core/rpl/equivalence';
import { estimateRecognition, type RecognitionGainView } from '@kmg/core/rpl/estimate';
import { type ProgrammeProspects, programmeProspects } from '@kmg/core/rpl/prospects';
import { saveRegulationProfile } from '@kmg/core/rpl/regulation';
import {
  canManageUniversity,
  isRplStaff,
  managedProgrammesWhere,
  rplApplicationsWhere,
} from '@kmg/core/rules/rpl';
import { containsText, db, type Prisma } from '@kmg/db';
import {
  type ErrorCode,
  isErrorCode,
  type LimitSource,
  type Locale,
  type RecognitionProposal,
  type ResolvedRegulation,
  rplApplicationStatuses,
  rplApplicationStatusLabels,
  rplMessageCodes,
  selfEvaluationLabels,
  translateError,
} from '@kmg/domain';
import { decodeGlobalID } from '@pothos/plugin-relay';
import DataLoader from 'dataloader';
import { builder } from '#builder.ts';
import { CredentialRef } from '#schema/credentials.ts';
import { refetchQuery } from '#schema/ids.ts';
import { OrganizationRef } from '#schema/reference.ts';

const staff = { $any: { rplReviewer: true, admin: true } };

const DegreeLevelEnum = builder.enumType('DegreeLevel', { values: ['D3', 'D4', 'S1', 'S2', 'S3'] as const });
const AccreditationEnum = builder.enumType('Accreditation', {
  values: ['UNGGUL', 'BAIK_SEKALI', 'BAIK', 'A', 'B', 'C'] as const,
});
const StudyModeEnum = builder.enumType('StudyMode', { values: ['ON_CAMPUS', 'ONLINE', 'HYBRID'] as const });
const CourseKindEnum = builder.enumType('CourseKind', {
  values: ['REGULAR', 'FINAL_PROJECT', 'INTERNSHIP'] as const,
});
const ProfileLayerEnum = builder.enumType('ProfileLayer', {
  values: ['NATIONAL', 'UNIVERSITY', 'PROGRAMME'] as const,
});
const RuleStatusEnum = builder.enumType('RuleStatus', { values: ['DRAFT', 'APPROVED', 'RETIRED'] as const });
const RplApplicationStatusEnum = builder.enumType('RplApplicationStatus', { values: rplApplicationStatuses });
const RplEvidenceKindEnum = builder.enumType('RplEvidenceKind', {
  values: ['BNSP_CERTIFICATE', 'WORK_EXPERIENCE', 'EXTERNAL_BADGE', 'OTHER'] as const,
});
const SelfEvaluationLevelEnum = builder.enumType('SelfEvaluationLevel', {
  values: ['VERY_GOOD', 'GOOD', 'NEVER'] as const,
});

/** An engine reason (`NO_RULE`, named in `rplMessageCodes`) or an error code, in the request's language. */
function message(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const known = Object.hasOwn(rplMessageCodes, code)
    ? rplMessageCodes[code as keyof typeof rplMessageCodes]
    : code;
  return isErrorCode(known) ? translateError(known as ErrorCode, locale, params) : code;
}

const localized = (locale: Locale, id: string, en: string | null | undefined) =>
  locale === 'en' && en ? en : id;

export const StudyProgrammeRef = builder.prismaNode('StudyProgramme', {
  id: { field: 'id' },
  description: "A university's study programme (program studi) and its RPL offer.",
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({ resolve: (p, _a, ctx) => localized(ctx.locale, p.nameId, p.nameEn) }),
    nameId: t.exposeString('nameId'),
    nameEn: t.exposeString('nameEn'),
    degree: t.expose('degree', { type: DegreeLevelEnum }),
    mode: t.expose('mode', { type: StudyModeEnum }),
    accreditation: t.expose('accreditation', { type: AccreditationEnum, nullable: true }),
    accreditationExpiresOn: t.expose('accreditationExpiresOn', { type: 'LocalDate', nullable: true }),
    totalSks: t.exposeInt('totalSks'),
    semesters: t.exposeInt('semesters'),
    rplOffered: t.exposeBoolean('rplOffered'),
    illustrative: t.exposeBoolean('illustrative', { description: 'Demo data: an example, not a decision.' }),
    university: t.relation('university', { type: OrganizationRef }),
    intakes: t.relation('intakes', { query: { orderBy: { opensAt: 'desc' } } }),
    curricula: t.relation('curricula', { query: { orderBy: { effectiveFrom: 'desc' } } }),
    canManage: t.boolean({
      description: "Whether the viewer may change this programme's catalogue, overrides and rules.",
      resolve: (p, _a, ctx) => canManageUniversity(ctx, p.universityId),
    }),
    currentCurriculum: t.prismaField({
      type: CurriculumRef,
      nullable: true,
      description: 'The curriculum version in effect today (the newest that has started).',
      resolve: async (query, p, _a, ctx) =>
        (await db().curriculum.findFirst({
          ...query,
          where: { programmeId: p.id, effectiveFrom: { lte: ctx.now } },
          orderBy: { effectiveFrom: 'desc' },
        })) ??
        db().curriculum.findFirst({
          ...query,
          where: { programmeId: p.id },
          orderBy: { effectiveFrom: 'asc' },
        }),
    }),
    openIntake: t.field({
      type: RplIntakeRef,
      nullable: true,
      description: 'The intake taking applications now, else the next one to open.',
      // Loaded with the programmes (one query for a whole list), not one query per programme.
      select: (_args, ctx, nestedSelection) => ({
        intakes: nestedSelection({
          where: { closesAt: { gt: ctx.now } },
          orderBy: { closesAt: 'asc' },
          take: 1,
        }),
      }),
      resolve: (p) => p.intakes[0] ?? null,
    }),
    regulationProfiles: t.prismaField({
      type: [RegulationProfileRef],
      description: 'Profiles that apply: national, the university override, the programme override.',
      resolve: (query, p) =>
        db().regulationProfile.findMany({
          ...query,
          where: {
            OR: [
              { layer: 'NATIONAL' },
              { layer: 'UNIVERSITY', universityId: p.universityId },
              { layer: 'PROGRAMME', programmeId: p.id },
            ],
          },
          orderBy: [{ layer: 'asc' }, { version: 'desc' }],
        }),
    }),
    ruleVersions: t.prismaField({
      type: [EquivalenceRuleVersionRef],
      description:
        'Equivalence rule versions: approved ones for everyone; drafts and retired ones for staff.',
      args: { status: t.arg({ type: RuleStatusEnum }) },
      resolve: (query, p, { status }, ctx) =>
        db().equivalenceRuleVersion.findMany({
          ...query,
          where: {
            rule: { programmeId: p.id },
            ...(canManageUniversity(ctx, p.universityId) ? {} : { status: 'APPROVED' }),
            ...(status ? { status } : {}),
          },
          orderBy: [{ rule: { code: 'asc' } }, { version: 'desc' }],
        }),
    }),
  }),
});

export const CurriculumRef = builder.prismaNode('Curriculum', {
  id: { field: 'id' },
  fields: (t) => ({
    version: t.exposeString('version'),
    effectiveFrom: t.expose('effectiveFrom', { type: 'LocalDate' }),
    sourceFileName: t.exposeString('sourceFileName', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    courses: t.relation('courses', { query: { orderBy: [{ semester: 'asc' }, { code: 'asc' }] } }),
    courseCount: t.relationCount('courses'),
    graduateOutcomes: t.relation('graduateOutcomes', { query: { orderBy: { code: 'asc' } } }),
  }),
});

builder.prismaObject('GraduateOutcome', {
  fields: (t) => ({
    code: t.exposeString('code'),
    text: t.string({
      nullable: true,
      resolve: (o, _a, ctx) => (o.textId ? localized(ctx.locale, o.textId, o.textEn) : null),
    }),
  }),
});

export const CourseRef = builder.prismaNode('Course', {
  id: { field: 'id' },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({ resolve: (c, _a, ctx) => localized(ctx.locale, c.nameId, c.nameEn) }),
    nameId: t.exposeString('nameId'),
    nameEn: t.exposeString('nameEn'),
    sks: t.exposeInt('sks'),
    semester: t.exposeInt('semester'),
    kind: t.expose('kind', { type: CourseKindEnum }),
    outcomes: t.relation('outcomes', { query: { orderBy: { position: 'asc' } } }),
  }),
});

export const CourseOutcomeRef = builder.prismaNode('CourseOutcome', {
  id: { field: 'id' },
  description: 'A course learning outcome (CPMK).',
  fields: (t) => ({
    code: t.exposeString('code'),
    text: t.string({ resolve: (o, _a, ctx) => localized(ctx.locale, o.textId, o.textEn) }),
    textId: t.exposeString('textId'),
    textEn: t.exposeString('textEn', { nullable: true }),
    weight: t.exposeFloat('weight'),
    cplCodes: t.exposeStringList('cplCodes'),
  }),
});

export const RplIntakeRef = builder.prismaNode('RplIntake', {
  id: { field: 'id' },
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.string({ resolve: (i, _a, ctx) => localized(ctx.locale, i.nameId, i.nameEn) }),
    opensAt: t.expose('opensAt', { type: 'DateTime' }),
    closesAt: t.expose('closesAt', { type: 'DateTime' }),
    cutoffDate: t.expose('cutoffDate', { type: 'LocalDate' }),
    startsOn: t.expose('startsOn', { type: 'LocalDate' }),
    quota: t.exposeInt('quota', { nullable: true }),
    isOpen: t.boolean({ resolve: (i, _a, ctx) => i.opensAt <= ctx.now && ctx.now < i.closesAt }),
    programme: t.relation('programme'),
    curriculum: t.prismaField({
      type: 'Curriculum',
      nullable: true,
      description: 'The curriculum the engine reads for this intake: the one in effect on its cut-off date.',
      resolve: async (query, i) => {
        const inEffect = await currentCurriculum(db(), i.programmeId, dateOnly(i.cutoffDate));
        return inEffect ? db().curriculum.findUnique({ ...query, where: { id: inEffect.id } }) : null;
      },
    }),
    applicationCount: t.int({
      description: "Submitted applications (staff of the programme's university).",
      authScopes: staff,
      nullable: true,
      select: { programme: { select: { universityId: true } } },
      resolve: async (i, _a, ctx) =>
        canManageUniversity(ctx, i.programme.universityId)
          ? db().rplApplication.count({
              where: { intakeId: i.id, status: { notIn: ['DRAFT', 'WITHDRAWN'] } },
            })
          : null,
    }),
  }),
});

export const RegulationProfileRef = builder.prismaNode('RegulationProfile', {
  id: { field: 'id' },
  fields: (t) => ({
    layer: t.expose('layer', { type: ProfileLayerEnum }),
    version: t.exposeInt('version'),
    citation: t.exposeString('citation'),
    effectiveFrom: t.expose('effectiveFrom', { type: 'LocalDate' }),
    effectiveTo: t.expose('effectiveTo', { type: 'LocalDate', nullable: true }),
    limits: t.string({
      description: 'The limits this layer sets, as JSON.',
      resolve: (p) => JSON.stringify(p.limits),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

type ReferenceNames = { achievements: Map<string, string>; pathways: Map<string, string> };

/** Names of the achievements and pathways rules name, read once per request. */
function referenceNames(ctx: { locale: Locale; once<T>(key: string, load: () => Promise<T>): Promise<T> }) {
  return ctx.once('rpl:reference-names', async (): Promise<ReferenceNames> => {
    const [achievements, pathways] = await Promise.all([
      db().achievement.findMany({
        where: { status: { not: 'DRAFT' } },
        select: { code: true, version: true, nameId: true, nameEn: true },
        orderBy: { version: 'asc' },
      }),
      db().pathwayVersion.findMany({
        where: { status: { not: 'DRAFT' } },
        select: { titleId: true, titleEn: true, version: true, pathway: { select: { code: true } } },
        orderBy: { version: 'asc' },
      }),
    ]);
    // The newest version's name wins (later rows overwrite earlier ones).
    return {
      achievements: new Map(
        achievements.map((row) => [row.code, localized(ctx.locale, row.nameId, row.nameEn)]),
      ),
      pathways: new Map(
        pathways.map((row) => [row.pathway.code, localized(ctx.locale, row.titleId, row.titleEn)]),
      ),
    };
  });
}

function requirementLabel(
  requirement: Record<string, unknown>,
  locale: Locale,
  names: ReferenceNames,
): string {
  const en = locale === 'en';
  const achievement = (code: unknown) => {
    const name = names.achievements.get(String(code));
    return name ? `"${name}" (${code})` : String(code);
  };
  switch (requirement.kind) {
    case 'ACHIEVEMENT':
      return `${en ? 'Credential' : 'Kredensial'} ${achievement(requirement.achievementCode)}`;
    case 'SKKNI_UNIT':
      return `${en ? 'SKKNI unit' : 'Unit SKKNI'} ${requirement.unitCode} (${en ? 'Competent' : 'Kompeten'})`;
    case 'PATHWAY': {
      const name = names.pathways.get(String(requirement.pathwayCode));
      return `${en ? 'Pathway' : 'Jalur'} ${name ? `"${name}"` : requirement.pathwayCode}`;
    }
    case 'LEARNING_OUTCOME':
      return `${en ? 'Learning outcome' : 'Capaian'} ${requirement.outcomeCode} ${en ? 'of' : 'dari'} ${achievement(requirement.achievementCode)}`;
    case 'HOURS':
      return en
        ? `At least ${requirement.minimum} training hours`
        : `Minimal ${requirement.minimum} jam pelatihan`;
    default:
      return String(requirement.kind);
  }
}

export const EquivalenceRuleVersionRef = builder.prismaNode('EquivalenceRuleVersion', {
  id: { field: 'id' },
  description: 'One version of an equivalence rule: this evidence earns SKS for this course.',
  fields: (t) => ({
    code: t.string({ select: { rule: { select: { code: true } } }, resolve: (v) => v.rule.code }),
    version: t.exposeInt('version'),
    status: t.expose('status', { type: RuleStatusEnum }),
    course: t.relation('course', { type: CourseRef }),
    requirements: t.string({
      description: 'The requirements as JSON.',
      resolve: (v) => JSON.stringify(v.requirements),
    }),
    requirementLabels: t.stringList({
      resolve: async (v, _a, ctx) => {
        const names = await referenceNames(ctx);
        return (v.requirements as Record<string, unknown>[]).map((requirement) =>
          requirementLabel(requirement, ctx.locale, names),
        );
      },
    }),
    coveredOutcomes: t.exposeStringList('coveredOutcomes'),
    coverage: t.string({
      description: 'The coverage demand as JSON.',
      resolve: (v) => JSON.stringify(v.coverage),
    }),
    sks: t.exposeInt('sks'),
    rationale: t.string({ resolve: (v, _a, ctx) => localized(ctx.locale, v.rationaleId, v.rationaleEn) }),
    rationaleId: t.exposeString('rationaleId'),
    rationaleEn: t.exposeString('rationaleEn', { nullable: true }),
    effectiveFrom: t.expose('effectiveFrom', { type: 'LocalDate' }),
    effectiveTo: t.expose('effectiveTo', { type: 'LocalDate', nullable: true }),
    illustrative: t.exposeBoolean('illustrative'),
    createdByName: t.string({
      nullable: true,
      select: { createdBy: { select: { name: true } } },
      resolve: (v) => v.createdBy?.name ?? null,
    }),
    approvedByName: t.string({
      nullable: true,
      select: { approvedBy: { select: { name: true } } },
      resolve: (v) => v.approvedBy?.name ?? null,
    }),
    isOwnDraft: t.boolean({
      description: 'A draft the viewer wrote (someone else must approve it).',
      resolve: (v, _a, ctx) => v.status === 'DRAFT' && v.createdById === ctx.viewer?.id,
    }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
    retiredAt: t.expose('retiredAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

// ---- The engine's answer, as screens read it -------------------------------------------------

type LimitRow = { limit: string; value: string; layer: string | null; citation: string | null };

const LimitRef = builder.objectRef<LimitRow>('RegulationLimit').implement({
  description: 'One resolved limit and the layer it came from (null: the built-in default).',
  fields: (t) => ({
    limit: t.exposeString('limit'),
    value: t.exposeString('value', { description: 'The value as JSON.' }),
    layer: t.exposeString('layer', { nullable: true }),
    citation: t.exposeString('citation', { nullable: true }),
  }),
});

/** The limits on recognition (the reviewers' four-eyes pairs are the university's concern, not shown). */
function limitRows(regulation: ResolvedRegulation): LimitRow[] {
  const { forbiddenRolePairs: _fourEyes, ...limits } = regulation;
  return Object.entries(limits).map(([limit, resolved]) => ({
    limit,
    value: JSON.stringify(resolved.value),
    layer: resolved.source?.layer ?? null,
    citation: resolved.source?.citation ?? null,
  }));
}

type CourseLookup = Map<string, CourseInfo>;

type ProposalView = {
  proposal: RecognitionProposal;
  regulation: ResolvedRegulation;
  courses: CourseLookup;
  credentialNames: Map<string, string>;
  gains: RecognitionGainView[];
  intakeId: string | null;
  cutoffDate: string;
  /** Rule codes by rule version id. */
  ruleCodes: Map<string, string>;
};

type ProposedRow = {
  courseId: string;
  code: string;
  name: string;
  semester: number;
  courseSks: number;
  sks: number;
  ruleCode: string;
  ruleVersion: number;
  coverage: number;
  credentials: { id: string; name: string }[];
};
type NotProposedRow = {
  courseId: string;
  code: string;
  name: string;
  semester: number;
  courseSks: number;
  reason: string;
  message: string;
  detail: string[];
};

const CredentialUseRef = builder.objectRef<{ id: string; name: string }>('RecognitionCredential').implement({
  fields: (t) => ({ id: t.exposeString('id'), name: t.exposeString('name') }),
});

const ProposedCourseRef = builder.objectRef<ProposedRow>('ProposedCourse').implement({
  fields: (t) => ({
    courseId: t.exposeString('courseId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    semester: t.exposeInt('semester'),
    courseSks: t.exposeInt('courseSks'),
    sks: t.exposeInt('sks', { description: 'SKS recognised.' }),
    ruleCode: t.exposeString('ruleCode'),
    ruleVersion: t.exposeInt('ruleVersion'),
    coverage: t.exposeFloat('coverage', { description: 'Share of the CPMK weight covered, 0..1.' }),
    credentials: t.field({ type: [CredentialUseRef], resolve: (r) => r.credentials }),
  }),
});

const NotProposedCourseRef = builder.objectRef<NotProposedRow>('NotProposedCourse').implement({
  fields: (t) => ({
    courseId: t.exposeString('courseId'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    semester: t.exposeInt('semester'),
    courseSks: t.exposeInt('courseSks'),
    reason: t.exposeString('reason'),
    message: t.exposeString('message', { description: "Why, in the request's language." }),
    detail: t.exposeStringList('detail', { description: 'What each rule for the course lacked.' }),
  }),
});

const GainRef = builder
  .objectRef<RecognitionGainView & { courseNames: string[] }>('RecognitionGain')
  .implement({
    description: 'A training open now or a pathway whose credential would add SKS.',
    fields: (t) => ({
      kind: t.exposeString('kind', {
        description: 'TRAINING (a call id) or PATHWAY (a pathway version id).',
      }),
      id: t.exposeString('id'),
      title: t.exposeString('title'),
      gainSks: t.exposeInt('gainSks'),
      courses: t.exposeStringList('courseNames'),
      endsAfterCutoff: t.exposeBoolean('endsAfterCutoff', {
        description:
          "A training ending after the intake's cut-off: its credential counts from the next intake.",
      }),
    }),
  });

const layerNames: Record<string, Record<Locale, string>> = {
  NATIONAL: { id: 'Nasional', en: 'National' },
  UNIVERSITY: { id: 'Perguruan tinggi', en: 'University' },
  PROGRAMME: { id: 'Program studi', en: 'Study programme' },
};

function sourceText(source: LimitSource | null | undefined, locale: Locale): string {
  if (!source) return locale === 'en' ? 'built-in default' : 'bawaan sistem';
  return `${layerNames[source.layer]?.[locale] ?? source.layer} v${source.version}: ${source.citation}`;
}

/** The limit that sets the cap, in words, and where it comes from. */
function capText(
  cap: { limit: string; source: LimitSource | null },
  regulation: ResolvedRegulation,
  locale: Locale,
): string {
  const en = locale === 'en';
  const share = regulation.maxShareOfProgramme.value;
  const what =
    cap.limit === 'maxShareOfProgramme' && share !== null
      ? en
        ? `at most ${Math.round(share * 100)}% of the programme's SKS`
        : `maksimal ${Math.round(share * 100)}% SKS program studi`
      : cap.limit === 'maxSks'
        ? en
          ? `at most ${regulation.maxSks.value} SKS`
          : `maksimal ${regulation.maxSks.value} SKS`
        : en
          ? `at least ${regulation.minSemestersRemaining.value} semester(s) of study left`
          : `sisa studi minimal ${regulation.minSemestersRemaining.value} semester`;
  return `${what} · ${sourceText(cap.source, locale)}`;
}

/** A proposed or not-proposed course's identity, named in the request's language. */
function courseFields(
  view: ProposalView,
  course: { courseId: string; courseCode: string; semester: number },
  locale: Locale,
) {
  const info = view.courses.get(course.courseId);
  return {
    courseId: course.courseId,
    code: course.courseCode,
    name: info ? localized(locale, info.nameId, info.nameEn) : course.courseCode,
    semester: course.semester,
  };
}

export const RecognitionEstimateRef = builder.objectRef<ProposalView>('RecognitionEstimate').implement({
  description: "The engine's proposal: the most SKS the credentials can earn within every limit.",
  fields: (t) => ({
    isEligible: t.boolean({ resolve: (v) => v.proposal.kind === 'proposal' }),
    isProvenOptimal: t.boolean({
      description:
        'False when the search stopped at its work limit: the best selection found, not proven the best (rare).',
      resolve: (v) => v.proposal.kind !== 'proposal' || v.proposal.isProvenOptimal !== false,
    }),
    ineligibleReasons: t.stringList({
      description: "Why the programme runs no RPL for this intake, in the request's language.",
      resolve: (v, _a, ctx) =>
        v.proposal.kind === 'ineligible'
          ? v.proposal.reasons.map((reason) => message(reason.code, ctx.locale, reason.params ?? {}))
          : [],
    }),
    totalSks: t.int({ resolve: (v) => (v.proposal.kind === 'proposal' ? v.proposal.totalSks : 0) }),
    courseCount: t.int({ resolve: (v) => (v.proposal.kind === 'proposal' ? v.proposal.courseCount : 0) }),
    hoursUsed: t.int({ resolve: (v) => (v.proposal.kind === 'proposal' ? v.proposal.hoursUsed : 0) }),
    capSks: t.int({
      nullable: true,
      resolve: (v) => (v.proposal.kind === 'proposal' ? v.proposal.capSks : null),
    }),
    capSource: t.string({
      nullable: true,
      description: 'Which limit set the cap and where it came from.',
      resolve: (v, _a, ctx) =>
        v.proposal.kind === 'proposal' && v.proposal.capSource
          ? capText(v.proposal.capSource, v.regulation, ctx.locale)
          : null,
    }),
    cutoffDate: t.string({ resolve: (v) => v.cutoffDate }),
    limits: t.field({ type: [LimitRef], resolve: (v) => limitRows(v.regulation) }),
    proposed: t.field({
      type: [ProposedCourseRef],
      resolve: (v, _a, ctx) =>
        v.proposal.kind === 'proposal'
          ? v.proposal.proposed.map((course) => {
              return {
                ...courseFields(v, course, ctx.locale),
                courseSks: v.courses.get(course.courseId)?.sks ?? course.sks,
                sks: course.sks,
                ruleVersion: course.ruleVersion,
                coverage: course.coverage,
                credentials: course.credentialIds.map((id) => ({
                  id,
                  name: v.credentialNames.get(id) ?? id,
                })),
                ruleCode: v.ruleCodes.get(course.ruleId) ?? '',
              };
            })
          : [],
    }),
    notProposed: t.field({
      type: [NotProposedCourseRef],
      resolve: (v, _a, ctx) =>
        v.proposal.kind === 'proposal'
          ? v.proposal.notProposed.map((course) => {
              const info = v.courses.get(course.courseId);
              return {
                ...courseFields(v, course, ctx.locale),
                courseSks: info?.sks ?? 0,
                reason: course.reason,
                message: message(course.reason, ctx.locale, { sks: info?.sks ?? 0 }),
                detail: course.rules.flatMap((rule) =>
                  rule.reason
                    ? [`${rule.ruleCode} v${rule.ruleVersion}: ${message(rule.reason, ctx.locale)}`]
                    : [],
                ),
              };
            })
          : [],
    }),
    gains: t.field({
      type: [GainRef],
      resolve: (v, _a, ctx) =>
        v.gains.map((gain) => ({
          ...gain,
          courseNames: gain.courseIds.map((id) => {
            const info = v.courses.get(id);
            return info ? `${info.code} ${localized(ctx.locale, info.nameId, info.nameEn)}` : id;
          }),
        })),
    }),
  }),
});

type Context = Parameters<typeof canManageUniversity>[0];
type CourseInfo = { id: string; code: string; nameId: string; nameEn: string; sks: number; semester: number };

/** Courses by id, batched across every proposal of one request (a list of applications). */
function courseLoader(ctx: Context) {
  return ctx.once(
    'rpl:course-loader',
    async () =>
      new DataLoader<string, CourseInfo | null>(async (ids) => {
        const rows = await db().course.findMany({
          where: { id: { in: [...ids] } },
          select: { id: true, code: true, nameId: true, nameEn: true, sks: true, semester: true },
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** A credential's name (its achievement, or its pathway), batched like the courses. */
function credentialNameLoader(ctx: Context) {
  return ctx.once(
    'rpl:credential-name-loader',
    async () =>
      new DataLoader<string, string | null>(async (ids) => {
        const rows = await db().credential.findMany({
          where: { id: { in: [...ids] } },
          select: {
            id: true,
            achievement: { select: { nameId: true, nameEn: true } },
            pathwayVersion: { select: { titleId: true, titleEn: true } },
          },
        });
        const byId = new Map(
          rows.map((row) => [
            row.id,
            row.achievement
              ? localized(ctx.locale, row.achievement.nameId, row.achievement.nameEn)
              : row.pathwayVersion
                ? localized(ctx.locale, row.pathwayVersion.titleId, row.pathwayVersion.titleEn)
                : null,
          ]),
        );
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

async function courseLookup(ctx: Context, courseIds: string[]): Promise<CourseLookup> {
  const loader = await courseLoader(ctx);
  const rows = await loader.loadMany(courseIds);
  return new Map(rows.flatMap((row) => (row && !(row instanceof Error) ? [[row.id, row] as const] : [])));
}

async function credentialNames(ctx: Context, ids: string[]): Promise<Map<string, string>> {
  const loader = await credentialNameLoader(ctx);
  const names = await loader.loadMany(ids);
  return new Map(
    ids.flatMap((id, index) => {
      const name = names[index];
      return typeof name === 'string' ? [[id, name] as const] : [];
    }),
  );
}

async function viewOf(
  input: {
    proposal: RecognitionProposal;
    regulation: ResolvedRegulation;
    courseIds: string[];
    rules: { id: string; code: string }[];
    gains: RecognitionGainView[];
    intakeId: string | null;
    cutoffDate: string;
  },
  ctx: Context,
): Promise<ProposalView> {
  const usedCredentials =
    input.proposal.kind === 'proposal'
      ? input.proposal.proposed.flatMap((course) => course.credentialIds)
      : [];
  const [courses, names] = await Promise.all([
    courseLookup(ctx, input.courseIds),
    credentialNames(ctx, [...new Set(usedCredentials)]),
  ]);
  const view: ProposalView = {
    proposal: input.proposal,
    regulation: input.regulation,
    courses,
    credentialNames: names,
    gains: input.gains,
    intakeId: input.intakeId,
    cutoffDate: input.cutoffDate,
    ruleCodes: new Map(input.rules.map((rule) => [rule.id, rule.code])),
  };
  return view;
}

// ---- Applications ---------------------------------------------------------------------------

export const RplApplicationRef = builder.prismaNode('RplApplication', {
  id: { field: 'id' },
  description: "A teacher's RPL application to one intake of a programme.",
  fields: (t) => ({
    status: t.expose('status', { type: RplApplicationStatusEnum }),
    statusLabel: t.string({ resolve: (a, _x, ctx) => rplApplicationStatusLabels[a.status][ctx.locale] }),
    programme: t.relation('programme', { type: StudyProgrammeRef }),
    intake: t.relation('intake', { type: RplIntakeRef }),
    teacherName: t.string({
      select: { teacher: { select: { name: true } } },
      resolve: (a) => a.teacher.name,
    }),
    proposedSks: t.exposeInt('proposedSks', { nullable: true }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true }),
    evidenceRequest: t.exposeString('evidenceRequest', { nullable: true }),
    evidenceRequestedAt: t.expose('evidenceRequestedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    credentials: t.relation('credentials'),
    evidence: t.relation('evidence', { query: { orderBy: { createdAt: 'asc' } } }),
    selfEvaluations: t.relation('selfEvaluations'),
    proposal: t.field({
      type: RecognitionEstimateRef,
      nullable: true,
      description: 'The proposal stored at the last submission (unchanged by later rule edits).',
      select: { proposal: true },
      resolve: async (a, _x, ctx) => {
        const stored = a.proposal as unknown as SubmittedProposal | null;
        if (!stored?.proposal) return null;
        return viewOf(
          {
            proposal: stored.proposal,
            regulation: stored.input.regulation,
            courseIds: stored.input.programme.courses.map((course) => course.id),
            rules: stored.input.rules,
            gains: [],
            intakeId: stored.input.intake.id,
            cutoffDate: stored.input.intake.cutoffDate,
          },
          ctx,
        );
      },
    }),
  }),
});

builder.prismaObject('RplApplicationCredential', {
  fields: (t) => ({
    entryId: t.exposeString('id'),
    credential: t.relation('credential', { type: CredentialRef, nullable: true }),
    externalCredentialId: t.exposeString('externalCredentialId', { nullable: true }),
    externalName: t.string({
      nullable: true,
      select: { externalCredential: { select: { achievementName: true, issuerName: true } } },
      resolve: (e) =>
        e.externalCredential
          ? `${e.externalCredential.achievementName} (${e.externalCredential.issuerName})`
          : null,
    }),
    isVerified: t.exposeBoolean('isVerified', { nullable: true }),
    verifiedAt: t.expose('verifiedAt', { type: 'DateTime', nullable: true }),
    verification: t.string({
      nullable: true,
      description: 'The checks at submission (proof, status, validity at the cut-off, recipient) as JSON.',
      resolve: (e) => (e.verification ? JSON.stringify(e.verification) : null),
    }),
  }),
});

builder.prismaObject('RplEvidence', {
  fields: (t) => ({
    id: t.exposeString('id'),
    kind: t.expose('kind', { type: RplEvidenceKindEnum }),
    title: t.exposeString('title'),
    issuedOn: t.expose('issuedOn', { type: 'LocalDate', nullable: true }),
    fileName: t.exposeString('fileName'),
    mimeType: t.exposeString('mimeType'),
    size: t.exposeInt('size'),
    verification: t.string({
      nullable: true,
      description: 'For an Open Badges file: the verification result as JSON.',
      resolve: (e) => (e.verification ? JSON.stringify(e.verification) : null),
    }),
    url: t.string({
      description: 'Download address (behind the session).',
      resolve: (e) => `/api/rpl/evidence/${e.id}`,
    }),
  }),
});

builder.prismaObject('RplSelfEvaluation', {
  fields: (t) => ({
    outcome: t.relation('outcome', { type: CourseOutcomeRef }),
    outcomeId: t.exposeString('outcomeId'),
    level: t.expose('level', { type: SelfEvaluationLevelEnum }),
    levelLabel: t.string({ resolve: (e, _a, ctx) => selfEvaluationLabels[e.level][ctx.locale] }),
    credentialIds: t.exposeStringList('credentialIds'),
    evidenceIds: t.exposeStringList('evidenceIds'),
    note: t.exposeString('note', { nullable: true }),
  }),
});

// ---- What if ---------------------------------------------------------------------------------

const WhatIfChangeRef = builder
  .objectRef<{ applicationId: string; teacherName: string; beforeSks: number; afterSks: number }>(
    'RuleWhatIfChange',
  )
  .implement({
    fields: (t) => ({
      applicationId: t.exposeString('applicationId'),
      teacherName: t.exposeString('teacherName'),
      beforeSks: t.exposeInt('beforeSks'),
      afterSks: t.exposeInt('afterSks'),
    }),
  });

const WhatIfRef = builder
  .objectRef<{
    applicationsCompared: number;
    changed: { applicationId: string; teacherName: string; beforeSks: number; afterSks: number }[];
  }>('RuleWhatIf')
  .implement({
    description: "How many past applicants' proposals a draft would change (their decisions stay).",
    fields: (t) => ({
      applicationsCompared: t.exposeInt('applicationsCompared'),
      changedCount: t.int({ resolve: (w) => w.changed.length }),
      changed: t.field({ type: [WhatIfChangeRef], resolve: (w) => w.changed }),
    }),
  });

const ProspectBandRef = builder.objectRef<ProgrammeProspects['bands'][number]>('RplProspectBand').implement({
  fields: (t) => ({
    fromSks: t.exposeInt('fromSks'),
    toSks: t.exposeInt('toSks', { nullable: true, description: 'Exclusive; null: no upper end.' }),
    teachers: t.exposeInt('teachers'),
  }),
});

const ProspectCourseRef = builder
  .objectRef<ProgrammeProspects['courses'][number] & { course: CourseInfo | null }>('RplProspectCourse')
  .implement({
    fields: (t) => ({
      courseId: t.exposeString('courseId'),
      code: t.string({ resolve: (c) => c.course?.code ?? '' }),
      name: t.string({
        resolve: (c, _a, ctx) => (c.course ? localized(ctx.locale, c.course.nameId, c.course.nameEn) : ''),
      }),
      teachers: t.exposeInt('teachers'),
    }),
  });

const ProspectsRef = builder
  .objectRef<ProgrammeProspects & { courseInfo: Map<string, CourseInfo> }>('RplProspects')
  .implement({
    description:
      'How many teachers holding KMG credentials the programme could recognise, and for what (counts only).',
    fields: (t) => ({
      teachersWithCredentials: t.exposeInt('teachersWithCredentials'),
      teachersWithSks: t.exposeInt('teachersWithSks'),
      cutoffDate: t.exposeString('cutoffDate'),
      bands: t.field({ type: [ProspectBandRef], resolve: (p) => p.bands }),
      courses: t.field({
        type: [ProspectCourseRef],
        resolve: (p) => p.courses.map((c) => ({ ...c, course: p.courseInfo.get(c.courseId) ?? null })),
      }),
    }),
  });

// ---- Queries ---------------------------------------------------------------------------------

builder.queryFields((t) => ({
  studyProgrammes: t.prismaField({
    type: [StudyProgrammeRef],
    description:
      'Programmes offering RPL, to compare (filters: text, province of the university, degree, mode).',
    args: {
      search: t.arg.string(),
      province: t.arg.string(),
      degree: t.arg({ type: DegreeLevelEnum }),
      mode: t.arg({ type: StudyModeEnum }),
    },
    resolve: (query, _root, args) => {
      const text = args.search?.trim() ? containsText(args.search.trim().slice(0, 200)) : null;
      return db().studyProgramme.findMany({
        ...query,
        where: {
          rplOffered: true,
          ...(args.degree ? { degree: args.degree } : {}),
          ...(args.mode ? { mode: args.mode } : {}),
          ...(args.province ? { university: { province: args.province } } : {}),
          ...(text ? { OR: [{ nameId: text }, { nameEn: text }, { university: { name: text } }] } : {}),
        },
        orderBy: [{ university: { name: 'asc' } }, { nameId: 'asc' }],
        take: 200,
      });
    },
  }),
  studyProgramme: t.prismaField({
    type: StudyProgrammeRef,
    nullable: true,
    args: { id: t.arg.globalID({ for: [StudyProgrammeRef], required: true }) },
    resolve: (query, _root, { id }, ctx) => {
      const programmeId = decodeId(id.id);
      if (!programmeId) return null;
      return db().studyProgramme.findFirst({
        ...query,
        where: { id: programmeId, OR: [{ rplOffered: true }, managedProgrammesWhere(ctx)] },
      });
    },
  }),
  managedStudyProgrammes: t.prismaField({
    type: [StudyProgrammeRef],
    description: "The programmes of the viewer's university (every one for admins).",
    authScopes: staff,
    resolve: (query, _root, _args, ctx) =>
      db().studyProgramme.findMany({
        ...query,
        where: managedProgrammesWhere(ctx),
        orderBy: [{ university: { name: 'asc' } }, { nameId: 'asc' }],
      }),
  }),
  nationalRegulationProfiles: t.prismaField({
    type: [RegulationProfileRef],
    authScopes: { $any: { rplReviewer: true, admin: true, programManager: true } },
    resolve: (query) =>
      db().regulationProfile.findMany({
        ...query,
        where: { layer: 'NATIONAL' },
        orderBy: { version: 'desc' },
      }),
  }),
  rplEstimate: t.field({
    type: RecognitionEstimateRef,
    description:
      "The signed-in teacher's estimate at a programme (at its open intake's cut-off, else today), with what would add more.",
    authScopes: { teacher: true },
    errors: {},
    args: {
      programmeId: t.arg.globalID({ for: [StudyProgrammeRef], required: true }),
      intakeId: t.arg.globalID({ for: [RplIntakeRef] }),
    },
    resolve: async (_root, args, ctx) => {
      const estimate = await estimateRecognition(ctx, {
        programmeId: requireId(args.programmeId.id, ['programmeId']),
        intakeId: args.intakeId ? requireId(args.intakeId.id, ['intakeId']) : null,
      });
      return viewOf(
        {
          proposal: estimate.proposal,
          regulation: estimate.setting.regulation,
          courseIds: estimate.setting.loaded.courses.map((course) => course.id),
          rules: estimate.setting.rules,
          gains: estimate.gains,
          intakeId: estimate.setting.intake.id === 'today' ? null : estimate.setting.intake.id,
          cutoffDate: estimate.setting.intake.cutoffDate,
        },
        ctx,
      );
    },
  }),
  myRplApplications: t.prismaField({
    type: [RplApplicationRef],
    authScopes: { teacher: true },
    resolve: async (query, _root, _args, ctx) =>
      db().rplApplication.findMany({
        ...query,
        where: await rplApplicationsWhere(ctx, 'own'),
        orderBy: { createdAt: 'desc' },
      }),
  }),
  rplApplication: t.prismaField({
    type: RplApplicationRef,
    nullable: true,
    description: 'An application: the teacher’s own, or (submitted) one of the university’s programmes.',
    args: { id: t.arg.globalID({ for: [RplApplicationRef], required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, { id }, ctx) => {
      const applicationId = decodeId(id.id);
      if (!applicationId) return null;
      return db().rplApplication.findFirst({
        ...query,
        where: {
          id: applicationId,
          AND: [await rplApplicationsWhere(ctx, 'see')],
        },
      });
    },
  }),
  rplApplications: t.prismaField({
    type: [RplApplicationRef],
    description: "Submitted applications to the viewer's university's programmes, optionally of one intake.",
    authScopes: staff,
    args: {
      intakeId: t.arg.globalID({ for: [RplIntakeRef] }),
      programmeId: t.arg.globalID({ for: [StudyProgrammeRef] }),
    },
    resolve: async (query, _root, args, ctx) => {
      if (!isRplStaff(ctx)) return [];
      const intakeId = args.intakeId ? decodeId(args.intakeId.id) : null;
      const programmeId = args.programmeId ? decodeId(args.programmeId.id) : null;
      return db().rplApplication.findMany({
        ...query,
        where: {
          AND: [
            await rplApplicationsWhere(ctx, 'review'),
            intakeId ? { intakeId } : {},
            programmeId ? { programmeId } : {},
          ],
        } satisfies Prisma.RplApplicationWhereInput,
        orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
        take: 500,
      });
    },
  }),
  rplProspects: t.field({
    type: ProspectsRef,
    description:
      "Who could benefit: the programme's estimate for every teacher with credentials, counted (staff).",
    authScopes: staff,
    errors: {},
    args: { programmeId: t.arg.globalID({ for: [StudyProgrammeRef], required: true }) },
    resolve: async (_root, { programmeId }, ctx) => {
      const prospects = await programmeProspects(ctx, {
        programmeId: requireId(programmeId.id, ['programmeId']),
      });
      const courseInfo = await courseLookup(
        ctx,
        prospects.courses.map((course) => course.courseId),
      );
      return { ...prospects, courseInfo };
    },
  }),
  ruleWhatIf: t.field({
    type: WhatIfRef,
    description: "Runs past applicants' submitted inputs with this draft in place (nothing is changed).",
    authScopes: staff,
    errors: {},
    args: { versionId: t.arg.globalID({ for: [EquivalenceRuleVersionRef], required: true }) },
    resolve: (_root, { versionId }, ctx) =>
      whatIfRuleDraft(ctx, { versionId: requireId(versionId.id, ['versionId']) }),
  }),
}));

// ---- Mutations -------------------------------------------------------------------------------

const StudyProgrammeInput = builder.inputType('StudyProgrammeInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    nameId: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    degree: t.field({ type: DegreeLevelEnum, required: true }),
    mode: t.field({ type: StudyModeEnum, required: true }),
    accreditation: t.field({ type: AccreditationEnum }),
    accreditationExpiresOn: t.field({ type: 'LocalDate' }),
    totalSks: t.int({ required: true }),
    semesters: t.int({ required: true }),
    rplOffered: t.boolean({ required: true }),
  }),
});

const RplIntakeInput = builder.inputType('RplIntakeInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    nameId: t.string({ required: true }),
    nameEn: t.string({ required: true }),
    opensAt: t.field({ type: 'DateTime', required: true }),
    closesAt: t.field({ type: 'DateTime', required: true }),
    cutoffDate: t.field({ type: 'LocalDate', required: true }),
    startsOn: t.field({ type: 'LocalDate', required: true }),
    quota: t.int(),
  }),
});

const RegulationProfileInput = builder.inputType('RegulationProfileInput', {
  fields: (t) => ({
    citation: t.string({ required: true }),
    effectiveFrom: t.field({ type: 'LocalDate', required: true }),
    effectiveTo: t.field({ type: 'LocalDate' }),
    limits: t.string({ required: true, description: 'The limits the layer sets, as JSON.' }),
  }),
});

const EquivalenceRuleInput = builder.inputType('EquivalenceRuleInput', {
  fields: (t) => ({
    courseId: t.id({ required: true, description: 'The course (global id).' }),
    requirements: t.string({ required: true, description: 'The requirements as JSON.' }),
    coveredOutcomes: t.stringList({ required: true }),
    coverage: t.string({
      required: true,
      description: 'ALL, DEFAULT, or MIN as JSON, e.g. {"kind":"MIN","minimum":0.75}.',
    }),
    sks: t.int({ required: true }),
    rationaleId: t.string({ required: true }),
    rationaleEn: t.string(),
    effectiveFrom: t.field({ type: 'LocalDate', required: true }),
    effectiveTo: t.field({ type: 'LocalDate' }),
  }),
});

const SelfEvaluationInput = builder.inputType('SelfEvaluationInput', {
  fields: (t) => ({
    outcomeId: t.id({ required: true, description: 'The course outcome (global id).' }),
    level: t.field({ type: SelfEvaluationLevelEnum, required: true }),
    credentialIds: t.idList({
      required: true,
      description: 'Credentials (global ids) or imported credential ids behind it.',
    }),
    evidenceIds: t.stringList({ required: true }),
    note: t.string(),
  }),
});

const RplDraftInput = builder.inputType('RplDraftInput', {
  fields: (t) => ({
    credentialIds: t.idList({ required: true, description: 'Wallet credentials (global ids).' }),
    externalCredentialIds: t.stringList({ required: true, description: 'Imported credentials (ids).' }),
    selfEvaluations: t.field({ type: [SelfEvaluationInput], required: true }),
  }),
});

function parseJson(value: string, path: string[]): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new ValidationError([{ path, code: 'INVALID_FORMAT' }]);
  }
}

/** A global id, a raw uuid, or whatever was sent (the service's checks refuse it with a field path). */
function rawId(value: string | number): string {
  const text = String(value);
  if (decodeId(text)) return decodeId(text) as string;
  try {
    return decodeId(decodeGlobalID(text).id) ?? text;
  } catch {
    return text;
  }
}

async function loadProgramme(query: object, id: string) {
  return db().studyProgramme.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
}

async function loadApplication(query: object, id: string) {
  return db().rplApplication.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
}

async function loadRuleVersion(query: object, id: string) {
  return db().equivalenceRuleVersion.findUniqueOrThrow({ ...refetchQuery(query), where: { id } });
}

builder.mutationFields((t) => ({
  createStudyProgramme: t.prismaField({
    type: StudyProgrammeRef,
    authScopes: staff,
    errors: {},
    args: {
      universityId: t.arg.globalID({ for: [OrganizationRef], description: 'Admins name the university.' }),
      input: t.arg({ type: StudyProgrammeInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const programme = await createStudyProgramme(ctx, {
        universityId: args.universityId ? requireId(args.universityId.id, ['universityId']) : null,
        input: args.input,
      });
      return loadProgramme(query, programme.id);
    },
  }),
  updateStudyProgramme: t.prismaField({
    type: StudyProgrammeRef,
    authScopes: staff,
    errors: {},
    args: {
      id: t.arg.globalID({ for: [StudyProgrammeRef], required: true }),
      input: t.arg({ type: StudyProgrammeInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const programmeId = requireId(args.id.id, ['id']);
      await updateStudyProgramme(ctx, { programmeId, input: args.input });
      return loadProgramme(query, programmeId);
    },
  }),
  createRplIntake: t.prismaField({
    type: RplIntakeRef,
    authScopes: staff,
    errors: {},
    args: {
      programmeId: t.arg.globalID({ for: [StudyProgrammeRef], required: true }),
      input: t.arg({ type: RplIntakeInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const intake = await createRplIntake(ctx, {
        programmeId: requireId(args.programmeId.id, ['programmeId']),
        input: args.input,
      });
      return db().rplIntake.findUniqueOrThrow({ ...refetchQuery(query), where: { id: intake.id } });
    },
  }),
  saveRegulationProfile: t.prismaField({
    type: RegulationProfileRef,
    description:
      'Saves the next version of the national profile, a university override or a programme override.',
    authScopes: { $any: { rplReviewer: true, admin: true, programManager: true } },
    errors: {},
    args: {
      layer: t.arg({ type: ProfileLayerEnum, required: true }),
      universityId: t.arg.globalID({ for: [OrganizationRef] }),
      programmeId: t.arg.globalID({ for: [StudyProgrammeRef] }),
      input: t.arg({ type: RegulationProfileInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const scope =
        args.layer === 'NATIONAL'
          ? ({ layer: 'NATIONAL' } as const)
          : args.layer === 'UNIVERSITY'
            ? ({
                layer: 'UNIVERSITY',
                universityId: requireId(args.universityId?.id ?? '', ['universityId']),
              } as const)
            : ({
                layer: 'PROGRAMME',
                programmeId: requireId(args.programmeId?.id ?? '', ['programmeId']),
              } as const);
      const profile = await saveRegulationProfile(ctx, {
        scope,
        input: {
          ...args.input,
          effectiveTo: args.input.effectiveTo ?? null,
          limits: parseJson(args.input.limits, ['input', 'limits']),
        },
      });
      return db().regulationProfile.findUniqueOrThrow({ ...refetchQuery(query), where: { id: profile.id } });
    },
  }),
  saveEquivalenceRuleDraft: t.prismaField({
    type: EquivalenceRuleVersionRef,
    description: "Saves a rule's draft (a new rule, or the next version of one); someone else approves it.",
    authScopes: staff,
    errors: {},
    args: {
      programmeId: t.arg.globalID({ for: [StudyProgrammeRef], required: true }),
      code: t.arg.string({ required: true }),
      input: t.arg({ type: EquivalenceRuleInput, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const saved = await saveRuleDraft(ctx, {
        programmeId: requireId(args.programmeId.id, ['programmeId']),
        code: args.code,
        input: {
          ...args.input,
          courseId: rawId(args.input.courseId),
          requirements: parseJson(args.input.requirements, ['input', 'requirements']),
          coverage: parseJson(args.input.coverage, ['input', 'coverage']),
          rationaleEn: args.input.rationaleEn ?? null,
          effectiveTo: args.input.effectiveTo ?? null,
        },
      });
      return loadRuleVersion(query, saved.id);
    },
  }),
  approveEquivalenceRule: t.prismaField({
    type: EquivalenceRuleVersionRef,
    description: 'Approves a draft written by someone else; it proposes from its effective date.',
    authScopes: staff,
    errors: { types: [InvalidStateError] },
    args: {
      versionId: t.arg.globalID({ for: [EquivalenceRuleVersionRef], required: true }),
      seenUpdatedAt: t.arg({
        type: 'DateTime',
        description: "The draft's updatedAt as the approver saw it: a draft changed since is refused.",
      }),
    },
    resolve: async (query, _root, { versionId, seenUpdatedAt }, ctx) => {
      const id = requireId(versionId.id, ['versionId']);
      await approveRuleVersion(ctx, { versionId: id, seenUpdatedAt: seenUpdatedAt ?? null });
      return loadRuleVersion(query, id);
    },
  }),
  retireEquivalenceRule: t.prismaField({
    type: EquivalenceRuleVersionRef,
    description: 'Retires an approved version: proposed no more; decisions made under it stand.',
    authScopes: staff,
    errors: { types: [InvalidStateError] },
    args: { versionId: t.arg.globalID({ for: [EquivalenceRuleVersionRef], required: true }) },
    resolve: async (query, _root, { versionId }, ctx) => {
      const id = requireId(versionId.id, ['versionId']);
      await retireRuleVersion(ctx, { versionId: id });
      return loadRuleVersion(query, id);
    },
  }),
  discardEquivalenceRuleDraft: t.boolean({
    authScopes: staff,
    errors: { types: [InvalidStateError] },
    args: { versionId: t.arg.globalID({ for: [EquivalenceRuleVersionRef], required: true }) },
    resolve: (_root, { versionId }, ctx) =>
      discardRuleDraft(ctx, { versionId: requireId(versionId.id, ['versionId']) }),
  }),
  startRplApplication: t.prismaField({
    type: RplApplicationRef,
    description: 'Starts a draft application to an intake that takes applications now.',
    authScopes: { teacher: true },
    errors: {},
    args: { intakeId: t.arg.globalID({ for: [RplIntakeRef], required: true }) },
    resolve: async (query, _root, { intakeId }, ctx) => {
      const application = await startRplApplication(ctx, { intakeId: requireId(intakeId.id, ['intakeId']) });
      return loadApplication(query, application.id);
    },
  }),
  saveRplDraft: t.prismaField({
    type: RplApplicationRef,
    description: 'Saves the credentials put forward and the self-evaluation.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: {
      applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
      input: t.arg({ type: RplDraftInput, required: true }),
    },
    resolve: async (query, _root, { applicationId, input }, ctx) => {
      const id = requireId(applicationId.id, ['applicationId']);
      await saveRplDraft(ctx, {
        applicationId: id,
        input: {
          credentialIds: input.credentialIds.map(rawId),
          externalCredentialIds: input.externalCredentialIds,
          selfEvaluations: input.selfEvaluations.map((entry) => ({
            ...entry,
            outcomeId: rawId(entry.outcomeId),
            credentialIds: entry.credentialIds.map(rawId),
            note: entry.note ?? null,
          })),
        },
      });
      return loadApplication(query, id);
    },
  }),
  submitRplApplication: t.prismaField({
    type: RplApplicationRef,
    description:
      'Submits (or answers a request for more evidence): verifies every credential at the cut-off and stores the proposal.',
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: { applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }) },
    resolve: async (query, _root, { applicationId }, ctx) => {
      const id = requireId(applicationId.id, ['applicationId']);
      await submitRplApplication(ctx, { applicationId: id });
      return loadApplication(query, id);
    },
  }),
  withdrawRplApplication: t.prismaField({
    type: RplApplicationRef,
    authScopes: { teacher: true },
    errors: { types: [InvalidStateError] },
    args: { applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }) },
    resolve: async (query, _root, { applicationId }, ctx) => {
      const id = requireId(applicationId.id, ['applicationId']);
      await withdrawRplApplication(ctx, { applicationId: id });
      return loadApplication(query, id);
    },
  }),
  requestRplEvidence: t.prismaField({
    type: RplApplicationRef,
    description: 'Asks the teacher for more evidence, saying what (university staff).',
    authScopes: staff,
    errors: { types: [InvalidStateError] },
    args: {
      applicationId: t.arg.globalID({ for: [RplApplicationRef], required: true }),
      message: t.arg.string({ required: true }),
    },
    resolve: async (query, _root, { applicationId, message: text }, ctx) => {
      const id = requireId(applicationId.id, ['applicationId']);
      await requestRplEvidence(ctx, { applicationId: id, message: text });
      return loadApplication(query, id);
    },
  }),
}));
