import { CredentialStatusBadge, formatInstant, formatLocalDate, useLocale } from '@kmg/ui';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink, IconFileTypePdf, IconShieldCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';

export const RplDecreePanel_case = graphql(`
  fragment RplDecreePanel_case on RplApplication {
    status
    recognisedSks
    minutesUrl
    decree { id number decreedOn amendsNumber pdfUrl pdfUrlEn verifyUrl }
    recognitionCredential { id name status verifyUrl }
    appealWindow { open lastDay daysLeft }
    appeal { appealedAt decidedAt }
  }
`);

function FileLink({ href, children, icon }: { href: string; children: ReactNode; icon?: ReactNode }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener" size="sm">
      <Group gap={6} component="span" wrap="nowrap">
        {icon ?? <IconFileTypePdf size={16} aria-hidden />}
        {children}
      </Group>
    </Anchor>
  );
}

/**
 * The case's documents: the minutes (berita acara) from submission on, and once the decree is
 * issued, the decree in both languages, its public verification page and the teacher's
 * recognition credential; with the appeal window while it is open.
 */
export function RplDecreePanel({
  application: data,
}: {
  application: FragmentOf<typeof RplDecreePanel_case>;
}) {
  const { t, locale } = useLocale();
  const application = readFragment(RplDecreePanel_case, data);
  const { decree, recognitionCredential: credential, appealWindow } = application;
  if (!application.minutesUrl && !decree) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="rpl-documents-title"
    >
      <Title order={2} size="h4" id="rpl-documents-title" mb="sm">
        {t('admin.rplCase.documents.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: decree ? 3 : 1 }} spacing="lg">
        {application.minutesUrl && (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('admin.rplCase.documents.minutes')}
            </Text>
            <FileLink href={application.minutesUrl}>{t('admin.rplCase.documents.indonesian')}</FileLink>
            <FileLink href={`${application.minutesUrl}?lang=en`}>
              {t('admin.rplCase.documents.english')}
            </FileLink>
          </Stack>
        )}
        {decree && (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('admin.rplCase.documents.decree', { number: decree.number })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('admin.rplCase.documents.decreedOn', { date: formatLocalDate(decree.decreedOn, locale) })}
              {decree.amendsNumber &&
                ` · ${t('admin.rplCase.documents.amends', { number: decree.amendsNumber })}`}
            </Text>
            <FileLink href={decree.pdfUrl}>{t('admin.rplCase.documents.indonesian')}</FileLink>
            <FileLink href={decree.pdfUrlEn}>{t('admin.rplCase.documents.english')}</FileLink>
            <FileLink href={decree.verifyUrl} icon={<IconShieldCheck size={16} aria-hidden />}>
              {t('admin.rplCase.documents.verify')}
            </FileLink>
          </Stack>
        )}
        {decree && (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('admin.rplCase.documents.recognition', { sks: application.recognisedSks ?? 0 })}
            </Text>
            {credential ? (
              <>
                <Group gap={6}>
                  {/* The recognition credential's name is not read from its document yet (empty). */}
                  <Text size="sm">{credential.name || t('admin.rplCase.documents.credentialName')}</Text>
                  <CredentialStatusBadge status={credential.status} size="sm" />
                </Group>
                <FileLink href={credential.verifyUrl} icon={<IconExternalLink size={16} aria-hidden />}>
                  {t('admin.rplCase.documents.credential')}
                </FileLink>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('admin.rplCase.documents.credentialPending')}
              </Text>
            )}
          </Stack>
        )}
      </SimpleGrid>
      {application.appeal ? (
        <Text size="sm" mt="md">
          {application.appeal.decidedAt
            ? t('admin.rplCase.documents.appealDecided', {
                appealed: formatInstant(application.appeal.appealedAt, locale),
                decided: formatInstant(application.appeal.decidedAt, locale),
              })
            : t('admin.rplCase.documents.appealMade', {
                date: formatInstant(application.appeal.appealedAt, locale),
              })}
        </Text>
      ) : (
        appealWindow &&
        (appealWindow.open || application.status === 'DECIDED') && (
          <Text size="sm" mt="md" c={appealWindow.open ? undefined : 'dimmed'}>
            {appealWindow.open
              ? t('admin.rplCase.documents.appealOpen', {
                  date: formatLocalDate(appealWindow.lastDay, locale),
                  count: appealWindow.daysLeft,
                })
              : t('admin.rplCase.documents.appealClosed', {
                  date: formatLocalDate(appealWindow.lastDay, locale),
                })}
          </Text>
        )
      )}
    </Paper>
  );
}
