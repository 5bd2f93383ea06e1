import { CredentialStatusBadge, useLocale } from '@kmg/ui';
import { Anchor, Badge, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCertificate, IconFileImport, IconStack2 } from '@tabler/icons-react';
import { useId } from 'react';
import { Link } from 'react-router';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import classes from './CredentialComponents.module.css';

export const CredentialComponents_credential = graphql(`
  fragment CredentialComponents_credential on Credential {
    id
    kind
    components {
      id
      credentialId
      name
      issuerName
      status
    }
    importedComponents {
      id
      achievementName
      issuerName
    }
    partOfPathways {
      id
      credentialId
      name
      status
    }
  }
`);

/** Where a credential's own page is: the owner's wallet, or its public verification page. */
export type CredentialLink = (credentialId: string) => string;

export const walletLink: CredentialLink = (id) => `/kredensial/${encodeURIComponent(id)}`;
export const verifyLink: CredentialLink = (id) => `/verify/${encodeURIComponent(id)}`;

/**
 * How a credential stacks: a pathway credential lists the credentials it was built from (each
 * linked), a training credential names the pathway credentials it is part of. Nothing for others.
 */
export function CredentialComponents({
  credential: data,
  linkOf,
  headingOrder = 3,
}: {
  credential: FragmentOf<typeof CredentialComponents_credential>;
  linkOf: CredentialLink;
  headingOrder?: 2 | 3 | 4;
}) {
  const credential = readFragment(CredentialComponents_credential, data);
  const { t } = useLocale();
  const headingId = useId();

  if (credential.kind !== 'PATHWAY') {
    if (credential.partOfPathways.length === 0) return null;
    return (
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconStack2 size={18} aria-hidden className={classes.partOfIcon} />
        <Text size="sm" c="gray.8">
          {t('learner.credentials.partOf')}{' '}
          {credential.partOfPathways.map((pathway, index) => (
            <span key={pathway.id}>
              {index > 0 && ', '}
              <Anchor component={Link} to={linkOf(pathway.credentialId)} inherit fw={600}>
                {pathway.name}
              </Anchor>
            </span>
          ))}
        </Text>
      </Group>
    );
  }

  const count = credential.components.length + credential.importedComponents.length;
  if (count === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Title order={headingOrder} fz="sm" fw={600} c="gray.8" mb={6} id={headingId}>
        {t('learner.credentials.components', { count })}
      </Title>
      <ul className={classes.list}>
        {credential.components.map((component) => (
          <li key={component.id} className={classes.item}>
            <ThemeIcon size={32} radius="md" variant="light" color="kmg" aria-hidden>
              <IconCertificate size={20} stroke={1.6} />
            </ThemeIcon>
            <div className={classes.text}>
              <Anchor component={Link} to={linkOf(component.credentialId)} size="sm" fw={600}>
                {component.name}
              </Anchor>
              <Group gap={6}>
                <Text size="xs" c="gray.7">
                  {component.issuerName}
                </Text>
                {component.status !== 'ACTIVE' && (
                  <CredentialStatusBadge status={component.status} size="xs" />
                )}
              </Group>
            </div>
          </li>
        ))}
        {credential.importedComponents.map((component) => (
          <li key={component.id} className={classes.item}>
            <ThemeIcon size={32} radius="md" variant="light" color="gray" aria-hidden>
              <IconFileImport size={20} stroke={1.6} />
            </ThemeIcon>
            <div className={classes.text}>
              <Text size="sm" fw={600}>
                {component.achievementName}
              </Text>
              <Group gap={6}>
                <Text size="xs" c="gray.7">
                  {component.issuerName}
                </Text>
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {t('learner.credentials.imported')}
                </Badge>
              </Group>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
