import { formatInstant, useLocale } from '@kmg/ui';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const CallRatingsPanel_call = graphql(`
  fragment CallRatingsPanel_call on TrainingCall {
    ratings {
      showsNames
      summary { average count }
      providerSummary { average count }
      ratings { stars review ratedAt teacherName }
    }
  }
`);

/**
 * Teachers' ratings of a call, for those who deliver it (names for managers only); shown once the
 * call is finished or has ratings.
 */
export function CallRatingsPanel({
  call: data,
  isFinished,
}: {
  call: FragmentOf<typeof CallRatingsPanel_call>;
  isFinished: boolean;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(CallRatingsPanel_call, data);
  const ratings = call.ratings;
  if (!ratings || (!isFinished && ratings.ratings.length === 0)) return null;
  const average = (value: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { minimumFractionDigits: 1 }).format(value);
  return (
    <section aria-labelledby="call-ratings-title">
      <Title order={2} size="h3" id="call-ratings-title">
        {t('admin.ratings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {ratings.showsNames ? t('admin.ratings.lead') : t('admin.ratings.leadAnonymous')}
      </Text>
      {ratings.summary && (
        <Text fw={600}>
          {t('admin.ratings.summary', {
            average: average(ratings.summary.average),
            ratings: ratings.summary.count,
          })}
        </Text>
      )}
      {ratings.providerSummary && (
        <Text size="sm" mb="sm">
          {t('admin.ratings.provider', {
            average: average(ratings.providerSummary.average),
            ratings: ratings.providerSummary.count,
          })}
        </Text>
      )}
      {ratings.ratings.length === 0 ? (
        <Text c="dimmed">{t('admin.ratings.empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {ratings.ratings.map((rating, index) => (
            <Paper component="li" key={index} withBorder radius="md" p="sm">
              <Group justify="space-between" gap="xs">
                <Group gap={2} role="img" aria-label={t('admin.ratings.stars', { stars: rating.stars })}>
                  {[1, 2, 3, 4, 5].map((star) => (
                    <IconStarFilled
                      key={star}
                      size={16}
                      aria-hidden
                      color={star <= rating.stars ? '#e67700' : '#ced4da'}
                    />
                  ))}
                </Group>
                <Text size="sm" c="dimmed">
                  {rating.teacherName ?? t('admin.ratings.anonymous')}
                  {rating.ratedAt && ` · ${formatInstant(rating.ratedAt, locale)}`}
                </Text>
              </Group>
              <Text size="sm" mt={4} c={rating.review ? undefined : 'dimmed'}>
                {rating.review ?? t('admin.ratings.noReview')}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
