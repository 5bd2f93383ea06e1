import { translateError } from '@kmg/domain';
import {
  CharacterCount,
  ErrorAlert,
  errorsAfterInput,
  formatLocalDate,
  toFormErrors,
  useLocale,
} from '@kmg/ui';
import {
  Alert,
  Blockquote,
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconDeviceFloppy, IconLock } from '@tabler/icons-react';
import { type ReactNode, useRef, useState } from 'react';
import { ScoreLevelGuide } from '#components/ScoreLevelGuide.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatCompactInstant, formatPoints } from '#lib/format.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import {
  type ReviewFormValues,
  reviewFormFromReview,
  reviewTotal,
  toReviewInput,
  validateReview,
} from '#lib/review-form.ts';
import { criterionShares } from '#lib/selection-settings.ts';

export const ReviewForm_call = graphql(`
  fragment ReviewForm_call on TrainingCall {
    id
    timeZone
    selectionCommittedAt
    rubric { key name nameId nameEn weight maxScore guide: levels { score descriptionId descriptionEn } }
  }
`);

export const ReviewForm_application = graphql(`
  fragment ReviewForm_application on Application {
    id
    status
    motivation
    endorsementNote
    endorsedAt
    teacher {
      id
      name
      teacherProfile { subject teachingSince school { id name } }
    }
    viewerReview {
      id
      total
      comment
      updatedAt
      scores { key score }
    }
  }
`);

export type ReviewInput = ReturnType<typeof toReviewInput>;

const COMMENT_MAX = 2000;

/** A score as the input holds it, when it is a whole number (the guide shows that level). */
const wholeScore = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) ? value : null;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }} mb={4}>
        {title}
      </Text>
      {children}
    </div>
  );
}

/**
 * One endorsed application as the reviewer reads it (teacher, school, motivation, the principal's
 * note) and the scores they give it: a number per rubric criterion, labelled by the criterion, and
 * an optional comment. The weighted total is worked out as they type, the way the API does.
 */
export function ReviewForm({
  call: callData,
  application: applicationData,
  onSubmit,
  next,
}: {
  call: FragmentOf<typeof ReviewForm_call>;
  application: FragmentOf<typeof ReviewForm_application>;
  /** Saves; resolves to what went wrong, or null when saved. */
  onSubmit: (input: ReviewInput) => Promise<MutationProblem | null>;
  /** Where to go after saving: the next application still to score. */
  next?: ReactNode;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(ReviewForm_call, callData);
  const application = readFragment(ReviewForm_application, applicationData);
  const rubric = call.rubric;
  const saved = application.viewerReview;
  const locked = !!call.selectionCommittedAt || application.status !== 'ENDORSED';
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const submitted = useRef(false);
  const shares = criterionShares(rubric);
  const profile = application.teacher.teacherProfile;

  const form = useForm<ReviewFormValues>({
    mode: 'controlled',
    initialValues: reviewFormFromReview(rubric, saved),
    validate: (values) => validateReview(values, rubric, locale),
    ...errorsAfterInput(submitted),
    onValuesChange: () => {
      setJustSaved(false);
      if (submitted.current) form.validate();
    },
  });
  const values = form.getValues();
  const total = reviewTotal(values, rubric);

  const handleSubmit = form.onSubmit(
    async (submittedValues) => {
      setProblem(null);
      setSaving(true);
      const found = await onSubmit(toReviewInput(submittedValues, rubric));
      setSaving(false);
      if (!found) {
        submitted.current = false;
        form.resetDirty(submittedValues);
        setJustSaved(true);
        return;
      }
      submitted.current = true;
      const fieldErrors = toFormErrors(found.fieldErrors);
      form.setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setProblem(found.message);
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('#review-form [aria-invalid="true"]')?.focus(),
      );
    },
    () => {
      submitted.current = true;
      requestAnimationFrame(() =>
        document.querySelector<HTMLElement>('#review-form [aria-invalid="true"]')?.focus(),
      );
    },
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3">
          {application.teacher.name}
        </Title>
        <Text size="sm" c="dimmed">
          {[profile?.school.name, profile?.subject].filter(Boolean).join(' · ')}
          {profile?.teachingSince &&
            ` · ${t('admin.reviewWork.teachingSince', { date: formatLocalDate(profile.teachingSince, locale, 'medium') })}`}
        </Text>
      </div>

      <Part title={t('admin.application.motivation')}>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {application.motivation}
        </Text>
      </Part>
      <Part title={t('admin.application.endorsement')}>
        {application.endorsementNote ? (
          <Blockquote p="sm" color="cyan" fz="sm" style={{ whiteSpace: 'pre-line' }}>
            {application.endorsementNote}
          </Blockquote>
        ) : (
          <Text size="sm" c="dimmed">
            {t('admin.application.noNote')}
          </Text>
        )}
      </Part>

      <Divider />

      <Paper
        withBorder
        radius="md"
        p={{ base: 'md', sm: 'lg' }}
        component="section"
        aria-labelledby="review-form-title"
      >
        <form id="review-form" noValidate onSubmit={handleSubmit}>
          <fieldset disabled={locked || saving} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack gap="md">
              <Title order={3} size="h4" id="review-form-title">
                {t('admin.reviewWork.formTitle')}
              </Title>
              {locked && (
                <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />}>
                  {translateError(
                    call.selectionCommittedAt ? 'SELECTION_COMMITTED' : 'NOT_REVIEWABLE',
                    locale,
                  )}
                </Alert>
              )}
              {problem && <ErrorAlert title={t('admin.reviewWork.failed')}>{problem}</ErrorAlert>}
              {saved && !justSaved && (
                <Text size="sm" c="dimmed">
                  {t('admin.reviewWork.savedBefore', {
                    date: formatCompactInstant(saved.updatedAt, locale, call.timeZone),
                    total: formatPoints(saved.total, locale),
                  })}
                </Text>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
                {rubric.map((criterion, index) => (
                  <div key={criterion.key}>
                    <NumberInput
                      label={criterion.name}
                      description={t('admin.reviewWork.scale', {
                        max: criterion.maxScore,
                        weight: criterion.weight,
                        share: shares[index] ?? 0,
                      })}
                      required
                      min={0}
                      max={criterion.maxScore}
                      step={1}
                      allowDecimal={false}
                      allowNegative={false}
                      clampBehavior="none"
                      rightSection={
                        <Text size="sm" c="dimmed" aria-hidden>
                          /{criterion.maxScore}
                        </Text>
                      }
                      rightSectionWidth={48}
                      {...form.getInputProps(`scores.${criterion.key}`)}
                    />
                    <ScoreLevelGuide
                      id={`criterion-${criterion.key}`}
                      levels={criterion.guide.map((level) => ({
                        score: level.score,
                        description: locale === 'en' ? level.descriptionEn : level.descriptionId,
                      }))}
                      maxScore={criterion.maxScore}
                      score={wholeScore(values.scores[criterion.key])}
                    />
                  </div>
                ))}
              </SimpleGrid>
              <div>
                <Textarea
                  label={t('admin.reviewWork.comment')}
                  description={t('admin.reviewWork.commentHint')}
                  autosize
                  minRows={3}
                  maxRows={10}
                  maxLength={COMMENT_MAX}
                  {...form.getInputProps('comment')}
                />
                {values.comment.length > 0 && <CharacterCount value={values.comment} max={COMMENT_MAX} />}
              </div>
              <Group justify="space-between" align="center" gap="sm">
                <Text size="sm" role="status" aria-live="polite">
                  {total === null ? (
                    t('admin.reviewWork.totalPending')
                  ) : (
                    <>
                      {t('admin.reviewWork.total')}{' '}
                      <Text span fw={700} size="lg">
                        {formatPoints(total, locale)}
                      </Text>{' '}
                      {t('admin.reviewWork.outOf100')}
                    </>
                  )}
                </Text>
                <Button
                  type="submit"
                  loading={saving}
                  leftSection={<IconDeviceFloppy size={18} aria-hidden />}
                >
                  {t('admin.reviewWork.submit')}
                </Button>
              </Group>
              {justSaved && (
                <Alert
                  color="teal"
                  variant="light"
                  icon={<IconCircleCheck size={18} aria-hidden />}
                  title={t('admin.reviewWork.saved')}
                >
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">
                      {t('admin.reviewWork.savedText', {
                        total: formatPoints(saved?.total ?? total ?? 0, locale),
                      })}
                    </Text>
                    {next}
                  </Stack>
                </Alert>
              )}
            </Stack>
          </fieldset>
        </form>
      </Paper>
    </Stack>
  );
}
