// Typed scenario data for the RPL recognition reader's tests: a trimmed copy of a demo recognition
// (UNNES, S1 Pendidikan Teknik Mesin, decree B/0001/UN37/RPL/2026), proofs, contexts and hashed
// identifiers left out; the shape is packages/credentials/src/recognition.ts's.

const issuer = {
  id: 'did:web:kmg.example:issuers:unnes',
  name: 'Universitas Negeri Semarang',
  type: ['Profile'],
};
const decree = {
  id: 'https://kmg.example/verify/sk/13cef84c-3e6f-4603-886f-f8fd84fe981a',
  type: ['Evidence'],
  name: 'Keputusan Dekan Fakultas Teknik Universitas Negeri Semarang Nomor B/0001/UN37/RPL/2026',
  genre: 'Surat keputusan',
  description: 'Ditetapkan 2 Desember 2026. Decree issued 2 December 2026.',
};
const validFrom = '2026-12-02T00:00:00+07:00';
const programme = 'S1 Pendidikan Teknik Mesin';

function award(name: string, creditsEarned: number, achievement: Record<string, unknown>) {
  return {
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer,
    validFrom,
    evidence: [decree],
    credentialSubject: {
      type: ['AchievementSubject'],
      name: 'Yohanes Tanaem',
      term: 'RPL Semester Gasal 2027/2028',
      creditsEarned,
      achievement: { type: ['Achievement'], name, fieldOfStudy: programme, ...achievement },
    },
  };
}

function course(code: string, name: string, english: string, sks: number, recognised: number) {
  return award(name, recognised, {
    id: `https://kmg.example/issuers/unnes/programmes/S1-PTM/courses/${code}`,
    achievementType: 'Course',
    humanCode: code,
    description: `Mata kuliah ${code} (${sks} SKS) Program Studi ${programme}.\n\n---\n\n${english}. Course ${code} (${sks} SKS) of the S1 Bachelor of Mechanical Engineering Education study programme.`,
    creditsAvailable: sks,
  });
}

export const recognitionDocument = {
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
  id: 'urn:uuid:ce581008-e43a-4389-b333-68b084bea1ad',
  type: ['VerifiableCredential', 'ClrCredential'],
  name: `Rekognisi Pembelajaran Lampau: ${programme}`,
  issuer,
  validFrom,
  evidence: [decree],
  credentialSubject: {
    type: ['ClrSubject'],
    name: 'Yohanes Tanaem',
    verifiableCredential: [
      award(`Rekognisi Pembelajaran Lampau: ${programme}`, 9, {
        id: 'https://kmg.example/issuers/unnes/programmes/S1-PTM/rpl/ce581008-e43a-4389-b333-68b084bea1ad',
        achievementType: 'ext:RecognitionOfPriorLearning',
        creditsAvailable: 9,
      }),
      course('PTM204', 'Teknik Pengelasan', 'Welding Technology', 3, 2),
      course('PTM210', 'Pengelasan Lanjut', 'Advanced Welding', 3, 3),
      course('PTM310', 'Robotika Industri', 'Industrial Robotics', 2, 2),
      course('PTM313', 'Inspeksi dan Pengujian Las', 'Weld Inspection and Testing', 2, 2),
    ],
  },
};

/** A CLR bundle that is no recognition: a whole-wallet bundle of KMG training badges. */
export const walletBundleDocument = {
  type: ['VerifiableCredential', 'ClrCredential'],
  name: 'Dompet kredensial KMG',
  issuer: { id: 'did:web:kmg.example', name: 'Direktorat SMK' },
  credentialSubject: {
    type: ['ClrSubject'],
    verifiableCredential: [
      award('Operator Robot Las Industri', 1, {
        achievementType: 'MicroCredential',
        humanCode: 'kmg25-robot-las',
      }),
    ],
  },
};
