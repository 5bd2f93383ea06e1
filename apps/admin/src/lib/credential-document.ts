// What an assessor reads of a signed KMG credential (Open Badges 3.0, as the API stores it): the
// SKKNI units with their K/BK results, the learning outcomes and the KKNI level. Only display:
// the signature was checked at submission, and that check is shown beside it.
import type { Locale } from '@kmg/domain';

export type CredentialUnit = { code: string; title: string; result: 'K' | 'BK' | null };

export type CredentialContent = {
  units: CredentialUnit[];
  learningOutcomes: string[];
  kkniLevel: string | null;
};

const empty: CredentialContent = { units: [], learningOutcomes: [], kkniLevel: null };

type Alignment = { targetFramework?: unknown; targetCode?: unknown; targetName?: unknown };

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** "Kompeten" is K, "Belum Kompeten" BK (the credential's own words). */
function resultOf(value: unknown): 'K' | 'BK' | null {
  if (typeof value !== 'string') return null;
  const word = value.trim().toLowerCase();
  if (word === 'kompeten' || word === 'k') return 'K';
  if (word === 'belum kompeten' || word === 'bk') return 'BK';
  return null;
}

/**
 * The learning outcomes listed in the criteria's narrative, in the reader's language where the
 * narrative has an English edition ("**Learning outcomes:**" after the Indonesian list).
 */
function outcomesFrom(narrative: string, locale: Locale): string[] {
  const headings =
    locale === 'en' ? ['**Learning outcomes:**', '**Capaian pembelajaran:**'] : ['**Capaian pembelajaran:**'];
  for (const heading of headings) {
    const at = narrative.indexOf(heading);
    if (at < 0) continue;
    const lines = narrative.slice(at + heading.length).split('\n');
    const outcomes: string[] = [];
    for (const line of lines.slice(lines[0]?.trim() === '' ? 1 : 0)) {
      const item = /^\s*-\s+(.*)$/.exec(line);
      if (!item) break;
      const text = item[1]?.trim() ?? '';
      if (text.startsWith('**')) break;
      if (text) outcomes.push(text);
    }
    if (outcomes.length > 0) return outcomes;
  }
  return [];
}

/** Reads a credential's JSON; anything unreadable gives empty lists, never an error. */
export function readCredentialDocument(
  document: string | null | undefined,
  locale: Locale,
): CredentialContent {
  if (!document) return empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return empty;
  }
  if (!isObject(parsed) || !isObject(parsed.credentialSubject)) return empty;
  const subject = parsed.credentialSubject;
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const alignments = asArray(achievement.alignment).filter(isObject) as Alignment[];
  const results = asArray(subject.result).filter(isObject);
  const units = alignments
    .filter((alignment) => alignment.targetFramework === 'SKKNI' && typeof alignment.targetCode === 'string')
    .map((alignment) => {
      const code = alignment.targetCode as string;
      const result = results.find((entry) =>
        asArray(entry.alignment).some((a) => isObject(a) && a.targetCode === code),
      );
      return {
        code,
        title: typeof alignment.targetName === 'string' ? alignment.targetName : '',
        result: resultOf(result?.value),
      };
    });
  const level = alignments.find((alignment) => alignment.targetFramework === 'KKNI')?.targetCode;
  const criteria = isObject(achievement.criteria) ? achievement.criteria : {};
  const narrative = typeof criteria.narrative === 'string' ? criteria.narrative : '';
  return {
    units,
    learningOutcomes: outcomesFrom(narrative, locale),
    kkniLevel: typeof level === 'string' ? level : null,
  };
}
