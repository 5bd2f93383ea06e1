// A regulation profile's limits as the console edits them, and their JSON (the domain's
// `regulationLimitsSchema`). A layer sets only what it overrides, so every limit has three
// states: follow the layer below ("inherit", the key is absent), set a value, or, where the
// schema allows null, "no limit" (null, which also overrides).
import {
  accreditations,
  courseKinds,
  defaultForbiddenRolePairs,
  degreeLevels,
  type Locale,
  type RegulationLimits,
  type RplCaseRole,
  regulationLimitsSchema,
  regulationProfileInputSchema,
  rplCaseRoleLabels,
  rplCaseRoles,
  rplDefaultLimits,
  toFieldIssues,
  translateError,
} from '@kmg/domain';

export type LimitKey = keyof RegulationLimits;

/**
 * How a limit is entered: a count, a share shown as a percentage, a list, a choice, a switch, or
 * pairs of case roles (the four-eyes rule).
 */
export type LimitKind = 'count' | 'share' | 'kinds' | 'degrees' | 'accreditation' | 'switch' | 'pairs';

export const limitDefinitions: readonly { key: LimitKey; kind: LimitKind; nullable: boolean }[] = [
  { key: 'maxShareOfProgramme', kind: 'share', nullable: true },
  { key: 'maxSks', kind: 'count', nullable: true },
  { key: 'maxCourses', kind: 'count', nullable: true },
  { key: 'excludedCourseKinds', kind: 'kinds', nullable: false },
  { key: 'degreeLevelsWithoutRpl', kind: 'degrees', nullable: false },
  { key: 'minAccreditation', kind: 'accreditation', nullable: true },
  { key: 'minSemestersRemaining', kind: 'count', nullable: true },
  { key: 'recencyYears', kind: 'count', nullable: true },
  { key: 'requireValidAtCutoff', kind: 'switch', nullable: false },
  { key: 'maxCoursesPerCredential', kind: 'count', nullable: true },
  { key: 'defaultMinCoverage', kind: 'share', nullable: false },
  { key: 'hoursPerSks', kind: 'count', nullable: false },
  { key: 'forbiddenRolePairs', kind: 'pairs', nullable: false },
];

export type LimitMode = 'inherit' | 'set' | 'none';

/** Two case roles as two selects hold them (null: nothing chosen). */
export type RolePairSetting = [RplCaseRole | null, RplCaseRole | null];

/**
 * One limit in the form. `amount` holds counts and percentages (as typed), `list` the chosen
 * course kinds or degrees, `choice` the accreditation, `enabled` the switch, `pairs` the
 * four-eyes pairs.
 */
export type LimitSetting = {
  mode: LimitMode;
  amount: number | string;
  list: string[];
  choice: string | null;
  enabled: boolean;
  pairs: RolePairSetting[];
};

export type LimitsFormValues = Record<LimitKey, LimitSetting>;

export type ProfileFormValues = {
  citation: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  limits: LimitsFormValues;
};

const inherit: LimitSetting = {
  mode: 'inherit',
  amount: '',
  list: [],
  choice: null,
  enabled: true,
  pairs: [],
};

/** The regulation's default four-eyes pairs, as the form holds them. */
export function defaultRolePairs(): RolePairSetting[] {
  return defaultForbiddenRolePairs.map(([a, b]) => [a, b]);
}

/**
 * The pair "add pair" offers: the first two different roles not yet paired in either order, or
 * null once every pair is listed.
 */
export function nextRolePair(pairs: readonly RolePairSetting[]): RolePairSetting | null {
  const listed = new Set(pairs.flatMap(([a, b]) => [`${a}+${b}`, `${b}+${a}`]));
  for (const [index, first] of rplCaseRoles.entries())
    for (const second of rplCaseRoles.slice(index + 1))
      if (!listed.has(`${first}+${second}`)) return [first, second];
  return null;
}

/** 0.7 → 70, without binary noise (0.29 * 100 is 28.999…). */
function toPercent(share: number): number {
  return Math.round(share * 10_000) / 100;
}

/**
 * The form for a profile's limits (parsed JSON): what it sets is "set" or "none", the rest
 * inherits. An inherited list of role pairs starts from `inheritedPairs` (what applies without
 * this layer; the defaults if not given), so setting it means editing what holds, not starting
 * from an empty list that would lift the four-eyes rule.
 */
export function limitsToForm(
  limits: RegulationLimits,
  inheritedPairs: RegulationLimits['forbiddenRolePairs'] = rplDefaultLimits.forbiddenRolePairs,
): LimitsFormValues {
  const form = {} as LimitsFormValues;
  for (const { key, kind } of limitDefinitions) {
    const value = limits[key];
    if (value === undefined)
      form[key] = kind === 'pairs' ? { ...inherit, pairs: copyPairs(inheritedPairs ?? []) } : { ...inherit };
    else if (value === null) form[key] = { ...inherit, mode: 'none' };
    else if (kind === 'share') form[key] = { ...inherit, mode: 'set', amount: toPercent(value as number) };
    else if (kind === 'count') form[key] = { ...inherit, mode: 'set', amount: value as number };
    else if (kind === 'kinds' || kind === 'degrees')
      form[key] = { ...inherit, mode: 'set', list: [...(value as string[])] };
    else if (kind === 'accreditation') form[key] = { ...inherit, mode: 'set', choice: value as string };
    else if (kind === 'pairs')
      form[key] = { ...inherit, mode: 'set', pairs: copyPairs(value as RolePairSetting[]) };
    else form[key] = { ...inherit, mode: 'set', enabled: value as boolean };
  }
  return form;
}

function copyPairs(pairs: readonly (readonly [RplCaseRole | null, RplCaseRole | null])[]): RolePairSetting[] {
  return pairs.map(([a, b]) => [a, b]);
}

/** A profile's limits JSON (the API's `limits` string), read leniently: unreadable JSON sets nothing. */
export function parseLimits(json: string): RegulationLimits {
  try {
    const parsed = regulationLimitsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function toAmount(value: number | string): number | string {
  if (typeof value === 'number') return value;
  const trimmed = value.trim().replace(',', '.');
  // Left as typed when it is no number: the schema then says what is wrong with it.
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : value;
}

/**
 * The limits the form sets, as the API takes them: inherited ones left out, "no limit" as null,
 * percentages as shares. Values are passed as typed; the schema checks them.
 */
export function formToLimits(form: LimitsFormValues): Record<string, unknown> {
  const limits: Record<string, unknown> = {};
  for (const { key, kind, nullable } of limitDefinitions) {
    const setting = form[key];
    if (setting.mode === 'inherit') continue;
    if (setting.mode === 'none') {
      if (nullable) limits[key] = null;
      continue;
    }
    switch (kind) {
      case 'share': {
        const amount = toAmount(setting.amount);
        limits[key] = typeof amount === 'number' ? Math.round(amount * 100) / 10_000 : amount;
        break;
      }
      case 'count':
        limits[key] = toAmount(setting.amount);
        break;
      case 'kinds':
      case 'degrees':
        limits[key] = [...setting.list];
        break;
      case 'accreditation':
        // Nothing chosen is not "no minimum" (that is the third state): the schema refuses ''.
        limits[key] = setting.choice ?? '';
        break;
      case 'switch':
        limits[key] = setting.enabled;
        break;
      case 'pairs':
        // An unchosen role goes as null, which the schema refuses on its select.
        limits[key] = copyPairs(setting.pairs);
        break;
    }
  }
  return limits;
}

/**
 * Where a limit's message shows: on its value field (`limits.maxSks.amount`, `.list`, ...); a
 * role pair's message on that pair (`limits.forbiddenRolePairs.pairs.2`).
 */
export function limitField(key: LimitKey, pairIndex?: string): string {
  const kind = limitDefinitions.find((definition) => definition.key === key)?.kind;
  if (kind === 'pairs')
    return pairIndex !== undefined && /^\d+$/.test(pairIndex)
      ? `limits.${key}.pairs.${pairIndex}`
      : `limits.${key}.pairs`;
  const part =
    kind === 'kinds' || kind === 'degrees'
      ? 'list'
      : kind === 'accreditation'
        ? 'choice'
        : kind === 'switch'
          ? 'enabled'
          : 'amount';
  return `limits.${key}.${part}`;
}

/**
 * Moves API paths (`limits.maxSks`, `input.limits.excludedCourseKinds.0`,
 * `limits.forbiddenRolePairs.1.0`) onto the form's fields.
 */
export function profileFieldErrors(fieldErrors: readonly { path: readonly string[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const { path, message } of fieldErrors) {
    const parts = path[0] === 'input' ? path.slice(1) : [...path];
    const key =
      parts[0] === 'limits' && parts[1] && limitDefinitions.some((d) => d.key === parts[1])
        ? limitField(parts[1] as LimitKey, parts[2])
        : parts.join('.');
    errors[key] ??= message;
  }
  return errors;
}

/** The form's own check: the domain's profile schema, its messages on the form's fields. */
export function validateProfileForm(values: ProfileFormValues, locale: Locale): Record<string, string> {
  const parsed = regulationProfileInputSchema.safeParse({
    citation: values.citation,
    effectiveFrom: values.effectiveFrom ?? '',
    effectiveTo: values.effectiveTo || null,
    limits: formToLimits(values.limits),
  });
  if (parsed.success) return {};
  const issues = toFieldIssues(parsed.error.issues).map((issue) => ({
    path: issue.path,
    message: translateError(issue.code, locale, issue.params),
  }));
  return profileFieldErrors(issues);
}

/** The input `saveRegulationProfile` takes. */
export function toProfileInput(values: ProfileFormValues) {
  return {
    citation: values.citation.trim(),
    effectiveFrom: values.effectiveFrom ?? '',
    effectiveTo: values.effectiveTo || null,
    limits: JSON.stringify(formToLimits(values.limits)),
  };
}

/** Role pairs in words, each role by its label: ["asesor akademisi", "validator"]. */
export function labelRolePairs(
  pairs: readonly (readonly [string, string])[],
  locale: Locale,
): [string, string][] {
  const label = (role: string) => rplCaseRoleLabels[role as RplCaseRole]?.[locale] ?? role;
  return pairs.map(([first, second]) => [label(first), label(second)]);
}

/**
 * A limit's value in words, for tables: "70 %", "S3", "—" for an empty list, role pairs as
 * "asesor akademisi + validator; …".
 */
export function describeLimit(
  key: LimitKey,
  value: unknown,
  labels: {
    none: string;
    yes: string;
    no: string;
    emptyList: string;
    item: (key: LimitKey, item: string) => string;
  },
  locale: Locale,
): string {
  const kind = limitDefinitions.find((definition) => definition.key === key)?.kind;
  if (value === null || value === undefined) return labels.none;
  if (kind === 'share' && typeof value === 'number')
    return `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 }).format(toPercent(value))} %`;
  if (kind === 'pairs' && Array.isArray(value))
    return value.length === 0
      ? labels.emptyList
      : labelRolePairs(value, locale)
          .map((pair) => pair.join(' + '))
          .join('; ');
  if (Array.isArray(value))
    return value.length === 0
      ? labels.emptyList
      : value.map((item) => labels.item(key, String(item))).join(', ');
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (kind === 'accreditation') return labels.item(key, String(value));
  return String(value);
}

export { accreditations, courseKinds, degreeLevels, rplCaseRoles };

export type ProfileRow = {
  id: string;
  layer: 'NATIONAL' | 'UNIVERSITY' | 'PROGRAMME';
  version: number;
  citation: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  limits: string;
};

/** Per layer, the profile in force on `today` (the highest version), as the engine picks it. */
export function profilesInForce<Row extends ProfileRow>(
  profiles: readonly Row[],
  today: string,
): Map<Row['layer'], Row> {
  const current = new Map<Row['layer'], Row>();
  for (const profile of profiles) {
    if (profile.effectiveFrom > today || (profile.effectiveTo !== null && today > profile.effectiveTo))
      continue;
    const held = current.get(profile.layer);
    if (!held || profile.version > held.version) current.set(profile.layer, profile);
  }
  return current;
}

const precedence = ['PROGRAMME', 'UNIVERSITY', 'NATIONAL'] as const;

/**
 * Each limit as it applies: the programme's value over the university's over the national one,
 * else the engine's built-in default (`layer` null).
 */
export function effectiveLimits(inForce: ReadonlyMap<ProfileRow['layer'], ProfileRow>): EffectiveLimits {
  const parsed = new Map([...inForce].map(([layer, profile]) => [layer, parseLimits(profile.limits)]));
  const result: Record<LimitKey, { value: unknown; layer: ProfileRow['layer'] | null }> = {} as never;
  for (const { key } of limitDefinitions) {
    result[key] = { value: rplDefaultLimits[key], layer: null };
    for (const layer of precedence) {
      const value = parsed.get(layer)?.[key];
      if (value !== undefined) {
        result[key] = { value, layer };
        break;
      }
    }
  }
  return result as EffectiveLimits;
}

export type EffectiveLimits = {
  [Key in LimitKey]: { value: Exclude<RegulationLimits[Key], undefined>; layer: ProfileRow['layer'] | null };
};
