import { formatNumber, useLocale } from '@kmg/ui';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconScale } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, Navigate } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { PathwayStatusBadge } from '#components/PathwayStatusBadge.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { graphql, type ResultOf } from '#graphql.ts';
import { type PathwaySummary, summarizePathways } from '#lib/pathway-list.ts';
import { managesPathways, useViewer } from '#lib/viewer.tsx';

const PathwaysPageQuery = graphql(`
  query PathwaysPage {
    pathways {
      id
      code
      version
      status
      title
      illustrative
      awardCount
      backfillStatus
      backfillTotal
      backfillDone
      pathway { id }
    }
    pathwayAwardReviews(open: true) { id }
  }
`);

type Version = ResultOf<typeof PathwaysPageQuery>['pathways'][number];
type Row = PathwaySummary<Version>;

function TitleCell({ row }: { row: Row }) {
  const { t } = useLocale();
  return (
    <div>
      <Text size="sm">{row.current.title}</Text>
      {row.current.illustrative && (
        <Badge
          variant="light"
          color="grape"
          size="xs"
          tt="none"
          mt={4}
          title={t('admin.pathways.illustrativeHint')}
        >
          {t('admin.pathways.illustrative')}
        </Badge>
      )}
    </div>
  );
}

/** The version in force and its status, with a draft waiting behind it. */
function VersionCell({ row }: { row: Row }) {
  const { t } = useLocale();
  return (
    <div>
      <Group gap={6} wrap="wrap">
        <Text size="sm">{t('admin.pathways.versionStatus', { version: row.current.version })}</Text>
        <PathwayStatusBadge status={row.current.status} size="sm" />
      </Group>
      {row.pendingDraft && (
        <Anchor component={Link} to={`/jalur/${row.pendingDraft.id}`} size="xs" display="block" mt={4}>
          {t('admin.pathways.draftPending', { version: row.pendingDraft.version })}
        </Anchor>
      )}
    </div>
  );
}

/** How far the first awarding of the version in force is. */
function BackfillCell({ version }: { version: Version }) {
  const { t, locale } = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  if (!version.backfillStatus) return null;
  return (
    <Stack gap={4} miw={90}>
      <Text size="xs" c={version.backfillStatus === 'FAILED' ? 'red.8' : undefined}>
        {t(`admin.pathways.backfillShort.${version.backfillStatus}`, {
          done: number(version.backfillDone),
          total: number(version.backfillTotal),
        })}
      </Text>
      {version.backfillStatus === 'RUNNING' && (
        <Progress
          size="sm"
          radius="xl"
          striped
          animated
          value={version.backfillTotal > 0 ? (100 * version.backfillDone) / version.backfillTotal : 0}
          aria-hidden
        />
      )}
    </Stack>
  );
}

const POLL_MS = 2500;

/** Every pathway once: its current version (published, else the newest), awards and first awarding. */
export function PathwaysPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const [{ data, error }, reexecute] = useQuery({
    query: PathwaysPageQuery,
    pause: !managesPathways(viewer),
  });
  const rows = data ? summarizePathways(data.pathways) : [];
  const isRunning = rows.some((row) => row.current.backfillStatus === 'RUNNING');

  // A backfill started from here or elsewhere moves on while the list is open.
  useEffect(() => {
    if (!isRunning) return;
    const timer = window.setInterval(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [isRunning, reexecute]);

  if (!managesPathways(viewer)) return <Navigate to="/" replace />;
  const openReviews = data?.pathwayAwardReviews.length ?? 0;
  const number = (value: number) => formatNumber(value, locale);

  return (
    <>
      <PageHeader
        title={t('admin.pathways.title')}
        description={t('admin.pathways.intro')}
        actions={
          <>
            <Button
              component={Link}
              to="/jalur/tinjauan"
              variant="default"
              leftSection={<IconScale size={18} aria-hidden />}
              rightSection={
                openReviews > 0 ? (
                  <Badge
                    color="red"
                    size="sm"
                    circle
                    aria-label={t('admin.pathways.openReviews', { count: openReviews })}
                  >
                    {openReviews}
                  </Badge>
                ) : undefined
              }
            >
              {t('admin.pathways.reviewsLink')}
            </Button>
            <Button component={Link} to="/jalur/baru" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('admin.pathways.create')}
            </Button>
          </>
        }
      />
      {!data ? (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 44 }, { h: 44 }, { h: 44 }]}
        />
      ) : rows.length === 0 ? (
        <Paper withBorder radius="md">
          <Stack align="center" gap="sm" py={48} px="md" ta="center">
            <Title order={2} size="h4">
              {t('admin.pathways.empty')}
            </Title>
            <Text c="dimmed">{t('admin.pathways.emptyCreate')}</Text>
            <Button component={Link} to="/jalur/baru" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('admin.pathways.create')}
            </Button>
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('admin.pathways.count', { count: rows.length })}
          </Text>
          {/* A phone gets one card per pathway; wider screens the table. */}
          <Stack gap="sm" hiddenFrom="sm">
            {rows.map((row) => (
              <Paper key={row.pathwayId} withBorder radius="md" p="md" component="article">
                <Stack gap={6}>
                  <Anchor component={Link} to={`/jalur/${row.current.id}`} fw={700} className="pathway-code">
                    {row.current.code}
                  </Anchor>
                  <TitleCell row={row} />
                  <VersionCell row={row} />
                  <Group justify="space-between" gap="sm" align="flex-start">
                    <Text size="sm">
                      {t('admin.pathways.column.awards')}: <b>{number(row.awardCount)}</b>
                    </Text>
                    {row.current.backfillStatus && <BackfillCell version={row.current} />}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
          <Paper withBorder radius="md" px={4} visibleFrom="sm">
            <Table.ScrollContainer minWidth={680} type="native" pos="relative">
              <Table
                verticalSpacing="sm"
                horizontalSpacing="sm"
                fz="sm"
                className="data-table"
                highlightOnHover
              >
                <VisuallyHidden component="caption">{t('admin.pathways.tableCaption')}</VisuallyHidden>
                <colgroup>
                  <col style={{ width: '22%' }} />
                  <col style={{ width: '32%' }} />
                  <col style={{ width: '20%' }} />
                  <col style={{ width: '10%' }} />
                  <col style={{ width: '16%' }} />
                </colgroup>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.pathways.column.code')}</Table.Th>
                    <Table.Th>{t('admin.pathways.column.title')}</Table.Th>
                    <Table.Th>{t('admin.pathways.column.version')}</Table.Th>
                    <Table.Th style={{ textAlign: 'right' }}>{t('admin.pathways.column.awards')}</Table.Th>
                    <Table.Th>{t('admin.pathways.column.backfill')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.pathwayId}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/jalur/${row.current.id}`}
                          fw={600}
                          size="sm"
                          className="pathway-code"
                        >
                          {row.current.code}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <TitleCell row={row} />
                      </Table.Td>
                      <Table.Td>
                        <VersionCell row={row} />
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{number(row.awardCount)}</Table.Td>
                      <Table.Td>
                        {row.current.backfillStatus ? (
                          <BackfillCell version={row.current} />
                        ) : (
                          <Text size="sm" c="dimmed">
                            {t('admin.pathways.noBackfill')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </Stack>
      )}
    </>
  );
}
