import { formatInstant, useLocale } from '@kmg/ui';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconArrowDown } from '@tabler/icons-react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { rplApplicationSections } from '#lib/rpl-links.ts';
import { returnNote } from '#lib/rpl-result.ts';

export const RplReturnedNotice_application = graphql(`
  fragment RplReturnedNotice_application on RplApplication {
    id
    status
    missingItems
    evidenceRequest
    evidenceRequestedAt
  }
`);

/**
 * The completeness check returned the application: what is missing, the officer's note, and what
 * the teacher does about it, first on the page (notices link here: `#kekurangan`). The button
 * takes them to the part of the form where files are added (`evidenceSectionId`).
 */
export function RplReturnedNotice({
  application: data,
  evidenceSectionId,
}: {
  application: FragmentOf<typeof RplReturnedNotice_application>;
  evidenceSectionId: string;
}) {
  const application = readFragment(RplReturnedNotice_application, data);
  const { t, locale } = useLocale();
  if (application.status !== 'EVIDENCE_REQUESTED') return null;
  const items = application.missingItems;
  // A request made before missing items were listed one by one is its text alone.
  const note =
    items.length > 0 ? returnNote(application.evidenceRequest, items) : application.evidenceRequest;

  function goToEvidence() {
    const section = document.getElementById(evidenceSectionId);
    section?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    section?.focus({ preventScroll: true });
  }

  return (
    <Alert
      id={rplApplicationSections.returned}
      tabIndex={-1}
      color="orange"
      variant="light"
      radius="md"
      icon={<IconArrowBackUp size={22} aria-hidden />}
      title={t('learner.rplResult.returned.title')}
      styles={{ title: { fontSize: 'var(--mantine-font-size-md)' } }}
      style={{ scrollMarginTop: 72, outline: 'none' }}
    >
      <Stack gap="sm">
        {items.length > 0 && (
          <div>
            <Text size="sm" c="dark.8">
              {t('learner.rplResult.returned.itemsLead', { count: items.length })}
            </Text>
            <List type="ordered" size="sm" spacing={4} mt={6} fw={600} c="dark.8">
              {items.map((item) => (
                <List.Item key={item}>{item}</List.Item>
              ))}
            </List>
          </div>
        )}
        {note && (
          <div>
            <Text size="sm" fw={600} c="dark.8">
              {t('learner.rplResult.returned.note')}
            </Text>
            <Text size="sm" c="dark.8" style={{ whiteSpace: 'pre-wrap' }}>
              {note}
            </Text>
          </div>
        )}
        <div>
          <Text size="sm" fw={600} c="dark.8">
            {t('learner.rplResult.returned.whatToDo')}
          </Text>
          <List type="ordered" size="sm" spacing={4} mt={4} c="dark.8">
            <List.Item>{t('learner.rplResult.returned.step1')}</List.Item>
            <List.Item>{t('learner.rplResult.returned.step2')}</List.Item>
            <List.Item>{t('learner.rplResult.returned.step3')}</List.Item>
          </List>
        </div>
        {application.evidenceRequestedAt && (
          <Text size="xs" c="gray.8">
            {t('learner.rplResult.returned.at', {
              date: formatInstant(application.evidenceRequestedAt, locale),
            })}
          </Text>
        )}
        <Button
          variant="filled"
          color="orange.9"
          size="sm"
          rightSection={<IconArrowDown size={18} aria-hidden />}
          onClick={goToEvidence}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('learner.rplResult.returned.toEvidence')}
        </Button>
      </Stack>
    </Alert>
  );
}
