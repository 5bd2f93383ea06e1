// The dashboard as tables: what the page shows, for CSV (one table) and XLSX (every table, one
// sheet each). The page builds its tables from the same loaded figures, so the numbers match.
import {
  type BreakdownDimension,
  breakdownDimensionLabels,
  breakdownDimensions,
  breakdownValueLabels,
  findProvince,
  funnelStageDefinitions,
  funnelStageLabels,
  funnelStages,
  type Locale,
  regionOfProvince,
} from '@kmg/domain';
import writeExcelFile, { type Row } from 'write-excel-file/node';
import type { Dashboard } from '#dashboard/figures.ts';

export type DashboardTableName = 'funnel' | BreakdownDimension | 'provinces' | 'providers' | 'units';
export const dashboardTableNames: readonly DashboardTableName[] = [
  'funnel',
  ...breakdownDimensions,
  'provinces',
  'providers',
  'units',
];

export type DashboardTable = {
  name: DashboardTableName;
  title: string;
  header: string[];
  rows: (string | number | null)[][];
};

const words = {
  id: {
    funnel: 'Corong program',
    stage: 'Tahap',
    count: 'Jumlah',
    howCounted: 'Cara menghitung',
    calls: 'Panggilan',
    seats: 'Kursi',
    applications: 'Pendaftaran',
    selected: 'Terpilih',
    confirmed: 'Terkonfirmasi',
    completed: 'Lulus',
    credentials: 'Kredensial',
    provinces: 'Per provinsi',
    province: 'Provinsi',
    region: 'Wilayah',
    applicants: 'Pendaftar (guru)',
    applicantsPerSeat: 'Pendaftar per kursi',
    trained: 'Guru terlatih',
    providers: 'Per penyelenggara',
    provider: 'Penyelenggara',
    completionRate: 'Tingkat kelulusan (%)',
    revoked: 'Kredensial dicabut',
    kompeten: 'Kompeten',
    belumKompeten: 'Belum Kompeten',
    kompetenRate: 'Kompeten (%)',
    ratings: 'Penilaian guru',
    ratingAverage: 'Rata-rata bintang (1–5)',
    belumKompetenRate: 'Belum Kompeten (%)',
    units: 'Per unit SKKNI',
    unitCode: 'Kode unit',
    unitTitle: 'Judul unit',
  },
  en: {
    funnel: 'Programme funnel',
    stage: 'Stage',
    count: 'Count',
    howCounted: 'How counted',
    calls: 'Calls',
    seats: 'Seats',
    applications: 'Applications',
    selected: 'Selected',
    confirmed: 'Confirmed',
    completed: 'Completed',
    credentials: 'Credentials',
    provinces: 'By province',
    province: 'Province',
    region: 'Region',
    applicants: 'Applicants (teachers)',
    applicantsPerSeat: 'Applicants per seat',
    trained: 'Teachers trained',
    providers: 'By provider',
    provider: 'Provider',
    completionRate: 'Completion rate (%)',
    revoked: 'Credentials revoked',
    kompeten: 'Kompeten',
    belumKompeten: 'Belum Kompeten',
    kompetenRate: 'Kompeten (%)',
    ratings: 'Teachers’ ratings',
    ratingAverage: 'Average stars (1–5)',
    belumKompetenRate: 'Belum Kompeten (%)',
    units: 'By SKKNI unit',
    unitCode: 'Unit code',
    unitTitle: 'Unit title',
  },
} as const;

export function dashboardWords(locale: Locale) {
  return words[locale];
}

/** A breakdown row's label: a skill area's or provider's name, or an enum value's words. */
export function breakdownLabel(
  row: { key: string; nameId: string | null; nameEn: string | null },
  locale: Locale,
): string {
  const name = locale === 'en' ? row.nameEn : row.nameId;
  return name ?? breakdownValueLabels[row.key]?.[locale] ?? row.key;
}

export function dashboardTables(dashboard: Dashboard, locale: Locale): DashboardTable[] {
  const w = words[locale];
  const funnel: DashboardTable = {
    name: 'funnel',
    title: w.funnel,
    header: [w.stage, w.count, w.howCounted],
    rows: funnelStages.map((stage) => [
      funnelStageLabels[stage][locale],
      dashboard.funnel[stage],
      funnelStageDefinitions[stage][locale],
    ]),
  };
  const breakdowns = breakdownDimensions.map((dimension): DashboardTable => {
    const rows = dashboard.breakdowns.filter((row) => row.dimension === dimension);
    const withCalls = dimension === 'skillArea' || dimension === 'provider';
    return {
      name: dimension,
      title: breakdownDimensionLabels[dimension][locale],
      header: [
        breakdownDimensionLabels[dimension][locale],
        ...(withCalls ? [w.calls, w.seats] : []),
        w.applications,
        w.selected,
        w.confirmed,
        w.completed,
        w.credentials,
      ],
      rows: rows.map((row) => [
        breakdownLabel(row, locale),
        ...(withCalls ? [row.calls, row.seats] : []),
        row.applications,
        row.selected,
        row.confirmed,
        row.completed,
        row.credentials,
      ]),
    };
  });
  return [
    funnel,
    ...breakdowns,
    {
      name: 'provinces',
      title: w.provinces,
      header: [w.province, w.region, w.applicants, w.calls, w.seats, w.applicantsPerSeat, w.trained],
      rows: dashboard.provinces.map((row) => [
        findProvince(row.province)?.name ?? row.province,
        regionOfProvince(row.province),
        row.applicants,
        row.calls,
        row.seats,
        row.applicantsPerSeat,
        row.trained,
      ]),
    },
    {
      name: 'providers',
      title: w.providers,
      header: [
        w.provider,
        w.calls,
        w.confirmed,
        w.completed,
        w.completionRate,
        w.credentials,
        w.revoked,
        w.kompeten,
        w.belumKompeten,
        w.kompetenRate,
        w.ratings,
        w.ratingAverage,
      ],
      rows: dashboard.providers.map((row) => [
        row.name,
        row.calls,
        row.confirmed,
        row.completed,
        row.completionRate,
        row.credentials,
        row.revoked,
        row.kompeten,
        row.belumKompeten,
        row.kompetenRate,
        row.ratings,
        row.ratingAverage,
      ]),
    },
    {
      name: 'units',
      title: w.units,
      header: [
        w.provider,
        w.unitCode,
        w.unitTitle,
        w.kompeten,
        w.belumKompeten,
        w.kompetenRate,
        w.belumKompetenRate,
      ],
      rows: dashboard.units.map((row) => [
        row.providerName,
        row.code,
        row.title,
        row.kompeten,
        row.belumKompeten,
        row.kompetenRate,
        row.belumKompetenRate,
      ]),
    },
  ];
}

export { toCsv } from '#rpl/review/report-export.ts';

export async function dashboardXlsx(tables: DashboardTable[]): Promise<Buffer> {
  const sheets = tables.map((table) => ({
    sheet: table.title.slice(0, 31),
    stickyRowsCount: 1,
    data: [
      table.header.map((name) => ({ value: name, fontWeight: 'bold' as const })),
      ...table.rows.map((row) => row.map((value) => (value === null ? null : { value }))),
    ] as Row[],
  }));
  return (await writeExcelFile(sheets as never).toBuffer()) as Buffer;
}
