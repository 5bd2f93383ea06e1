import { formatNumber, useLocale, viewerTimeZone } from '@kmg/ui';
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { CompactTable } from '#components/CompactTable.tsx';
import { PathwayStatusBadge } from '#components/PathwayStatusBadge.tsx';
import { type FragmentOf, graphql, readFragment } from '#graphql.ts';
import { formatCompactInstant } from '#lib/format.ts';

export const PathwayVersions_pathway = graphql(`
  fragment PathwayVersions_pathway on Pathway {
    id
    versions { id version status publishedAt retiredAt awardCount }
  }
`);

/** Every version of the pathway, newest first, with when it was published and retired. */
export function PathwayVersions({
  pathway: data,
  currentId,
}: {
  pathway: FragmentOf<typeof PathwayVersions_pathway>;
  currentId: string;
}) {
  const { t, locale } = useLocale();
  const pathway = readFragment(PathwayVersions_pathway, data);
  const zone = viewerTimeZone();
  const when = (instant: string | null) => (instant ? formatCompactInstant(instant, locale, zone) : '–');
  return (
    <CompactTable
      caption={t('admin.pathway.versions.caption')}
      head={
        <>
          <Table.Th>{t('admin.pathway.versions.version')}</Table.Th>
          <Table.Th>{t('admin.pathway.versions.status')}</Table.Th>
          <Table.Th>{t('admin.pathway.versions.publishedAt')}</Table.Th>
          <Table.Th>{t('admin.pathway.versions.retiredAt')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('admin.pathway.versions.awards')}</Table.Th>
        </>
      }
    >
      {pathway.versions.map((version) => (
        <Table.Tr key={version.id} aria-current={version.id === currentId ? 'page' : undefined}>
          <Table.Td>
            {version.id === currentId ? (
              <Text span fw={700} size="sm">
                {t('admin.pathways.versionStatus', { version: version.version })}{' '}
                <Text span c="dimmed" size="xs" fw={400}>
                  {t('admin.pathway.versions.current')}
                </Text>
              </Text>
            ) : (
              <Anchor component={Link} to={`/jalur/${version.id}`} size="sm">
                {t('admin.pathways.versionStatus', { version: version.version })}
              </Anchor>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>
            <PathwayStatusBadge status={version.status} />
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(version.publishedAt)}</Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(version.retiredAt)}</Table.Td>
          <Table.Td style={{ textAlign: 'right' }}>{formatNumber(version.awardCount, locale)}</Table.Td>
        </Table.Tr>
      ))}
    </CompactTable>
  );
}
