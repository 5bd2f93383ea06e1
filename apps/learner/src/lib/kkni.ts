// KKNI (Kerangka Kualifikasi Nasional Indonesia, the national qualifications framework): nine
// levels in three groups, and the lowest level each education level is equated with. Every KMG
// credential names a level (`achievement.alignment`); /referensi/kkni/<level> explains it.

export const kkniLevels = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export type KkniLevel = (typeof kkniLevels)[number];

/** 1–3 operator, 4–6 teknisi atau analis (technician or analyst), 7–9 ahli (expert). */
export type KkniGroup = 'operator' | 'technician' | 'expert';

/** Education levels the framework equates with a minimum KKNI level. */
export type KkniEducation = 'smk' | 'd3' | 's1d4' | 's2';

/** "At least": a graduate is equated with this level or higher, never lower. */
export const kkniEducationMinimums: readonly { education: KkniEducation; level: KkniLevel }[] = [
  { education: 'smk', level: 2 },
  { education: 'd3', level: 5 },
  { education: 's1d4', level: 6 },
  { education: 's2', level: 8 },
];

/** The level a URL segment names: `"4"` is level 4; anything but a plain 1–9 is not a level. */
export function parseKkniLevel(value: string | undefined): KkniLevel | null {
  if (!value || !/^[1-9]$/.test(value.trim())) return null;
  return Number(value.trim()) as KkniLevel;
}

export function kkniGroupOf(level: KkniLevel): KkniGroup {
  if (level <= 3) return 'operator';
  if (level <= 6) return 'technician';
  return 'expert';
}

/** The education levels whose minimum is exactly this level (level 2: SMK graduates). */
export function educationStartingAt(level: KkniLevel): KkniEducation[] {
  return kkniEducationMinimums.filter((minimum) => minimum.level === level).map(({ education }) => education);
}
