import { useLocale } from '@kmg/ui';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '#components/PageHeader.tsx';
import { ProvinceMap } from '#components/ProvinceMap.tsx';
import { QueryPending } from '#components/QueryPending.tsx';
import { StackingSegmentedControl } from '#components/StackingSegmentedControl.tsx';
import { graphql } from '#graphql.ts';

const ProvinceMapPageQuery = graphql(`
  query ProvinceMapPage {
    provinceTrainingFigures {
      provinceCode
      provinceName
      teachersTrained
      teachersRegistered
      trainedPerThousand
    }
  }
`);

type Measure = 'per-1000' | 'trained';

/** Trained teachers per province, on the map and in a table (program managers and admins). */
export function ProvinceMapPage() {
  const { t, locale } = useLocale();
  const [params, setParams] = useSearchParams();
  const measure: Measure = params.get('ukuran') === 'jumlah' ? 'trained' : 'per-1000';
  const [result, reexecute] = useQuery({ query: ProvinceMapPageQuery });
  const rows = result.data?.provinceTrainingFigures;
  const number = useMemo(
    () => new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }),
    [locale],
  );
  const values = useMemo(
    () =>
      Object.fromEntries(
        (rows ?? []).map((row) => [
          row.provinceCode,
          measure === 'trained'
            ? row.teachersRegistered > 0
              ? row.teachersTrained
              : null
            : row.trainedPerThousand,
        ]),
      ),
    [rows, measure],
  );

  const header = (
    <PageHeader title={t('admin.provinceMap.title')} description={t('admin.provinceMap.lead')} />
  );
  if (!rows) {
    return (
      <Stack>
        {header}
        <QueryPending
          error={result.error}
          onRetry={() => reexecute({ requestPolicy: 'network-only' })}
          blocks={[{ h: 24, w: '60%' }, { h: 320 }, { h: 240 }]}
        />
      </Stack>
    );
  }
  const trained = rows.reduce((sum, row) => sum + row.teachersTrained, 0);
  const registered = rows.reduce((sum, row) => sum + row.teachersRegistered, 0);
  return (
    <Stack gap="lg">
      {header}
      <Text size="sm">{t('admin.provinceMap.denominator')}</Text>
      <StackingSegmentedControl
        aria-label={t('admin.provinceMap.measure')}
        value={measure}
        onChange={(value) => setParams(value === 'trained' ? { ukuran: 'jumlah' } : {}, { replace: true })}
        data={[
          { value: 'per-1000', label: t('admin.provinceMap.perThousand') },
          { value: 'trained', label: t('admin.provinceMap.trained') },
        ]}
      />
      <Paper withBorder radius="md" p="md">
        <ProvinceMap
          title={
            measure === 'trained'
              ? t('admin.provinceMap.mapTitleTrained')
              : t('admin.provinceMap.mapTitlePerThousand')
          }
          values={values}
          formatValue={(value) => number.format(value)}
          tableId="province-figures"
        />
      </Paper>
      <section>
        <Title order={2} size="h3" mb="sm" id="province-figures-title">
          {t('admin.provinceMap.tableTitle')}
        </Title>
        <Table id="province-figures" aria-labelledby="province-figures-title" tabularNums striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.provinceMap.province')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.provinceMap.teachersTrained')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.provinceMap.teachersRegistered')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('admin.provinceMap.trainedPerThousand')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.provinceCode}>
                <Table.Th scope="row" fw={400}>
                  {row.provinceName}
                </Table.Th>
                <Table.Td ta="right">{number.format(row.teachersTrained)}</Table.Td>
                <Table.Td ta="right">{number.format(row.teachersRegistered)}</Table.Td>
                <Table.Td ta="right">
                  {row.trainedPerThousand === null
                    ? t('admin.map.noData')
                    : number.format(row.trainedPerThousand)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('admin.provinceMap.total')}</Table.Th>
              <Table.Td ta="right" fw={700}>
                {number.format(trained)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {number.format(registered)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                {registered > 0
                  ? number.format(Math.round((trained / registered) * 10000) / 10)
                  : t('admin.map.noData')}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </section>
    </Stack>
  );
}
