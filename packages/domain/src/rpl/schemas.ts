import { z } from 'zod';
import type {
  Accreditation,
  CourseKind,
  DegreeLevel,
  ProfileLayer,
  RegulationLimits,
  RuleCoverage,
  RuleRequirement,
} from '#rpl/types.ts';
import { rplCaseRoles } from '#rpl-review/case-machine.ts';
import { textSchema } from '#validation.ts';

// The database keeps a profile's limits, a rule's requirements and its coverage as JSON; these are
// the one place that says what that JSON may hold, and the core layer parses with them.

export const degreeLevels = ['D3', 'D4', 'S1', 'S2', 'S3'] as const satisfies readonly DegreeLevel[];
export const courseKinds = [
  'REGULAR',
  'FINAL_PROJECT',
  'INTERNSHIP',
] as const satisfies readonly CourseKind[];
export const accreditations = [
  'UNGGUL',
  'BAIK_SEKALI',
  'BAIK',
  'A',
  'B',
  'C',
] as const satisfies readonly Accreditation[];
export const profileLayers = [
  'NATIONAL',
  'UNIVERSITY',
  'PROGRAMME',
] as const satisfies readonly ProfileLayer[];

const share = z.number().min(0).max(1);
const count = z.number().int().min(0).max(1000);

/** A layer sets only what it overrides; unknown keys are refused so a misspelt limit cannot pass silently. */
export const regulationLimitsSchema = z.strictObject({
  maxShareOfProgramme: share.nullable().optional(),
  maxSks: count.nullable().optional(),
  maxCourses: count.nullable().optional(),
  excludedCourseKinds: z.array(z.enum(courseKinds)).max(courseKinds.length).optional(),
  degreeLevelsWithoutRpl: z.array(z.enum(degreeLevels)).max(degreeLevels.length).optional(),
  minAccreditation: z.enum(accreditations).nullable().optional(),
  minSemestersRemaining: z.number().int().min(0).max(20).nullable().optional(),
  recencyYears: z.number().int().min(1).max(50).nullable().optional(),
  requireValidAtCutoff: z.boolean().optional(),
  maxCoursesPerCredential: z.number().int().min(1).max(100).nullable().optional(),
  defaultMinCoverage: share.optional(),
  hoursPerSks: z.number().int().min(1).max(200).optional(),
  forbiddenRolePairs: z
    .array(
      z.tuple([z.enum(rplCaseRoles), z.enum(rplCaseRoles)]).refine(([a, b]) => a !== b, 'RPL_ROLE_PAIR_SAME'),
    )
    .max(15)
    .optional(),
}) satisfies z.ZodType<RegulationLimits>;

const code = textSchema.trim().min(1).max(60);

export const ruleRequirementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ACHIEVEMENT'), achievementCode: code }),
  z.object({ kind: z.literal('SKKNI_UNIT'), unitCode: code }),
  z.object({ kind: z.literal('PATHWAY'), pathwayCode: code }),
  z.object({ kind: z.literal('LEARNING_OUTCOME'), achievementCode: code, outcomeCode: code }),
  z.object({ kind: z.literal('HOURS'), minimum: z.number().int().min(1).max(10_000) }),
]) satisfies z.ZodType<RuleRequirement>;

/** All must hold; hours count the credentials the other requirements use, so one of those is needed. */
export const ruleRequirementsSchema = z
  .array(ruleRequirementSchema)
  .min(1)
  .max(20)
  .refine((list) => list.some((requirement) => requirement.kind !== 'HOURS'), 'RPL_RULE_HOURS_ALONE');

export const ruleCoverageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ALL') }),
  z.object({ kind: z.literal('MIN'), minimum: share }),
  z.object({ kind: z.literal('DEFAULT') }),
]) satisfies z.ZodType<RuleCoverage>;
