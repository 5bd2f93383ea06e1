/** NUPTK, the national teacher number: 16 digits. */
export function isNuptk(value: string): boolean {
  return /^\d{16}$/.test(value);
}

/** NPSN, the national school number: 8 digits (some newer ones start with a letter, e.g. `P9999999`). */
export function isNpsn(value: string): boolean {
  return /^[0-9P]\d{7}$/.test(value);
}

/**
 * SKKNI competency unit code `X.000000.000.00`: business-category letter, 6-digit business code,
 * 3-digit unit number, 2-digit version (e.g. `C.250000.001.01`).
 */
export function isSkkniUnitCode(value: string): boolean {
  return /^[A-Z]\.\d{6}\.\d{3}\.\d{2}$/.test(value);
}
