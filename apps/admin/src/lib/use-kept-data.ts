import { useRef } from 'react';

/**
 * The last data a query returned, kept while new variables (a filter, the next page) load, so the
 * table stays in place under a loading indicator instead of blinking empty.
 */
export function useKeptData<T>(data: T | undefined): T | undefined {
  const kept = useRef(data);
  if (data !== undefined) kept.current = data;
  return kept.current;
}
