import { useLocale } from '@kmg/ui';
import { Alert, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { QueryPending } from '#components/QueryPending.tsx';
import {
  LayeredLimitsTable,
  ProfileCaption,
  ProfileForm,
  useDescribeLimit,
} from '#components/RegulationLimits.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql } from '#graphql.ts';
import { todayLocalDate } from '#lib/format.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import {
  effectiveLimits,
  type LimitKey,
  limitDefinitions,
  limitsToForm,
  parseLimits,
  profilesInForce,
  toProfileInput,
} from '#lib/rpl-limits.ts';

const RplRegulationQuery = graphql(`
  query RplRegulationPage($id: ID!) {
    studyProgramme(id: $id) {
      id
      name
      canManage
      university { id name }
      regulationProfiles { id layer version citation effectiveFrom effectiveTo limits }
    }
  }
`);

const SaveRegulationProfile = graphql(
  `
  mutation SaveRegulationProfile($layer: ProfileLayer!, $universityId: ID, $programmeId: ID, $input: RegulationProfileInput!) {
    saveRegulationProfile(layer: $layer, universityId: $universityId, programmeId: $programmeId, input: $input) {
      __typename
      ... on SaveRegulationProfileSuccess { data { id layer version citation effectiveFrom effectiveTo limits } }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

const layers = ['NATIONAL', 'UNIVERSITY', 'PROGRAMME'] as const;

/**
 * The limits that apply to the programme, layer by layer (national, the university's override,
 * the programme's), and the next version of the university's or the programme's override.
 */
export function RplRegulationPage() {
  const { t } = useLocale();
  const { id = '' } = useParams();
  const messages = useProblemMessages();
  const describe = useDescribeLimit();
  const [layer, setLayer] = useState<'PROGRAMME' | 'UNIVERSITY'>('PROGRAMME');
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [{ data, error }, reexecute] = useQuery({ query: RplRegulationQuery, variables: { id } });
  const [, save] = useMutation(SaveRegulationProfile);
  const today = todayLocalDate();
  const programme = data?.studyProgramme;
  const inForce = useMemo(
    () => profilesInForce(programme?.regulationProfiles ?? [], today),
    [programme, today],
  );

  if (!programme) {
    return (
      <QueryPending
        error={error}
        onRetry={() => reexecute({ requestPolicy: 'network-only' })}
        blocks={[{ h: 360 }, { h: 300 }]}
      />
    );
  }
  const effective = effectiveLimits(inForce);
  // What would apply without the layer being edited: the layers under it.
  const under = new Map(
    [...inForce].filter(([key]) => (layer === 'PROGRAMME' ? key !== 'PROGRAMME' : key === 'NATIONAL')),
  );
  const inheritedValues = effectiveLimits(under);
  const inherited = Object.fromEntries(
    limitDefinitions.map(({ key }) => [key, describe(key, inheritedValues[key].value)]),
  ) as Record<LimitKey, string>;
  const current = inForce.get(layer);
  const latest = [...programme.regulationProfiles]
    .filter((profile) => profile.layer === layer)
    .sort((a, b) => b.version - a.version)[0];

  return (
    <Stack gap="xl">
      <section aria-labelledby="limits-title">
        <Title order={2} size="h3" id="limits-title" mb={4}>
          {t('admin.rpl.regulation.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('admin.rpl.regulation.intro')}
        </Text>
        <LayeredLimitsTable
          columns={layers.map((key) => {
            const profile = inForce.get(key);
            return {
              key,
              title: t(`admin.rpl.limits.layer.${key}`),
              caption: profile ? (
                <ProfileCaption profile={profile} />
              ) : (
                <Text size="xs" c="dimmed">
                  {t('admin.rpl.regulation.noProfile')}
                </Text>
              ),
              limits: profile ? (parseLimits(profile.limits) as Record<string, unknown>) : null,
            };
          })}
          effective={effective}
        />
      </section>

      {programme.canManage && (
        <Paper
          withBorder
          radius="md"
          p={{ base: 'md', sm: 'lg' }}
          component="section"
          aria-labelledby="override-title"
        >
          <Title order={2} size="h4" id="override-title" mb="sm">
            {t('admin.rpl.regulation.overrideTitle')}
          </Title>
          <SegmentedControl
            mb="md"
            value={layer}
            onChange={(next) => {
              setLayer(next as 'PROGRAMME' | 'UNIVERSITY');
              setSavedVersion(null);
            }}
            data={[
              { value: 'PROGRAMME', label: t('admin.rpl.regulation.forProgramme') },
              {
                value: 'UNIVERSITY',
                label: t('admin.rpl.regulation.forUniversity', { university: programme.university.name }),
              },
            ]}
            aria-label={t('admin.rpl.regulation.layerLabel')}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
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
            key={`${layer}-${latest?.id ?? 'none'}`}
            initialValues={{
              citation: '',
              effectiveFrom: today,
              effectiveTo: null,
              limits: limitsToForm(
                current ? parseLimits(current.limits) : {},
                inheritedValues.forbiddenRolePairs.value,
              ),
            }}
            inherited={inherited}
            layerNote={
              layer === 'UNIVERSITY'
                ? t('admin.rpl.regulation.universityNote', {
                    university: programme.university.name,
                    version: (latest?.version ?? 0) + 1,
                  })
                : t('admin.rpl.regulation.programmeNote', { version: (latest?.version ?? 0) + 1 })
            }
            saveLabel={t('admin.rpl.regulation.save', { version: (latest?.version ?? 0) + 1 })}
            onSubmit={async (values) => {
              const result = await save({
                layer,
                programmeId: layer === 'PROGRAMME' ? programme.id : null,
                universityId: layer === 'UNIVERSITY' ? programme.university.id : null,
                input: toProfileInput(values),
              });
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
  );
}
