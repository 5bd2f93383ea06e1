import { SegmentedControl, type SegmentedControlProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * A segmented control whose choices stand one under another on a phone: side by side, long labels
 * ("Per 1.000 guru terdaftar", a table's column names) ran past the screen's edge.
 */
export function StackingSegmentedControl(props: Omit<SegmentedControlProps, 'orientation' | 'fullWidth'>) {
  const narrow = useMediaQuery('(max-width: 36em)');
  return <SegmentedControl {...props} fullWidth orientation={narrow ? 'vertical' : 'horizontal'} />;
}
