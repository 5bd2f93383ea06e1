import { ErrorAlert, useLocale } from '@kmg/ui';
import { Badge, Button, Group, MultiSelect, Stack, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';

export const ReviewerAssignment_call = graphql(`
  fragment ReviewerAssignment_call on TrainingCall {
    id
    selectionCommittedAt
    reviewers { id name email organization { id name shortName } }
  }
`);

export const ReviewerAssignment_reviewer = graphql(`
  fragment ReviewerAssignment_reviewer on User {
    id
    name
    email
    organization { id name shortName }
  }
`);

type Person = {
  name: string;
  email: string;
  organization: { name: string; shortName: string | null } | null;
};

const describe = (person: Person) => {
  const organization = person.organization?.shortName ?? person.organization?.name;
  return organization ? `${person.name} (${organization})` : person.name;
};

/**
 * Who scores the call's applications. Managers choose among the people with the selection
 * reviewer role; others see the names. Every endorsed application needs a score from every
 * reviewer before the selection can be committed.
 */
export function ReviewerAssignment({
  call: data,
  candidates: candidateData,
  canEdit,
  onSave,
}: {
  call: FragmentOf<typeof ReviewerAssignment_call>;
  /** Selection reviewers to choose from; only loaded for those who may assign them. */
  candidates: readonly FragmentOf<typeof ReviewerAssignment_reviewer>[] | null;
  canEdit: boolean;
  onSave: (reviewerIds: string[]) => Promise<MutationProblem | null>;
}) {
  const { t } = useLocale();
  const call = readFragment(ReviewerAssignment_call, data);
  const candidates = (candidateData ?? []).map((candidate) =>
    readFragment(ReviewerAssignment_reviewer, candidate),
  );
  const assigned = call.reviewers.map((reviewer) => reviewer.id);
  const [selected, setSelected] = useState<string[]>(assigned);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const locked = !!call.selectionCommittedAt;
  const changed = selected.length !== assigned.length || selected.some((id) => !assigned.includes(id));

  if (!canEdit || locked || !candidateData) {
    return call.reviewers.length === 0 ? (
      <Text size="sm" c="dimmed">
        {t('admin.reviewers.none')}
      </Text>
    ) : (
      <Group gap={6}>
        {call.reviewers.map((reviewer) => (
          <Badge key={reviewer.id} variant="light" color="gray" tt="none" size="lg">
            {describe(reviewer)}
          </Badge>
        ))}
      </Group>
    );
  }

  // People already assigned stay choosable even if they have since lost the role.
  const options = [
    ...candidates,
    ...call.reviewers.filter((reviewer) => !candidates.some((candidate) => candidate.id === reviewer.id)),
  ].map((person) => ({ value: person.id, label: describe(person) }));

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setProblem(null);
        setSaving(true);
        const found = await onSave(selected);
        setSaving(false);
        if (found) setProblem(found.message);
      }}
    >
      <Stack gap="sm">
        {problem && <ErrorAlert title={t('admin.reviewers.failed')}>{problem}</ErrorAlert>}
        <MultiSelect
          label={t('admin.reviewers.label')}
          description={t('admin.reviewers.hint')}
          placeholder={selected.length === 0 ? t('admin.reviewers.placeholder') : undefined}
          data={options}
          value={selected}
          onChange={setSelected}
          searchable
          clearable
          nothingFoundMessage={t('admin.reviewers.noneFound')}
        />
        {candidates.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('admin.reviewers.noCandidates')}
          </Text>
        )}
        <Group>
          <Button
            type="submit"
            variant={changed ? 'filled' : 'default'}
            loading={saving}
            disabled={!changed}
            leftSection={<IconUserCheck size={18} aria-hidden />}
          >
            {t('admin.reviewers.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
