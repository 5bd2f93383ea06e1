import { useCallback, useEffect, useState } from 'react';

/**
 * A text kept on the device while it is being written: a phone that reloads the tab (low memory,
 * a call coming in) must not cost a teacher their motivation statement.
 */
export function useDraft(key: string): [string, (value: string) => void, () => void] {
  const storageKey = `kmg.draft.${key}`;
  const [value, setValue] = useState(() => read(storageKey));

  useEffect(() => {
    setValue(read(storageKey));
  }, [storageKey]);

  const update = useCallback(
    (next: string) => {
      setValue(next);
      write(storageKey, next);
    },
    [storageKey],
  );
  const clear = useCallback(() => {
    setValue('');
    write(storageKey, '');
  }, [storageKey]);
  return [value, update, clear];
}

function read(key: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    if (value) globalThis.localStorage?.setItem(key, value);
    else globalThis.localStorage?.removeItem(key);
  } catch {}
}
