// What staff and teachers send for RPL, as field rules: the console's programme, intake, profile and
// rule forms, and the teacher's application. The engine's own types live in `rpl/types.ts`.
import { z } from 'zod';
import {
  accreditations,
  degreeLevels,
  regulationLimitsSchema,
  ruleCoverageSchema,
  ruleRequirementsSchema,
} from '#rpl/schemas.ts';
import { localDateSchema, textSchema } from '#validation.ts';

export const studyModes = ['ON_CAMPUS', 'ONLINE', 'HYBRID'] as const;
export const rplEvidenceKinds = ['BNSP_CERTIFICATE', 'WORK_EXPERIENCE', 'EXTERNAL_BADGE', 'OTHER'] as const;

const code = textSchema
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'INVALID_FORMAT');
const title = textSchema.trim().min(3).max(200);

export const studyProgrammeInputSchema = z.object({
  code,
  nameId: title,
  nameEn: title,
  degree: z.enum(degreeLevels),
  mode: z.enum(studyModes),
  accreditation: z.enum(accreditations).nullable(),
  accreditationExpiresOn: localDateSchema.nullable(),
  totalSks: z.number().int().min(1).max(400),
  semesters: z.number().int().min(1).max(16),
  rplOffered: z.boolean(),
});

export const rplIntakeInputSchema = z
  .object({
    code,
    nameId: title,
    nameEn: title,
    opensAt: z.date(),
    closesAt: z.date(),
    cutoffDate: localDateSchema,
    startsOn: localDateSchema,
    quota: z.number().int().min(1).max(10_000).nullable(),
  })
  .superRefine((intake, ctx) => {
    if (intake.closesAt <= intake.opensAt)
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'WINDOW_CLOSES_BEFORE_OPENS' });
  });

export const regulationProfileInputSchema = z
  .object({
    citation: textSchema.trim().min(5).max(500),
    effectiveFrom: localDateSchema,
    effectiveTo: localDateSchema.nullable(),
    limits: regulationLimitsSchema,
  })
  .superRefine((profile, ctx) => {
    if (profile.effectiveTo !== null && profile.effectiveTo < profile.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'END_BEFORE_START' });
  });

const referenceCode = textSchema.trim().min(1).max(80);

export const equivalenceRuleInputSchema = z
  .object({
    courseId: textSchema.uuid(),
    requirements: ruleRequirementsSchema,
    coveredOutcomes: z.array(referenceCode).min(1).max(50),
    coverage: ruleCoverageSchema,
    sks: z.number().int().min(1).max(24),
    rationaleId: textSchema.trim().min(10).max(2000),
    rationaleEn: textSchema.trim().max(2000).nullable(),
    effectiveFrom: localDateSchema,
    effectiveTo: localDateSchema.nullable(),
  })
  .superRefine((rule, ctx) => {
    if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'END_BEFORE_START' });
  });

export const selfEvaluationInputSchema = z.object({
  outcomeId: textSchema.uuid(),
  level: z.enum(['VERY_GOOD', 'GOOD', 'NEVER']),
  credentialIds: z.array(textSchema.uuid()).max(50),
  evidenceIds: z.array(textSchema.uuid()).max(50),
  note: textSchema.trim().max(1000).nullable(),
});

export const rplDraftInputSchema = z.object({
  credentialIds: z.array(textSchema.uuid()).max(200),
  externalCredentialIds: z.array(textSchema.uuid()).max(200),
  selfEvaluations: z.array(selfEvaluationInputSchema).max(1000),
});

export const evidenceRequestSchema = textSchema.trim().min(10).max(2000);
