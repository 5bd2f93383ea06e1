/** Badge styles for narrow table cells: a long status wraps instead of being cut off. */
export const wrappingBadgeStyles = {
  root: { height: 'auto', maxWidth: '100%', paddingInline: 8 },
  label: { whiteSpace: 'normal', overflowWrap: 'normal', lineHeight: 1.35, paddingBlock: 2 },
} as const;

/** Badge styles for a cell that keeps one line: a status too long for it ends in "…" (with a tooltip). */
export const truncatingBadgeStyles = {
  root: { maxWidth: '100%', paddingInline: 8 },
  label: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
} as const;
