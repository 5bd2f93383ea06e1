import { formatLocalDate, formatNumber, useLocale } from '@kmg/ui';
import {
  Anchor,
  Button,
  Card,
  Container,
  EmptyState,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconFileSearch, IconShieldCheck, IconShieldSearch } from '@tabler/icons-react';
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Fact, FactList } from '#components/CredentialFacts.tsx';
import { Page } from '#components/Page.tsx';
import { QueryLoadError } from '#components/QueryState.tsx';
import classes from '#components/RplDecisionResult.module.css';
import { graphql } from '#graphql.ts';
import { usePageTitle } from '#lib/page-title.ts';
import { verifyPathOf } from '#lib/rpl-links.ts';

const RplDecreePageQuery = graphql(`
  query RplDecreePage($id: String!) {
    rplPublicDecree(id: $id) {
      id
      number
      decreedOn
      universityName
      place
      signatories
      legalBasis
      amendedByNumber
      recognitions {
        teacherName
        nuptkMasked
        totalSks
        courses
        credentialVerifyUrl
      }
    }
  }
`);

const skeleton = (
  <Stack gap="lg" aria-hidden>
    <Skeleton height={110} radius="md" />
    <Skeleton height={220} radius="md" />
    <Skeleton height={180} radius="md" />
  </Stack>
);

/**
 * "Verifikasi surat keputusan RPL": the public page behind a decree's QR code (`/verify/sk/<id>`),
 * for anyone, signed in or not. It says whether KMG holds the decree, and what it decided: who
 * signed it and on what basis, each teacher with the courses and SKS recognised, and the link to
 * each teacher's signed recognition. A decree replaced by a later one says so.
 */
export function RplDecreePage() {
  const { id = '' } = useParams();
  const { t, locale } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: RplDecreePageQuery,
    variables: { id },
    // An amendment must show the moment it is issued: always ask the API.
    requestPolicy: 'network-only',
  });
  const decree = data?.rplPublicDecree;
  usePageTitle(
    decree
      ? `${t('learner.rplResult.decreePage.title')}: ${decree.number}`
      : data && !fetching
        ? t('learner.rplResult.decreePage.notFound')
        : null,
  );
  const headingId = useId();

  if (!data || fetching) {
    return (
      <Page
        title={t('learner.rplResult.decreePage.title')}
        lead={t('learner.rplResult.decreePage.lead')}
        size="sm"
      >
        {error && !fetching ? <QueryLoadError error={error} reexecute={reexecute} /> : skeleton}
      </Page>
    );
  }

  if (!decree) {
    return (
      <Container size="sm" px="md" py="xl">
        <EmptyState icon={<IconShieldSearch size={30} aria-hidden />} withIndicatorBackground py="xl">
          <EmptyState.Title order={1}>{t('learner.rplResult.decreePage.notFound')}</EmptyState.Title>
          <EmptyState.Description>{t('learner.rplResult.decreePage.notFoundHint')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button
              component={Link}
              to="/verify"
              size="md"
              leftSection={<IconFileSearch size={20} aria-hidden />}
            >
              {t('learner.rplResult.decreePage.verifyCredential')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Container>
    );
  }

  const isAmended = !!decree.amendedByNumber;

  return (
    <Page
      title={t('learner.rplResult.decreePage.title')}
      lead={t('learner.rplResult.decreePage.lead')}
      size="sm"
    >
      <Paper
        role="status"
        radius="md"
        p="lg"
        withBorder
        style={{
          background: `var(--mantine-color-${isAmended ? 'yellow' : 'green'}-0)`,
          borderColor: `var(--mantine-color-${isAmended ? 'yellow' : 'green'}-4)`,
        }}
      >
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon
            size={52}
            radius="xl"
            color={isAmended ? 'yellow' : 'green'}
            variant="filled"
            aria-hidden
            style={{ flexShrink: 0 }}
          >
            {isAmended ? <IconAlertTriangle size={30} /> : <IconShieldCheck size={30} />}
          </ThemeIcon>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={2} fz={{ base: 20, sm: 24 }} lh={1.25} c="dark.8">
              {isAmended
                ? t('learner.rplResult.decreePage.amendedTitle')
                : t('learner.rplResult.decreePage.foundTitle')}
            </Title>
            <Text c="dark.8">
              {isAmended
                ? t('learner.rplResult.decreePage.amendedText', { number: decree.amendedByNumber })
                : t('learner.rplResult.decreePage.foundText', { university: decree.universityName })}
            </Text>
          </Stack>
        </Group>
      </Paper>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
        <Stack gap="md">
          <div>
            <Text size="sm" c="gray.7">
              {t('learner.rplResult.decreePage.number')}
            </Text>
            <Title
              order={2}
              id={headingId}
              fz={{ base: 20, sm: 24 }}
              lh={1.3}
              style={{ overflowWrap: 'anywhere' }}
            >
              {decree.number}
            </Title>
          </div>
          <FactList>
            <Fact label={t('learner.rplResult.decreePage.university')} isWideOnPhones>
              {decree.universityName}
            </Fact>
            <Fact label={t('learner.rplResult.decreePage.decreedOn')}>
              {formatLocalDate(decree.decreedOn, locale)}
            </Fact>
            <Fact label={t('learner.rplResult.decreePage.place')}>{decree.place}</Fact>
          </FactList>
          {decree.signatories.length > 0 && (
            <div>
              <Title order={3} fz="sm" fw={700} c="gray.8" mb={4}>
                {t('learner.rplResult.decreePage.signatories', { count: decree.signatories.length })}
              </Title>
              <List size="sm" spacing={4}>
                {decree.signatories.map((signatory) => (
                  <List.Item key={signatory}>{signatory}</List.Item>
                ))}
              </List>
            </div>
          )}
          {decree.legalBasis.length > 0 && (
            <div>
              <Title order={3} fz="sm" fw={700} c="gray.8" mb={4}>
                {t('learner.rplResult.decreePage.legalBasis')}
              </Title>
              <List size="sm" spacing={4} type="ordered">
                {decree.legalBasis.map((basis) => (
                  <List.Item key={basis}>{basis}</List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
      </Card>

      <Stack gap="sm" component="section" aria-labelledby={`${headingId}-recognitions`}>
        <div>
          <Title order={2} fz="lg" id={`${headingId}-recognitions`}>
            {t('learner.rplResult.decreePage.recognitions', { count: decree.recognitions.length })}
          </Title>
          <Text size="sm" c="gray.7">
            {t('learner.rplResult.decreePage.recognitionsHint')}
          </Text>
        </div>
        {decree.recognitions.map((recognition, index) => {
          const verifyPath = verifyPathOf(recognition.credentialVerifyUrl);
          const teacherHeading = `${headingId}-teacher-${index}`;
          return (
            <Card
              // The decree's order is the only identity a recognition has here.
              key={index}
              withBorder
              radius="md"
              padding="md"
              component="article"
              aria-labelledby={teacherHeading}
            >
              <Stack gap="sm">
                <Group justify="space-between" align="flex-start" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Title order={3} fz="md" id={teacherHeading}>
                      {recognition.teacherName}
                    </Title>
                    <Text size="sm" c="gray.8">
                      {t('learner.rplResult.decreePage.nuptk')}{' '}
                      <Text span inherit ff="monospace">
                        {recognition.nuptkMasked}
                      </Text>
                    </Text>
                  </div>
                  <Text fw={800} fz="lg" c="green.9" style={{ whiteSpace: 'nowrap' }}>
                    {t('learner.rplResult.recognition.sks', {
                      sks: formatNumber(recognition.totalSks, locale),
                    })}
                  </Text>
                </Group>
                <ul
                  className={classes.courses}
                  aria-label={t('learner.rplResult.decreePage.coursesOf', { name: recognition.teacherName })}
                >
                  {recognition.courses.map((course) => (
                    <li key={course} className={classes.course}>
                      <Text size="sm">{course}</Text>
                    </li>
                  ))}
                </ul>
                {verifyPath && (
                  <Anchor component={Link} to={verifyPath} size="sm" fw={600}>
                    <Group gap={4} component="span" wrap="nowrap">
                      <IconShieldCheck size={18} aria-hidden />
                      {t('learner.rplResult.decreePage.verifyRecognition')}
                    </Group>
                  </Anchor>
                )}
              </Stack>
            </Card>
          );
        })}
      </Stack>

      <Text size="xs" c="gray.7">
        {t('learner.rplResult.decreePage.note')}
      </Text>
    </Page>
  );
}
