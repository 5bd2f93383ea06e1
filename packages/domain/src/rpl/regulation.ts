import type { LocalDate } from '#dates.ts';
import type {
  Accreditation,
  LimitSource,
  ProfileLayer,
  RegulationLimits,
  RegulationProfile,
  ResolvedRegulation,
} from '#rpl/types.ts';
import { defaultForbiddenRolePairs } from '#rpl-review/case-machine.ts';

/**
 * What applies when no layer sets a limit: no caps and no exclusions (one 2023 source says no
 * national cap exists, so a cap must come from a profile with its citation), but evidence must be
 * valid at the cut-off, a 'DEFAULT' coverage rule must cover every CPMK, and 1 SKS = 45 hours.
 */
export const rplDefaultLimits: { [K in keyof ResolvedRegulation]: ResolvedRegulation[K]['value'] } = {
  maxShareOfProgramme: null,
  maxSks: null,
  maxCourses: null,
  excludedCourseKinds: [],
  degreeLevelsWithoutRpl: [],
  minAccreditation: null,
  minSemestersRemaining: null,
  recencyYears: null,
  requireValidAtCutoff: true,
  maxCoursesPerCredential: null,
  defaultMinCoverage: 1,
  hoursPerSks: 45,
  forbiddenRolePairs: defaultForbiddenRolePairs.map(([a, b]) => [a, b]),
};

/** Programme over university over national. */
const layerPrecedence: readonly ProfileLayer[] = ['PROGRAMME', 'UNIVERSITY', 'NATIONAL'];

/** Higher is better; the old letters equal the new names (A≡UNGGUL, B≡BAIK_SEKALI, C≡BAIK). */
export const accreditationRank: Record<Accreditation, number> = {
  UNGGUL: 3,
  A: 3,
  BAIK_SEKALI: 2,
  B: 2,
  BAIK: 1,
  C: 1,
};

export function isAccreditationAtLeast(grade: Accreditation, minimum: Accreditation): boolean {
  return accreditationRank[grade] >= accreditationRank[minimum];
}

export function isProfileInForce(profile: RegulationProfile, onDate: LocalDate): boolean {
  return profile.effectiveFrom <= onDate && (profile.effectiveTo === null || onDate <= profile.effectiveTo);
}

/**
 * The limits in force on a date, each with the profile it came from: per layer the profile in
 * force with the highest version (equal versions: the lower id), then field by field the
 * programme's value over the university's over the national one; a field no layer sets keeps the
 * built-in default (source null). A layer setting null means "no limit" and does override.
 */
export function resolveRegulation(
  profiles: readonly RegulationProfile[],
  onDate: LocalDate,
): ResolvedRegulation {
  const current = new Map<ProfileLayer, RegulationProfile>();
  for (const profile of profiles) {
    if (!isProfileInForce(profile, onDate)) continue;
    const held = current.get(profile.layer);
    if (!held || profile.version > held.version || (profile.version === held.version && profile.id < held.id))
      current.set(profile.layer, profile);
  }
  const resolved = {} as Record<keyof RegulationLimits, { value: unknown; source: LimitSource | null }>;
  for (const field of Object.keys(rplDefaultLimits) as (keyof RegulationLimits)[]) {
    resolved[field] = { value: rplDefaultLimits[field], source: null };
    for (const layer of layerPrecedence) {
      const profile = current.get(layer);
      const value = profile?.limits[field];
      if (profile && value !== undefined) {
        resolved[field] = {
          value,
          source: {
            layer: profile.layer,
            profileId: profile.id,
            version: profile.version,
            citation: profile.citation,
          },
        };
        break;
      }
    }
  }
  return resolved as ResolvedRegulation;
}
