import { useLocale } from '@kmg/ui';
import { Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useId } from 'react';
import { useQuery } from 'urql';
import { QueryFallback } from '#components/QueryState.tsx';
import { graphql } from '#graphql.ts';
import { formatDay } from '#lib/format-day.ts';

const MyImportedCredentialsQuery = graphql(`
  query MyImportedCredentials {
    myImportedCredentials {
      id
      credentialId
      achievementName
      issuerName
      validFrom
      validUntil
      importedAt
    }
  }
`);

/**
 * The credentials a teacher brought in from other issuers. `isListedWhenEmpty` shows the section
 * with an empty line (on the import page); the wallet leaves it out until there is one.
 */
export function ImportedCredentials({ isListedWhenEmpty = false }: { isListedWhenEmpty?: boolean }) {
  const { t, locale } = useLocale();
  const headingId = useId();
  const [{ data, error }, reexecute] = useQuery({
    query: MyImportedCredentialsQuery,
    requestPolicy: 'cache-and-network',
  });
  const imported = data?.myImportedCredentials;
  if (imported && imported.length === 0 && !isListedWhenEmpty) return null;

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} mt="md">
      <div>
        <Title order={2} fz="lg" id={headingId}>
          {t('learner.imports.listTitle')}
        </Title>
        <Text size="sm" c="gray.7">
          {t('learner.imports.listHint')}
        </Text>
      </div>
      {!imported ? (
        <QueryFallback error={error} reexecute={reexecute} skeleton={<Skeleton height={72} radius="md" />} />
      ) : imported.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('learner.imports.listEmpty')}
        </Text>
      ) : (
        imported.map((credential) => (
          <Card key={credential.id} withBorder radius="md" padding="md" component="article">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon
                size={40}
                radius="md"
                variant="light"
                color="gray"
                aria-hidden
                style={{ flexShrink: 0 }}
              >
                <IconFileImport size={24} stroke={1.6} />
              </ThemeIcon>
              <div style={{ minWidth: 0 }}>
                <Title order={3} fz="md" lh={1.3}>
                  {credential.achievementName}
                </Title>
                <Text size="sm" c="gray.7">
                  {credential.issuerName}
                </Text>
                <Text size="xs" c="gray.7" mt={4}>
                  {[
                    t('learner.imports.issuedOn', { date: formatDay(credential.validFrom, locale) }),
                    credential.validUntil &&
                      t('learner.imports.validUntil', { date: formatDay(credential.validUntil, locale) }),
                    t('learner.imports.importedOn', { date: formatDay(credential.importedAt, locale) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
