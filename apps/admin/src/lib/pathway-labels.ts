// How a requirement reads to a teacher ("Unit SKKNI C.280000.001.02 ... (Kompeten)"). A saved item
// keeps the API's own label (it names what it names in the request's language); one being edited
// is worded here from what the pickers and lists know.
import type { TFunction } from 'i18next';
import type { MatchDraft } from '#lib/pathway-form.ts';

/** What a match names, as the API's `PathwayItem.reference` gives it. */
export function matchReference(match: MatchDraft): string {
  switch (match.kind) {
    case 'achievement':
      return match.code.trim();
    case 'achievementVersion':
    case 'external':
      return match.achievementId.trim();
    case 'skkniUnit':
      return match.unitCode.trim();
    case 'skillArea':
      return match.skillAreaCode;
    case 'pathway':
      return match.pathwayCode;
  }
}

/** The key under which a name is known: `achievement:kmg25-robot-las`. */
export const labelKey = (kind: MatchDraft['kind'], reference: string) => `${kind}:${reference}`;

export type LabelSources = {
  /** API labels of the saved version's items, by `labelKey`. */
  saved: ReadonlyMap<string, string>;
  /** Names picked in this session (achievement names, unit titles), by `labelKey`. */
  picked: ReadonlyMap<string, string>;
  /** Skill area names by code, published pathway titles by code. */
  skillAreas: ReadonlyMap<string, string>;
  pathways: ReadonlyMap<string, string>;
};

/** Whether the item names anything yet (its reference field is filled). */
export function isMatchChosen(match: MatchDraft): boolean {
  if (match.kind === 'external') return match.achievementId.trim() !== '' && match.issuerId.trim() !== '';
  if (match.kind === 'skillArea') return match.skillAreaCode !== '' && match.minKkniLevel !== '';
  return matchReference(match) !== '';
}

/** The requirement as the teacher reads it. */
export function itemLabel(match: MatchDraft, sources: LabelSources, t: TFunction): string {
  if (!isMatchChosen(match)) return t('admin.pathwayBuilder.label.unset');
  const reference = matchReference(match);
  const key = labelKey(match.kind, reference);
  switch (match.kind) {
    case 'achievement':
      return sources.picked.get(key) ?? sources.saved.get(key) ?? reference;
    case 'achievementVersion':
      return sources.saved.get(key) ?? t('admin.pathwayBuilder.label.achievementVersion', { id: reference });
    case 'skkniUnit': {
      const title = sources.picked.get(key);
      if (title === undefined && sources.saved.has(key)) return sources.saved.get(key) as string;
      return t('admin.pathwayBuilder.label.skkniUnit', { code: reference, title: title ?? '' }).replace(
        '  ',
        ' ',
      );
    }
    case 'skillArea':
      return t('admin.pathwayBuilder.label.skillArea', {
        area: sources.skillAreas.get(reference) ?? reference,
        level: match.minKkniLevel,
      });
    case 'pathway':
      return t('admin.pathwayBuilder.label.pathway', { title: sources.pathways.get(reference) ?? reference });
    case 'external':
      return t('admin.pathwayBuilder.label.external', {
        achievement: match.achievementId.trim(),
        issuer: match.issuerId.trim(),
      });
  }
}
