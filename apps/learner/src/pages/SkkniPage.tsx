import { formatDateRange, useLocale } from '@kmg/ui';
import { Anchor, Badge, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { NotFound } from '#components/NotFound.tsx';
import { referencePending } from '#components/ReferenceSkeleton.tsx';
import { SkkniCodeParts } from '#components/SkkniCodeParts.tsx';
import { VerifyCredentialLink } from '#components/VerifyCredentialLink.tsx';
import { graphql } from '#graphql.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { parseSkkniUnitCode } from '#lib/skkni.ts';
import classes from './ReferencePage.module.css';

const SkkniPageQuery = graphql(`
  query SkkniPage($code: String!) {
    skkniUnit(code: $code) {
      code
      title
      trainings {
        id
        title
        startDate
        endDate
        provider {
          id
          name
        }
      }
    }
  }
`);

/**
 * `/referensi/skkni/<code>`, where a credential's SKKNI alignments point: the unit's title, its code
 * read part by part, what its Kompeten / Belum Kompeten result means, and the KMG trainings that
 * teach and assess it.
 */
export function SkkniPage() {
  const { code: param = '' } = useParams();
  const { t, locale } = useLocale();
  const code = parseSkkniUnitCode(param);
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: SkkniPageQuery,
    variables: { code: code?.code ?? '' },
    // A malformed code names no unit: no need to ask.
    pause: !code,
  });
  const unit = data?.skkniUnit;
  usePageTitle(unit?.title ?? null);

  if (!code) {
    return (
      <NotFound
        title={t('learner.skkni.malformed')}
        description={`${t('learner.skkni.malformedHint', { code: param })} ${t('learner.skkni.codeShape')}`}
      />
    );
  }

  if (!unit) {
    const pending = referencePending({ data, error, fetching }, reexecute);
    if (pending) return pending;
    return (
      <NotFound title={t('learner.skkni.notFound')} description={t('learner.skkni.notFoundHint')}>
        <Card
          withBorder
          radius="md"
          padding="md"
          ta="start"
          w="100%"
          mt="md"
          component="section"
          aria-labelledby="code-heading"
        >
          <Title order={2} fz="md" id="code-heading">
            {t('learner.skkni.codeTitle')}{' '}
            <Text span ff="monospace" inherit>
              {code.code}
            </Text>
          </Title>
          <SkkniCodeParts code={code} />
        </Card>
      </NotFound>
    );
  }

  return (
    <Container size="sm" px="md" py="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text size="sm" c="kmg.8" fw={600}>
            {t('learner.skkni.unit')}
          </Text>
          <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.2}>
            {unit.title}
          </Title>
          <Text ff="monospace" fw={700} className={classes.unitCode}>
            {unit.code}
          </Text>
        </Stack>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="code-heading">
          <Title order={2} fz="lg" id="code-heading">
            {t('learner.skkni.codeTitle')}
          </Title>
          <SkkniCodeParts code={code} />
        </Card>

        <section aria-labelledby="result-heading">
          <Title order={2} fz="lg" id="result-heading" mb="xs">
            {t('learner.skkni.resultTitle')}
          </Title>
          <Group gap="xs" mb="xs">
            <Badge color="green" variant="light" tt="none" size="md">
              {t('learner.credentials.result.K')}
            </Badge>
            <Badge color="orange" variant="light" tt="none" size="md">
              {t('learner.credentials.result.BK')}
            </Badge>
          </Group>
          <Text size="sm" lh={1.55}>
            {t('learner.skkni.resultText')}
          </Text>
        </section>

        <section aria-labelledby="trainings-heading">
          <Group gap="xs" wrap="nowrap" align="flex-start" mb="sm">
            <IconListDetails size={22} aria-hidden className={classes.headingIcon} />
            <Title order={2} fz="lg" id="trainings-heading" lh={1.3}>
              {t('learner.skkni.trainingsTitle')}
            </Title>
          </Group>
          {unit.trainings.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('learner.skkni.noTrainings')}
            </Text>
          ) : (
            <ul className={classes.trainings}>
              {unit.trainings.map((training) => (
                <li key={training.id} className={classes.training}>
                  <Anchor
                    component={Link}
                    to={`/pelatihan/${encodeURIComponent(training.id)}`}
                    fw={600}
                    size="sm"
                  >
                    {training.title}
                  </Anchor>
                  <Text size="sm" c="gray.8">
                    {training.provider.name}
                  </Text>
                  <Text size="sm" c="gray.7">
                    {formatDateRange(training.startDate, training.endDate, locale)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </section>

        <VerifyCredentialLink />
      </Stack>
    </Container>
  );
}
