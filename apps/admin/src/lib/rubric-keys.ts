// A rubric criterion's key names it in every stored score (`{ "motivasi": 4 }`), so it must be
// stable, unique within the call and match the API's pattern (`^[a-z][a-z0-9-]{1,39}$`). The
// manager never types it: a new criterion's key comes from its Indonesian name, and a criterion
// that already exists keeps its key when renamed, so scores already given still point at it.

const KEY_MAX = 40;

/** "Motivasi & Rencana Pengimbasan" → "motivasi-rencana-pengimbasan"; "" when nothing is left. */
export function slugifyCriterionName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtWord(slug, KEY_MAX);
}

/** At most `max` characters, cut at a hyphen where one is close enough, never ending in one. */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen >= max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/**
 * The key for a name: its slug, starting with a letter ("5S dan K3" → "k-5s-dan-k3") and at least
 * two characters long ("criterion" stands in for a name with no letters or digits).
 */
export function deriveCriterionKey(name: string): string {
  let key = slugifyCriterionName(name);
  if (key === '') return 'kriteria';
  if (!/^[a-z]/.test(key)) key = cutAtWord(`k-${key}`, KEY_MAX);
  if (key.length < 2) key = `${key}-k`;
  return key;
}

/** A rubric row as the editor holds it: `key` is set for criteria the API already knows. */
export type RubricKeyRow = { key: string | null; nameId: string };

/**
 * Every row's key: existing keys as they are, new rows' keys derived from their Indonesian names
 * and numbered (`-2`, `-3`) where another row already has the key.
 */
export function assignRubricKeys(rows: readonly RubricKeyRow[]): string[] {
  const taken = new Set(rows.flatMap((row) => (row.key ? [row.key] : [])));
  return rows.map((row) => {
    if (row.key) return row.key;
    const base = deriveCriterionKey(row.nameId);
    let key = base;
    for (let n = 2; taken.has(key); n += 1) {
      const suffix = `-${n}`;
      key = `${base.slice(0, KEY_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(key);
    return key;
  });
}
