import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';

/** Search as you type (after a pause), or at once with the keyboard's search key. */
export function SearchBox({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder: string;
  value: string;
  onSearch: (search: string, replace: boolean) => void;
}) {
  const [text, setText] = useState(value);

  // Back/forward and cleared chips change the address: show what it says, unless only spaces differ.
  useEffect(() => {
    setText((current) => (current.trim() === value ? current : value));
  }, [value]);

  // Refining a search replaces the history entry; starting one adds an entry, so Back undoes it.
  // A result tapped before the pause ends wins: leaving the page cancels the pending search.
  const search = (next: string) => {
    if (next.trim() !== value) onSearch(next.trim(), value !== '');
  };
  const debounced = useDebouncedCallback(search, 500);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    debounced.cancel?.();
    search(text);
  };

  return (
    <search style={{ flex: 1, minWidth: 0 }}>
      <form onSubmit={submit}>
        <TextInput
          type="search"
          size="md"
          enterKeyHint="search"
          aria-label={label}
          placeholder={placeholder}
          leftSection={<IconSearch size={18} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            debounced(event.currentTarget.value);
          }}
        />
      </form>
    </search>
  );
}
