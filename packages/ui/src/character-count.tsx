import { countCharacters } from '@kmg/domain';
import { Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useLocale } from '#i18n.ts';

/** Where a length stands against its bounds. */
export type CharacterBand = 'below' | 'within' | 'above';

export function characterBand(count: number, min: number | undefined, max: number): CharacterBand {
  if (count > max) return 'above';
  if (min !== undefined && count < min) return 'below';
  return 'within';
}

/**
 * "123 / 2000 karakter (minimal 100)", counted as a reader counts characters. Screen readers hear
 * it only when the text crosses a bound (enough now, too long, too short again), not at every key.
 * Give it an `id` to describe the field with it (`aria-describedby`).
 */
export function CharacterCount({
  value,
  min,
  max,
  id,
}: {
  value: string;
  min?: number;
  max: number;
  id?: string;
}) {
  const { t } = useLocale();
  const count = countCharacters(value);
  const band = characterBand(count, min, max);
  // The announcement changes with the band alone: adjusted while rendering, so no effect runs per key.
  const [announced, setAnnounced] = useState({ band, text: '' });
  if (announced.band !== band) {
    const key = {
      below: 'common.charactersBelow',
      within: 'common.charactersWithin',
      above: 'common.charactersAbove',
    }[band];
    setAnnounced({ band, text: t(key, { count, min, max }) });
  }
  return (
    <>
      <Text id={id} size="sm" c={band === 'within' ? 'dimmed' : 'red.9'}>
        {t('common.characters', { count, max })}
        {min !== undefined ? ` (${t('common.charactersMin', { min })})` : ''}
      </Text>
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {announced.text}
      </VisuallyHidden>
    </>
  );
}
