import { useLocale } from '@kmg/ui';
import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { AmendmentItem, AmendmentItem_amendment } from '#components/AmendmentItem.tsx';
import {
  IssuanceProgressPanel,
  IssuanceProgressPanel_call,
  IssuanceProgressPanel_participant,
} from '#components/IssuanceProgressPanel.tsx';
import { ParticipantDrawer } from '#components/ParticipantDrawer.tsx';
import {
  ParticipantsTable,
  ParticipantsTable_call,
  ParticipantsTable_participant,
} from '#components/ParticipantsTable.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { ResultsPanel, ResultsPanel_call, ResultsPanel_participant } from '#components/ResultsPanel.tsx';
import { graphql } from '#graphql.ts';
import { deliveryRights, PARTICIPANTS_PAGE } from '#lib/delivery.ts';

const CallResultsPageQuery = graphql(
  `
  query CallResultsPage($id: ID!, $first: Int!) {
    trainingCall(id: $id) {
      id
      timeZone
      resultsStatus
      viewerCanDeliver
      viewerCanRun
      trainingDays { id date }
      competencyUnits { id code }
      ...ResultsPanel_call
      ...IssuanceProgressPanel_call
      ...ParticipantsTable_call
      participants(first: $first) {
        totalCount
        edges {
          node {
            id
            teacher { id name }
            amendments { id status createdAt ...AmendmentItem_amendment }
            ...ResultsPanel_participant
            ...IssuanceProgressPanel_participant
            ...ParticipantsTable_participant
          }
        }
      }
    }
  }
`,
  [
    ResultsPanel_call,
    ResultsPanel_participant,
    IssuanceProgressPanel_call,
    IssuanceProgressPanel_participant,
    ParticipantsTable_call,
    ParticipantsTable_participant,
    AmendmentItem_amendment,
  ],
);

/** The search parameter naming the participant open in the drawer. */
const openParam = 'peserta';

function Block({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" align="center" mb="md" gap="xs">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

/**
 * The results of a call's delivery: how many pass, submitting and approving them, the issuance of
 * credentials, every participant with their attendance, decisions, verdict and credential, and
 * the corrections proposed after approval. A participant opens in a drawer beside the table.
 */
export function CallResultsPage() {
  const { t } = useLocale();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const openId = params.get(openParam);
  const [{ data, error }, reexecute] = useQuery({
    query: CallResultsPageQuery,
    variables: { id, first: PARTICIPANTS_PAGE },
  });
  const setOpen = (applicationId: string | null) => {
    const next = new URLSearchParams(params);
    if (applicationId) next.set(openParam, applicationId);
    else next.delete(openParam);
    setParams(next, { preventScrollReset: true });
  };

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 180 }, { h: 320 }]}
      />
    );
  }
  const call = data.trainingCall;
  if (!call) return null;

  const rights = deliveryRights(call);
  const nodes = call.participants.edges.map((edge) => edge.node);
  const amendments = nodes
    .flatMap((node) => node.amendments.map((amendment) => ({ amendment, name: node.teacher.name })))
    .sort((a, b) => b.amendment.createdAt.localeCompare(a.amendment.createdAt));
  const waiting = amendments.filter(({ amendment }) => amendment.status === 'PROPOSED').length;

  return (
    <Stack gap="lg">
      <Block id="results-title" title={t('admin.delivery.results.title')}>
        <ResultsPanel call={call} participants={nodes} rights={rights} />
      </Block>

      {call.resultsStatus === 'APPROVED' && (
        <Block id="issuance-title" title={t('admin.delivery.issuance.title')}>
          <IssuanceProgressPanel call={call} participants={nodes} canRetry={rights.canRun} />
        </Block>
      )}

      <section aria-labelledby="participants-title">
        <Group justify="space-between" align="flex-end" mb="sm" gap="sm">
          <div>
            <Title order={3} size="h4" id="participants-title">
              {t('admin.delivery.participants.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.delivery.participants.count', { count: call.participants.totalCount })} ·{' '}
              {t('admin.delivery.participants.hint')}
            </Text>
          </div>
        </Group>
        {call.participants.totalCount > nodes.length && (
          <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} aria-hidden />} mb="sm">
            {t('admin.delivery.participants.more', { shown: nodes.length })}
          </Alert>
        )}
        <Paper withBorder radius="md">
          {nodes.length === 0 ? (
            <Text ta="center" c="dimmed" py={40} px="md">
              {t('admin.delivery.participants.empty')}
            </Text>
          ) : (
            <ParticipantsTable
              call={call}
              participants={nodes}
              labelledBy="participants-title"
              onOpen={setOpen}
            />
          )}
        </Paper>
      </section>

      {call.resultsStatus === 'APPROVED' && (
        <Block
          id="amendments-title"
          title={t('admin.delivery.amendment.panelTitle')}
          aside={
            waiting > 0 ? (
              <Badge color="blue" variant="light" tt="none" size="lg">
                {t('admin.delivery.amendment.waiting', { count: waiting })}
              </Badge>
            ) : undefined
          }
        >
          {amendments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {rights.canRecord
                ? t('admin.delivery.amendment.noneYetRecorder')
                : t('admin.delivery.amendment.noneYet')}
            </Text>
          ) : (
            <Stack gap="sm">
              {amendments.map(({ amendment, name }) => (
                <AmendmentItem
                  key={amendment.id}
                  amendment={amendment}
                  participantName={name}
                  days={call.trainingDays}
                  units={call.competencyUnits}
                  timeZone={call.timeZone}
                  canDecide={rights.canRun}
                />
              ))}
            </Stack>
          )}
        </Block>
      )}

      <ParticipantDrawer applicationId={openId} onClose={() => setOpen(null)} />
    </Stack>
  );
}
