// The credential template of a call (its `Achievement`) and how it completes: the form's values,
// their way to `saveAchievement`, and the API's own field rules (`achievementSchema`).
import {
  achievementSchema,
  achievementTypes,
  assessmentKinds,
  type Locale,
  toFieldIssues,
  translateError,
} from '@kmg/domain';

export { achievementTypes, assessmentKinds };
export type AchievementType = (typeof achievementTypes)[number];
export type AssessmentKind = (typeof assessmentKinds)[number];

/** KKNI levels 1-9; what they correspond to is explained beside the field. */
export const kkniLevels = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export type AchievementFormValues = {
  achievementType: AchievementType;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  criteriaId: string;
  criteriaEn: string;
  /** A Select's value: '1'..'9', or null until chosen. */
  kkniLevel: string | null;
  /** '' for "by workload" (hours / 45). */
  sks: number | string;
  /** '' for "valid without end". */
  validityMonths: number | string;
  assessmentMethod: string;
  qualityAssurance: string;
  assessmentKind: AssessmentKind;
  minAttendancePercent: number | string;
};

export type SavedAchievement = {
  achievementType: AchievementType;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  criteriaId: string;
  criteriaEn: string;
  kkniLevel: number | null;
  sks: number | null;
  validityMonths: number | null;
  assessmentMethod: string;
  qualityAssurance: string;
};

export type CallForAchievement = {
  title: string;
  description: string;
  assessmentKind: AssessmentKind;
  minAttendancePercent: number;
  competencyUnits: readonly unknown[];
  achievement: SavedAchievement | null;
};

/** The criteria a new template starts from, matching the completion rule the API applies. */
export function suggestedCriteria(
  kind: AssessmentKind,
  minAttendancePercent: number,
): { criteriaId: string; criteriaEn: string } {
  return kind === 'COMPETENCY'
    ? {
        criteriaId: `Hadir minimal ${minAttendancePercent}% hari pelatihan dan dinyatakan Kompeten pada setiap unit SKKNI.`,
        criteriaEn: `Attend at least ${minAttendancePercent}% of training days and be judged competent in every SKKNI unit.`,
      }
    : {
        criteriaId: `Hadir minimal ${minAttendancePercent}% hari pelatihan.`,
        criteriaEn: `Attend at least ${minAttendancePercent}% of training days.`,
      };
}

/** The saved template, or a first draft from the call (its title, description and rule). */
export function achievementFormFromCall(call: CallForAchievement): AchievementFormValues {
  const saved = call.achievement;
  const base = {
    assessmentKind: call.assessmentKind,
    minAttendancePercent: call.minAttendancePercent,
  };
  if (saved) {
    return {
      ...base,
      achievementType: saved.achievementType,
      nameId: saved.nameId,
      nameEn: saved.nameEn,
      descriptionId: saved.descriptionId,
      descriptionEn: saved.descriptionEn,
      criteriaId: saved.criteriaId,
      criteriaEn: saved.criteriaEn,
      kkniLevel: saved.kkniLevel === null ? null : String(saved.kkniLevel),
      sks: saved.sks ?? '',
      validityMonths: saved.validityMonths ?? '',
      assessmentMethod: saved.assessmentMethod,
      qualityAssurance: saved.qualityAssurance,
    };
  }
  return {
    ...base,
    achievementType: call.assessmentKind === 'COMPETENCY' ? 'MicroCredential' : 'CertificateOfCompletion',
    nameId: call.title,
    nameEn: '',
    descriptionId: call.description,
    descriptionEn: '',
    ...suggestedCriteria(call.assessmentKind, call.minAttendancePercent),
    kkniLevel: null,
    sks: '',
    validityMonths: '',
    assessmentMethod: '',
    qualityAssurance: '',
  };
}

const toNumber = (value: number | string | null): number | null =>
  value === '' || value === null ? null : typeof value === 'number' ? value : Number(value);

/** `AchievementInput` for `saveAchievement`. */
export function toAchievementInput(values: AchievementFormValues) {
  return {
    achievementType: values.achievementType,
    nameId: values.nameId.trim(),
    nameEn: values.nameEn.trim(),
    descriptionId: values.descriptionId.trim(),
    descriptionEn: values.descriptionEn.trim(),
    criteriaId: values.criteriaId.trim(),
    criteriaEn: values.criteriaEn.trim(),
    kkniLevel: toNumber(values.kkniLevel) ?? 0,
    sks: toNumber(values.sks),
    validityMonths: toNumber(values.validityMonths),
    assessmentMethod: values.assessmentMethod.trim(),
    qualityAssurance: values.qualityAssurance.trim(),
    assessmentKind: values.assessmentKind,
    minAttendancePercent: toNumber(values.minAttendancePercent) ?? -1,
  };
}

/**
 * Every broken rule by field, in the words the API uses: the same schema (`achievementSchema`
 * from @kmg/domain) checks the form here and the input there. An empty field reads "required".
 */
export function validateAchievementForm(
  values: AchievementFormValues,
  locale: Locale,
): Record<string, string> {
  const parsed = achievementSchema.safeParse({
    ...toAchievementInput(values),
    kkniLevel: toNumber(values.kkniLevel),
    minAttendancePercent: toNumber(values.minAttendancePercent),
  });
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of toFieldIssues(parsed.error.issues)) {
    const field = issue.path[0] as keyof AchievementFormValues;
    const value = values[field];
    const blank = value === null || (typeof value === 'string' && value.trim() === '');
    errors[field] = blank
      ? translateError('REQUIRED', locale)
      : translateError(issue.code, locale, issue.params);
  }
  return errors;
}
