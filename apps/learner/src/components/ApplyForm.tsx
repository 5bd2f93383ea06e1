import { countCharacters, MOTIVATION_MAX_LENGTH, MOTIVATION_MIN_LENGTH, motivationSchema } from '@kmg/domain';
import { CharacterCount, ErrorAlert, schemaErrors, toFormErrors, useLocale } from '@kmg/ui';
import { Button, List, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { ApplicationProgress_application } from '#components/ApplicationProgress.tsx';
import { graphql } from '#graphql.ts';
import { useDraft } from '#lib/draft.ts';

const ApplyToCall = graphql(
  `
    mutation ApplyToCall($callId: ID!, $motivation: String!) {
      applyToCall(callId: $callId, motivation: $motivation) {
        __typename
        ... on ApplyToCallSuccess {
          data {
            id
            status
            motivation
            withdrawnAt
            waitlistPosition
            ...ApplicationProgress_application
            call {
              id
              applicationCount
              seatsTaken
              waitlistCount
              viewerApplication {
                id
                status
              }
            }
          }
        }
        ... on ValidationError {
          fieldErrors {
            path
            message
          }
        }
        ... on NotEligibleError {
          reasons {
            rule
            message
          }
        }
        ... on Error {
          message
        }
      }
    }
  `,
  [ApplicationProgress_application],
);

/**
 * The motivation statement and the submit button. Checked here with the API's own rule and words;
 * whatever the API still refuses (window closed meanwhile, already applied on another phone) is
 * shown in its message.
 */
export function ApplyForm({
  callId,
  callTitle,
  onAlreadyApplied,
}: {
  callId: string;
  callTitle: string;
  /** The API says this teacher has applied already: reload the call to show that application. */
  onAlreadyApplied: () => void;
}) {
  const { t, locale } = useLocale();
  const [motivation, setMotivation, clearDraft] = useDraft(`motivation.${callId}`);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ message: string; details?: string[] } | null>(null);
  const [wasSubmitted, setWasSubmitted] = useState(false);
  const [{ fetching }, apply] = useMutation(ApplyToCall);
  const field = useRef<HTMLTextAreaElement>(null);

  const check = (value: string) =>
    schemaErrors(motivationSchema, value, locale, ['motivation']).motivation ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setWasSubmitted(true);
    setProblem(null);
    const invalid = check(motivation);
    setError(invalid);
    if (invalid) {
      field.current?.focus();
      return;
    }
    const result = await apply({ callId, motivation: motivation.trim() });
    const outcome = result.data?.applyToCall;
    if (!outcome) {
      setProblem({
        message: result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'),
      });
      return;
    }
    switch (outcome.__typename) {
      case 'ApplyToCallSuccess': {
        clearDraft();
        // A first-come call decides at once: a seat, or a place on the waitlist.
        const { status, waitlistPosition } = outcome.data;
        if (status === 'ACCEPTED') {
          notifications.show({
            color: 'green',
            title: t('learner.apply.acceptedTitle'),
            message: t('learner.apply.acceptedText', { title: callTitle }),
            autoClose: 8000,
          });
        } else if (status === 'WAITLISTED') {
          notifications.show({
            color: 'yellow',
            title: t('learner.apply.waitlistedTitle'),
            message: waitlistPosition
              ? t('learner.apply.waitlistedText', { position: waitlistPosition, title: callTitle })
              : callTitle,
            autoClose: 8000,
          });
        } else {
          notifications.show({ color: 'green', title: t('learner.apply.sentTitle'), message: callTitle });
        }
        return;
      }
      case 'ValidationError': {
        const errors = toFormErrors(outcome.fieldErrors);
        setError(errors.motivation ?? null);
        if (!errors.motivation) setProblem({ message: outcome.message });
        field.current?.focus();
        return;
      }
      case 'AlreadyAppliedError':
        clearDraft();
        notifications.show({ color: 'blue', message: outcome.message });
        onAlreadyApplied();
        return;
      case 'NotEligibleError':
        setProblem({ message: outcome.message, details: outcome.reasons.map((reason) => reason.message) });
        return;
      default:
        // ApplicationClosedError, NotAllowedError, NotFoundError, BaseError.
        setProblem({ message: outcome.message });
    }
  }

  const count = countCharacters(motivation);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {problem && (
          <ErrorAlert title={t('learner.apply.notSent')}>
            {problem.message}
            {problem.details && (
              <List size="sm" mt={4}>
                {problem.details.map((detail) => (
                  <List.Item key={detail}>{detail}</List.Item>
                ))}
              </List>
            )}
          </ErrorAlert>
        )}
        <div>
          <Textarea
            ref={field}
            size="md"
            label={t('learner.apply.motivation')}
            description={
              <>
                {t('learner.apply.motivationHint')}
                {/* The counter under the field shows the minimum; a screen reader hears it here. */}
                <VisuallyHidden>
                  {' '}
                  {t('learner.apply.motivationMin', { min: MOTIVATION_MIN_LENGTH })}
                </VisuallyHidden>
              </>
            }
            withAsterisk
            autosize
            minRows={6}
            maxRows={16}
            value={motivation}
            error={error}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setMotivation(value);
              // Once the teacher has tried to submit, the message follows their edits.
              if (wasSubmitted) setError(check(value));
            }}
          />
          <Stack gap={0} mt={6}>
            <CharacterCount value={motivation} min={MOTIVATION_MIN_LENGTH} max={MOTIVATION_MAX_LENGTH} />
            {!error && count > 0 && count < MOTIVATION_MIN_LENGTH && (
              <Text size="sm" c="gray.7">
                {t('learner.apply.moreNeeded', { count: MOTIVATION_MIN_LENGTH - count })}
              </Text>
            )}
          </Stack>
        </div>
        {motivation && !wasSubmitted && (
          <Text size="xs" c="gray.7">
            {t('learner.apply.draftSaved')}
          </Text>
        )}
        <Button type="submit" size="md" loading={fetching} fullWidth>
          {t('learner.apply.submit')}
        </Button>
      </Stack>
    </form>
  );
}
