// Typed scenario data for the credential helpers' tests, shaped as the API returns them (a trimmed
// copy of a demo credential: the welding-robot training in Cikarang, 3-7 November 2025, WIB).
import type { CredentialRecord } from '#lib/credential-view.ts';

const id = 'c48b8245-64a8-47b6-bdce-8b361c275414';
const units = [
  { code: 'C.282000.011.01', title: 'Mengoperasikan Robot Las Busur Listrik' },
  { code: 'C.282000.012.01', title: 'Memprogram Robot Las dengan Teach Pendant' },
];

/** `Credential.source` as the API serves it (the learner's NUPTK and salt already left out). */
export const weldingSource = {
  id: `urn:uuid:${id}`,
  issuer: {
    name: 'PT Unggul Semesta',
    parentOrg: { name: 'Direktorat Sekolah Menengah Kejuruan' },
  },
  activity: { startDate: '2025-11-02T17:00:00.000Z', endDate: '2025-11-07T16:59:59.000Z' },
  validFrom: '2026-11-23T23:42:11.917Z',
  validUntil: '2029-11-23T23:42:11.917Z',
  achievement: {
    achievementType: 'MicroCredential',
    name: { id: 'Operator Robot Las Industri', en: 'Industrial Welding Robot Operator' },
    description: {
      id: 'Kredensial mikro bagi guru SMK yang mampu memprogram robot las.',
      en: 'Micro-credential for SMK teachers able to program a welding robot.',
    },
    learningOutcomes: [
      { id: 'Mengoperasikan sel robot las busur', en: 'Operate an arc welding robot cell' },
      { id: 'Memprogram lintasan las sederhana', en: '' },
    ],
    kkni: { level: 4, url: 'https://kmg.example/referensi/kkni/4' },
    humanCode: 'kmg25-robot-las',
    image: { id: 'https://kmg.example/achievements/1/image.svg', caption: 'Operator Robot Las Industri' },
    fieldOfStudy: 'Robotika',
    participation: 'onsite',
    workloadHours: 40,
    credits: 1,
    skkniUnits: units.map((unit) => ({
      ...unit,
      url: `https://kmg.example/skkni/${unit.code}`,
      result: 'K',
    })),
  },
  learner: { name: 'Sri Wahyuni' },
};

export const weldingRecord: CredentialRecord = {
  trainingStartDate: '2025-11-03',
  trainingEndDate: '2025-11-07',
  call: { id: 'VHJhaW5pbmdDYWxsOjE=', title: 'Pelatihan Pengoperasian Robot Las Industri' },
  name: 'Operator Robot Las Industri',
  achievementType: 'MicroCredential',
  learnerName: 'Sri Wahyuni',
  issuerName: 'PT Unggul Semesta',
  parentOrganizationName: 'Direktorat Sekolah Menengah Kejuruan',
  awardedAt: '2025-11-14T03:00:00.000Z',
  validFrom: '2026-11-23T23:42:11.917Z',
  validUntil: '2029-11-23T23:42:11.917Z',
  workloadHours: 40,
  sks: 1,
  source: JSON.stringify(weldingSource),
};

const alignment = (unit: { code: string; title: string }) => ({
  type: ['Alignment'],
  targetUrl: `https://kmg.example/skkni/${unit.code}`,
  targetCode: unit.code,
  targetName: unit.title,
  targetType: 'ceasn:Competency',
  targetFramework: 'SKKNI',
});

/** The signed Open Badges 3.0 document of the same credential (proof shortened). */
export const weldingDocument = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: `urn:uuid:${id}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Operator Robot Las Industri',
  issuer: {
    id: 'did:web:kmg.example:issuers:pt-unggul-semesta',
    type: ['Profile'],
    name: 'PT Unggul Semesta',
    parentOrg: { id: 'https://kmg.example/issuers/dit-smk', type: ['Profile'], name: 'Direktorat SMK' },
  },
  validFrom: '2026-11-23T23:42:11Z',
  awardedDate: '2025-11-14T03:00:00Z',
  validUntil: '2029-11-23T23:42:11Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    name: 'Sri Wahyuni',
    activityStartDate: '2025-11-02T17:00:00Z',
    activityEndDate: '2025-11-07T16:59:59Z',
    creditsEarned: 1,
    result: [
      { type: ['Result'], value: 'Kompeten', alignment: [alignment(units[0] as (typeof units)[0])] },
      { type: ['Result'], value: 'Belum Kompeten', alignment: [alignment(units[1] as (typeof units)[0])] },
    ],
    achievement: {
      type: ['Achievement'],
      name: 'Operator Robot Las Industri',
      achievementType: 'MicroCredential',
      description:
        'Kredensial mikro bagi guru SMK.\n\n---\n\nIndustrial Welding Robot Operator. For SMK teachers.',
      humanCode: 'kmg25-robot-las',
      image: { id: 'https://evil.example/pixel.svg', type: 'Image' },
      fieldOfStudy: 'Robotika',
      creditsAvailable: 1,
      tag: [
        'mc:workload-hours=40',
        'mc:credits-sks=1',
        'mc:level=KKNI-4',
        'mc:participation=onsite',
        'Robotika',
      ],
      alignment: [
        ...units.map(alignment),
        { type: ['Alignment'], targetCode: '4', targetName: 'KKNI Jenjang 4', targetFramework: 'KKNI' },
      ],
    },
  },
  proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z5Ejoy' }],
};
