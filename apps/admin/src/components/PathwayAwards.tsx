import { CredentialStatusBadge, formatNumber, useLocale, viewerTimeZone } from '@kmg/ui';
import { Anchor, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { CompactTable } from '#components/CompactTable.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatCompactDate } from '#lib/format.ts';

export const PathwayAwards_credential = graphql(`
  fragment PathwayAwards_credential on Credential {
    id
    learnerName
    awardedAt
    validUntil
    status
    verifyUrl
  }
`);

/** The credentials awarded under one version, newest first, a page at a time. */
export function PathwayAwards({
  awards: data,
  total,
  hasMore,
  loading,
  onMore,
  emptyText,
}: {
  awards: readonly FragmentOf<typeof PathwayAwards_credential>[];
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  emptyText: string;
}) {
  const { t, locale } = useLocale();
  const zone = viewerTimeZone();
  const awards = data.map((award) => readFragment(PathwayAwards_credential, award));
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <>
      <CompactTable
        caption={t('admin.pathway.awards.caption')}
        head={
          <>
            <Table.Th>{t('admin.pathway.awards.teacher')}</Table.Th>
            <Table.Th>{t('admin.pathway.awards.awardedAt')}</Table.Th>
            <Table.Th>{t('admin.pathway.awards.validUntil')}</Table.Th>
            <Table.Th>{t('admin.pathway.awards.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('admin.pathway.awards.verify')}</VisuallyHidden>
            </Table.Th>
          </>
        }
      >
        {awards.map((award) => (
          <Table.Tr key={award.id}>
            <Table.Td fw={600}>{award.learnerName}</Table.Td>
            <Table.Td>{formatCompactDate(award.awardedAt, locale, zone)}</Table.Td>
            <Table.Td>
              {award.validUntil
                ? formatCompactDate(award.validUntil, locale, zone)
                : t('admin.pathway.awards.noExpiry')}
            </Table.Td>
            <Table.Td>
              <CredentialStatusBadge status={award.status} />
            </Table.Td>
            <Table.Td>
              <Anchor
                href={award.verifyUrl}
                target="_blank"
                rel="noreferrer"
                size="sm"
                aria-label={t('admin.pathway.awards.verifyLabel', { name: award.learnerName })}
              >
                <Group gap={4} component="span" wrap="nowrap">
                  {t('admin.pathway.awards.verify')}
                  <IconExternalLink size={14} aria-hidden />
                </Group>
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </CompactTable>
      <Group justify="space-between" mt="sm" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('admin.pathway.awards.shown', {
            shown: formatNumber(awards.length, locale),
            total: formatNumber(total, locale),
          })}
        </Text>
        {hasMore && (
          <Button variant="light" size="xs" onClick={onMore} loading={loading}>
            {t('admin.pathway.awards.more')}
          </Button>
        )}
      </Group>
    </>
  );
}
