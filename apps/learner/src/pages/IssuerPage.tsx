import { useLocale } from '@kmg/ui';
import {
  Anchor,
  Button,
  Card,
  Code,
  Container,
  Group,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconBuildingBank, IconExternalLink, IconJson, IconKey, IconShieldSearch } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Fact, FactList } from '#components/CredentialFacts.tsx';
import { NotFound } from '#components/NotFound.tsx';
import { referencePending } from '#components/ReferenceSkeleton.tsx';
import { VerifyCredentialLink } from '#components/VerifyCredentialLink.tsx';
import { graphql } from '#graphql.ts';
import { usePageTitle } from '#lib/page-title.ts';
import classes from './ReferencePage.module.css';

const IssuerPageQuery = graphql(`
  query IssuerPage($slug: String!) {
    issuer(slug: $slug) {
      slug
      name
      kind
      city
      province {
        code
        name
      }
      website
      parentName
      parentSlug
      did
      didDocumentUrl
      credentialCount
    }
  }
`);

/** Where a credential's issuer (`issuer.url`, `parentOrg.id`) is described: `/issuers/<slug>`. */
const issuerPath = (slug: string) => `/issuers/${encodeURIComponent(slug)}`;

/**
 * The public page behind an issuer's link in a credential: who the training provider (or the
 * directorate above it) is, and the key its credentials are signed with, for a verifier who wants
 * to know whom they are trusting.
 */
export function IssuerPage() {
  const { slug = '' } = useParams();
  const { t } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({ query: IssuerPageQuery, variables: { slug } });
  const issuer = data?.issuer;
  usePageTitle(issuer?.name ?? null);

  if (!issuer) {
    const pending = referencePending({ data, error, fetching }, reexecute);
    if (pending) return pending;
    return (
      <NotFound
        title={t('learner.issuer.notFound')}
        description={t('learner.issuer.notFoundHint')}
        actions={
          <Button
            component={Link}
            to="/verify"
            size="md"
            leftSection={<IconShieldSearch size={20} aria-hidden />}
          >
            {t('learner.issuer.verify')}
          </Button>
        }
      />
    );
  }

  const place = [issuer.city, issuer.province?.name].filter(Boolean).join(', ');

  return (
    <Container size="sm" px="md" py="lg">
      <Stack gap="lg">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={52} radius="md" variant="light" color="kmg" aria-hidden>
            <IconBuildingBank size={30} stroke={1.6} />
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Text size="sm" c="kmg.8" fw={600} mb={2}>
              {t(`learner.issuer.kinds.${issuer.kind}`, { defaultValue: issuer.kind })}
            </Text>
            <Title order={1} fz={{ base: 24, sm: 32 }} lh={1.2}>
              {issuer.name}
            </Title>
          </div>
        </Group>

        <FactList>
          {place && (
            <Fact label={t('learner.issuer.location')} isWideOnPhones>
              {place}
            </Fact>
          )}
          {issuer.website && (
            <Fact label={t('learner.issuer.website')} isWideOnPhones>
              <Anchor href={issuer.website} target="_blank" rel="noopener noreferrer" inherit>
                {websiteLabel(issuer.website)}
                <IconExternalLink size={14} aria-hidden className={classes.external} />
                <VisuallyHidden>{t('learner.issuer.opensElsewhere')}</VisuallyHidden>
              </Anchor>
            </Fact>
          )}
          {issuer.parentName && (
            <Fact label={t('learner.issuer.parent')} isWideOnPhones>
              {issuer.parentSlug ? (
                <Anchor component={Link} to={issuerPath(issuer.parentSlug)} inherit>
                  {issuer.parentName}
                </Anchor>
              ) : (
                issuer.parentName
              )}
            </Fact>
          )}
          <Fact label={t('learner.issuer.credentials')} isWideOnPhones>
            {t('learner.issuer.credentialCount', { count: issuer.credentialCount })}
          </Fact>
        </FactList>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="key-heading">
          <Stack gap="sm">
            <Group gap="xs" wrap="nowrap">
              <IconKey size={22} aria-hidden className={classes.headingIcon} />
              <Title order={2} fz="lg" id="key-heading">
                {t('learner.issuer.keyTitle')}
              </Title>
            </Group>
            <Text size="sm" lh={1.55}>
              {t('learner.issuer.keyText', { name: issuer.name })}
            </Text>
            <div>
              <Text size="xs" fw={600} c="gray.8" mb={4}>
                {t('learner.issuer.did')}
              </Text>
              <Code block className={classes.code}>
                {issuer.did}
              </Code>
            </div>
            <Group gap="lg">
              <Anchor href={issuer.didDocumentUrl} size="sm" fw={600}>
                <Group gap={4} component="span" wrap="nowrap">
                  <IconJson size={18} aria-hidden />
                  {t('learner.issuer.didDocument')}
                </Group>
              </Anchor>
              <VerifyCredentialLink />
            </Group>
          </Stack>
        </Card>
      </Stack>
    </Container>
  );
}

/** `https://www.example.co.id/` reads as `example.co.id`. */
function websiteLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
