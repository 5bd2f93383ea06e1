// The job platform links of one skill area: the form's rows and the domain's rules
// (`jobLinksSchema`), so the form says what the API would.
import { jobLinksSchema, type Locale } from '@kmg/domain';
import { issuesToErrors } from '#lib/form-errors.ts';

export type JobLinkRow = {
  key: string;
  name: string;
  url: string;
  descriptionId: string;
  descriptionEn: string;
};
export type JobLinksFormValues = { links: JobLinkRow[] };

let nextKey = 0;

/** A row; `key` keeps React's rows steady while rows are added and removed. */
export function jobLinkRow(
  link: Omit<JobLinkRow, 'key'> = { name: '', url: '', descriptionId: '', descriptionEn: '' },
) {
  nextKey += 1;
  return { key: `link-${nextKey}`, ...link };
}

/** The mutation's `links`, trimmed, in the order shown. */
export function toJobLinksInput(values: JobLinksFormValues) {
  return values.links.map(({ name, url, descriptionId, descriptionEn }) => ({
    name: name.trim(),
    url: url.trim(),
    descriptionId: descriptionId.trim(),
    descriptionEn: descriptionEn.trim(),
  }));
}

export function validateJobLinksForm(values: JobLinksFormValues, locale: Locale): Record<string, string> {
  const parsed = jobLinksSchema.safeParse(toJobLinksInput(values));
  // The schema's paths start at the list; the form's at its `links` field.
  return parsed.success ? {} : issuesToErrors(parsed.error.issues, locale, ['links']);
}
