import { planCallTransition, translateError } from '@kmg/domain';
import { formatNumber, useLocale } from '@kmg/ui';
import { Alert, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ApplicationDrawer } from '#components/ApplicationDrawer.tsx';
import { DisagreementPanel } from '#components/DisagreementPanel.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import {
  ReviewerAssignment,
  ReviewerAssignment_call,
  ReviewerAssignment_reviewer,
} from '#components/ReviewerAssignment.tsx';
import { ReviewProgressPanel, ReviewProgressPanel_call } from '#components/ReviewProgressPanel.tsx';
import { SelectionPreview, SelectionPreview_call } from '#components/SelectionPreview.tsx';
import { SelectionSettingsForm, SelectionSettingsForm_call } from '#components/SelectionSettingsForm.tsx';
import {
  SelectionSettingsSummary,
  SelectionSettingsSummary_call,
} from '#components/SelectionSettingsSummary.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { useViewer } from '#lib/viewer.tsx';

/**
 * Everything this page shows of the call. Both saves return it whole, so the page never reads it
 * again after a save: a read still on its way when the other form is saved would answer after that
 * save and undo it.
 */
const CallSelectionPage_call = graphql(
  `
  fragment CallSelectionPage_call on TrainingCall @_unmask {
    id
    status
    province { code }
    applicationClosesAt
    selectionMode
    selectionCommittedAt
    seats
    seatsTaken
    waitlistCount
    programme { id isManagedByViewer }
    ...SelectionSettingsForm_call
    ...SelectionSettingsSummary_call
    ...ReviewerAssignment_call
    ...ReviewProgressPanel_call
    ...SelectionPreview_call
  }
`,
  [
    SelectionSettingsForm_call,
    SelectionSettingsSummary_call,
    ReviewerAssignment_call,
    ReviewProgressPanel_call,
    SelectionPreview_call,
  ],
);

const CallSelectionPageQuery = graphql(
  `
  query CallSelectionPage($id: ID!, $canAssign: Boolean!) {
    trainingCall(id: $id) { id ...CallSelectionPage_call }
    selectionReviewers @include(if: $canAssign) { id ...ReviewerAssignment_reviewer }
  }
`,
  [CallSelectionPage_call, ReviewerAssignment_reviewer],
);

const UpdateSelectionSettings = graphql(
  `
  mutation UpdateSelectionSettings($callId: ID!, $input: SelectionSettingsInput!) {
    updateSelectionSettings(callId: $callId, input: $input) {
      __typename
      ... on UpdateSelectionSettingsSuccess { data { id ...CallSelectionPage_call } }
      ...MutationProblem_error
    }
  }
`,
  [CallSelectionPage_call, MutationProblem_error],
);

const AssignReviewers = graphql(
  `
  mutation AssignReviewers($callId: ID!, $reviewerIds: [ID!]!) {
    assignReviewers(callId: $callId, reviewerIds: $reviewerIds) {
      __typename
      ... on AssignReviewersSuccess { data { id ...CallSelectionPage_call } }
      ...MutationProblem_error
    }
  }
`,
  [CallSelectionPage_call, MutationProblem_error],
);

const CommitSelection = graphql(
  `
  mutation CommitSelection($callId: ID!) {
    commitSelection(callId: $callId) {
      __typename
      ... on CommitSelectionSuccess { data { id status selectionCommittedAt seatsTaken waitlistCount } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/** The search parameter naming the application whose reviews are open, as on the call's overview. */
const openParam = 'pendaftar';

function Block({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/**
 * The selection of one call: how far the reviewers are, what committing would do (and the button
 * that does it), who reviews, and the settings behind it all. Managers change them; provider staff
 * read them.
 */
export function CallSelectionPage() {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const viewer = useViewer();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const openId = params.get(openParam);
  const closeDrawer = () => {
    const next = new URLSearchParams(params);
    next.delete(openParam);
    setParams(next, { preventScrollReset: true });
  };
  const canAssign = viewer.roles.some((role) => role === 'ADMIN' || role === 'PROGRAM_MANAGER');
  const [{ data, error }, reexecute] = useQuery({
    query: CallSelectionPageQuery,
    variables: { id, canAssign },
  });
  const [, updateSettings] = useMutation(UpdateSelectionSettings);
  const [, assignReviewers] = useMutation(AssignReviewers);
  const [, commitSelection] = useMutation(CommitSelection);

  if (!data) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 110 }, { h: 240 }, { h: 320 }]}
      />
    );
  }
  const call = data.trainingCall;
  // The frame around this page says when a call is missing.
  if (!call) return null;

  const manages = call.programme.isManagedByViewer;
  const reviewed = call.selectionMode === 'REVIEWED';
  const settingsPlan = planCallTransition(
    {
      status: call.status,
      province: call.province.code,
      applicationClosesAt: new Date(call.applicationClosesAt),
    },
    'update',
    new Date(),
  );
  const settingsLocked = !!call.selectionCommittedAt || settingsPlan.kind === 'refused';

  return (
    <Stack gap="lg">
      {/* The tab names the part; the heading gives the page's outline the same name. */}
      <VisuallyHidden component="h2">{t('admin.callTabs.selection')}</VisuallyHidden>

      {reviewed ? (
        <>
          {/* Once committed nothing waits for scores: the result comes first. */}
          {!call.selectionCommittedAt && (
            <Block id="selection-progress" title={t('admin.progress.title')}>
              <ReviewProgressPanel call={call} />
            </Block>
          )}
          {manages && !call.selectionCommittedAt && (
            <Block
              id="selection-disagreement"
              title={t('admin.disagreement.title')}
              description={t('admin.disagreement.intro')}
            >
              <DisagreementPanel
                callId={call.id}
                reviewsHref={(applicationId) => `?${openParam}=${encodeURIComponent(applicationId)}`}
              />
            </Block>
          )}
          <Block
            id="selection-preview-title"
            title={call.selectionCommittedAt ? t('admin.commit.resultTitle') : t('admin.preview.title')}
            description={call.selectionCommittedAt ? undefined : t('admin.preview.intro')}
          >
            <SelectionPreview
              call={call}
              onCommit={async () => {
                const result = await commitSelection({ callId: call.id });
                return readProblem(result.data?.commitSelection, result.error, messages);
              }}
            />
          </Block>
          <Block
            id="selection-reviewers"
            title={t('admin.reviewers.title')}
            description={t('admin.reviewers.intro')}
          >
            <ReviewerAssignment
              call={call}
              candidates={data.selectionReviewers ?? null}
              canEdit={manages}
              onSave={async (reviewerIds) => {
                const result = await assignReviewers({ callId: call.id, reviewerIds });
                const problem = readProblem(result.data?.assignReviewers, result.error, messages);
                if (!problem) notifications.show({ color: 'green', message: t('admin.reviewers.saved') });
                return problem;
              }}
            />
          </Block>
        </>
      ) : (
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          <Text size="sm">{t('admin.selection.firstComeNote')}</Text>
          <Text size="sm" mt={4} fw={600}>
            {t('admin.commit.seatsTaken', {
              taken: formatNumber(call.seatsTaken, locale),
              seats: formatNumber(call.seats, locale),
            })}{' '}
            · {t('admin.commit.waitlist', { count: call.waitlistCount })}
          </Text>
        </Alert>
      )}

      <Block
        id="selection-settings-title"
        title={t('admin.settings.title')}
        description={manages && !settingsLocked ? t('admin.settings.intro') : undefined}
      >
        {manages && settingsLocked && (
          <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />} mb="md">
            {translateError('SETTINGS_LOCKED', locale)}
          </Alert>
        )}
        {manages && !settingsLocked ? (
          <SelectionSettingsForm
            // A fresh form for another call, or once saved settings come back different.
            key={call.id}
            call={call}
            onSubmit={async (input) => {
              const result = await updateSettings({ callId: call.id, input });
              const problem = readProblem(result.data?.updateSelectionSettings, result.error, messages);
              if (!problem) notifications.show({ color: 'green', message: t('admin.settings.saved') });
              return problem;
            }}
          />
        ) : (
          <SelectionSettingsSummary call={call} />
        )}
      </Block>
      <ApplicationDrawer applicationId={openId} onClose={closeDrawer} />
    </Stack>
  );
}
