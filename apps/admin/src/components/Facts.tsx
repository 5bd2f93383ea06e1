import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A description list: label above value, for a record's facts, in one column or side by side.
 * Each `Fact` is a direct child: a <dl> holds only its name-value groups (a row wrapper breaks it).
 */
export function Facts({ columns = 1, children }: { columns?: 1 | 2; children: ReactNode }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
        gap: 'var(--mantine-spacing-md) var(--mantine-spacing-lg)',
      }}
    >
      {children}
    </Box>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} mt={2} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
