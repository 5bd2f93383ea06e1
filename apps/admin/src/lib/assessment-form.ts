// One SKKNI unit's assessment for one participant: the decision (Kompeten / Belum Kompeten), the
// assessor's notes and the evidence (links, and files uploaded once the decision is saved). The
// rules are the API's own: `unitAssessmentSchema` and `evidenceLinkSchema` from @kmg/domain, and
// files/routes.ts for uploads.
import {
  type ErrorCode,
  evidenceLinkSchema,
  type Locale,
  type MessageParams,
  toFieldIssues,
  translateError,
  unitAssessmentSchema,
  unitDecisions,
} from '@kmg/domain';

export { unitDecisions };
export type UnitDecision = (typeof unitDecisions)[number];

/** The schema's bounds, for the fields' `maxLength` and the add-link button (tested to match). */
export const NOTES_MAX = 2000;
export const LINKS_MAX = 20;
export const LINK_NAME_MAX = evidenceLinkSchema.shape.name.maxLength ?? 200;

/** The upload limit the API enforces (files/routes.ts, MAX_EVIDENCE_MB). */
export const MAX_EVIDENCE_MB = 10;

/**
 * What the API accepts, by the type it reads from the file's bytes: photos, PDF, office documents
 * and short videos. The browser's type is a hint; extensions cover types it does not know (HEIC).
 */
export const evidenceTypes = [
  { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { mime: 'image/png', extensions: ['png'] },
  { mime: 'image/webp', extensions: ['webp'] },
  { mime: 'image/heic', extensions: ['heic'] },
  { mime: 'application/pdf', extensions: ['pdf'] },
  {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  {
    mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
  },
  { mime: 'video/mp4', extensions: ['mp4'] },
] as const;

/** For the file picker's `accept`: types and extensions. */
export const evidenceAccept = evidenceTypes
  .flatMap((type) => [type.mime, ...type.extensions.map((extension) => `.${extension}`)])
  .join(',');

export type LinkValue = { name: string; url: string };

export type AssessmentFormValues = {
  decision: UnitDecision | null;
  notes: string;
  /** New links only: the API keeps the ones already attached. */
  links: LinkValue[];
};

export type SavedAssessment = { decision: UnitDecision; notes: string | null } | null;

export function assessmentFormFrom(saved: SavedAssessment): AssessmentFormValues {
  return { decision: saved?.decision ?? null, notes: saved?.notes ?? '', links: [] };
}

type Issue = { code: ErrorCode; params?: MessageParams };

/** Whether the API would take a file, judged from its name, browser type and size. */
export function checkEvidenceFile(file: { name: string; size: number; type: string }): Issue | null {
  const extension = file.name.includes('.') ? (file.name.split('.').pop() ?? '').toLowerCase() : '';
  const known = evidenceTypes.some(
    (type) => type.mime === file.type || (type.extensions as readonly string[]).includes(extension),
  );
  if (!known) return { code: 'FILE_TYPE' };
  if (file.size > MAX_EVIDENCE_MB * 1024 * 1024)
    return { code: 'FILE_TOO_LARGE', params: { max: MAX_EVIDENCE_MB } };
  if (file.size === 0) return { code: 'REQUIRED' };
  return null;
}

/** A link as typed ("drive.google.com/…") with the https:// people leave out. */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return /^[\w-]+(\.[\w-]+)+(\/|$)/.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/**
 * Every broken rule by form path (`decision`, `notes`, `links.0.url`), in the API's words: the same
 * schema checks the form here and the input there. An empty field reads "required"; a link is
 * checked as it will be sent, with the https:// people leave out.
 */
export function validateAssessment(values: AssessmentFormValues, locale: Locale): Record<string, string> {
  const parsed = unitAssessmentSchema.safeParse({ ...toAssessmentInput(values), decision: values.decision });
  const errors: Record<string, string> = {};
  if (parsed.success) return errors;
  for (const issue of toFieldIssues(parsed.error.issues)) {
    const path = issue.path.join('.');
    const [field, index, part] = issue.path;
    const value =
      field === 'decision'
        ? values.decision
        : field === 'links' && index !== undefined && part !== undefined
          ? values.links[Number(index)]?.[part as keyof LinkValue]
          : undefined;
    const blank = value === null || (typeof value === 'string' && value.trim() === '');
    errors[path] = blank
      ? translateError('REQUIRED', locale)
      : translateError(issue.code, locale, issue.params);
  }
  return errors;
}

/** `AssessmentInput` for `recordAssessment`. */
export function toAssessmentInput(values: AssessmentFormValues) {
  return {
    decision: values.decision ?? 'BELUM_KOMPETEN',
    notes: values.notes.trim() || null,
    links: values.links.map((link) => ({ name: link.name.trim(), url: normalizeUrl(link.url) })),
  };
}
