import type { TrainingCall } from '@kmg/db';
import {
  type EligibilityRules,
  eligibilityRulesSchema,
  type Rubric,
  rubricSchema,
  type SelectionPolicy,
} from '@kmg/domain';

/** A call's selection settings, read from their JSON columns (written only through validated input). */
export function readCallSettings(
  call: Pick<
    TrainingCall,
    'eligibilityRules' | 'rubric' | 'seatsPerProvince' | 'seats' | 'minScore' | 'maxPerSchool'
  >,
): {
  rules: EligibilityRules;
  rubric: Rubric;
  policy: SelectionPolicy;
} {
  const rules = eligibilityRulesSchema.safeParse(call.eligibilityRules ?? {});
  const rubric = rubricSchema.safeParse(call.rubric);
  const provinces = Array.isArray(call.seatsPerProvince)
    ? Object.fromEntries(
        (call.seatsPerProvince as { province: string; seats: number }[]).map((entry) => [
          entry.province,
          entry.seats,
        ]),
      )
    : null;
  return {
    rules: rules.success ? rules.data : {},
    rubric: rubric.success ? rubric.data : [],
    policy: {
      seats: call.seats,
      minScore: call.minScore,
      maxPerSchool: call.maxPerSchool,
      seatsPerProvince: provinces && Object.keys(provinces).length > 0 ? provinces : null,
    },
  };
}
