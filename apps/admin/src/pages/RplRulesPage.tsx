import { formatLocalDate, useLocale } from '@kmg/ui';
import { Button, Group, List, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { RplIllustrativeBadge, RuleStatusBadge } from '#components/RplBadges.tsx';
import { RuleWhatIf } from '#components/RuleWhatIf.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';

const RplRulesQuery = graphql(`
  query RplRulesPage($id: ID!) {
    studyProgramme(id: $id) {
      id
      canManage
      ruleVersions {
        id
        code
        version
        status
        sks
        requirementLabels
        coveredOutcomes
        coverage
        effectiveFrom
        effectiveTo
        illustrative
        isOwnDraft
        createdByName
        approvedByName
        rationale
        updatedAt
        course { id code name sks }
      }
    }
  }
`);

const ApproveRule = graphql(
  `mutation ApproveEquivalenceRule($versionId: ID!, $seenUpdatedAt: DateTime) {
    approveEquivalenceRule(versionId: $versionId, seenUpdatedAt: $seenUpdatedAt) {
      __typename
      ...MutationProblem_error
      ... on ApproveEquivalenceRuleSuccess { data { id status approvedByName isOwnDraft } }
    }
  }`,
  [MutationProblem_error],
);

const RetireRule = graphql(
  `mutation RetireEquivalenceRule($versionId: ID!) {
    retireEquivalenceRule(versionId: $versionId) {
      __typename
      ...MutationProblem_error
      ... on RetireEquivalenceRuleSuccess { data { id status } }
    }
  }`,
  [MutationProblem_error],
);

const DiscardRule = graphql(
  `mutation DiscardEquivalenceRuleDraft($versionId: ID!) {
    discardEquivalenceRuleDraft(versionId: $versionId) {
      __typename
      ...MutationProblem_error
    }
  }`,
  [MutationProblem_error],
);

type Rule = NonNullable<ResultOf<typeof RplRulesQuery>['studyProgramme']>['ruleVersions'][number];
type Action = { kind: 'approve' | 'retire' | 'discard'; rule: Rule };

function coverageText(json: string, t: ReturnType<typeof useLocale>['t']): string {
  try {
    const coverage = JSON.parse(json) as { kind: string; minimum?: number };
    if (coverage.kind === 'MIN')
      return t('admin.rpl.rules.coverage.MIN', { percent: Math.round((coverage.minimum ?? 0) * 100) });
    return t(`admin.rpl.rules.coverage.${coverage.kind === 'ALL' ? 'ALL' : 'DEFAULT'}`);
  } catch {
    return '';
  }
}

/** One rule version's actions: edit and approve or discard a draft, retire an approved one. */
function RuleActions({
  rule,
  programmeId,
  onAction,
}: {
  rule: Rule;
  programmeId: string;
  onAction: (action: Action) => void;
}) {
  const { t } = useLocale();
  if (rule.status === 'RETIRED') return null;
  if (rule.status === 'APPROVED') {
    return (
      <Group gap={6}>
        <Button
          component={Link}
          to={`/rpl/prodi/${programmeId}/aturan/${rule.id}`}
          size="compact-sm"
          variant="default"
          leftSection={<IconPencil size={14} aria-hidden />}
        >
          {t('admin.rpl.rules.newVersion')}
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => onAction({ kind: 'retire', rule })}
        >
          {t('admin.rpl.rules.retire')}
        </Button>
      </Group>
    );
  }
  const approve = (
    <Button size="compact-sm" disabled={rule.isOwnDraft} onClick={() => onAction({ kind: 'approve', rule })}>
      {t('admin.rpl.rules.approve')}
    </Button>
  );
  return (
    <Stack gap={6} align="flex-start">
      <Group gap={6}>
        {rule.isOwnDraft ? (
          <Tooltip label={t('admin.rpl.rules.ownDraft')} multiline w={260} withinPortal>
            <span>{approve}</span>
          </Tooltip>
        ) : (
          approve
        )}
        <Button
          component={Link}
          to={`/rpl/prodi/${programmeId}/aturan/${rule.id}`}
          size="compact-sm"
          variant="default"
          leftSection={<IconPencil size={14} aria-hidden />}
        >
          {t('admin.rpl.rules.edit')}
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="red"
          onClick={() => onAction({ kind: 'discard', rule })}
        >
          {t('admin.rpl.rules.discard')}
        </Button>
      </Group>
      {rule.isOwnDraft && (
        <Text size="xs" c="dimmed" maw={280}>
          {t('admin.rpl.rules.ownDraft')}
        </Text>
      )}
      <RuleWhatIf versionId={rule.id} />
    </Stack>
  );
}

/** The programme's equivalence rules, every version, with four-eyes approval and the "what if". */
export function RplRulesPage() {
  const { t, locale } = useLocale();
  const { id = '' } = useParams();
  const messages = useProblemMessages();
  const [{ data, error }, reexecute] = useQuery({
    query: RplRulesQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [action, setAction] = useState<Action | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, approve] = useMutation(ApproveRule);
  const [, retire] = useMutation(RetireRule);
  const [, discard] = useMutation(DiscardRule);
  if (!data?.studyProgramme) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 44 }, { h: 200 }]}
      />
    );
  }
  const programme = data.studyProgramme;
  const rules = [...programme.ruleVersions].sort(
    (a, b) => a.code.localeCompare(b.code) || b.version - a.version,
  );
  const date = (value: string) => formatLocalDate(value, locale, 'medium');

  const confirm = async () => {
    if (!action) return;
    setBusy(true);
    setProblem(null);
    const variables = { versionId: action.rule.id };
    const result =
      action.kind === 'approve'
        ? // The approver approves the draft as shown: one changed since is refused.
          await approve({ ...variables, seenUpdatedAt: action.rule.updatedAt }).then((r) => ({
            outcome: r.data?.approveEquivalenceRule,
            error: r.error,
          }))
        : action.kind === 'retire'
          ? await retire(variables).then((r) => ({ outcome: r.data?.retireEquivalenceRule, error: r.error }))
          : await discard(variables).then((r) => ({
              outcome: r.data?.discardEquivalenceRuleDraft,
              error: r.error,
            }));
    setBusy(false);
    const found = readProblem(result.outcome, result.error, messages);
    if (found) {
      setProblem(found.message);
      return;
    }
    setAction(null);
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Title order={2} size="h3">
            {t('admin.rpl.rules.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.rpl.rules.intro')}
          </Text>
        </div>
        {programme.canManage && (
          <Button
            component={Link}
            to={`/rpl/prodi/${programme.id}/aturan/baru`}
            leftSection={<IconPlus size={18} aria-hidden />}
          >
            {t('admin.rpl.rules.create')}
          </Button>
        )}
      </Group>
      {rules.length === 0 ? (
        <Text c="dimmed">{t('admin.rpl.rules.empty')}</Text>
      ) : (
        <Paper withBorder radius="md" px={4}>
          <Table.ScrollContainer minWidth={1000} type="native">
            <Table verticalSpacing="sm" fz="sm" className="data-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.rpl.rules.column.rule')}</Table.Th>
                  <Table.Th>{t('admin.rpl.rules.column.course')}</Table.Th>
                  <Table.Th>{t('admin.rpl.rules.column.requirements')}</Table.Th>
                  <Table.Th>{t('admin.rpl.rules.column.effective')}</Table.Th>
                  <Table.Th>{t('admin.rpl.rules.column.people')}</Table.Th>
                  {programme.canManage && <Table.Th>{t('admin.rpl.rules.column.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rules.map((rule) => (
                  <Table.Tr key={rule.id} style={{ verticalAlign: 'top' }}>
                    <Table.Td>
                      <Text size="sm" fw={700}>
                        {rule.code}
                      </Text>
                      <Group gap={6} mt={2}>
                        <Text size="xs" c="dimmed">
                          {t('admin.rpl.rules.version', { version: rule.version })}
                        </Text>
                        <RuleStatusBadge status={rule.status} />
                      </Group>
                      {rule.illustrative && <RplIllustrativeBadge mt={4} />}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{rule.course.name}</Text>
                      <Text size="xs" c="dimmed">
                        {rule.course.code} ·{' '}
                        {t('admin.rpl.rules.sksOf', { sks: rule.sks, courseSks: rule.course.sks })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <List size="sm" spacing={2}>
                        {rule.requirementLabels.map((label) => (
                          <List.Item key={label}>{label}</List.Item>
                        ))}
                      </List>
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('admin.rpl.rules.covers', { codes: rule.coveredOutcomes.join(', ') })} ·{' '}
                        {coverageText(rule.coverage, t)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {date(rule.effectiveFrom)}
                      {rule.effectiveTo ? ` – ${date(rule.effectiveTo)}` : ` – ${t('admin.rpl.rules.noEnd')}`}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {t('admin.rpl.rules.author', { name: rule.createdByName ?? '—' })}
                      </Text>
                      {rule.approvedByName && (
                        <Text size="xs">{t('admin.rpl.rules.approver', { name: rule.approvedByName })}</Text>
                      )}
                    </Table.Td>
                    {programme.canManage && (
                      <Table.Td>
                        <RuleActions
                          rule={rule}
                          programmeId={programme.id}
                          onAction={(next) => {
                            setProblem(null);
                            setAction(next);
                          }}
                        />
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <ConfirmDialog
        opened={action !== null}
        onClose={() => setAction(null)}
        title={
          action
            ? t(`admin.rpl.rules.confirm.${action.kind}.title`, {
                code: action.rule.code,
                version: action.rule.version,
              })
            : ''
        }
        confirmLabel={action ? t(`admin.rpl.rules.${action.kind}`) : ''}
        confirmColor={action?.kind === 'approve' ? undefined : 'red'}
        busy={busy}
        problem={problem}
        onConfirm={confirm}
      >
        <Text size="sm">{action ? t(`admin.rpl.rules.confirm.${action.kind}.text`) : ''}</Text>
        {action && (
          <Text size="sm" fw={600}>
            {action.rule.course.code} {action.rule.course.name}
          </Text>
        )}
      </ConfirmDialog>
    </Stack>
  );
}
