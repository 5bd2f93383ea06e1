import { RATING_REVIEW_MAX, trainingRatingSchema } from '@kmg/domain';
import { ErrorAlert, formatInstant, schemaErrors, useLocale } from '@kmg/ui';
import { Button, Card, Input, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { focusFirstError, showFieldErrors } from '#lib/teacher-form.ts';

export const RateTraining_credential = graphql(`
  fragment RateTraining_credential on Credential {
    id
    canRate
    myRating { stars review isEditable editableUntil }
  }
`);

const RateTrainingMutation = graphql(
  `
    mutation RateTraining($credentialId: ID!, $input: TrainingRatingInput!) {
      rateTraining(credentialId: $credentialId, input: $input) {
        __typename
        ... on RateTrainingSuccess { data { id ...RateTraining_credential } }
        ... on ValidationError { message fieldErrors { path message } }
        ... on Error { message }
      }
    }
  `,
  [RateTraining_credential],
);

type Values = { stars: number; review: string };

/** The holder rates the training that awarded the credential; changes it for 30 days. */
export function RateTraining({
  credential: data,
}: {
  credential: FragmentOf<typeof RateTraining_credential>;
}) {
  const { t, locale } = useLocale();
  const credential = readFragment(RateTraining_credential, data);
  const rating = credential.myRating;
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, rate] = useMutation(RateTrainingMutation);
  const starsLabelId = useId();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { stars: rating?.stars ?? 0, review: rating?.review ?? '' },
    validate: (values) => schemaErrors(trainingRatingSchema, values, locale),
  });
  if (!credential.canRate && !rating) return null;

  async function submit(values: Values) {
    setProblem(null);
    const result = await rate({ credentialId: credential.id, input: values });
    const outcome = result.data?.rateTraining;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'ValidationError') {
      setProblem(showFieldErrors(form, outcome));
      return;
    }
    if (outcome.__typename !== 'RateTrainingSuccess') {
      setProblem(outcome.message);
      return;
    }
    notifications.show({ color: 'green', message: t('learner.rating.saved') });
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="rating-heading">
      <Title order={2} fz="md" id="rating-heading">
        {t('learner.rating.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('learner.rating.lead')}
      </Text>
      {rating && (
        <Text size="sm" fw={600} mb="xs">
          {t('learner.rating.yours', { stars: rating.stars })}{' '}
          <Text span size="sm" fw={400} c="gray.7">
            {rating.isEditable
              ? t('learner.rating.editableUntil', { date: formatInstant(rating.editableUntil, locale) })
              : t('learner.rating.locked')}
          </Text>
        </Text>
      )}
      {credential.canRate && (
        <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
          <Stack gap="sm">
            {problem && <ErrorAlert title={t('learner.rating.notSaved')}>{problem}</ErrorAlert>}
            <Input.Wrapper
              id={starsLabelId}
              label={t('learner.rating.stars')}
              description={t('learner.rating.starsHint')}
              error={form.errors.stars}
              required
            >
              <Rating
                role="radiogroup"
                getSymbolLabel={(stars) => t('learner.rating.starLabel', { stars })}
                size="lg"
                value={form.values.stars}
                onChange={(value) => form.setFieldValue('stars', value)}
                aria-labelledby={starsLabelId}
                color="orange.8"
              />
            </Input.Wrapper>
            <Textarea
              label={t('learner.rating.review')}
              description={t('learner.rating.reviewHint', { max: RATING_REVIEW_MAX })}
              autosize
              minRows={3}
              maxLength={RATING_REVIEW_MAX}
              {...form.getInputProps('review')}
            />
            <Button type="submit" loading={fetching} style={{ alignSelf: 'flex-start' }}>
              {rating ? t('learner.rating.update') : t('learner.rating.save')}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
