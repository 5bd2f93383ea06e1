import { useLocale } from '@kmg/ui';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { JobLinksForm } from '#components/JobLinksForm.tsx';
import { PageHeader } from '#components/PageHeader.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { useProblemMessages } from '#components/use-problem-messages.ts';
import { graphql, type ResultOf } from '#graphql.ts';
import { jobLinkRow, toJobLinksInput } from '#lib/job-links-form.ts';
import { MutationProblem_error, readProblem } from '#lib/mutation-result.ts';
import { useLanguageRefetch } from '#lib/use-language-refetch.ts';
import { managesPathways, useViewer } from '#lib/viewer.tsx';

const JobLinksPageQuery = graphql(`
  query JobLinksPage {
    skillAreas {
      id
      name
      jobLinks { name url descriptionId descriptionEn }
    }
  }
`);

const SetSkillAreaJobLinks = graphql(
  `
  mutation SetSkillAreaJobLinks($skillAreaId: ID!, $links: [JobLinkInput!]!) {
    setSkillAreaJobLinks(skillAreaId: $skillAreaId, links: $links) {
      __typename
      ... on SetSkillAreaJobLinksSuccess {
        data { id jobLinks { name url descriptionId descriptionEn } }
      }
      ...MutationProblem_error
    }
  }
`,
  [MutationProblem_error],
);

type SkillArea = ResultOf<typeof JobLinksPageQuery>['skillAreas'][number];

/**
 * Where teachers send their students for work and apprenticeships, per skill area (SiapKerja,
 * Karirhub...): shown on the learner's call and credential pages. Program managers and admins.
 */
export function JobLinksPage() {
  const { t } = useLocale();
  const viewer = useViewer();
  const canEdit = managesPathways(viewer);
  const [{ data, error }, reexecute] = useQuery({ query: JobLinksPageQuery, pause: !canEdit });
  // The skill areas' names come in the reader's language.
  useLanguageRefetch(reexecute);
  const [editing, setEditing] = useState<string | null>(null);
  if (!canEdit) return <Navigate to="/" replace />;

  return (
    <Stack gap="lg">
      <PageHeader title={t('admin.jobLinks.title')} description={t('admin.jobLinks.lead')} />
      {!data ? (
        <QueryPending
          error={error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 160 }, { h: 160 }]}
        />
      ) : (
        data.skillAreas.map((area) => (
          <SkillAreaLinks
            key={area.id}
            area={area}
            isEditing={editing === area.id}
            onEdit={() => setEditing(area.id)}
            onDone={() => setEditing(null)}
          />
        ))
      )}
    </Stack>
  );
}

function SkillAreaLinks({
  area,
  isEditing,
  onEdit,
  onDone,
}: {
  area: SkillArea;
  isEditing: boolean;
  onEdit: () => void;
  onDone: () => void;
}) {
  const { t, locale } = useLocale();
  const messages = useProblemMessages();
  const [, save] = useMutation(SetSkillAreaJobLinks);
  const headingId = `job-links-${area.id.replace(/[^\w-]/g, '')}`;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Title order={2} fz="lg" id={headingId}>
          {area.name}
        </Title>
        {!isEditing && (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={onEdit}
            aria-label={t('admin.jobLinks.editArea', { area: area.name })}
            style={{ flexShrink: 0 }}
          >
            {t('admin.jobLinks.edit')}
          </Button>
        )}
      </Group>
      {isEditing ? (
        <JobLinksForm
          formId={`${headingId}-form`}
          areaName={area.name}
          initialValues={{ links: area.jobLinks.map((link) => jobLinkRow(link)) }}
          onCancel={onDone}
          onSubmit={async (values) => {
            const result = await save({ skillAreaId: area.id, links: toJobLinksInput(values) });
            const outcome = result.data?.setSkillAreaJobLinks;
            const problem = readProblem(outcome, result.error, messages);
            if (problem || outcome?.__typename !== 'SetSkillAreaJobLinksSuccess') return problem;
            notifications.show({ color: 'teal', message: t('admin.jobLinks.saved', { area: area.name }) });
            onDone();
            return null;
          }}
        />
      ) : area.jobLinks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.jobLinks.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {area.jobLinks.map((link) => (
            <li key={link.name}>
              <Anchor href={link.url} target="_blank" rel="noopener noreferrer" fw={600}>
                {link.name}
                <IconExternalLink size={14} aria-hidden style={{ marginLeft: 4, verticalAlign: -2 }} />
              </Anchor>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {link.url}
              </Text>
              <Text size="sm">{locale === 'en' ? link.descriptionEn : link.descriptionId}</Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
