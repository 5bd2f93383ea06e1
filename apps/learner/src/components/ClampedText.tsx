import { useLocale } from '@kmg/ui';
import { Spoiler, Text } from '@mantine/core';

/** Small text (14 px) at 1.5: each line is 21 px, in rem like the Spoiler's height. */
const LINE_HEIGHT = 1.5;
const LINE_PX = 14 * LINE_HEIGHT;

/**
 * A long text (a motivation statement) cut after whole lines, never through one, with
 * "Selengkapnya" to read the rest.
 */
export function ClampedText({ lines, children }: { lines: number; children: string }) {
  const { t } = useLocale();
  return (
    <Spoiler
      maxHeight={lines * LINE_PX}
      showLabel={t('learner.apply.showMore')}
      hideLabel={t('learner.apply.showLess')}
      styles={{ control: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600, marginTop: 2 } }}
    >
      <Text size="sm" lh={LINE_HEIGHT} style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </Spoiler>
  );
}
