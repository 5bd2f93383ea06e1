import { decideCommit, translateError } from '@kmg/domain';
import { formatInstant, formatNumber, useLocale } from '@kmg/ui';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconGavel, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { wrappingBadgeStyles } from '#lib/badge-styles.ts';
import { useRerenderAt } from '#lib/deadline.ts';
import { formatPoints } from '#lib/format.ts';
import type { MutationProblem } from '#lib/mutation-result.ts';
import { countOutcomes, type OutcomeKind } from '#lib/selection-commit.ts';

export const SelectionPreview_call = graphql(`
  fragment SelectionPreview_call on TrainingCall {
    id
    status
    selectionMode
    selectionCommittedAt
    applicationClosesAt
    timeZone
    seats
    seatsTaken
    waitlistCount
    programme { id isManagedByViewer }
    reviewProgress { reviewers }
    selectionPreview {
      kind
      rank
      score
      position
      explanation
      application {
        id
        teacher { id name }
        school { id name }
      }
    }
  }
`);

const outcomeColors: Record<OutcomeKind, string> = {
  accepted: 'teal',
  waitlisted: 'yellow',
  rejected: 'red',
  pending: 'gray',
};

export function OutcomeBadge({ kind }: { kind: OutcomeKind }) {
  const { t } = useLocale();
  return (
    <Badge color={outcomeColors[kind]} variant="light" tt="none" size="md" styles={wrappingBadgeStyles}>
      {t(`admin.outcome.${kind}`)}
    </Badge>
  );
}

/**
 * What committing the selection would do now, ranked, with the reason for every outcome; and the
 * button that commits it, disabled with the reason beside it while the API would refuse (the
 * application window still open, reviews missing). Once committed, what it did: seats taken and
 * the waitlist.
 */
export function SelectionPreview({
  call: data,
  onCommit,
}: {
  call: FragmentOf<typeof SelectionPreview_call>;
  onCommit: () => Promise<MutationProblem | null>;
}) {
  const { t, locale } = useLocale();
  const call = readFragment(SelectionPreview_call, data);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const number = (value: number) => formatNumber(value, locale);
  // The button comes alive the moment the application window closes.
  useRerenderAt(call.status === 'OPEN' ? call.applicationClosesAt : null);
  const counts = countOutcomes(call.selectionPreview);
  const plan = decideCommit({
    call: {
      status: call.status,
      selectionMode: call.selectionMode,
      selectionCommittedAt: call.selectionCommittedAt ? new Date(call.selectionCommittedAt) : null,
      applicationClosesAt: new Date(call.applicationClosesAt),
    },
    reviewers: call.reviewProgress.reviewers,
    pending: counts.pending,
    now: new Date(),
  });
  const applicantsWith = (status: string) => `/lowongan/${call.id}?status=${status}`;

  if (call.selectionCommittedAt) {
    return (
      <Stack gap="sm">
        <Group gap="xs">
          <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" aria-hidden />
          <Text fw={600}>
            {t('admin.commit.committedAt', {
              date: formatInstant(call.selectionCommittedAt, locale, call.timeZone),
            })}
          </Text>
        </Group>
        <Group gap="xl">
          <Text size="sm">
            {t('admin.commit.seatsTaken', { taken: number(call.seatsTaken), seats: number(call.seats) })}
          </Text>
          <Text size="sm">{t('admin.commit.waitlist', { count: call.waitlistCount })}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('admin.commit.committedNote')}
        </Text>
        <Group gap="md">
          <Anchor component={Link} to={applicantsWith('ACCEPTED')} size="sm">
            {t('admin.commit.showAccepted')}
          </Anchor>
          <Anchor component={Link} to={applicantsWith('WAITLISTED')} size="sm">
            {t('admin.commit.showWaitlisted')}
          </Anchor>
          <Anchor component={Link} to={applicantsWith('REJECTED')} size="sm">
            {t('admin.commit.showRejected')}
          </Anchor>
        </Group>
      </Stack>
    );
  }

  const canCommit = call.programme.isManagedByViewer;
  const refusal = plan.kind === 'refused' ? translateError(plan.code, locale, plan.params) : null;
  const refusalId = `commit-refusal-${call.id}`;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Group
          gap="xs"
          aria-label={t('admin.preview.countsLabel')}
          role="group"
          display={call.selectionPreview.length === 0 ? 'none' : undefined}
        >
          {(['accepted', 'waitlisted', 'rejected', 'pending'] as const).map((kind) =>
            kind === 'pending' && counts.pending === 0 ? null : (
              <Badge key={kind} color={outcomeColors[kind]} variant="outline" tt="none" size="lg">
                {t(`admin.preview.count.${kind}`, { count: counts[kind] })}
              </Badge>
            ),
          )}
        </Group>
        {canCommit && (
          <Button
            ml="auto"
            leftSection={<IconGavel size={18} aria-hidden />}
            disabled={refusal !== null}
            aria-describedby={refusal ? refusalId : undefined}
            onClick={() => {
              setProblem(null);
              setDialogOpen(true);
            }}
          >
            {t('admin.commit.button')}
          </Button>
        )}
      </Group>
      {canCommit && refusal && (
        <Group gap={6} wrap="nowrap" align="flex-start" justify="flex-end">
          <IconLock size={16} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
          <Text size="sm" id={refusalId}>
            {refusal}
            {plan.kind === 'refused' && plan.code === 'SELECTION_TOO_EARLY' && (
              <>
                {' '}
                {t('admin.commit.closesAt', {
                  date: formatInstant(call.applicationClosesAt, locale, call.timeZone),
                })}
              </>
            )}
          </Text>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t('admin.preview.seats', { seats: number(call.seats) })}
      </Text>

      {call.selectionPreview.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg">
          {t('admin.preview.empty')}
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={760} type="native">
            <Table
              fz="sm"
              verticalSpacing="sm"
              horizontalSpacing="sm"
              className="data-table"
              aria-labelledby="selection-preview-title"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={76} ta="right">
                    {t('admin.preview.rank')}
                  </Table.Th>
                  <Table.Th>{t('admin.applications.teacher')}</Table.Th>
                  <Table.Th>{t('admin.applications.school')}</Table.Th>
                  <Table.Th w={80} ta="right">
                    {t('admin.preview.score')}
                  </Table.Th>
                  <Table.Th w={170}>{t('admin.preview.outcome')}</Table.Th>
                  <Table.Th>{t('admin.preview.explanation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {call.selectionPreview.map((outcome) => (
                  <Table.Tr key={outcome.application.id}>
                    <Table.Td ta="right" fw={600}>
                      {outcome.rank ?? '–'}
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/lowongan/${call.id}?pendaftar=${encodeURIComponent(outcome.application.id)}`}
                        size="sm"
                        fw={600}
                      >
                        {outcome.application.teacher.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{outcome.application.school?.name ?? '–'}</Table.Td>
                    <Table.Td ta="right">
                      {outcome.score === null ? '–' : formatPoints(outcome.score, locale)}
                    </Table.Td>
                    <Table.Td>
                      <OutcomeBadge kind={outcome.kind} />
                    </Table.Td>
                    <Table.Td>{outcome.explanation}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <ConfirmDialog
        opened={dialogOpen}
        onClose={() => setDialogOpen(false)}
        title={t('admin.commit.title')}
        confirmLabel={t('admin.commit.button')}
        busy={busy}
        problem={problem}
        canConfirm={plan.kind === 'allowed'}
        onConfirm={async () => {
          setBusy(true);
          const found = await onCommit();
          setBusy(false);
          if (found) {
            setProblem(found.message);
            return;
          }
          setDialogOpen(false);
          notifications.show({ color: 'green', message: t('admin.commit.done') });
        }}
      >
        {/* Outcomes are listed only when the API would commit them now. */}
        {plan.kind === 'allowed' && call.selectionPreview.length > 0 && (
          <>
            <Text>{t('admin.commit.intro')}</Text>
            <List spacing={4}>
              <List.Item>{t('admin.commit.accepted', { count: counts.accepted })}</List.Item>
              <List.Item>{t('admin.commit.waitlisted', { count: counts.waitlisted })}</List.Item>
              <List.Item>{t('admin.commit.rejected', { count: counts.rejected })}</List.Item>
            </List>
          </>
        )}
        <Text size="sm" c="dimmed">
          {t('admin.commit.final')}
        </Text>
        {plan.kind === 'refused' && (
          <Alert color="yellow" variant="light">
            {translateError(plan.code, locale, plan.params)}
          </Alert>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
