import { ErrorAlert, useLocale } from '@kmg/ui';
import { Alert, Button, Group, List, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { ChoiceCard } from '#components/FormParts.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { graphql } from '#graphql.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import { placeAssignmentErrors } from '#lib/rpl-case.ts';

export const RplAssessorOptionsQuery = graphql(`
  query RplAssessorOptions($universityId: String) {
    rplStaff(universityId: $universityId) {
      userId
      name
      affiliation
      roles { role programmeIds }
    }
  }
`);

export type AssignmentInput = {
  academicId: string | null;
  practitionerId: string | null;
  roundRobin: boolean;
};

/** A case being given its assessors, as the dialog lists it. */
export type AssignedCase = { id: string; label: string; programmeId: string };

type Person = { userId: string; name: string; affiliation: string | null };

/**
 * Gives one or more cases in assessment their academic and practitioner assessors: two people
 * chosen from those holding the role for every programme concerned, or round-robin (the
 * least-loaded, per case). All the cases or none: a refusal names each case it is about.
 */
export function RplAssignAssessorsDialog({
  opened,
  onClose,
  cases,
  universityId,
  current,
  onAssign,
}: {
  opened: boolean;
  onClose: () => void;
  cases: readonly AssignedCase[];
  /** The university's database id (platform admins choose among its staff); own university when null. */
  universityId: string | null;
  /** The seats as they are (one case), to start from. */
  current?: { academicId: string | null; practitionerId: string | null };
  /** Resolves to the refusal, or null once assigned (the dialog then closes). */
  onAssign: (input: AssignmentInput) => Promise<MutationProblem | null>;
}) {
  const { t } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: RplAssessorOptionsQuery,
    variables: { universityId },
    pause: !opened,
  });
  const [mode, setMode] = useState<'people' | 'roundRobin'>('people');
  const [academicId, setAcademicId] = useState<string | null>(current?.academicId ?? null);
  const [practitionerId, setPractitionerId] = useState<string | null>(current?.practitionerId ?? null);
  const [errors, setErrors] = useState<{
    academic: string | null;
    practitioner: string | null;
    byCase: Record<string, string[]>;
    message: string | null;
  }>({ academic: null, practitioner: null, byCase: {}, message: null });
  const [busy, setBusy] = useState(false);

  // Each opening starts from the case as it is, with no message left from last time.
  useEffect(() => {
    if (!opened) return;
    setMode('people');
    setAcademicId(current?.academicId ?? null);
    setPractitionerId(current?.practitionerId ?? null);
    setErrors({ academic: null, practitioner: null, byCase: {}, message: null });
  }, [opened]);

  const programmeIds = [...new Set(cases.map((entry) => entry.programmeId))];
  const holders = (role: 'ACADEMIC_ASSESSOR' | 'PRACTITIONER_ASSESSOR'): Person[] =>
    (data?.rplStaff ?? []).filter((person) =>
      person.roles.some(
        (grant) =>
          grant.role === role &&
          (grant.programmeIds.length === 0 || programmeIds.every((id) => grant.programmeIds.includes(id))),
      ),
    );
  const option = (person: Person) => ({
    value: person.userId,
    label: person.affiliation ? `${person.name} · ${person.affiliation}` : person.name,
  });
  const academics = holders('ACADEMIC_ASSESSOR');
  const practitioners = holders('PRACTITIONER_ASSESSOR');
  const samePerson = mode === 'people' && academicId !== null && academicId === practitionerId;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (mode === 'people' && !academicId && !practitionerId) {
      setErrors({ ...errors, academic: t('admin.rplCase.assign.pickOne'), message: null });
      return;
    }
    if (samePerson) return;
    setBusy(true);
    const problem = await onAssign(
      mode === 'roundRobin'
        ? { academicId: null, practitionerId: null, roundRobin: true }
        : { academicId, practitionerId, roundRobin: false },
    );
    setBusy(false);
    if (!problem) {
      onClose();
      return;
    }
    const placed = placeAssignmentErrors(
      problem.fieldErrors,
      cases.map((entry) => entry.id),
    );
    setErrors({
      academic: placed.academic,
      practitioner: placed.practitioner,
      byCase: placed.byCase,
      message: [problem.message, ...placed.rest].join(' '),
    });
  };

  return (
    <Modal
      opened={opened}
      onClose={busy ? () => {} : onClose}
      title={t('admin.rplCase.assign.title', { count: cases.length })}
      size="lg"
      centered
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          {cases.length > 1 && (
            <div>
              <Text size="sm" fw={600} mb={4}>
                {t('admin.rplCase.assign.cases', { count: cases.length })}
              </Text>
              <List size="sm" spacing={4}>
                {cases.map((entry) => (
                  <List.Item key={entry.id}>
                    {entry.label}
                    {errors.byCase[entry.id]?.map((message) => (
                      <Text key={message} size="sm" c="red.8" role="alert">
                        {message}
                      </Text>
                    ))}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          {cases.length === 1 &&
            cases[0] &&
            errors.byCase[cases[0].id]?.map((message) => (
              <Text key={message} size="sm" c="red.8" role="alert">
                {message}
              </Text>
            ))}
          <Radio.Group
            value={mode}
            onChange={(next) => setMode(next as 'people' | 'roundRobin')}
            label={t('admin.rplCase.assign.how')}
          >
            <Stack gap="xs" mt={6}>
              <ChoiceCard
                value="people"
                label={t('admin.rplCase.assign.people')}
                hint={t('admin.rplCase.assign.peopleHint')}
              />
              <ChoiceCard
                value="roundRobin"
                label={t('admin.rplCase.assign.roundRobin')}
                hint={t('admin.rplCase.assign.roundRobinHint')}
              />
            </Stack>
          </Radio.Group>
          {mode === 'people' &&
            (!data ? (
              <QueryPending
                error={error}
                onRetry={() => reexecute({ requestPolicy: 'network-only' })}
                blocks={[{ h: 56 }, { h: 56 }]}
              />
            ) : (
              <>
                <Select
                  label={t('admin.rplCase.assign.academic')}
                  placeholder={t('admin.rplCase.assign.choose')}
                  data={academics.map(option)}
                  value={academicId}
                  onChange={setAcademicId}
                  searchable
                  clearable
                  nothingFoundMessage={t('admin.rplCase.assign.nobody')}
                  error={errors.academic}
                  comboboxProps={{ withinPortal: true }}
                  data-autofocus
                />
                <Select
                  label={t('admin.rplCase.assign.practitioner')}
                  placeholder={t('admin.rplCase.assign.choose')}
                  data={practitioners.map(option)}
                  value={practitionerId}
                  onChange={setPractitionerId}
                  searchable
                  clearable
                  nothingFoundMessage={t('admin.rplCase.assign.nobody')}
                  error={samePerson ? t('admin.rplCase.assign.samePerson') : errors.practitioner}
                  comboboxProps={{ withinPortal: true }}
                />
                {(academics.length === 0 || practitioners.length === 0) && (
                  <Alert color="yellow" variant="light">
                    {t('admin.rplCase.assign.missingRole')}
                  </Alert>
                )}
                <Text size="xs" c="dimmed">
                  {t('admin.rplCase.assign.keepHint')}
                </Text>
              </>
            ))}
          {errors.message && (
            <ErrorAlert title={t('admin.rplCase.assign.failed')}>{errors.message}</ErrorAlert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} leftSection={<IconUserCheck size={18} aria-hidden />}>
              {t('admin.rplCase.assign.confirm', { count: cases.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
