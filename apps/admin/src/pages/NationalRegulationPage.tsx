import { rplDefaultLimits } from '@kmg/domain';
import { useLocale } from '@kmg/ui';
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import {
  LayeredLimitsTable,
  ProfileCaption,
  ProfileForm,
  useDescribeLimit,
} from '#components/RegulationLimits.tsx';
import { RplProgrammeFigureCard } from '#components/RplProgrammeFigureCard.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { todayLocalDate } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { limitsToForm, parseLimits, profilesInForce, toProfileInput } from '#lib/rpl-limits.ts';
import { isRplStaff, managesNationalRegulation, useViewer } from '#lib/viewer.tsx';

const NationalRegulationQuery = graphql(`
  query NationalRegulationPage {
    nationalRegulationProfiles { id layer version citation effectiveFrom effectiveTo limits createdAt }
  }
`);

const SaveNationalProfile = graphql(
  `
  mutation SaveNationalProfile($input: RegulationProfileInput!) {
    saveRegulationProfile(layer: NATIONAL, input: $input) {
      __typename
      ... on SaveRegulationProfileSuccess { data { id layer version citation effectiveFrom effectiveTo limits createdAt } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

/**
 * The national RPL regulation profile: every version with its citation and limits, newest first,
 * and the next version (program managers and admins). RPL staff read it.
 */
export function NationalRegulationPage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const messages = useProblemMessages();
  const describe = useDescribeLimit();
  const canSee = managesNationalRegulation(viewer) || isRplStaff(viewer);
  const canSave = managesNationalRegulation(viewer);
  const [{ data, error }, reexecute] = useQuery({ query: NationalRegulationQuery, pause: !canSee });
  const [, save] = useMutation(SaveNationalProfile);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  if (!canSee) return <Navigate to="/" replace />;
  const today = todayLocalDate();
  const profiles = data?.nationalRegulationProfiles ?? [];
  const current = profilesInForce(profiles, today).get('NATIONAL');
  const next = (profiles[0]?.version ?? 0) + 1;

  return (
    <>
      <PageHeader
        title={t('admin.rpl.national.title')}
        description={t('admin.rpl.national.intro')}
        back={isRplStaff(viewer) ? { to: '/rpl', label: t('admin.rpl.programmes.back') } : undefined}
      />
      <RplProgrammeFigureCard />
      {!data ? (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 360 }, { h: 300 }]}
        />
      ) : (
        <Stack gap="xl">
          <section aria-labelledby="national-versions">
            <Title order={2} size="h3" id="national-versions" mb="sm">
              {t('admin.rpl.national.versions')}
            </Title>
            {profiles.length === 0 ? (
              <Text c="dimmed">{t('admin.rpl.national.empty')}</Text>
            ) : (
              <LayeredLimitsTable
                columns={profiles.slice(0, 4).map((profile) => ({
                  key: profile.id,
                  title:
                    profile.id === current?.id
                      ? t('admin.rpl.national.versionInForce', { version: profile.version })
                      : t('admin.rpl.national.version', { version: profile.version }),
                  caption: <ProfileCaption profile={profile} />,
                  limits: parseLimits(profile.limits) as Record<string, unknown>,
                }))}
              />
            )}
            {profiles.length > 4 && (
              <Text size="sm" c="dimmed" mt="xs">
                {t('admin.rpl.national.older', { count: profiles.length - 4 })}
              </Text>
            )}
          </section>
          {canSave && (
            <Paper
              withBorder
              radius="md"
              p={{ base: 'md', sm: 'lg' }}
              component="section"
              aria-labelledby="national-next"
            >
              <Title order={2} size="h4" id="national-next" mb="sm">
                {t('admin.rpl.national.nextTitle', { version: next })}
              </Title>
              {savedVersion !== null && (
                <Alert
                  color="teal"
                  variant="light"
                  icon={<IconCheck size={18} aria-hidden />}
                  mb="md"
                  role="status"
                >
                  {t('admin.rpl.regulation.saved', { version: savedVersion })}
                </Alert>
              )}
              <ProfileForm
                key={profiles[0]?.id ?? 'none'}
                initialValues={{
                  citation: '',
                  effectiveFrom: today,
                  effectiveTo: null,
                  limits: limitsToForm(current ? parseLimits(current.limits) : {}),
                }}
                // Under the national layer lie only the built-in defaults. The four-eyes pairs say
                // so, since "inherit" there still means four forbidden pairs, not none.
                inherited={{
                  forbiddenRolePairs: describe('forbiddenRolePairs', rplDefaultLimits.forbiddenRolePairs),
                }}
                layerNote={t('admin.rpl.national.note')}
                saveLabel={t('admin.rpl.regulation.save', { version: next })}
                onSubmit={async (values) => {
                  const result = await save({ input: toProfileInput(values) });
                  const outcome = result.data?.saveRegulationProfile;
                  const problem = readProblem(outcome, result.error, messages);
                  if (!problem && outcome?.__typename === 'SaveRegulationProfileSuccess') {
                    setSavedVersion(outcome.data.version);
                    reexecute({ requestPolicy: 'network-only' });
                  }
                  return problem;
                }}
              />
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
