import { formatRatingAverage, useLocale } from '@kmg/ui';
import { Group, Text, VisuallyHidden } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const ProviderRating_call = graphql(`
  fragment ProviderRating_call on TrainingCall {
    providerRating { average count }
  }
`);

/** Teachers' rating of the call's provider: shown only from three ratings (the API says null below). */
export function ProviderRating({ call: data }: { call: FragmentOf<typeof ProviderRating_call> }) {
  const { t, locale } = useLocale();
  const rating = readFragment(ProviderRating_call, data).providerRating;
  if (!rating) return null;
  const average = formatRatingAverage(rating.average, locale);
  return (
    <Group gap={4} wrap="nowrap" data-testid="provider-rating">
      <IconStarFilled size={16} color="#b35c00" aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" c="gray.8">
        <span aria-hidden>{t('learner.rating.providerRatingShort', { average, ratings: rating.count })}</span>
        <VisuallyHidden>
          {t('learner.rating.providerRating', { average, ratings: rating.count })}
        </VisuallyHidden>
      </Text>
    </Group>
  );
}
