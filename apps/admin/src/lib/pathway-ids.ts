/**
 * The database id inside a pathway version's global ID (`PathwayVersion:<uuid>`, base64), which
 * is what `pathwayVersion(id:)` takes today: unlike every other lookup it reads its argument as a
 * bare uuid, while `PathwayVersion.id` (and so the console's URLs) is the global ID. Anything that
 * is not such an ID is passed on unchanged. Goes once the API takes the global ID.
 */
export function pathwayVersionLookupId(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const [type, id] = [decoded.slice(0, decoded.indexOf(':')), decoded.slice(decoded.indexOf(':') + 1)];
    return type === 'PathwayVersion' && id ? id : globalId;
  } catch {
    return globalId;
  }
}
