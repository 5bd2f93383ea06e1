import { translateError } from '@kmg/domain';
import { CharacterCount, ErrorAlert, errorsAfterInput, toFormErrors, useLocale } from '@kmg/ui';
import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from 'urql';
import { AmendmentItem_amendment } from '#components/AmendmentItem.tsx';
import { VerdictBadge } from '#components/DeliveryBadges.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import {
  AMENDMENT_REASON_MAX,
  AMENDMENT_REASON_MIN,
  type AmendmentFormValues,
  type AttendanceChoice,
  completionAfter,
  type DecisionChoice,
  emptyAmendmentForm,
  toAmendmentInput,
  validateAmendment,
} from '#lib/amendments.ts';
import type { UnitDecision } from '#lib/assessment-form.ts';
import { verdictOf } from '#lib/delivery.ts';
import { formatTrainingDay } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const ProposeAmendment = graphql(
  `
  mutation ProposeAmendment($applicationId: ID!, $input: AmendmentInput!) {
    proposeAmendment(applicationId: $applicationId, input: $input) {
      __typename
      ... on ProposeAmendmentSuccess { data { id amendments { id ...AmendmentItem_amendment } } }
      ...MutationProblem_error
    }
  }
`,
  [AmendmentItem_amendment, MutationProblem_error],
);

/**
 * A correction of one participant's approved result: the reason, and for any day or unit what it
 * should have been. Shows what the result would become; the program manager decides.
 */
export function AmendmentForm({
  applicationId,
  days,
  units,
  record,
  rules,
  onClose,
}: {
  applicationId: string;
  days: readonly { id: string; date: string }[];
  units: readonly { id: string; code: string; title: string }[];
  record: {
    attendance: readonly { dayId: string; present: boolean }[];
    assessments: readonly { unitId: string; decision: UnitDecision }[];
  };
  rules: { minAttendancePercent: number; assessmentKind: 'TRAINING' | 'COMPETENCY' };
  onClose: () => void;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const [problem, setProblem] = useState<string | null>(null);
  const [state, propose] = useMutation(ProposeAmendment);
  const form = useForm<AmendmentFormValues>({
    mode: 'controlled',
    initialValues: emptyAmendmentForm,
    validate: (values) => validateAmendment(values, locale),
    ...errorsAfterInput(),
  });
  const values = form.getValues();
  const competency = rules.assessmentKind === 'COMPETENCY' && units.length > 0;
  const after = completionAfter(record, toAmendmentInput(values), {
    dayIds: days.map((day) => day.id),
    unitIds: units.map((unit) => unit.id),
    ...rules,
  });
  const presentOn = new Map(record.attendance.map((row) => [row.dayId, row.present]));
  const decisionOf = new Map(record.assessments.map((row) => [row.unitId, row.decision]));
  const currentAttendance = (dayId: string) => {
    const present = presentOn.get(dayId);
    return present === undefined
      ? t('admin.delivery.attendance.unrecorded')
      : present
        ? t('admin.delivery.attendance.present')
        : t('admin.delivery.attendance.absent');
  };

  const submit = form.onSubmit(async (formValues) => {
    setProblem(null);
    const result = await propose({ applicationId, input: toAmendmentInput(formValues) });
    const found = readProblem(result.data?.proposeAmendment, result.error, messages);
    if (!found) {
      notifications.show({ color: 'green', message: t('admin.delivery.amendment.proposed') });
      onClose();
      return;
    }
    const fieldErrors = toFormErrors(found.fieldErrors);
    form.setErrors(fieldErrors);
    setProblem(found.message);
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="amendment-form-title">
      <Stack gap="md">
        <Text fw={700} id="amendment-form-title">
          {t('admin.delivery.amendment.proposeTitle')}
        </Text>
        <Text size="sm" c="dimmed">
          {t('admin.delivery.amendment.intro')}
        </Text>
        {problem && <ErrorAlert title={t('admin.delivery.amendment.failed')}>{problem}</ErrorAlert>}
        <div>
          <Textarea
            label={t('admin.delivery.amendment.reason')}
            description={t('admin.delivery.amendment.reasonHint')}
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={AMENDMENT_REASON_MAX}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <CharacterCount value={values.reason} min={AMENDMENT_REASON_MIN} max={AMENDMENT_REASON_MAX} />
        </div>
        <Fieldset legend={t('admin.delivery.amendment.attendance')} variant="unstyled" p={0}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {days.map((day) => (
              <NativeSelect
                key={day.id}
                label={t('admin.delivery.amendment.dayOf', { day: formatTrainingDay(day.date, locale) })}
                description={t('admin.delivery.amendment.current', { value: currentAttendance(day.id) })}
                data={(['keep', 'present', 'absent'] as AttendanceChoice[]).map((choice) => ({
                  value: choice,
                  label: t(`admin.delivery.amendment.attendanceChoice.${choice}`),
                }))}
                value={values.attendance[day.id] ?? 'keep'}
                onChange={(event) =>
                  form.setFieldValue('attendance', {
                    ...values.attendance,
                    [day.id]: event.currentTarget.value as AttendanceChoice,
                  })
                }
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        {competency && (
          <Fieldset legend={t('admin.delivery.amendment.decisions')} variant="unstyled" p={0}>
            <Stack gap="sm">
              {units.map((unit) => (
                <NativeSelect
                  key={unit.id}
                  label={t('admin.delivery.amendment.unitOf', { code: unit.code })}
                  description={`${unit.title} · ${t('admin.delivery.amendment.current', {
                    value: t(`admin.delivery.decision.${decisionOf.get(unit.id) ?? 'none'}`),
                  })}`}
                  data={(['keep', 'KOMPETEN', 'BELUM_KOMPETEN'] as DecisionChoice[]).map((choice) => ({
                    value: choice,
                    label:
                      choice === 'keep'
                        ? t('admin.delivery.amendment.attendanceChoice.keep')
                        : t(`admin.delivery.decision.${choice}`),
                  }))}
                  value={values.decisions[unit.id] ?? 'keep'}
                  onChange={(event) =>
                    form.setFieldValue('decisions', {
                      ...values.decisions,
                      [unit.id]: event.currentTarget.value as DecisionChoice,
                    })
                  }
                />
              ))}
            </Stack>
          </Fieldset>
        )}
        <Group gap="xs" aria-live="polite">
          <Text size="sm">{t('admin.delivery.amendment.after')}</Text>
          <VerdictBadge verdict={verdictOf(after)} size="md" />
          {after.reasons.length > 0 && (
            <Text size="xs" c="dimmed">
              {after.reasons.map((reason) => translateError(reason.code, locale, reason.params)).join(' ')}
            </Text>
          )}
        </Group>
        <Group gap="sm">
          <Button type="submit" loading={state.fetching} leftSection={<IconSend size={16} aria-hidden />}>
            {t('admin.delivery.amendment.submit')}
          </Button>
          <Button variant="default" onClick={onClose} disabled={state.fetching}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
