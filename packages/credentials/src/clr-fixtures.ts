import type { ClrInput } from '#clr.ts';
import type { AchievementInput, OpenBadgeInput } from '#credential.ts';
import { issuerProfile, weldingRobotAchievement, weldingRobotCredentialInput } from '#fixtures.ts';

// A pathway scenario for CLR bundles: the welding-robot micro-credential of `fixtures.ts`, a second
// component the same teacher earned later, and the pathway's award that stacks them. Names, codes
// and URLs are invented (right shape, not looked up).

export const weldInspectionAchievement: AchievementInput = {
  ...weldingRobotAchievement,
  id: 'https://kmg.example.id/capaian/inspeksi-hasil-las-robot-2025',
  name: { id: 'Inspeksi Hasil Las Robot', en: 'Inspection of Robot Welds' },
  description: {
    id: 'Kredensial mikro bagi guru SMK yang mampu memeriksa hasil las robot secara visual dan dengan uji merusak sederhana.',
    en: 'Micro-credential for SMK teachers able to inspect robot welds visually and with simple destructive tests.',
  },
  learningOutcomes: [
    {
      id: 'Mengenali cacat las (porositas, undercut, retak) pada benda uji.',
      en: 'Recognise weld defects (porosity, undercut, cracks) on test pieces.',
    },
  ],
  humanCode: 'KMG-2025-LAS-02',
  skkniUnits: [
    {
      code: 'C.282200.021.01',
      title: 'Melakukan Inspeksi Visual Hasil Pengelasan',
      url: 'https://kmg.example.id/referensi/skkni/C.282200.021.01',
      result: 'K',
    },
  ],
  workloadHours: 24,
  tags: ['inspeksi las'],
};

export const automatedWeldingPathwayAchievement: AchievementInput = {
  ...weldingRobotAchievement,
  id: 'https://kmg.example.id/jalur/pengelasan-otomatis-2025',
  name: { id: 'Jalur Kompetensi Pengelasan Otomatis', en: 'Automated Welding Competency Pathway' },
  description: {
    id: 'Penghargaan jalur bagi guru SMK yang memperoleh kredensial mikro pengoperasian robot las lalu inspeksi hasilnya.',
    en: 'Pathway award for SMK teachers who earned the welding robot operation micro-credential, then the weld inspection one.',
  },
  criteria: {
    id: 'Memperoleh kredensial mikro KMG-2025-LAS-01, kemudian KMG-2025-LAS-02.',
    en: 'Earn micro-credential KMG-2025-LAS-01, then KMG-2025-LAS-02.',
  },
  learningOutcomes: [
    ...weldingRobotAchievement.learningOutcomes,
    ...weldInspectionAchievement.learningOutcomes,
  ],
  humanCode: 'KMG-2025-JALUR-LAS',
  skkniUnits: [...weldingRobotAchievement.skkniUnits, ...weldInspectionAchievement.skkniUnits],
  credits: 2,
  workloadHours: 64,
  tags: ['jalur', 'pengelasan otomatis'],
};

export const weldInspectionCredentialInput: OpenBadgeInput = {
  ...weldingRobotCredentialInput,
  id: 'urn:uuid:7a2d4c1e-9b3f-4e6a-8c5d-1f0e2b3a4c5d',
  validFrom: '2025-12-05T17:00:00+07:00',
  learner: { ...weldingRobotCredentialInput.learner, salt: '4e8a1c2b9d7f6e5a3b1c0d2e4f6a8b9c' },
  activity: { startDate: '2025-12-01T08:00:00+07:00', endDate: '2025-12-05T16:00:00+07:00' },
  achievement: weldInspectionAchievement,
  evidence: [],
};

export const automatedWeldingPathwayCredentialInput: OpenBadgeInput = {
  ...weldingRobotCredentialInput,
  id: 'urn:uuid:c3e1f2a4-5b6d-4c7e-9f80-a1b2c3d4e5f6',
  validFrom: '2025-12-06T09:00:00+07:00',
  learner: { ...weldingRobotCredentialInput.learner, salt: 'b7c9d1e3f5a7b9c1d3e5f7a9b1c3d5e7' },
  activity: undefined,
  achievement: automatedWeldingPathwayAchievement,
  evidence: [],
};

/** What a pathway bundle says besides its credentials; tests add the signed credentials and issuer. */
export const automatedWeldingClrInput: Omit<ClrInput, 'credentials'> = {
  id: 'urn:uuid:e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8',
  issuer: issuerProfile,
  learner: { ...weldingRobotCredentialInput.learner, salt: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' },
  name: { id: 'Rekam Capaian: Jalur Pengelasan Otomatis', en: 'Learner Record: Automated Welding Pathway' },
  description: {
    id: 'Kredensial jalur beserta kredensial mikro yang menyusunnya, dalam urutan perolehannya.',
    en: 'The pathway credential with the micro-credentials it stacks, in the order they were earned.',
  },
  validFrom: '2025-12-06T09:00:00+07:00',
  pathway: {
    achievementId: automatedWeldingPathwayAchievement.id,
    componentIds: [weldingRobotAchievement.id, weldInspectionAchievement.id],
    precedes: [{ before: weldingRobotAchievement.id, after: weldInspectionAchievement.id }],
  },
  partial: true,
};

/** A whole-wallet bundle: every credential the teacher holds, no pathway. */
export const walletClrInput: Omit<ClrInput, 'credentials'> = {
  id: 'urn:uuid:f0e1d2c3-b4a5-4968-8776-655443322110',
  issuer: issuerProfile,
  learner: { ...weldingRobotCredentialInput.learner, salt: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' },
  name: { id: 'Rekam Capaian Guru', en: 'Teacher Learner Record' },
  description: {
    id: 'Semua kredensial yang diperoleh guru melalui KMG.',
    en: 'Every credential the teacher earned through KMG.',
  },
  validFrom: '2025-12-06T09:00:00+07:00',
  partial: false,
};
