/** Soonest endorsement deadline first; the API's order (oldest application first) breaks ties. */
export function sortByEndorsementDeadline<T extends { call: { endorsementDeadline: string } }>(
  items: readonly T[],
): T[] {
  return sortBy(items, (item) => Date.parse(item.call.endorsementDeadline));
}

export type Decided = {
  /** When the principal endorsed or declined. */
  endorsedAt: string | null;
  /** When the application closed without the principal (withdrawn, deadline passed...). */
  closedAt: string | null;
  submittedAt: string;
};

/**
 * Newest decision first, so the application a principal has just decided heads the list. An
 * application closed without their decision counts from its closing; the API's order breaks ties.
 */
export function sortByNewestDecision<T extends Decided>(items: readonly T[]): T[] {
  return sortBy(items, (item) => -Date.parse(item.endorsedAt ?? item.closedAt ?? item.submittedAt));
}

function sortBy<T>(items: readonly T[], key: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, at: key(item) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ item }) => item);
}
