import { TeacherCallBadge, useLocale } from '@kmg/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ApplySection, ApplySection_call } from '#components/ApplySection.tsx';
import { CallFacts, CallFacts_call } from '#components/CallFacts.tsx';
import { DeadlineCountdown } from '#components/DeadlineCountdown.tsx';
import { EligibilityReasons } from '#components/EligibilityReasons.tsx';
import { JobLinks, JobLinks_skillArea } from '#components/JobLinks.tsx';
import { NotFound } from '#components/NotFound.tsx';
import { PracticalInfo, PracticalInfo_call } from '#components/PracticalInfo.tsx';
import { ProviderRating, ProviderRating_call } from '#components/ProviderRating.tsx';
import { QueryLoadError } from '#components/QueryState.tsx';
import { graphql } from '#graphql.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { useScrollToHash } from '#lib/scroll-to-hash.ts';
import { skillAreaName } from '#lib/skill-area.ts';
import { useViewer } from '#lib/viewer.tsx';
import classes from './CallPage.module.css';

const CallPageQuery = graphql(
  `
    query CallPage($id: ID!) {
      trainingCall(id: $id) {
        id
        title
        status
        description
        learningOutcomes
        competencyUnits {
          code
          title
        }
        isAcceptingApplications
        applicationOpensAt
        applicationClosesAt
        cancellationReason
        skillArea {
          id
          nameId
          nameEn
          ...JobLinks_skillArea
        }
        provider {
          id
          name
        }
        viewerApplication {
          id
          status
        }
        viewerEligibility {
          eligible
          reasons {
            rule
            message
          }
        }
        ...CallFacts_call
        ...ApplySection_call
        ...PracticalInfo_call
        ...ProviderRating_call
      }
    }
  `,
  [CallFacts_call, ApplySection_call, PracticalInfo_call, ProviderRating_call, JobLinks_skillArea],
);

/** One call: what it teaches, its facts, and applying to it. */
export function CallPage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const viewerState = useViewer();
  const [now] = useState(() => new Date());
  const [{ data, error, fetching }, reexecute] = useQuery({ query: CallPageQuery, variables: { id } });
  const call = data?.trainingCall;
  usePageTitle(call?.title ?? (call === null ? t('common.notFound') : null));
  // A notice or "Daftar lagi" links to the application section (#daftar), drawn once the call loads.
  useScrollToHash(!!call);

  // Back to the list as the teacher left it: its filters, its loaded pages and where they had scrolled.
  const fromList = (location.state as { fromList?: string } | null)?.fromList;
  const back = (
    <Anchor
      component={Link}
      to={`/${fromList ?? ''}`}
      onClick={(event) => {
        if (fromList === undefined) return;
        event.preventDefault();
        navigate(-1);
      }}
      size="sm"
      fw={600}
      className={classes.back}
    >
      <IconArrowLeft size={16} aria-hidden /> {t('learner.call.back')}
    </Anchor>
  );

  if (!call) {
    if (fetching || (!data && !error)) return <CallPageSkeleton />;
    if (error?.networkError || (error && data === undefined)) {
      return (
        <Container size="md" px="md" py="lg">
          {back}
          <QueryLoadError error={error} reexecute={reexecute} />
        </Container>
      );
    }
    // Not published, withdrawn from view, or a mistyped link.
    return <NotFound title={t('learner.call.notFound')} description={t('learner.call.notFoundHint')} />;
  }

  const viewer = viewerState.status === 'ready' ? viewerState.viewer : null;
  // Only teachers apply; anyone signed out is asked to sign in at #daftar.
  const mayApplyNow =
    call.isAcceptingApplications &&
    viewerState.status === 'ready' &&
    (!viewer || viewer.isTeacher) &&
    (!call.viewerApplication || call.viewerApplication.status === 'WITHDRAWN');
  const isExcluded = call.viewerEligibility?.eligible === false;

  return (
    <Container size="lg" px="md" py="lg">
      <Stack gap="lg">
        {back}
        <Stack gap="xs">
          <Group gap="xs">
            <Badge variant="light" color="kmg" tt="none" size="md">
              {skillAreaName(call.skillArea, locale)}
            </Badge>
            <TeacherCallBadge
              call={call}
              applicationStatus={call.viewerApplication?.status}
              now={now}
              tt="none"
              size="md"
            />
          </Group>
          <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.25}>
            {call.title}
          </Title>
          <Text c="gray.7">{call.provider.name}</Text>
          <ProviderRating call={call} />
        </Stack>

        {call.status === 'CANCELLED' && (
          <Alert
            color="red"
            variant="light"
            icon={<IconInfoCircle size={20} aria-hidden />}
            title={t('learner.apply.cancelled')}
          >
            {call.cancellationReason}
          </Alert>
        )}

        <div className={classes.layout}>
          <Stack gap="lg" className={classes.main}>
            {mayApplyNow && isExcluded && (
              // On a phone the apply panel comes after the whole text: say at once why there is no form.
              <Card withBorder radius="md" padding="md" bg="gray.0" className={classes.jump}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <IconLock size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  <Stack gap={6} style={{ minWidth: 0 }}>
                    <Text fw={600} style={{ textWrap: 'pretty' }}>
                      {t('learner.call.notEligibleTitle')}
                    </Text>
                    <EligibilityReasons reasons={call.viewerEligibility?.reasons ?? []} />
                    <Anchor href="#daftar" size="sm" fw={600} style={{ alignSelf: 'flex-start' }}>
                      {t('learner.call.notEligibleLink')}
                    </Anchor>
                  </Stack>
                </Group>
              </Card>
            )}
            {mayApplyNow && !isExcluded && (
              <Card withBorder radius="md" padding="md" bg="kmg.0" className={classes.jump}>
                <Stack gap="sm">
                  <Group gap="xs">
                    <Text fw={600}>{t('learner.call.openNow')}</Text>
                    <DeadlineCountdown closesAt={call.applicationClosesAt} now={now} />
                  </Group>
                  <Button component="a" href="#daftar" size="md" fullWidth>
                    {t('learner.call.jumpToApply')}
                  </Button>
                </Stack>
              </Card>
            )}
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="facts-heading">
              <Title order={2} fz="xl" id="facts-heading" mb="md">
                {t('learner.call.facts')}
              </Title>
              <CallFacts call={call} />
            </Card>
            <PracticalInfo call={call} />
            <section aria-labelledby="about-heading">
              <Title order={2} fz="xl" id="about-heading" mb="sm">
                {t('learner.call.about')}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{call.description}</Text>
            </section>
            {call.learningOutcomes.length > 0 && (
              <section aria-labelledby="outcomes-heading">
                <Title order={2} fz="xl" id="outcomes-heading" mb="sm">
                  {t('learner.call.outcomes')}
                </Title>
                <List spacing="xs" type="ordered">
                  {call.learningOutcomes.map((outcome) => (
                    <List.Item key={outcome}>{outcome}</List.Item>
                  ))}
                </List>
              </section>
            )}
            {call.competencyUnits.length > 0 && (
              <section aria-labelledby="units-heading">
                <Title order={2} fz="xl" id="units-heading" mb={4}>
                  {t('learner.call.units')}
                </Title>
                <Text size="sm" c="gray.7" mb="sm">
                  {t('learner.call.unitsHint')}
                </Text>
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {call.competencyUnits.map((unit) => (
                    <li key={unit.code}>
                      <Text ff="monospace" size="sm" fw={600} c="kmg.8">
                        {unit.code}
                      </Text>
                      <Text size="sm">{unit.title}</Text>
                    </li>
                  ))}
                </Stack>
              </section>
            )}
            <JobLinks skillArea={call.skillArea} />
          </Stack>
          <div className={classes.side}>
            <ApplySection
              call={call}
              viewer={viewer}
              onStale={() => reexecute({ requestPolicy: 'network-only' })}
            />
          </div>
        </div>
      </Stack>
    </Container>
  );
}

function CallPageSkeleton() {
  const { t } = useLocale();
  return (
    <Container size="lg" px="md" py="lg" role="status" aria-busy="true" aria-label={t('common.loading')}>
      <Stack gap="md">
        <Skeleton height={14} width={140} />
        <Skeleton height={22} width={120} radius="xl" />
        <Skeleton height={30} width="90%" />
        <Skeleton height={30} width="60%" />
        <Skeleton height={16} width="40%" />
        <Skeleton height={220} radius="md" />
        <Skeleton height={16} />
        <Skeleton height={16} />
        <Skeleton height={16} width="80%" />
      </Stack>
    </Container>
  );
}
