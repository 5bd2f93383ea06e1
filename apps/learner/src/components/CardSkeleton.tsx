import { Card, type MantineSpacing, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of a card's loading placeholder; the `Skeleton` lines inside mirror the card's shape. */
export function CardSkeleton({
  padding = 'md',
  gap = 'sm',
  children,
}: {
  padding?: MantineSpacing;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding={padding} aria-hidden>
      <Stack gap={gap}>{children}</Stack>
    </Card>
  );
}
