import { credentialReasonSchema } from '@kmg/domain';
import { CredentialStatusBadge, useLocale, viewerTimeZone } from '@kmg/ui';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { ReasonField } from '#components/ReasonField.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { formatCompactInstant } from '#lib/format.ts';
import { type MutationProblem, MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { checkReason } from '#lib/reason.ts';
import { managesPathways, useViewer } from '#lib/viewer.tsx';

const PathwayReviewsPageQuery = graphql(`
  query PathwayReviewsPage {
    open: pathwayAwardReviews(open: true) {
      id
      status
      createdAt
      award { id name learnerName awardedAt status }
      component { id name status revokedAt revocationReason }
    }
    decided: pathwayAwardReviews(open: false) {
      id
      status
      reason
      decidedAt
      decidedByName
      award { id name learnerName status }
      component { id name }
    }
  }
`);

const DecideAwardReview = graphql(
  `
  mutation DecidePathwayAwardReview($id: ID!, $decision: AwardReviewDecision!, $reason: String!) {
    decidePathwayAwardReview(id: $id, decision: $decision, reason: $reason) {
      __typename
      ... on DecidePathwayAwardReviewSuccess {
        data { id status reason decidedAt decidedByName award { id status revokedAt revocationReason } }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

type OpenReview = ResultOf<typeof PathwayReviewsPageQuery>['open'][number];
type Decision = 'KEEP' | 'REVOKE';

/**
 * Pathway credentials whose component was revoked wait here: a program manager keeps or revokes
 * each, with a reason the API checks (10 characters at least); decided ones stay listed below.
 */
export function PathwayReviewsPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const [{ data, error }, reexecute] = useQuery({
    query: PathwayReviewsPageQuery,
    pause: !managesPathways(viewer),
  });
  const [deciding, setDeciding] = useState<{ review: OpenReview; decision: Decision } | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [problem, setProblem] = useState<MutationProblem | null>(null);
  const [{ fetching }, decide] = useMutation(DecideAwardReview);
  const reasonField = useRef<HTMLTextAreaElement>(null);

  if (!managesPathways(viewer)) return <Navigate to="/" replace />;
  const back = { to: '/jalur', label: t('admin.pathwayReviews.back') };
  const zone = viewerTimeZone();
  const at = (instant: string) => formatCompactInstant(instant, locale, zone);

  const reasonIssue = checkReason(credentialReasonSchema, reason, locale);
  const reasonError =
    problem?.fieldErrors.find((fieldError) => fieldError.path.includes('reason'))?.message ??
    (touched ? reasonIssue : null);
  const open = (review: OpenReview, decision: Decision) => {
    setReason('');
    setTouched(false);
    setProblem(null);
    setDeciding({ review, decision });
  };

  return (
    <>
      <PageHeader
        title={t('admin.pathwayReviews.title')}
        description={t('admin.pathwayReviews.intro')}
        back={back}
      />
      {!data ? (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 120 }, { h: 120 }]}
        />
      ) : (
        <Stack gap="xl">
          <section aria-labelledby="reviews-open">
            <Group gap="sm" mb="sm" align="center">
              <Title order={2} size="h4" id="reviews-open">
                {t('admin.pathwayReviews.open')}
              </Title>
              <Badge color={data.open.length > 0 ? 'red' : 'gray'} variant="light" size="lg" circle>
                {data.open.length}
              </Badge>
            </Group>
            {data.open.length === 0 ? (
              <Text c="dimmed">{t('admin.pathwayReviews.emptyOpen')}</Text>
            ) : (
              <Stack gap="sm">
                {data.open.map((review) => (
                  <Paper
                    key={review.id}
                    withBorder
                    radius="md"
                    p="md"
                    component="article"
                    aria-label={review.award.name}
                  >
                    <Stack gap="xs">
                      <Group justify="space-between" align="flex-start" gap="xs">
                        <div>
                          <Text size="xs" c="dimmed" fw={600}>
                            {t('admin.pathwayReviews.award')}
                          </Text>
                          <Text fw={700}>{review.award.name}</Text>
                          <Text size="sm">
                            {t('admin.pathwayReviews.teacher')}: {review.award.learnerName}
                          </Text>
                        </div>
                        <CredentialStatusBadge status={review.award.status} />
                      </Group>
                      <Paper bg="red.0" radius="sm" p="xs">
                        <Text size="xs" c="dimmed" fw={600}>
                          {t('admin.pathwayReviews.component')}
                        </Text>
                        <Text size="sm" fw={600}>
                          {review.component.name}
                        </Text>
                        {review.component.revokedAt && (
                          <Text size="sm">
                            {t('admin.pathwayReviews.componentRevoked', {
                              date: at(review.component.revokedAt),
                              reason: review.component.revocationReason ?? '',
                            })}
                          </Text>
                        )}
                      </Paper>
                      <Group justify="space-between" gap="sm">
                        <Text size="xs" c="dimmed">
                          {t('admin.pathwayReviews.openedAt', { date: at(review.createdAt) })}
                        </Text>
                        <Group gap="xs">
                          <Button
                            variant="default"
                            size="sm"
                            leftSection={<IconCircleCheck size={16} aria-hidden />}
                            onClick={() => open(review, 'KEEP')}
                          >
                            {t('admin.pathwayReviews.keep')}
                          </Button>
                          <Button
                            color="red"
                            variant="light"
                            size="sm"
                            leftSection={<IconX size={16} aria-hidden />}
                            onClick={() => open(review, 'REVOKE')}
                          >
                            {t('admin.pathwayReviews.revoke')}
                          </Button>
                        </Group>
                      </Group>
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            )}
          </section>

          <section aria-labelledby="reviews-decided">
            <Title order={2} size="h4" id="reviews-decided" mb="sm">
              {t('admin.pathwayReviews.decided')}
            </Title>
            {data.decided.length === 0 ? (
              <Text c="dimmed">{t('admin.pathwayReviews.emptyDecided')}</Text>
            ) : (
              <Paper withBorder radius="md" px={4}>
                <Table.ScrollContainer minWidth={720} type="native" pos="relative">
                  <Table verticalSpacing="sm" fz="sm" className="data-table">
                    <VisuallyHidden component="caption">{t('admin.pathwayReviews.decided')}</VisuallyHidden>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('admin.pathwayReviews.award')}</Table.Th>
                        <Table.Th>{t('admin.pathwayReviews.component')}</Table.Th>
                        <Table.Th>{t('admin.pathwayReviews.decision')}</Table.Th>
                        <Table.Th>{t('admin.pathwayReviews.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.decided.map((review) => (
                        <Table.Tr key={review.id}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {review.award.name}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {review.award.learnerName}
                            </Text>
                          </Table.Td>
                          <Table.Td>{review.component.name}</Table.Td>
                          <Table.Td>
                            <Badge
                              color={review.status === 'REVOKED' ? 'red' : 'teal'}
                              variant="light"
                              tt="none"
                            >
                              {t(`admin.pathwayReviews.status.${review.status}`)}
                            </Badge>
                            {review.decidedAt && (
                              <Text size="xs" c="dimmed" mt={4}>
                                {t('admin.pathwayReviews.decidedBy', {
                                  name: review.decidedByName ?? '–',
                                  date: at(review.decidedAt),
                                })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{review.reason}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </section>
        </Stack>
      )}

      <ConfirmDialog
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={
          deciding?.decision === 'REVOKE'
            ? t('admin.pathwayReviews.dialog.revokeTitle')
            : t('admin.pathwayReviews.dialog.keepTitle')
        }
        confirmLabel={
          deciding?.decision === 'REVOKE'
            ? t('admin.pathwayReviews.dialog.revokeConfirm')
            : t('admin.pathwayReviews.dialog.keepConfirm')
        }
        confirmColor={deciding?.decision === 'REVOKE' ? 'red' : undefined}
        busy={fetching}
        problem={problem && problem.fieldErrors.length === 0 ? problem.message : null}
        onConfirm={async () => {
          if (!deciding) return;
          setTouched(true);
          if (reasonIssue) {
            reasonField.current?.focus();
            return;
          }
          const result = await decide({
            id: deciding.review.id,
            decision: deciding.decision,
            reason: reason.trim(),
          });
          const found = readProblem(result.data?.decidePathwayAwardReview, result.error, messages);
          if (found) {
            setProblem(found);
            return;
          }
          notifications.show({
            color: 'green',
            message:
              deciding.decision === 'REVOKE'
                ? t('admin.pathwayReviews.dialog.revoked')
                : t('admin.pathwayReviews.dialog.kept'),
          });
          setDeciding(null);
        }}
      >
        {deciding && (
          <Text>
            {t(
              deciding.decision === 'REVOKE'
                ? 'admin.pathwayReviews.dialog.revokeText'
                : 'admin.pathwayReviews.dialog.keepText',
              {
                award: deciding.review.award.name,
                teacher: deciding.review.award.learnerName,
                component: deciding.review.component.name,
              },
            )}
          </Text>
        )}
        <ReasonField
          label={t('admin.pathwayReviews.dialog.reason')}
          description={t('admin.pathwayReviews.dialog.reasonHint')}
          rule={credentialReasonSchema}
          value={reason}
          error={reasonError}
          inputRef={reasonField}
          onChange={(value) => {
            setReason(value);
            if (problem) setProblem(null);
          }}
          onBlur={() => setTouched(true)}
        />
      </ConfirmDialog>
    </>
  );
}
