import { ErrorAlert, formatLocalDate, useLocale } from '@kmg/ui';
import { Anchor, Badge, Button, Card, Container, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { NotFound } from '#components/NotFound.tsx';
import { QueryFallback, QueryLoadError } from '#components/QueryState.tsx';
import { RplCurriculum, RplCurriculum_curriculum } from '#components/RplCurriculum.tsx';
import { RplEstimate, RplEstimate_estimate } from '#components/RplEstimate.tsx';
import { RplIntake, RplIntake_intake } from '#components/RplIntake.tsx';
import { IllustrativeBadge } from '#components/RplProgrammeCard.tsx';
import { graphql } from '#graphql.ts';
import { withNext } from '#lib/next-path.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { liveApplicationFor } from '#lib/rpl-draft.ts';
import { rplApplicationPath, rplProgrammesPath } from '#lib/rpl-links.ts';
import { useViewer } from '#lib/viewer.tsx';
import classes from './CallPage.module.css';

const RplProgrammePageQuery = graphql(
  `
    query RplProgrammePage($id: ID!) {
      studyProgramme(id: $id) {
        id
        name
        degree
        mode
        accreditation
        accreditationExpiresOn
        totalSks
        semesters
        illustrative
        university {
          id
          name
          city
          province {
            code
            name
          }
        }
        openIntake {
          id
          isOpen
          ...RplIntake_intake
        }
        currentCurriculum {
          id
          ...RplCurriculum_curriculum
        }
      }
    }
  `,
  [RplIntake_intake, RplCurriculum_curriculum],
);

const RplEstimateQuery = graphql(
  `
    query RplEstimate($programmeId: ID!) {
      rplEstimate(programmeId: $programmeId) {
        __typename
        ... on RplEstimateSuccess {
          data {
            ...RplEstimate_estimate
          }
        }
        ... on Error {
          message
        }
      }
      myRplApplications {
        id
        status
        intake {
          id
        }
      }
    }
  `,
  [RplEstimate_estimate],
);

const StartRplApplication = graphql(`
  mutation StartRplApplication($intakeId: ID!) {
    startRplApplication(intakeId: $intakeId) {
      __typename
      ... on StartRplApplicationSuccess {
        data {
          id
          status
          intake {
            id
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

/**
 * One study programme: what it is, its intake, and for a teacher at once the estimate from their
 * own credentials (what would be recognised, what would add more), then the curriculum; "Ajukan
 * RPL" while the intake is open, or the way to the application already started.
 */
export function RplProgrammePage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const viewerState = useViewer();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: RplProgrammePageQuery,
    variables: { id },
  });
  const programme = data?.studyProgramme;
  usePageTitle(programme?.name ?? (programme === null ? t('common.notFound') : null));

  const fromList = (location.state as { fromList?: string } | null)?.fromList;
  const back = (
    <Anchor
      component={Link}
      to={`${rplProgrammesPath}${fromList ?? ''}`}
      onClick={(event) => {
        if (fromList === undefined) return;
        event.preventDefault();
        navigate(-1);
      }}
      size="sm"
      fw={600}
      className={classes.back}
    >
      <IconArrowLeft size={16} aria-hidden /> {t('learner.rpl.programme.back')}
    </Anchor>
  );

  if (!programme) {
    if (fetching || (!data && !error)) return <ProgrammeSkeleton />;
    if (error) {
      return (
        <Container size="md" px="md" py="lg">
          {back}
          <QueryLoadError error={error} reexecute={reexecute} />
        </Container>
      );
    }
    return <NotFound title={t('learner.rpl.programme.notFound')} />;
  }

  const viewer = viewerState.status === 'ready' ? viewerState.viewer : null;
  const place = [programme.university.city, programme.university.province?.name].filter(Boolean).join(', ');

  return (
    <Container size="md" px="md" py="lg">
      <Stack gap="lg">
        {back}
        <Stack gap="xs">
          <Group gap={6}>
            <Badge variant="light" color="kmg" tt="none" size="md">
              {t(`learner.rpl.degree.${programme.degree}`)}
            </Badge>
            <Badge variant="outline" color="gray" tt="none" size="md">
              {t(`learner.rpl.mode.${programme.mode}`)}
            </Badge>
            {programme.illustrative && <IllustrativeBadge />}
          </Group>
          <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.2}>
            {programme.name}
          </Title>
          <Text c="gray.8">
            {programme.university.name}
            {place && ` · ${place}`}
          </Text>
          <Text size="sm" c="gray.7">
            {programme.accreditation
              ? t('learner.rpl.accreditation', {
                  value: t(`learner.rpl.accreditationValue.${programme.accreditation}`),
                })
              : t('learner.rpl.noAccreditation')}
            {programme.accreditationExpiresOn &&
              ` (${formatLocalDate(programme.accreditationExpiresOn, locale, 'medium')})`}{' '}
            · {t('learner.rpl.totalSks', { sks: programme.totalSks, semesters: programme.semesters })}
          </Text>
        </Stack>

        <Card withBorder radius="md" padding="md">
          <RplIntake intake={programme.openIntake} isDetailed />
        </Card>

        {viewer?.isTeacher ? (
          <TeacherEstimate programmeId={programme.id} intake={programme.openIntake} />
        ) : (
          viewerState.status === 'ready' && (
            <Card withBorder radius="md" padding="md">
              <Stack gap="sm">
                <Text size="sm">{t('learner.rpl.programme.signInToApply')}</Text>
                {!viewer && (
                  <Button
                    component={Link}
                    to={withNext('/masuk', `${location.pathname}${location.search}`)}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('common.signIn')}
                  </Button>
                )}
              </Stack>
            </Card>
          )
        )}

        <RplCurriculum curriculum={programme.currentCurriculum} />
      </Stack>
    </Container>
  );
}

function TeacherEstimate({
  programmeId,
  intake,
}: {
  programmeId: string;
  intake: { id: string; isOpen: boolean } | null;
}) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [{ data, error }, reexecute] = useQuery({
    query: RplEstimateQuery,
    variables: { programmeId },
    // The estimate follows the wallet and the rules: work it out again on each visit.
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: starting }, start] = useMutation(StartRplApplication);
  const [problem, setProblem] = useState<string | null>(null);

  const skeleton = (
    <CardSkeleton>
      <Skeleton height={26} width="90%" />
      <Skeleton height={14} width="50%" />
      <Skeleton height={90} radius="md" />
      <Skeleton height={90} radius="md" />
    </CardSkeleton>
  );
  if (!data) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;

  const live = intake ? liveApplicationFor(data.myRplApplications, intake.id) : null;

  async function apply() {
    if (!intake) return;
    setProblem(null);
    const result = await start({ intakeId: intake.id });
    const outcome = result.data?.startRplApplication;
    if (!outcome) {
      setProblem(result.error?.networkError ? t('common.networkError') : t('learner.errors.unexpected'));
      return;
    }
    if (outcome.__typename === 'StartRplApplicationSuccess') {
      notifications.show({ color: 'green', message: t('learner.rpl.application.started') });
      navigate(rplApplicationPath(outcome.data.id));
      return;
    }
    if (outcome.code === 'RPL_ALREADY_APPLIED') reexecute({ requestPolicy: 'network-only' });
    setProblem(outcome.message);
  }

  const estimate = data.rplEstimate;
  return (
    <Stack gap="lg" component="section" aria-labelledby="estimate-heading">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={2} fz="xl" id="estimate-heading">
          {t('learner.rpl.estimate.heading')}
        </Title>
        {live ? (
          <Button component={Link} to={rplApplicationPath(live.id)} size="md">
            {t('learner.rpl.programme.seeApplication')}
          </Button>
        ) : (
          intake?.isOpen && (
            <Button size="md" onClick={apply} loading={starting}>
              {t('learner.rpl.programme.apply')}
            </Button>
          )
        )}
      </Group>
      {problem && <ErrorAlert>{problem}</ErrorAlert>}
      {estimate.__typename === 'RplEstimateSuccess' ? (
        <RplEstimate estimate={estimate.data} />
      ) : (
        <ErrorAlert title={t('learner.rpl.estimate.failed')}>
          {'message' in estimate ? estimate.message : null}
        </ErrorAlert>
      )}
      {!live && !intake?.isOpen && (
        <Text size="sm" c="gray.7">
          {t('learner.rpl.programme.applyClosed')}
        </Text>
      )}
    </Stack>
  );
}

function ProgrammeSkeleton() {
  return (
    <Container size="md" px="md" py="lg">
      <Stack gap="lg">
        <Skeleton height={20} width={160} />
        <Skeleton height={32} width="80%" />
        <Skeleton height={16} width="60%" />
        <Skeleton height={90} radius="md" />
        <Skeleton height={200} radius="md" />
      </Stack>
    </Container>
  );
}
