/** Columns by field name, worked out once each: every application writes a few dozen. */
const columns = new Map<string, string>();
/** Field names are the schema's, a bounded set; this bounds the map whatever a caller passes. */
const MOST_REMEMBERED = 2_000;

/** A field's column: the schema maps every field to its name in snake_case (see `@map`). */
export function columnOf(field: string): string {
  let column = columns.get(field);
  if (column === undefined) {
    column = field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    if (columns.size < MOST_REMEMBERED) columns.set(field, column);
  }
  return column;
}

/** A row keyed by column name. */
export function toColumns(row: object): Record<string, unknown> {
  const columned: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) columned[columnOf(key)] = value;
  return columned;
}
