import { useLocale } from '@kmg/ui';
import { Anchor, Button, Card, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCertificate, IconFileImport } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { verifyLink } from '#components/CredentialComponents.tsx';
import { DownloadJsonButton } from '#components/DownloadJsonButton.tsx';
import { VerdictLine } from '#components/VerdictLine.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import classes from './ComponentChecks.module.css';

export const ComponentChecks_credential = graphql(`
  fragment ComponentChecks_credential on Credential {
    id
    credentialId
    kind
    clrUrl
    components {
      id
      credentialId
      name
      issuerName
    }
    importedComponents {
      id
      achievementName
      issuerName
    }
  }
`);

const ComponentCheckQuery = graphql(`
  query ComponentCheck($id: String!) {
    verifyCredential(id: $id) {
      valid
      revocationReason
      suspensionReason
      checks {
        name
        code
        ok
      }
    }
  }
`);

/**
 * On a pathway credential's public page: the credentials it was built from, each verified on its
 * own (a revoked component shows here even while the pathway credential itself still holds), and
 * the CLR bundle that carries them all.
 */
export function ComponentChecks({
  credential: data,
}: {
  credential: FragmentOf<typeof ComponentChecks_credential>;
}) {
  const credential = readFragment(ComponentChecks_credential, data);
  const { t } = useLocale();
  if (credential.kind !== 'PATHWAY') return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="components-heading">
      <Title order={2} fz="lg" id="components-heading">
        {t('learner.verify.components')}
      </Title>
      <Text size="sm" c="gray.7" mb="md">
        {t('learner.verify.componentsHint')}
      </Text>
      <ul className={classes.list}>
        {credential.components.map((component) => (
          <li key={component.id} className={classes.row}>
            <ThemeIcon size={36} radius="md" variant="light" color="kmg" aria-hidden className={classes.icon}>
              <IconCertificate size={22} stroke={1.6} />
            </ThemeIcon>
            <div className={classes.text}>
              <Anchor component={Link} to={verifyLink(component.credentialId)} size="sm" fw={600}>
                {component.name}
              </Anchor>
              <Text size="xs" c="gray.7">
                {component.issuerName}
              </Text>
            </div>
            <div className={classes.status}>
              <ComponentStatus credentialId={component.credentialId} />
            </div>
          </li>
        ))}
        {credential.importedComponents.map((component) => (
          <li key={component.id} className={classes.row}>
            <ThemeIcon
              size={36}
              radius="md"
              variant="light"
              color="gray"
              aria-hidden
              className={classes.icon}
            >
              <IconFileImport size={22} stroke={1.6} />
            </ThemeIcon>
            <div className={classes.text}>
              <Text size="sm" fw={600}>
                {component.achievementName}
              </Text>
              <Text size="xs" c="gray.7">
                {component.issuerName}
              </Text>
            </div>
            <Text size="xs" c="gray.7" className={classes.status}>
              {t('learner.verify.importedComponent')}
            </Text>
          </li>
        ))}
      </ul>
      {credential.clrUrl && (
        <Group mt="md">
          <DownloadJsonButton
            url={credential.clrUrl}
            filename={`kmg-clr-${credential.credentialId}.json`}
            variant="default"
            size="sm"
          >
            {t('learner.verify.downloadClr')}
          </DownloadJsonButton>
        </Group>
      )}
    </Card>
  );
}

function ComponentStatus({ credentialId }: { credentialId: string }) {
  const { t } = useLocale();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ComponentCheckQuery,
    variables: { id: credentialId },
    // A revocation must show the moment it happened, as on the credential's own page.
    requestPolicy: 'network-only',
  });
  const verification = data?.verifyCredential;
  if (verification && !fetching) return <VerdictLine verification={verification} />;
  if (error && !fetching) {
    return (
      <Stack gap={0} align="flex-start">
        <Text size="xs" c="red.9">
          {t('learner.verify.checkFailed')}
        </Text>
        <Button
          variant="subtle"
          size="compact-xs"
          px={0}
          onClick={() => reexecute({ requestPolicy: 'network-only' })}
        >
          {t('learner.verify.retry')}
        </Button>
      </Stack>
    );
  }
  return (
    <Group gap={6} wrap="nowrap">
      <Loader size={14} />
      <Text size="xs" c="gray.7">
        {t('learner.verify.checking')}
      </Text>
    </Group>
  );
}
