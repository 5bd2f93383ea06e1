import { formatNumber, useLocale } from '@kmg/ui';
import {
  Badge,
  Button,
  Grid,
  LoadingOverlay,
  NavLink,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { Pager } from '#components/Pager.tsx';
import { QueryError } from '#components/QueryError.tsx';
import { ReviewForm, ReviewForm_application, ReviewForm_call } from '#components/ReviewForm.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { hasPassed } from '#lib/deadline.ts';
import { formatCompactInstant, formatPoints } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { pageVariables, readPage, writePage } from '#lib/pagination.ts';
import { useKeptData } from '#lib/use-kept-data.ts';

export const ReviewQueue_application = graphql(`
  fragment ReviewQueue_application on Application {
    id
    teacher { id name teacherProfile { school { id name } } }
    viewerReview { id total }
  }
`);

const ReviewCallPageQuery = graphql(
  `
  query ReviewCallPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    trainingCall(id: $id) {
      id
      title
      timeZone
      applicationClosesAt
      selectionCommittedAt
      ...ReviewForm_call
      applications(status: ENDORSED, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { node { id viewerReview { id } ...ReviewQueue_application ...ReviewForm_application } }
      }
    }
  }
`,
  [ReviewQueue_application, ReviewForm_call, ReviewForm_application],
);

const SubmitReview = graphql(
  `
  mutation SubmitReview($applicationId: ID!, $scores: [CriterionScoreInput!]!, $comment: String) {
    submitReview(applicationId: $applicationId, scores: $scores, comment: $comment) {
      __typename
      ... on SubmitReviewSuccess {
        data {
          id
          viewerReview { id total comment updatedAt scores { key score } }
          call { id reviewProgress { endorsed complete disagreements reviewers } }
        }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/** The search parameter naming the application being scored. */
const selectedParam = 'pendaftar';

function QueueItem({
  application: data,
  active,
  to,
}: {
  application: FragmentOf<typeof ReviewQueue_application>;
  active: boolean;
  to: string;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(ReviewQueue_application, data);
  const review = application.viewerReview;
  return (
    <NavLink
      component={Link}
      to={to}
      replace
      preventScrollReset
      active={active}
      aria-current={active ? 'true' : undefined}
      label={application.teacher.name}
      description={application.teacher.teacherProfile?.school.name}
      rightSection={
        review ? (
          <Badge
            color="teal"
            variant="light"
            tt="none"
            leftSection={<IconCircleCheck size={12} aria-hidden />}
          >
            {formatPoints(review.total, locale)}
          </Badge>
        ) : (
          <Badge color="gray" variant="outline" tt="none">
            {t('admin.reviewWork.notScored')}
          </Badge>
        )
      }
      styles={{ label: { fontWeight: 600 } }}
    />
  );
}

/**
 * Scoring one call: the endorsed applications down the side (scored ones marked with the total
 * given), and the chosen one with its motivation and the scoring form.
 */
export function ReviewCallPage() {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const page = useMemo(() => readPage(params), [params]);
  const [result, reexecute] = useQuery({
    query: ReviewCallPageQuery,
    variables: { id, ...pageVariables(page) },
  });
  const kept = useKeptData(result.data);
  const data = result.data ?? (!result.error && kept?.trainingCall?.id === id ? kept : undefined);
  const [, submitReview] = useMutation(SubmitReview);
  const back = { to: '/penilaian', label: t('admin.reviewWork.back') };

  if (!data) {
    if (result.error) {
      return (
        <>
          <PageHeader title={t('admin.reviewWork.title')} back={back} />
          <QueryError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        </>
      );
    }
    return (
      <Stack gap="md" role="status" aria-label={t('common.loading')}>
        <Skeleton h={36} w="60%" />
        <Skeleton h={360} />
      </Stack>
    );
  }

  const call = data.trainingCall;
  if (!call) {
    if (result.error) {
      return (
        <>
          <PageHeader title={t('admin.reviewWork.title')} back={back} />
          <QueryError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        </>
      );
    }
    return <PageNotice title={t('admin.call.notFound')} text={t('admin.call.notFoundText')} back={back} />;
  }

  const applications = call.applications.edges.map((edge) => edge.node);
  const chosenId = params.get(selectedParam);
  const selected =
    applications.find((application) => application.id === chosenId) ??
    applications.find((application) => !application.viewerReview) ??
    applications[0];
  const linkTo = (applicationId: string) => {
    const next = new URLSearchParams(params);
    next.set(selectedParam, applicationId);
    return `?${next.toString()}`;
  };
  const nextUnscored = applications.find(
    (application) => application.id !== selected?.id && !application.viewerReview,
  );
  const scoredHere = applications.filter((application) => application.viewerReview).length;

  return (
    <>
      <PageHeader
        title={call.title}
        back={back}
        description={
          call.selectionCommittedAt
            ? t('admin.reviewWork.committed', {
                date: formatCompactInstant(call.selectionCommittedAt, locale, call.timeZone),
              })
            : t(
                hasPassed(call.applicationClosesAt, new Date())
                  ? 'admin.reviewWork.callIntro'
                  : 'admin.reviewWork.callIntroOpen',
                { date: formatCompactInstant(call.applicationClosesAt, locale, call.timeZone) },
              )
        }
      />
      {call.applications.totalCount === 0 ? (
        <Paper withBorder radius="md" p="xl" ta="center">
          <Text c="dimmed">
            {call.selectionCommittedAt
              ? t('admin.reviewWork.emptyCommitted')
              : t('admin.reviewWork.emptyCall')}
          </Text>
        </Paper>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper
              withBorder
              radius="md"
              p="xs"
              pos="relative"
              component="nav"
              aria-labelledby="review-queue-title"
            >
              <LoadingOverlay visible={result.fetching} zIndex={2} overlayProps={{ blur: 1 }} />
              <Title order={2} size="h5" id="review-queue-title" px="xs" pt={4}>
                {t('admin.reviewWork.queue')}
              </Title>
              <Text size="xs" c="dimmed" px="xs" mb="xs">
                {t('admin.reviewWork.queueProgress', {
                  scored: formatNumber(scoredHere, locale),
                  shown: formatNumber(applications.length, locale),
                })}
              </Text>
              {applications.map((application) => (
                <QueueItem
                  key={application.id}
                  application={application}
                  active={application.id === selected?.id}
                  to={linkTo(application.id)}
                />
              ))}
            </Paper>
            {call.applications.totalCount > applications.length && (
              <Pager
                page={page}
                pageInfo={call.applications.pageInfo}
                rows={applications.length}
                total={call.applications.totalCount}
                onChange={(nextPage) =>
                  setParams(writePage(new URLSearchParams(), nextPage), { replace: true })
                }
              />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selected && (
              <ReviewForm
                // A fresh form for each application, and once its saved review comes back.
                key={selected.id}
                call={call}
                application={selected}
                next={
                  nextUnscored && (
                    <Button
                      component={Link}
                      to={linkTo(nextUnscored.id)}
                      replace
                      variant="light"
                      size="xs"
                      rightSection={<IconArrowRight size={16} aria-hidden />}
                    >
                      {t('admin.reviewWork.next')}
                    </Button>
                  )
                }
                onSubmit={async (input) => {
                  const outcome = await submitReview({ applicationId: selected.id, ...input });
                  return readProblem(outcome.data?.submitReview, outcome.error, messages);
                }}
              />
            )}
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
