import { formatNumber, useLocale, viewerTimeZone } from '@kmg/ui';
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconEdit, IconInfoCircle, IconRocket } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ConfirmDialog } from '#components/ConfirmDialog.tsx';
import { Fact, Facts } from '#components/Facts.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { PageNotice } from '#components/PageNotice.tsx';
import { PathwayAwards, PathwayAwards_credential } from '#components/PathwayAwards.tsx';
import { PathwayBackfillPanel, PathwayBackfillPanel_version } from '#components/PathwayBackfillPanel.tsx';
import { PathwayForm_version } from '#components/PathwayForm.tsx';
import { PathwayPreview } from '#components/PathwayPreview.tsx';
import { PathwayStatusBadge } from '#components/PathwayStatusBadge.tsx';
import { PathwayVersions, PathwayVersions_pathway } from '#components/PathwayVersions.tsx';
import { PublishPathwayDialog } from '#components/PublishPathwayDialog.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { formatCompactInstant } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { pathwayFormFromVersion } from '#lib/pathway-form.ts';
import { type LabelSources, labelKey } from '#lib/pathway-labels.ts';
import { managesPathways, useViewer } from '#lib/viewer.tsx';

const AWARDS_PAGE = 20;

const PathwayPageQuery = graphql(
  `
  query PathwayPage($id: ID!, $first: Int!) {
    pathwayVersion(id: $id) {
      ...PathwayForm_version
      illustrative
      publishedAt
      retiredAt
      awardCount
      ...PathwayBackfillPanel_version
      pathway { id code issuer { id name } versions { id version status } ...PathwayVersions_pathway }
      awards(first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id ...PathwayAwards_credential } }
      }
    }
    skillAreas { id code nameId nameEn }
    pathways(status: PUBLISHED) { id code title }
  }
`,
  [PathwayForm_version, PathwayBackfillPanel_version, PathwayVersions_pathway, PathwayAwards_credential],
);

const RetirePathway = graphql(
  `
  mutation RetirePathway($versionId: ID!) {
    retirePathway(versionId: $versionId) {
      __typename
      ... on RetirePathwaySuccess {
        data { id status retiredAt pathway { id versions { id version status publishedAt retiredAt awardCount } } }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * One version of a pathway: what it requires (as teachers see it), its facts, the actions its
 * status allows (edit the draft or draft the next version, publish after seeing what it will do,
 * retire), the backfill after publishing, every version, and the credentials awarded.
 */
export function PathwayPage() {
  const { t, locale } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const { id = '' } = useParams();
  const [awardsShown, setAwardsShown] = useState(AWARDS_PAGE);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: PathwayPageQuery,
    variables: { id: id, first: awardsShown },
    pause: !managesPathways(viewer),
  });
  const [publishing, setPublishing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [retireProblem, setRetireProblem] = useState<string | null>(null);
  const [retireState, retire] = useMutation(RetirePathway);
  const version = data?.pathwayVersion;

  const sources: LabelSources | null = useMemo(
    () =>
      data
        ? {
            saved: new Map(
              (version?.items ?? []).map((item) => [
                labelKey(item.kind as never, item.reference),
                item.label,
              ]),
            ),
            picked: new Map(),
            skillAreas: new Map(
              data.skillAreas.map((area) => [area.code, locale === 'en' ? area.nameEn : area.nameId]),
            ),
            pathways: new Map(data.pathways.map((pathway) => [pathway.code, pathway.title])),
          }
        : null,
    [data, version?.items, locale],
  );

  if (!managesPathways(viewer)) return <Navigate to="/" replace />;
  if (!data || !sources) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 36, w: '50%' }, { h: 120 }, { h: 320 }]}
      />
    );
  }
  const back = { to: '/jalur', label: t('admin.pathway.back') };
  if (!version) {
    return (
      <PageNotice title={t('admin.pathway.notFound')} text={t('admin.pathway.notFoundText')} back={back} />
    );
  }

  const zone = viewerTimeZone();
  const when = (instant: string | null) =>
    instant ? formatCompactInstant(instant, locale, zone) : t('admin.pathway.notYet');
  const { versions } = version.pathway;
  const draft = versions.find((other) => other.status === 'DRAFT' && other.id !== version.id);
  const published = versions.find((other) => other.status === 'PUBLISHED' && other.id !== version.id);
  const values = pathwayFormFromVersion({ ...version, pathway: { issuer: version.pathway.issuer } });
  const awards = version.awards;

  let actions: React.ReactNode;
  if (version.status === 'DRAFT') {
    actions = (
      <>
        <Button
          component={Link}
          to={`/jalur/${version.id}/ubah`}
          variant="default"
          leftSection={<IconEdit size={18} aria-hidden />}
        >
          {t('admin.pathway.edit')}
        </Button>
        <Button leftSection={<IconRocket size={18} aria-hidden />} onClick={() => setPublishing(true)}>
          {t('admin.pathway.publish')}
        </Button>
      </>
    );
  } else {
    actions = (
      <>
        {draft ? (
          <Button component={Link} to={`/jalur/${draft.id}`} variant="default">
            {t('admin.pathway.openDraft', { version: draft.version })}
          </Button>
        ) : (
          <Button
            component={Link}
            to={`/jalur/${version.id}/ubah`}
            variant="default"
            leftSection={<IconEdit size={18} aria-hidden />}
          >
            {t('admin.pathway.newVersion')}
          </Button>
        )}
        {version.status === 'PUBLISHED' && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconArchive size={18} aria-hidden />}
            onClick={() => setRetiring(true)}
          >
            {t('admin.pathway.retire')}
          </Button>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={version.title}
        back={back}
        focusKey={version.id}
        badge={
          <Group gap={6}>
            <Badge variant="outline" color="gray" tt="none" size="lg">
              {t('admin.pathway.versionBadge', { version: version.version })}
            </Badge>
            <PathwayStatusBadge status={version.status} size="lg" />
            {version.illustrative && (
              <Tooltip label={t('admin.pathways.illustrativeHint')}>
                <Badge variant="light" color="grape" tt="none" size="lg" tabIndex={0}>
                  {t('admin.pathways.illustrative')}
                </Badge>
              </Tooltip>
            )}
          </Group>
        }
        actions={actions}
      />
      <Stack gap="lg">
        {draft && version.status !== 'DRAFT' && (
          <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('admin.pathway.draftExists', { version: draft.version })}{' '}
            <Anchor component={Link} to={`/jalur/${draft.id}`} size="sm">
              {t('admin.pathway.openDraft', { version: draft.version })}
            </Anchor>
          </Alert>
        )}
        <PathwayBackfillPanel version={version} awardsShown={awardsShown} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Section id="pathway-facts" title={t('admin.pathway.sectionFacts')}>
              <Facts>
                <Fact label={t('admin.pathway.code')}>{version.code}</Fact>
                <Fact label={t('admin.pathway.issuer')}>{version.pathway.issuer.name}</Fact>
                <Fact label={t('admin.pathway.achievementType')}>
                  {t(`admin.delivery.achievement.type.${version.achievementType}`)}
                </Fact>
                <Fact label={t('admin.pathway.kkniLevel')}>{version.kkniLevel}</Fact>
                <Fact label={t('admin.pathway.validity')}>
                  {version.validityMonths
                    ? t('admin.pathway.validityMonths', { months: version.validityMonths })
                    : t('admin.pathway.noExpiry')}
                </Fact>
                <Fact label={t('admin.pathway.publishedAt')}>{when(version.publishedAt)}</Fact>
                {version.retiredAt && (
                  <Fact label={t('admin.pathway.retiredAt')}>{when(version.retiredAt)}</Fact>
                )}
                <Fact label={t('admin.pathway.awardCount')}>{formatNumber(version.awardCount, locale)}</Fact>
              </Facts>
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <PathwayPreview values={values} sources={sources} headingOrder={2} />
          </Grid.Col>
        </Grid>
        <Section id="pathway-versions" title={t('admin.pathway.versions.title')}>
          <PathwayVersions pathway={version.pathway} currentId={version.id} />
        </Section>
        <Section id="pathway-awards" title={t('admin.pathway.awards.title')}>
          <PathwayAwards
            awards={awards.edges.map((edge) => edge.node)}
            total={awards.totalCount}
            hasMore={awards.pageInfo.hasNextPage}
            loading={fetching}
            onMore={() => setAwardsShown((shown) => shown + AWARDS_PAGE)}
            emptyText={
              version.status === 'DRAFT'
                ? t('admin.pathway.awards.draftEmpty')
                : t('admin.pathway.awards.empty')
            }
          />
        </Section>
      </Stack>

      {version.status === 'DRAFT' && (
        <PublishPathwayDialog
          opened={publishing}
          onClose={() => setPublishing(false)}
          version={version}
          replaces={published?.version ?? null}
        />
      )}
      <ConfirmDialog
        opened={retiring}
        onClose={() => {
          setRetireProblem(null);
          setRetiring(false);
        }}
        title={t('admin.pathway.retireDialog.title', { version: version.version })}
        confirmLabel={t('admin.pathway.retireDialog.confirm')}
        confirmColor="red"
        busy={retireState.fetching}
        problem={retireProblem}
        onConfirm={async () => {
          setRetireProblem(null);
          const result = await retire({ versionId: version.id });
          const found = readProblem(result.data?.retirePathway, result.error, messages);
          if (found) {
            setRetireProblem(found.message);
            return;
          }
          notifications.show({
            color: 'green',
            message: t('admin.pathway.retireDialog.retired', { version: version.version }),
          });
          setRetiring(false);
        }}
      >
        <Text>{t('admin.pathway.retireDialog.text')}</Text>
        {!draft && (
          <Text size="sm" c="dimmed">
            {t('admin.pathway.retireDialog.noSuccessor')}
          </Text>
        )}
      </ConfirmDialog>
    </>
  );
}
