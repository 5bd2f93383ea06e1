import { crc32, deflateSync } from 'node:zlib';
import type {
  AssessedCourse,
  RecognisedCourse,
  RplDecreeInput,
  RplMinutesInput,
  RplRecognition,
  UniversityLetterhead,
} from '#rpl-documents.ts';

// Scenario data for the RPL documents: the S1 Pendidikan Teknik Mesin programme at Universitas
// Negeri Semarang (UNNES, code UN37) and the 2025 intake of SMK teachers. The university, its
// address and the regulations are real; the people, numbers, course codes and the rector's
// regulation are invented (right shape, not looked up).

export const unnes: UniversityLetterhead = {
  ministry: {
    id: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi',
    en: 'Ministry of Higher Education, Science, and Technology',
  },
  name: 'Universitas Negeri Semarang',
  address: ['Kampus Sekaran, Gunungpati, Semarang 50229'],
  contacts: ['Telepon (024) 8508093', 'Laman unnes.ac.id', 'Pos-el rpl@mail.unnes.ac.id'],
};

export const ptmProgramme = { id: 'S1 Pendidikan Teknik Mesin', en: 'Mechanical Engineering Education (S1)' };
export const intake2025 = {
  id: 'Gelombang 1 Tahun Akademik 2025/2026',
  en: 'Intake 1, academic year 2025/2026',
};

export const ptmCourses: RecognisedCourse[] = [
  { code: 'PTM101', name: { id: 'Gambar Teknik', en: 'Engineering Drawing' }, sks: 2 },
  { code: 'PTM103', name: { id: 'Teknologi Mekanik', en: 'Mechanical Technology' }, sks: 2 },
  { code: 'PTM204', name: { id: 'Teknik Pengelasan', en: 'Welding Technology' }, sks: 3 },
  { code: 'PTM205', name: { id: 'Proses Pemesinan Bubut', en: 'Lathe Machining' }, sks: 3 },
  { code: 'PTM207', name: { id: 'Proses Pemesinan Frais', en: 'Milling Machining' }, sks: 3 },
  { code: 'PTM209', name: { id: 'Pengukuran dan Metrologi', en: 'Measurement and Metrology' }, sks: 2 },
  { code: 'PTM211', name: 'CAD/CAM', sks: 3 },
  { code: 'PTM301', name: { id: 'Pemrograman CNC', en: 'CNC Programming' }, sks: 3 },
  {
    code: 'PTM305',
    name: { id: 'Keselamatan dan Kesehatan Kerja', en: 'Occupational Safety and Health' },
    sks: 2,
  },
  {
    code: 'PTM307',
    name: { id: 'Perawatan dan Perbaikan Mesin', en: 'Machine Maintenance and Repair' },
    sks: 3,
  },
  { code: 'PTM309', name: { id: 'Hidrolik dan Pneumatik', en: 'Hydraulics and Pneumatics' }, sks: 3 },
];
/** 2 + 2 + 3 + 3 + 3 + 2 + 3 + 3 + 2 + 3 + 3. */
export const ptmCoursesTotalSks = 29;

export const sitiRecognition: RplRecognition = {
  teacher: { name: 'Siti Nurhaliza Rahmawati, A.Md.', nuptk: '3547765667130083' },
  programme: ptmProgramme,
  intake: intake2025,
  courses: ptmCourses,
};

export const decreeVerificationUrl =
  'https://kmg.example.id/verifikasi/sk/0197c2a4-5b1e-7d3a-9f20-6c1e8a4b7d15';

export const caseDecreeInput: RplDecreeInput = {
  university: unnes,
  authority: { kind: 'RECTOR' },
  number: '012/UN37/RPL/VIII/2025',
  considerations: [
    {
      id: 'bahwa untuk memberi kesempatan kepada guru sekolah menengah kejuruan menempuh pendidikan sarjana, Universitas Negeri Semarang menyelenggarakan Rekognisi Pembelajaran Lampau tipe A2 (perolehan SKS) atas pembelajaran nonformal, informal, dan pengalaman kerja, termasuk kredensial mikro;',
      en: 'that, to give vocational school teachers the opportunity to complete a bachelor degree, Universitas Negeri Semarang runs Recognition of Prior Learning type A2 (credit acquisition) for non-formal and informal learning and work experience, including micro-credentials;',
    },
    {
      id: 'bahwa berdasarkan berita acara asesmen dan rapat Komite RPL Program Studi S1 Pendidikan Teknik Mesin, capaian pembelajaran pemohon telah memenuhi capaian pembelajaran mata kuliah yang diakui;',
      en: "that, according to the assessment minutes and the meeting of the RPL committee of the Mechanical Engineering Education (S1) programme, the applicant's learning outcomes meet the learning outcomes of the courses recognised;",
    },
    {
      id: 'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan Rektor tentang Pengakuan Pembelajaran Lampau;',
      en: 'that, in view of points a and b, a Decree of the Rector on the Recognition of Prior Learning needs to be enacted;',
    },
  ],
  legalBasis: [
    'Undang-Undang Nomor 12 Tahun 2012 tentang Pendidikan Tinggi (Lembaran Negara Republik Indonesia Tahun 2012 Nomor 158);',
    'Peraturan Pemerintah Nomor 4 Tahun 2014 tentang Penyelenggaraan Pendidikan Tinggi dan Pengelolaan Perguruan Tinggi;',
    'Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 41 Tahun 2021 tentang Rekognisi Pembelajaran Lampau;',
    'Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 53 Tahun 2023 tentang Penjaminan Mutu Pendidikan Tinggi;',
    'Keputusan Direktur Jenderal Pendidikan Tinggi, Riset, dan Teknologi Nomor 162/E/KPT/2022 tentang Petunjuk Teknis Rekognisi Pembelajaran Lampau pada Perguruan Tinggi Penyelenggara Pendidikan Akademik;',
    'Peraturan Rektor Universitas Negeri Semarang Nomor 7 Tahun 2024 tentang Penyelenggaraan Rekognisi Pembelajaran Lampau;',
  ],
  recognitions: [sitiRecognition],
  place: 'Semarang',
  date: '2025-08-14',
  signatories: [
    {
      name: 'Prof. Dr. Bambang Sutopo, M.Pd.',
      position: { id: 'Rektor', en: 'Rector' },
      employeeNumber: '196805121993031002',
    },
  ],
  copies: [
    { id: 'Wakil Rektor Bidang Akademik', en: 'Vice-Rector for Academic Affairs' },
    { id: 'Dekan Fakultas Teknik', en: 'Dean of the Faculty of Engineering' },
    { id: 'Yang bersangkutan', en: 'The teacher concerned' },
  ],
  verificationUrl: decreeVerificationUrl,
};

/** The same decree for an intake of three teachers, signed by the dean and the vice-dean. */
export const intakeDecreeInput: RplDecreeInput = {
  ...caseDecreeInput,
  authority: { kind: 'DEAN', faculty: { id: 'Fakultas Teknik', en: 'Faculty of Engineering' } },
  number: '045/UN37.1.5/RPL/IX/2025',
  university: { ...unnes, unit: { id: 'Fakultas Teknik', en: 'Faculty of Engineering' } },
  recognitions: [
    sitiRecognition,
    {
      teacher: { name: 'Bagus Prasetyo Wibowo', nuptk: '9240771672130152' },
      programme: ptmProgramme,
      intake: intake2025,
      courses: ptmCourses.slice(2, 7),
    },
    {
      teacher: { name: 'Yohanes Kristianto Manurung', nuptk: '6631758660130203' },
      programme: ptmProgramme,
      intake: intake2025,
      courses: ptmCourses.slice(7),
    },
  ],
  date: '2025-09-02',
  signatories: [
    {
      name: 'Dr. Hendra Kurniawan, S.T., M.T.',
      position: { id: 'Wakil Dekan Bidang Akademik', en: 'Vice-Dean for Academic Affairs' },
      employeeNumber: '197902142005011003',
    },
    {
      name: 'Prof. Dr. Retno Wulandari, M.Pd.',
      position: { id: 'Dekan', en: 'Dean' },
      employeeNumber: '197104031998022001',
    },
  ],
};

const subjects = [
  'Mekanika Teknik',
  'Ilmu Bahan',
  'Elemen Mesin',
  'Termodinamika',
  'Mesin Konversi Energi',
  'Teknik Otomasi Industri',
  'Manajemen Bengkel',
  'Kewirausahaan Teknik',
  'Perencanaan Pembelajaran Kejuruan',
  'Evaluasi Pembelajaran',
];
const romans = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** Sixty courses of 2 or 3 SKS (far more than a real case), to fill several pages. */
export const sixtyCourses: RecognisedCourse[] = Array.from({ length: 60 }, (_, index) => ({
  code: `PTM${String(401 + index)}`,
  name: `${subjects[index % subjects.length]} ${romans[Math.floor(index / subjects.length)]}`,
  sks: index % 3 === 0 ? 3 : 2,
}));

export const academicAssessor = {
  name: 'Dr. Rahmat Hidayat, S.T., M.T.',
  affiliation: {
    id: 'Dosen Program Studi S1 Pendidikan Teknik Mesin',
    en: 'Lecturer, Mechanical Engineering Education (S1)',
  },
  employeeNumber: '198207112008121002',
};

export const practitionerAssessor = {
  name: 'Ir. Agus Santoso, IWE',
  affiliation: 'Welding Engineer, PT Unggul Semesta, Cikarang',
};

export const assessedCourses: AssessedCourse[] = [
  {
    code: 'PTM204',
    name: { id: 'Teknik Pengelasan', en: 'Welding Technology' },
    sks: 3,
    proposedSks: 3,
    decidedSks: 3,
    outcomes: [
      {
        code: 'CPMK-1',
        description: {
          id: 'Menerapkan prosedur keselamatan kerja pengelasan',
          en: 'Apply welding safety procedures',
        },
        methods: ['PORTFOLIO', 'INTERVIEW'],
        academic: { score: 86, recommendation: 'RECOGNISE' },
        practitioner: { score: 90, recommendation: 'RECOGNISE' },
      },
      {
        code: 'CPMK-2',
        description: {
          id: 'Melakukan pengelasan SMAW posisi 1G–3G sesuai WPS',
          en: 'Perform SMAW welding in positions 1G–3G to a WPS',
        },
        methods: ['PORTFOLIO', 'DEMONSTRATION'],
        academic: { score: 82, recommendation: 'RECOGNISE' },
        practitioner: { score: 88, recommendation: 'RECOGNISE' },
      },
      {
        code: 'CPMK-3',
        description: {
          id: 'Memeriksa cacat las secara visual',
          en: 'Inspect welds visually for defects',
        },
        methods: ['OBSERVATION'],
        academic: { score: 80, recommendation: 'RECOGNISE' },
        practitioner: { score: 84, recommendation: 'RECOGNISE' },
      },
    ],
  },
  {
    code: 'PTM301',
    name: { id: 'Pemrograman CNC', en: 'CNC Programming' },
    sks: 3,
    proposedSks: 3,
    decidedSks: 0,
    reason: {
      id: 'Bukti demonstrasi pemrograman CNC frais belum memadai; pemohon dapat mengajukan kembali dengan bukti tambahan.',
      en: 'The evidence of CNC milling programming was not sufficient; the applicant may apply again with more evidence.',
    },
    outcomes: [
      {
        code: 'CPMK-1',
        description: { id: 'Menyusun program CNC bubut', en: 'Write CNC lathe programs' },
        methods: ['WRITTEN_TEST'],
        academic: { score: 74, recommendation: 'RECOGNISE' },
        practitioner: { score: 70, recommendation: 'NEEDS_MORE_EVIDENCE' },
      },
      {
        code: 'CPMK-2',
        description: { id: 'Menyusun program CNC frais', en: 'Write CNC milling programs' },
        methods: ['DEMONSTRATION'],
        academic: { score: 58, recommendation: 'DO_NOT_RECOGNISE' },
        practitioner: { score: 61, recommendation: 'NEEDS_MORE_EVIDENCE' },
      },
    ],
  },
  {
    code: 'PTM305',
    name: { id: 'Keselamatan dan Kesehatan Kerja', en: 'Occupational Safety and Health' },
    sks: 2,
    proposedSks: 0,
    decidedSks: 2,
    reason: {
      id: 'Sertifikat Ahli K3 Umum (Kemnaker, 2023) diperiksa pada wawancara dan memenuhi seluruh CPMK.',
      en: 'The general OSH expert certificate (Ministry of Manpower, 2023) was checked at the interview and meets every CPMK.',
    },
    outcomes: [
      {
        code: 'CPMK-1',
        description: {
          id: 'Menganalisis potensi bahaya di bengkel',
          en: 'Analyse hazards in the workshop',
        },
        methods: ['PORTFOLIO', 'INTERVIEW'],
        academic: { score: 85, recommendation: 'RECOGNISE' },
        practitioner: { score: 87, recommendation: 'RECOGNISE' },
      },
    ],
  },
];

export const minutesInput: RplMinutesInput = {
  university: { ...unnes, unit: { id: 'Fakultas Teknik', en: 'Faculty of Engineering' } },
  number: 'B/318/UN37.1.5/PP/2025',
  caseReference: 'RPL-2025-000123',
  teacher: sitiRecognition.teacher,
  programme: ptmProgramme,
  intake: intake2025,
  assessors: { academic: academicAssessor, practitioner: practitionerAssessor },
  committee: [
    {
      role: { id: 'Ketua Komite RPL', en: 'Chair of the RPL committee' },
      name: 'Dr. Wahyu Kurniawan, S.Pd., M.T.',
      affiliation: { id: 'Koordinator Program Studi', en: 'Programme coordinator' },
      employeeNumber: '197611022003121001',
    },
    {
      role: { id: 'Sekretaris Komite RPL', en: 'Secretary of the RPL committee' },
      name: 'Nur Aini Rachmawati, S.Pd., M.Pd.',
      affiliation: { id: 'Dosen Pendidikan Teknik Mesin', en: 'Lecturer, Mechanical Engineering Education' },
      employeeNumber: '198905172019032014',
    },
  ],
  date: '2025-08-07',
  venue: 'Ruang Sidang Gedung E1, Fakultas Teknik',
  place: 'Semarang',
  courses: assessedCourses,
  verificationUrl: 'https://kmg.example.id/verifikasi/rpl/RPL-2025-000123',
};

/**
 * A PNG emblem (a navy disc in a gold ring, white inside) drawn pixel by pixel, so tests need no
 * image file: 8-bit RGBA, one IDAT, no filtering.
 */
export function emblemPng(size = 96): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x - centre, y - centre) / (size / 2);
      const colour =
        distance > 1
          ? [255, 255, 255, 0]
          : distance > 0.86
            ? [184, 145, 58, 255]
            : distance > 0.5
              ? [18, 53, 91, 255]
              : distance > 0.3
                ? [255, 255, 255, 255]
                : [184, 145, 58, 255];
      raw.set(colour, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
