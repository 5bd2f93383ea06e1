import type { AchievementInput, IssuerProfileInput, OpenBadgeInput } from '#credential.ts';
import { issuerDid } from '#did.ts';

// Scenario data for tests, benches and demos. The provider and training are the real 2025 call
// (PT Unggul Semesta, Cikarang); the teacher is invented, and the SKKNI unit codes and reference
// URLs are illustrative (right shape, not looked up).

export const publicBaseUrl = 'https://kmg.example.id';
export const issuerSlug = 'pt-unggul-semesta';
export const issuerId = issuerDid({ publicBaseUrl, slug: issuerSlug });

export const issuerProfile: IssuerProfileInput = {
  id: issuerId,
  name: 'PT Unggul Semesta',
  url: 'https://kmg.example.id/penyelenggara/pt-unggul-semesta',
  email: 'pelatihan@unggulsemesta.example.id',
  address: {
    streetAddress: 'Jl. Akasia 2 Blok AE 3-5-6, Kawasan Industri Delta Silicon 1',
    addressLocality: 'Cikarang, Kabupaten Bekasi',
    addressRegion: 'Jawa Barat',
  },
  parentOrg: {
    id: 'https://kmg.example.id/organisasi/direktorat-smk',
    name: 'Direktorat Sekolah Menengah Kejuruan, Kementerian Pendidikan Dasar dan Menengah',
  },
};

export const weldingRobotAchievement: AchievementInput = {
  id: 'https://kmg.example.id/capaian/pengoperasian-robot-las-industri-2025',
  achievementType: 'MicroCredential',
  name: {
    id: 'Pengoperasian Robot Las Industri',
    en: 'Industrial Welding Robot Operation',
  },
  description: {
    id: 'Kredensial mikro bagi guru SMK yang mampu menyiapkan, memprogram, dan mengoperasikan robot las industri dengan aman.',
    en: 'Micro-credential for SMK teachers able to set up, program and operate an industrial welding robot safely.',
  },
  criteria: {
    id: 'Mengikuti seluruh pelatihan di Unggul Daihen Welding Technology Center dan dinyatakan Kompeten pada uji kompetensi setiap unit.',
    en: 'Attend the full training at the Unggul Daihen Welding Technology Center and be judged competent in the test for every unit.',
  },
  learningOutcomes: [
    {
      id: 'Menerapkan prosedur K3 (keselamatan dan kesehatan kerja) di sel robot las.',
      en: 'Apply occupational safety and health procedures in a welding robot cell.',
    },
    {
      id: 'Membuat dan menguji program lintasan pengelasan pada teach pendant.',
      en: 'Write and test welding path programs on the teach pendant.',
    },
    {
      id: 'Mengatur parameter las busur (arus, tegangan, kecepatan) sesuai spesifikasi prosedur.',
      en: 'Set arc welding parameters (current, voltage, speed) to the procedure specification.',
    },
  ],
  fieldOfStudy: 'Teknik Pengelasan',
  humanCode: 'KMG-2025-LAS-01',
  kkni: { level: 4, url: 'https://kmg.example.id/referensi/kkni/4' },
  skkniUnits: [
    {
      code: 'C.282200.001.01',
      title: 'Menerapkan Keselamatan dan Kesehatan Kerja di Area Robot Las',
      url: 'https://kmg.example.id/referensi/skkni/C.282200.001.01',
      result: 'K',
    },
    {
      code: 'C.282200.014.01',
      title: 'Memprogram Robot Las Menggunakan Teach Pendant',
      url: 'https://kmg.example.id/referensi/skkni/C.282200.014.01',
      result: 'K',
    },
    {
      code: 'C.282200.015.01',
      title: 'Mengoperasikan Robot Las Busur Listrik',
      url: 'https://kmg.example.id/referensi/skkni/C.282200.015.01',
      result: 'K',
    },
  ],
  credits: 1,
  workloadHours: 40,
  participation: 'onsite',
  assessment: {
    code: 'competency-test',
    text: {
      id: 'Uji kompetensi per unit SKKNI (observasi praktik dan tanya jawab) oleh asesor berlisensi BNSP',
      en: 'Competency test per SKKNI unit (practical observation and questioning) by a BNSP-licensed assessor',
    },
  },
  qualityAssurance: {
    code: 'ministry-curriculum-review',
    text: {
      id: 'Kurikulum ditelaah dan disetujui Direktorat SMK; penyelenggara dipilih melalui seleksi program KMG',
      en: 'Curriculum reviewed and approved by the Directorate of SMK; provider selected through the KMG programme',
    },
  },
  tags: ['robot las', 'pengelasan', 'welding'],
};

export const weldingRobotCredentialInput: OpenBadgeInput = {
  id: 'urn:uuid:5f0c5a52-4c8e-4d7a-9b61-2f0a8c3e91d4',
  issuer: issuerProfile,
  validFrom: '2025-11-07T17:00:00+07:00',
  validUntil: '2028-11-07T17:00:00+07:00',
  learner: {
    name: 'Siti Nurhaliza Rahmawati',
    nuptk: '3275014506870002',
    salt: '9c1b7e0d44a2f8e6b3d5a7c9e1f20468',
  },
  activity: { startDate: '2025-11-03T08:00:00+07:00', endDate: '2025-11-07T16:00:00+07:00' },
  achievement: weldingRobotAchievement,
  evidence: [
    {
      id: 'https://kmg.example.id/bukti/5f0c5a52/uji-praktik',
      name: 'Rekaman uji praktik pengelasan robot',
      description: 'Lembar observasi asesor dan foto hasil las pada benda uji.',
      genre: 'Uji praktik',
    },
  ],
};

/** The same training as a training-only certificate (attendance, no unit assessment). */
export const trainingCertificateInput: OpenBadgeInput = {
  ...weldingRobotCredentialInput,
  id: 'urn:uuid:0b9e3c1a-7d2f-4e58-a1c6-93d4f5e6a7b8',
  validUntil: null,
  achievement: {
    ...weldingRobotAchievement,
    id: 'https://kmg.example.id/capaian/pelatihan-robot-las-industri-2025',
    achievementType: 'CertificateOfCompletion',
    name: {
      id: 'Pelatihan Pengoperasian Robot Las Industri',
      en: 'Industrial Welding Robot Operation Training',
    },
    criteria: {
      id: 'Mengikuti sekurang-kurangnya 90% sesi pelatihan.',
      en: 'Attend at least 90% of the training sessions.',
    },
    skkniUnits: weldingRobotAchievement.skkniUnits.map(({ result: _result, ...unit }) => unit),
    assessment: {
      code: 'attendance',
      text: {
        id: 'Kehadiran dan partisipasi (tanpa uji kompetensi)',
        en: 'Attendance and participation (no competency test)',
      },
    },
  },
  evidence: [],
};
