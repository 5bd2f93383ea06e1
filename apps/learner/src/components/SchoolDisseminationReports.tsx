import { disseminationReturnNoteSchema } from '@kmg/domain';
import { ErrorAlert, formatLocalDate, schemaErrors, useLocale } from '@kmg/ui';
import { Anchor, Button, Card, EmptyState, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInbox, IconPaperclip } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { type Client, useClient, useMutation, useQuery } from 'urql';
import { DisseminationStatusBadge } from '#components/DisseminationStatusBadge.tsx';
import { LoadMoreButton } from '#components/LoadMoreButton.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import { graphql, type ResultOf } from '#graphql.ts';

const PAGE_SIZE = 20;

const SchoolReportsQuery = graphql(`
  query SchoolDisseminationReports($first: Int!, $after: String, $decided: Boolean!) {
    schoolDisseminationReports(first: $first, after: $after, decided: $decided) {
      totalCount
      edges {
        node {
          id
          status
          statusLabel
          kindLabel
          heldOn
          place
          description
          teachersReached
          studentsReached
          schoolsReached
          teacherName
          trainingTitle
          returnNote
          evidence { id fileName mimeType url }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const VerifyReport = graphql(`
  mutation VerifyDisseminationReport($id: ID!) {
    verifyDisseminationReport(id: $id) {
      __typename
      ... on VerifyDisseminationReportSuccess { data { id status statusLabel } }
      ... on Error { code message }
    }
  }
`);

const ReturnReport = graphql(`
  mutation ReturnDisseminationReport($id: ID!, $note: String!) {
    returnDisseminationReport(id: $id, note: $note) {
      __typename
      ... on ReturnDisseminationReportSuccess { data { id status statusLabel returnNote } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on Error { code message }
    }
  }
`);

type Report = ResultOf<typeof SchoolReportsQuery>['schoolDisseminationReports']['edges'][number]['node'];

/** One of the principal's two lists (waiting, decided), a page at a time ("Muat lebih banyak"). */
function useSchoolReports(decided: boolean) {
  // A new client (another language, another session) has none of the earlier pages in its cache:
  // its list starts again from the first page.
  const client = useClient();
  const [page, setPage] = useState<{ client: Client; after: string | null }>({ client, after: null });
  const after = page.client === client ? page.after : null;
  const setAfter = (cursor: string | null) => setPage({ client, after: cursor });
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: SchoolReportsQuery,
    variables: { first: PAGE_SIZE, after, decided },
    requestPolicy: 'cache-and-network',
  });
  const list = data?.schoolDisseminationReports;
  return {
    list,
    error,
    fetching,
    loadMore: () => list && setAfter(list.pageInfo.endCursor),
    /** From the first page again, after a decision moved a report between the lists. */
    refresh: () => {
      setAfter(null);
      reexecute({ requestPolicy: 'network-only' });
    },
    reexecute,
  };
}

/** The principal's tab on "Sekolah saya": their teachers' dissemination reports to verify or return. */
export function SchoolDisseminationReports() {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const waitingList = useSchoolReports(false);
  const decidedList = useSchoolReports(true);
  const [returning, setReturning] = useState<Report | null>(null);
  if (!waitingList.list || !decidedList.list) {
    const failed = waitingList.list ? decidedList : waitingList;
    return <QueryFallback error={failed.error} reexecute={failed.reexecute} skeleton={null} />;
  }
  // A report just decided leaves the waiting list at once, before the lists are fetched again.
  const waiting = waitingList.list.edges.map((edge) => edge.node).filter((r) => r.status === 'SUBMITTED');
  const decided = decidedList.list.edges.map((edge) => edge.node);
  const waitingCount = Math.max(
    0,
    waitingList.list.totalCount - (waitingList.list.edges.length - waiting.length),
  );
  const refresh = () => {
    waitingList.refresh();
    decidedList.refresh();
    requestAnimationFrame(() => heading.current?.focus());
  };
  return (
    <Stack gap="md">
      <Title order={2} fz="md" fw={600} c="gray.8" ref={heading} tabIndex={-1} aria-live="polite">
        {t('learner.dissemination.schoolHeading', { count: waitingCount })}
      </Title>
      {waiting.length === 0 ? (
        <EmptyState icon={<IconInbox size={28} aria-hidden />} withIndicatorBackground py="lg">
          <EmptyState.Title order={3}>{t('learner.dissemination.schoolEmptyTitle')}</EmptyState.Title>
          <EmptyState.Description>{t('learner.dissemination.schoolEmpty')}</EmptyState.Description>
        </EmptyState>
      ) : (
        waiting.map((report) => (
          <ReportCard
            key={report.id}
            report={report}
            onReturn={() => setReturning(report)}
            onDecided={refresh}
          />
        ))
      )}
      {waitingList.list.pageInfo.hasNextPage && (
        <LoadMoreButton isLoading={waitingList.fetching} onClick={waitingList.loadMore} />
      )}
      {decided.length > 0 && (
        <>
          <Title order={2} fz="md" fw={600} c="gray.8" mt="md">
            {t('learner.dissemination.schoolDecided')}
          </Title>
          {decided.map((report) => (
            <ReportCard key={report.id} report={report} />
          ))}
          {decidedList.list.pageInfo.hasNextPage && (
            <LoadMoreButton isLoading={decidedList.fetching} onClick={decidedList.loadMore} />
          )}
        </>
      )}
      <ReturnDialog
        report={returning}
        onClose={() => setReturning(null)}
        onReturned={() => {
          setReturning(null);
          refresh();
        }}
      />
    </Stack>
  );
}

function ReportCard({
  report,
  onReturn,
  onDecided,
}: {
  report: Report;
  onReturn?: () => void;
  onDecided?: () => void;
}) {
  const { t, locale } = useLocale();
  const [{ fetching }, verify] = useMutation(VerifyReport);
  const [problem, setProblem] = useState<string | null>(null);
  async function doVerify() {
    setProblem(null);
    const result = (await verify({ id: report.id })).data?.verifyDisseminationReport;
    if (result?.__typename !== 'VerifyDisseminationReportSuccess') {
      setProblem(result && 'message' in result ? result.message : t('common.networkError'));
      return;
    }
    notifications.show({
      color: 'green',
      message: t('learner.dissemination.verifiedNotice', { name: report.teacherName }),
    });
    onDecided?.();
  }
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={report.teacherName}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text fw={700}>{report.teacherName}</Text>
            <Text fz="sm" c="gray.7">
              {report.trainingTitle}
            </Text>
          </Stack>
          <DisseminationStatusBadge status={report.status} label={report.statusLabel} />
        </Group>
        <Text fw={600} fz="sm">
          {report.kindLabel} · {formatLocalDate(report.heldOn, locale)}
        </Text>
        <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {report.place}
        </Text>
        <Text fz="sm">
          {t('learner.dissemination.reached', {
            teachers: report.teachersReached,
            students: report.studentsReached,
            schools: report.schoolsReached,
          })}
        </Text>
        <Text fz="sm" c="gray.8" style={{ whiteSpace: 'pre-line' }}>
          {report.description}
        </Text>
        {report.evidence.length > 0 && (
          <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {report.evidence.map((file) => (
              <li key={file.id}>
                <Anchor
                  href={`${file.url}?inline=1`}
                  target="_blank"
                  fz="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  <IconPaperclip size={14} aria-hidden /> {file.fileName}
                </Anchor>
              </li>
            ))}
          </Stack>
        )}
        {report.status === 'RETURNED' && report.returnNote && (
          <Text fz="sm" c="orange.9">
            {t('learner.dissemination.returnedNote', { note: report.returnNote })}
          </Text>
        )}
        {problem && <ErrorAlert>{problem}</ErrorAlert>}
        {onReturn && (
          <Group gap="xs" grow mt={4}>
            <Button
              h={44}
              px="xs"
              color="green"
              loading={fetching}
              onClick={() => void doVerify()}
              aria-label={t('learner.dissemination.verifyTeacher', { name: report.teacherName })}
            >
              {t('learner.dissemination.verify')}
            </Button>
            <Button
              h={44}
              px="xs"
              variant="light"
              color="orange"
              onClick={onReturn}
              aria-label={t('learner.dissemination.returnTeacher', { name: report.teacherName })}
            >
              {t('learner.dissemination.return')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function ReturnDialog({
  report,
  onClose,
  onReturned,
}: {
  report: Report | null;
  onClose: () => void;
  onReturned: () => void;
}) {
  const { t, locale } = useLocale();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, doReturn] = useMutation(ReturnReport);
  const close = () => {
    setNote('');
    setError(null);
    onClose();
  };
  async function confirm() {
    if (!report) return;
    const invalid = schemaErrors(disseminationReturnNoteSchema, note, locale, ['note']).note ?? null;
    setError(invalid);
    if (invalid) return;
    const result = (await doReturn({ id: report.id, note: note.trim() })).data?.returnDisseminationReport;
    if (result?.__typename !== 'ReturnDisseminationReportSuccess') {
      setError(result && 'message' in result ? result.message : t('common.networkError'));
      return;
    }
    notifications.show({
      color: 'gray',
      message: t('learner.dissemination.returnedNotice', { name: report.teacherName }),
    });
    setNote('');
    onReturned();
  }
  return (
    <Modal
      opened={!!report}
      onClose={close}
      title={report ? t('learner.dissemination.returnTitle', { name: report.teacherName }) : ''}
      centered
    >
      <Stack gap="md">
        <Textarea
          label={t('learner.dissemination.returnNote')}
          description={t('learner.dissemination.returnNoteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={error}
          autosize
          minRows={3}
          maxLength={1000}
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close} h={44}>
            {t('learner.dissemination.cancel')}
          </Button>
          <Button color="orange" onClick={() => void confirm()} loading={fetching} h={44}>
            {t('learner.dissemination.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
