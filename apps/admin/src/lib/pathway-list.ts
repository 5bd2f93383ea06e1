// The pathways list shows each pathway once, though the API lists every version (newest first
// within a pathway): the version in force, a draft waiting behind it, and the awards of them all.

type VersionRow = {
  id: string;
  version: number;
  status: string;
  awardCount: number;
  pathway: { id: string };
};

export type PathwaySummary<V extends VersionRow> = {
  pathwayId: string;
  /** The published version; without one, the newest (a first draft, or the last retired). */
  current: V;
  /** A draft newer than the published version, waiting to replace it. */
  pendingDraft: V | null;
  /** Teachers awarded under any version. */
  awardCount: number;
};

export function summarizePathways<V extends VersionRow>(versions: readonly V[]): PathwaySummary<V>[] {
  const byPathway = new Map<string, V[]>();
  for (const version of versions)
    byPathway.set(version.pathway.id, [...(byPathway.get(version.pathway.id) ?? []), version]);
  return [...byPathway].map(([pathwayId, list]) => {
    const sorted = [...list].sort((a, b) => b.version - a.version);
    const newest = sorted[0] as V;
    const published = sorted.find((version) => version.status === 'PUBLISHED');
    const current = published ?? newest;
    return {
      pathwayId,
      current,
      pendingDraft: newest.status === 'DRAFT' && newest !== current ? newest : null,
      awardCount: sorted.reduce((sum, version) => sum + version.awardCount, 0),
    };
  });
}
