import { useLocale } from '@kmg/ui';
import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { CardSkeleton } from '#components/CardSkeleton.tsx';
import { EmptyList } from '#components/EmptyList.tsx';
import { LockedNotice } from '#components/LockedNotice.tsx';
import { Page } from '#components/Page.tsx';
import { PathwayCard, PathwayCard_pathway } from '#components/PathwayCard.tsx';
import { QueryFallback } from '#components/QueryState.tsx';
import type { CredentialNames } from '#components/RequirementTree.tsx';
import { RequireSignIn } from '#components/RequireSignIn.tsx';
import { graphql } from '#graphql.ts';
import { useScrollToHash } from '#lib/scroll-to-hash.ts';

const PathwaysPageQuery = graphql(
  `
    query PathwaysPage {
      myPathways {
        concernsTeacher
        version {
          id
        }
        ...PathwayCard_pathway
      }
      myCredentials {
        id
        credentialId
        name
      }
      myImportedCredentials {
        id
        credentialId
        achievementName
      }
    }
  `,
  [PathwayCard_pathway],
);

const skeleton = (
  <CardSkeleton>
    <Skeleton height={20} width={140} radius="xl" />
    <Skeleton height={24} width="75%" />
    <Skeleton height={14} width="50%" />
    <Skeleton height={12} radius="xl" />
    <Skeleton height={160} radius="md" />
  </CardSkeleton>
);

/**
 * "Jalur": every published pathway with the teacher's standing on it, those their credentials
 * already touch first, the others below to start on.
 */
export function PathwaysPage() {
  const { t } = useLocale();
  return (
    <Page title={t('learner.pathways.title')} lead={t('learner.pathways.lead')} size="sm">
      <RequireSignIn fallback={skeleton}>
        {(viewer) =>
          viewer.isTeacher ? (
            <PathwayList />
          ) : (
            <LockedNotice>{t('learner.pathways.teachersOnly')}</LockedNotice>
          )
        }
      </RequireSignIn>
    </Page>
  );
}

function PathwayList() {
  const { t } = useLocale();
  const [{ data, error }, reexecute] = useQuery({
    query: PathwaysPageQuery,
    // Awards arrive from the queue moments after a credential is issued: look again on each visit.
    requestPolicy: 'cache-and-network',
  });
  const credentialNames: CredentialNames = useMemo(() => {
    const names = new Map<string, { name: string; isImported: boolean }>();
    for (const credential of data?.myCredentials ?? [])
      names.set(credential.credentialId, { name: credential.name, isImported: false });
    for (const credential of data?.myImportedCredentials ?? [])
      names.set(credential.credentialId, { name: credential.achievementName, isImported: true });
    return names;
  }, [data?.myCredentials, data?.myImportedCredentials]);

  useScrollToHash(!!data);

  if (!data) return <QueryFallback error={error} reexecute={reexecute} skeleton={skeleton} />;

  const pathways = data.myPathways;
  if (pathways.length === 0) {
    return (
      <EmptyList
        icon={IconRoute}
        title={t('learner.pathways.emptyTitle')}
        description={t('learner.pathways.emptyText')}
        actions={
          <Button component={Link} to="/" size="md">
            {t('learner.pathways.browse')}
          </Button>
        }
      />
    );
  }

  const mine = pathways.filter((pathway) => pathway.concernsTeacher);
  const others = pathways.filter((pathway) => !pathway.concernsTeacher);

  return (
    <Stack gap="xl">
      {mine.length > 0 && (
        <PathwaySection
          id="mine-heading"
          title={t('learner.pathways.mine')}
          hint={t('learner.pathways.mineHint')}
        >
          {mine.map((pathway) => (
            <PathwayCard key={pathway.version.id} pathway={pathway} credentialNames={credentialNames} />
          ))}
        </PathwaySection>
      )}
      {others.length > 0 && (
        <PathwaySection
          id="others-heading"
          title={t('learner.pathways.others')}
          hint={t('learner.pathways.othersHint')}
        >
          {others.map((pathway) => (
            <PathwayCard
              key={pathway.version.id}
              pathway={pathway}
              credentialNames={credentialNames}
              isCompact
            />
          ))}
        </PathwaySection>
      )}
    </Stack>
  );
}

function PathwaySection({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="md" component="section" aria-labelledby={id}>
      <div>
        <Title order={2} fz="xl" id={id}>
          {title}
        </Title>
        <Text size="sm" c="gray.7">
          {hint}
        </Text>
      </div>
      {children}
    </Stack>
  );
}
