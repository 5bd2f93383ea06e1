import type { IssuerProfileInput } from '#credential.ts';
import { issuerDid } from '#did.ts';
import { publicBaseUrl, weldingRobotCredentialInput } from '#fixtures.ts';
import type { PriorLearningInput, RplCourseInput, RplRecognitionInput } from '#recognition.ts';
import { buildStatusEntry, statusListCredentialUrl } from '#status.ts';

// An RPL scenario: the teacher of `fixtures.ts` enters an S1 programme through recognition of her
// KMG credentials. The university, programme, decree number and course list are invented (right
// shape, not looked up); the regulations are the real ones in the domain notes.

export const universitySlug = 'universitas-teknik-nusantara';

export const universityProfile: IssuerProfileInput = {
  id: issuerDid({ publicBaseUrl, slug: universitySlug }),
  name: 'Universitas Teknik Nusantara',
  url: 'https://utn.example.ac.id',
  email: 'rpl@utn.example.ac.id',
  address: {
    streetAddress: 'Jl. Kaliurang Km 7',
    addressLocality: 'Kabupaten Sleman',
    addressRegion: 'Daerah Istimewa Yogyakarta',
    postalCode: '55281',
  },
  parentOrg: {
    id: 'https://kmg.example.id/organisasi/kemdiktisaintek',
    name: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi',
  },
};

/** The KMG credentials of `fixtures.ts` and `clr-fixtures.ts`, by verification URL. */
export const priorLearning = {
  weldingRobot: {
    id: `${publicBaseUrl}/verify/5f0c5a52-4c8e-4d7a-9b61-2f0a8c3e91d4`,
    name: 'Pengoperasian Robot Las Industri',
    description: 'Kredensial mikro KMG-2025-LAS-01, PT Unggul Semesta.',
  },
  weldInspection: {
    id: `${publicBaseUrl}/verify/7a2d4c1e-9b3f-4e6a-8c5d-1f0e2b3a4c5d`,
    name: 'Inspeksi Hasil Las Robot',
  },
  pathway: {
    id: `${publicBaseUrl}/verify/c3e1f2a4-5b6d-4c7e-9f80-a1b2c3d4e5f6`,
    name: 'Jalur Kompetensi Pengelasan Otomatis',
  },
} as const satisfies Record<string, PriorLearningInput>;

const statusListCredential = statusListCredentialUrl({
  publicBaseUrl,
  slug: universitySlug,
  listId: 'revocation-1',
});

/** One course recognised: the smallest decree. */
export const singleCourseRecognitionInput: RplRecognitionInput = {
  id: 'urn:uuid:2b7e9c40-1d3a-4f6b-8e52-9a0c7d1e3f48',
  university: universityProfile,
  achievementBaseUrl: `${publicBaseUrl}/issuers/${universitySlug}`,
  learner: { ...weldingRobotCredentialInput.learner, salt: '6d2f8a1c4e9b7d3f5a0c2e4b6d8f1a3c' },
  programme: {
    code: '83209',
    name: { id: 'Pendidikan Teknik Mesin', en: 'Mechanical Engineering Education' },
    degree: 'S1',
  },
  intake: {
    code: '2026-gasal',
    name: { id: 'Semester Gasal 2026/2027', en: 'Odd Semester 2026/2027' },
  },
  decree: {
    number: '1234/UTN/KPT/2026',
    date: '2026-06-15',
    issuedBy: 'Rektor Universitas Teknik Nusantara',
    verificationUrl: 'https://utn.example.ac.id/sk/1234-UTN-KPT-2026',
  },
  legalBasis: [
    'Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 41 Tahun 2021 tentang Rekognisi Pembelajaran Lampau',
    'Keputusan Direktur Jenderal Pendidikan Tinggi, Riset, dan Teknologi Nomor 162/E/KPT/2022 tentang Petunjuk Teknis Rekognisi Pembelajaran Lampau',
  ],
  courses: [
    {
      code: 'MES6215',
      name: { id: 'Teknologi Pengelasan', en: 'Welding Technology' },
      sks: 3,
      recognisedSks: 3,
      basedOn: [priorLearning.weldingRobot.id, priorLearning.weldInspection.id],
    },
  ],
  priorLearning: [priorLearning.weldingRobot, priorLearning.weldInspection],
  credentialStatus: buildStatusEntry({
    statusListCredential,
    statusListIndex: 41,
    statusPurpose: 'revocation',
  }),
};

// Code, Indonesian name, English name, SKS, SKS recognised.
const courseTable: ReadonlyArray<[string, string, string, number, number]> = [
  ['MES6201', 'Gambar Teknik', 'Technical Drawing', 2, 2],
  ['MES6202', 'Keselamatan dan Kesehatan Kerja', 'Occupational Safety and Health', 2, 2],
  ['MES6203', 'Ilmu Bahan Teknik', 'Engineering Materials', 3, 3],
  ['MES6204', 'Proses Produksi', 'Manufacturing Processes', 3, 3],
  ['MES6205', 'Metrologi Industri', 'Industrial Metrology', 2, 2],
  ['MES6206', 'Mekanika Teknik', 'Engineering Mechanics', 3, 2],
  ['MES6207', 'Elemen Mesin', 'Machine Elements', 3, 2],
  ['MES6208', 'Praktik Kerja Bangku', 'Bench Work Practice', 2, 2],
  ['MES6209', 'Praktik Pemesinan Bubut', 'Lathe Machining Practice', 3, 3],
  ['MES6210', 'Praktik Pemesinan Frais', 'Milling Machining Practice', 3, 3],
  ['MES6211', 'Pemrograman CNC', 'CNC Programming', 3, 3],
  ['MES6212', 'CAD/CAM', 'CAD/CAM', 3, 3],
  ['MES6213', 'Pneumatik dan Hidrolik', 'Pneumatics and Hydraulics', 2, 2],
  ['MES6214', 'Dasar Elektronika', 'Basic Electronics', 2, 1],
  ['MES6215', 'Teknologi Pengelasan', 'Welding Technology', 3, 3],
  ['MES6216', 'Praktik Las Busur Manual', 'Manual Arc Welding Practice', 3, 3],
  ['MES6217', 'Praktik Las Gas Pelindung', 'Gas-Shielded Welding Practice', 3, 3],
  ['MES6218', 'Robotika Industri', 'Industrial Robotics', 3, 3],
  ['MES6219', 'Otomasi Industri', 'Industrial Automation', 3, 2],
  ['MES6220', 'Programmable Logic Controller', 'Programmable Logic Controllers', 2, 2],
  ['MES6221', 'Inspeksi dan Pengujian Las', 'Weld Inspection and Testing', 2, 2],
  ['MES6222', 'Pengujian Bahan', 'Materials Testing', 2, 2],
  ['MES6223', 'Perawatan Mesin', 'Machine Maintenance', 2, 2],
  ['MES6224', 'Manajemen Bengkel', 'Workshop Management', 2, 2],
  ['MES6225', 'Kewirausahaan Teknik', 'Engineering Entrepreneurship', 2, 2],
  ['KPD6101', 'Pengantar Pendidikan', 'Introduction to Education', 2, 2],
  ['KPD6102', 'Perkembangan Peserta Didik', 'Learner Development', 2, 2],
  ['KPD6103', 'Perencanaan Pembelajaran Kejuruan', 'Vocational Lesson Planning', 3, 3],
  ['KPD6104', 'Evaluasi Pembelajaran', 'Learning Assessment', 2, 2],
  ['KPD6105', 'Media Pembelajaran Kejuruan', 'Vocational Learning Media', 2, 2],
];

/** Thirty courses, some recognised in part, all resting on the welding credentials. */
export const thirtyCourseRecognitionInput: RplRecognitionInput = {
  ...singleCourseRecognitionInput,
  id: 'urn:uuid:8f41c2d6-7a3e-4b95-b0d1-6e2f9a8c4b17',
  learner: { ...singleCourseRecognitionInput.learner, salt: 'c4a9e2f7b1d8036e5a9c1f4b7e2d8a60' },
  courses: courseTable.map(
    ([code, id, en, sks, recognisedSks], index): RplCourseInput => ({
      code,
      name: { id, en },
      sks,
      recognisedSks,
      basedOn:
        index % 3 === 0
          ? [priorLearning.pathway.id]
          : [priorLearning.weldingRobot.id, priorLearning.weldInspection.id],
    }),
  ),
  priorLearning: [priorLearning.weldingRobot, priorLearning.weldInspection, priorLearning.pathway],
  credentialStatus: buildStatusEntry({
    statusListCredential,
    statusListIndex: 42,
    statusPurpose: 'revocation',
  }),
};
