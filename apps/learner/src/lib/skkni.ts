// SKKNI (Standar Kompetensi Kerja Nasional Indonesia) competency unit codes, as every KMG
// credential lists them (`achievement.alignment`) and /referensi/skkni/<code> explains them.

/** Business-category letters of KBLI (Indonesia's standard industrial classification), A to U. */
export const skkniCategoryLetters = 'ABCDEFGHIJKLMNOPQRSTU'.split('');

/**
 * `C.282000.011.01`: business-category letter (C), 6-digit business code (282000), 3-digit unit
 * number (011), 2-digit version (01).
 */
export type SkkniUnitCode = {
  code: string;
  category: string;
  businessCode: string;
  unitNumber: string;
  version: string;
};

/** A unit code's parts, or null when it is not shaped `X.000000.000.00`; case and spaces around are forgiven. */
export function parseSkkniUnitCode(value: string | undefined): SkkniUnitCode | null {
  const code = (value ?? '').trim().toUpperCase();
  const match = /^([A-Z])\.(\d{6})\.(\d{3})\.(\d{2})$/.exec(code);
  if (!match) return null;
  const [, category = '', businessCode = '', unitNumber = '', version = ''] = match;
  return { code, category, businessCode, unitNumber, version };
}

/** Whether the letter names a KBLI category (A–U), so its name can be shown. */
export function isKnownSkkniCategory(letter: string): boolean {
  return skkniCategoryLetters.includes(letter);
}
