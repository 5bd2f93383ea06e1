/** Indonesia's three time zones; none observes daylight saving. */
export type IndonesianTimeZone = 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';

export type Province = {
  /** Kemendagri region code, the key stored on schools and calls. */
  code: string;
  name: string;
  timeZone: IndonesianTimeZone;
};

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

/** The 38 provinces (since the 2022 Papua split), by Kemendagri code. */
export const provinces: readonly Province[] = [
  { code: '11', name: 'Aceh', timeZone: WIB },
  { code: '12', name: 'Sumatera Utara', timeZone: WIB },
  { code: '13', name: 'Sumatera Barat', timeZone: WIB },
  { code: '14', name: 'Riau', timeZone: WIB },
  { code: '15', name: 'Jambi', timeZone: WIB },
  { code: '16', name: 'Sumatera Selatan', timeZone: WIB },
  { code: '17', name: 'Bengkulu', timeZone: WIB },
  { code: '18', name: 'Lampung', timeZone: WIB },
  { code: '19', name: 'Kepulauan Bangka Belitung', timeZone: WIB },
  { code: '21', name: 'Kepulauan Riau', timeZone: WIB },
  { code: '31', name: 'DKI Jakarta', timeZone: WIB },
  { code: '32', name: 'Jawa Barat', timeZone: WIB },
  { code: '33', name: 'Jawa Tengah', timeZone: WIB },
  { code: '34', name: 'DI Yogyakarta', timeZone: WIB },
  { code: '35', name: 'Jawa Timur', timeZone: WIB },
  { code: '36', name: 'Banten', timeZone: WIB },
  { code: '51', name: 'Bali', timeZone: WITA },
  { code: '52', name: 'Nusa Tenggara Barat', timeZone: WITA },
  { code: '53', name: 'Nusa Tenggara Timur', timeZone: WITA },
  { code: '61', name: 'Kalimantan Barat', timeZone: WIB },
  { code: '62', name: 'Kalimantan Tengah', timeZone: WIB },
  { code: '63', name: 'Kalimantan Selatan', timeZone: WITA },
  { code: '64', name: 'Kalimantan Timur', timeZone: WITA },
  { code: '65', name: 'Kalimantan Utara', timeZone: WITA },
  { code: '71', name: 'Sulawesi Utara', timeZone: WITA },
  { code: '72', name: 'Sulawesi Tengah', timeZone: WITA },
  { code: '73', name: 'Sulawesi Selatan', timeZone: WITA },
  { code: '74', name: 'Sulawesi Tenggara', timeZone: WITA },
  { code: '75', name: 'Gorontalo', timeZone: WITA },
  { code: '76', name: 'Sulawesi Barat', timeZone: WITA },
  { code: '81', name: 'Maluku', timeZone: WIT },
  { code: '82', name: 'Maluku Utara', timeZone: WIT },
  { code: '91', name: 'Papua', timeZone: WIT },
  { code: '92', name: 'Papua Barat', timeZone: WIT },
  { code: '93', name: 'Papua Selatan', timeZone: WIT },
  { code: '94', name: 'Papua Tengah', timeZone: WIT },
  { code: '95', name: 'Papua Pegunungan', timeZone: WIT },
  { code: '96', name: 'Papua Barat Daya', timeZone: WIT },
];

const byCode = new Map(provinces.map((province) => [province.code, province]));

export function findProvince(code: string): Province | undefined {
  return byCode.get(code);
}
