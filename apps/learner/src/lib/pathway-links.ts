/** The id of a pathway's card on the "Jalur" page (codes are capitals: `JALUR-LAS-01`). */
export const pathwayAnchor = (code: string) => `jalur-${code.toLowerCase()}`;

/** A pathway on the "Jalur" page, where its requirements and the teacher's progress are. */
export const pathwayPath = (code: string) => `/jalur#${pathwayAnchor(code)}`;
