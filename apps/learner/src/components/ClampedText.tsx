import { useLocale } from '@kmg/ui';
import { Anchor, Box, Text } from '@mantine/core';
import { useElementSize, useMergedRef } from '@mantine/hooks';
import { useId, useLayoutEffect, useRef, useState } from 'react';

/** Small text (14 px) at 1.5: each line is 21 px. */
const LINE_HEIGHT = 1.5;

/**
 * A long text (a motivation statement) cut after whole lines, never through one, with
 * "Selengkapnya" to read the rest. Not Mantine's Spoiler: its text is an unnamed region, and a
 * school's page of motivations became a row of regions a screen reader cannot tell apart.
 */
export function ClampedText({ lines, children }: { lines: number; children: string }) {
  const { t } = useLocale();
  const id = useId();
  const [isExpanded, setExpanded] = useState(false);
  const [isCut, setCut] = useState(false);
  const text = useRef<HTMLParagraphElement>(null);
  const { ref: sized, width } = useElementSize<HTMLParagraphElement>();
  const ref = useMergedRef(text, sized);

  // Measured while clamped, again whenever the width changes (a phone turned, a window resized).
  useLayoutEffect(() => {
    const element = text.current;
    if (element && !isExpanded && width >= 0) setCut(element.scrollHeight > element.clientHeight + 1);
  }, [isExpanded, width]);

  return (
    <Box>
      <Text
        ref={ref}
        id={id}
        size="sm"
        lh={LINE_HEIGHT}
        lineClamp={isExpanded ? undefined : lines}
        style={{ whiteSpace: 'pre-line' }}
      >
        {children}
      </Text>
      {(isCut || isExpanded) && (
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          mt={2}
          aria-expanded={isExpanded}
          aria-controls={id}
          onClick={() => setExpanded((expanded) => !expanded)}
        >
          {isExpanded ? t('learner.apply.showLess') : t('learner.apply.showMore')}
        </Anchor>
      )}
    </Box>
  );
}
