// Walks the schema as every role, admin included: every mutation and every query field (each role
// may use exactly those its matrix grants; everything else is refused before anything runs), and
// every field and type with its own access check, plus the sensitive fields read with their record
// (which roles read them on a record they can see). A new mutation, query field or checked field
// fails this test until it is given a row here.
import { schema } from '@kmg/graphql';
import { hashPassword } from 'better-auth/crypto';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignFixtureReviewer, callInput, demo, globalId, MOTIVATION, seededIds } from '#test/fixtures.ts';
import { startTestApi, type TestApi, type TestClient } from '#test/harness.ts';

let api: TestApi;
let ids: Awaited<ReturnType<typeof seededIds>>;

type Role =
  | 'anonymous'
  | 'TEACHER'
  | 'PRINCIPAL'
  | 'PROVIDER_STAFF'
  | 'PROGRAM_MANAGER'
  | 'SELECTION_REVIEWER'
  | 'RPL_REVIEWER'
  | 'ADMIN';
const roles: Record<Role, string | null> = {
  anonymous: null,
  TEACHER: demo.teacher,
  PRINCIPAL: demo.principal,
  PROVIDER_STAFF: demo.provider,
  PROGRAM_MANAGER: demo.manager,
  SELECTION_REVIEWER: demo.selectionReviewer,
  RPL_REVIEWER: demo.reviewer,
  ADMIN: demo.admin,
};
const signedIn: Role[] = [
  'TEACHER',
  'PRINCIPAL',
  'PROVIDER_STAFF',
  'PROGRAM_MANAGER',
  'SELECTION_REVIEWER',
  'RPL_REVIEWER',
  'ADMIN',
];

type Case = { allowed: Role[]; document: string; variables: () => Promise<Record<string, unknown>> };

let counter = 0;
async function draftCall(): Promise<string> {
  const manager = await api.signIn(demo.manager);
  const { createTrainingCall } = await manager.data(
    `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { ... on CreateTrainingCallSuccess { data { id } } } }`,
    { input: callInput(ids) },
  );
  await assignFixtureReviewer(api, createTrainingCall.data.id);
  return createTrainingCall.data.id;
}

/** What the pathway builder sends: the directorate as issuer, content and a one-item tree. */
async function pathwayArgs() {
  const directorate = await api.database.prisma.organization.findUniqueOrThrow({
    where: { code: 'dit-smk' },
  });
  return {
    issuer: globalId('Organization', directorate.id),
    content: {
      titleId: 'Jalur Uji Matriks',
      titleEn: 'Matrix Test Pathway',
      descriptionId: 'Jalur untuk menguji siapa boleh menyusun jalur.',
      descriptionEn: 'A pathway to test who may build pathways.',
      kkniLevel: 4,
      achievementType: 'MicroCredential' as const,
    },
    definition: JSON.stringify({
      requirements: {
        type: 'group',
        id: 'root',
        rule: { kind: 'all' },
        children: [{ type: 'item', id: 'robot', match: { kind: 'achievement', code: 'kmg25-robot-las' } }],
      },
    }),
  };
}

/** A fresh pathway with a draft version, made directly in the database. */
async function draftPathwayVersion(): Promise<string> {
  counter++;
  const prisma = api.database.prisma;
  const directorate = await prisma.organization.findUniqueOrThrow({ where: { code: 'dit-smk' } });
  const pathway = await prisma.pathway.create({
    data: { code: `JALUR-DRAF-${counter}`, issuerId: directorate.id },
  });
  const { content, definition } = await pathwayArgs();
  const version = await prisma.pathwayVersion.create({
    data: {
      pathwayId: pathway.id,
      version: 1,
      ...content,
      requirements: JSON.parse(definition).requirements,
    },
  });
  return globalId('PathwayVersion', version.id);
}

const payload = '{ __typename }';
/** An id no record has: the request passes the role check and the service answers NotFound. */
const NO_RECORD = '00000000-0000-4000-8000-000000000000';
const disseminationInput = {
  kind: 'SCHOOL_WORKSHOP',
  heldOn: '2026-01-15',
  place: 'SMK Negeri 10 Semarang',
  description: 'Workshop robot las untuk guru.',
  teachersReached: 10,
  studentsReached: 0,
  schoolsReached: 1,
};
const matrix: Record<string, Case> = {
  registerTeacher: {
    allowed: ['anonymous'],
    document: `mutation ($input: TeacherRegistrationInput!) { registerTeacher(input: $input) ${payload} }`,
    variables: async () => {
      counter++;
      return {
        input: {
          name: 'Guru Baru',
          nuptk: String(9_000_000_000_000_000 + counter),
          npsn: '20328921',
          email: `guru.baru.${counter}@example.id`,
          password: 'kata-sandi-panjang',
          subject: 'Teknik Mesin',
          employmentStatus: 'HONORER',
          teachingSince: '2020-07-13',
          birthDate: '1990-02-02',
        },
      };
    },
  },
  setMyLocale: {
    allowed: signedIn,
    document: `mutation { setMyLocale(locale: id) { locale } }`,
    variables: async () => ({}),
  },
  createStaffAccount: {
    allowed: ['ADMIN'],
    document: `mutation ($input: StaffAccountInput!) { createStaffAccount(input: $input) ${payload} }`,
    variables: async () => {
      counter++;
      return {
        input: {
          name: 'Staf Baru',
          email: `staf.${counter}@example.id`,
          password: 'kata-sandi-panjang',
          roles: ['PROVIDER_STAFF'],
          organizationId: ids.unggul,
        },
      };
    },
  },
  createTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) ${payload} }`,
    variables: async () => ({ input: callInput(ids) }),
  },
  updateTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!, $input: TrainingCallInput!) { updateTrainingCall(id: $id, input: $input) ${payload} }`,
    variables: async () => ({ id: await draftCall(), input: callInput(ids) }),
  },
  publishTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { publishTrainingCall(id: $id) ${payload} }`,
    variables: async () => ({ id: await draftCall() }),
  },
  closeTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { closeTrainingCall(id: $id) ${payload} }`,
    variables: async () => ({ id: ids.plcCall }),
  },
  cancelTrainingCall: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!, $reason: String!) { cancelTrainingCall(id: $id, reason: $reason) ${payload} }`,
    variables: async () => ({ id: await draftCall(), reason: 'Dibatalkan untuk uji hak akses.' }),
  },
  applyToCall: {
    allowed: ['TEACHER'],
    document: `mutation ($callId: ID!, $motivation: String!) { applyToCall(callId: $callId, motivation: $motivation) ${payload} }`,
    variables: async () => ({ callId: ids.openCall, motivation: MOTIVATION }),
  },
  updateSelectionSettings: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $input: SelectionSettingsInput!) { updateSelectionSettings(callId: $callId, input: $input) ${payload} }`,
    variables: async () => ({
      callId: await draftCall(),
      input: {
        selectionMode: 'REVIEWED',
        requiresEndorsement: true,
        confirmationDays: 3,
        eligibilityRules: { minTeachingYears: 2 },
        rubric: [{ key: 'motivation', nameId: 'Motivasi', nameEn: 'Motivation', weight: 1, maxScore: 5 }],
      },
    }),
  },
  assignReviewers: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $reviewerIds: [ID!]!) { assignReviewers(callId: $callId, reviewerIds: $reviewerIds) ${payload} }`,
    variables: async () => ({ callId: await draftCall(), reviewerIds: [] }),
  },
  commitSelection: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { commitSelection(callId: $callId) ${payload} }`,
    variables: async () => ({ callId: await draftCall() }),
  },
  submitReview: {
    allowed: ['SELECTION_REVIEWER'],
    document: `mutation ($applicationId: ID!, $scores: [CriterionScoreInput!]!) { submitReview(applicationId: $applicationId, scores: $scores) ${payload} }`,
    variables: async () => ({
      applicationId: ids.selectionApplication,
      scores: [{ key: 'motivation', score: 4 }],
    }),
  },
  endorseApplication: {
    allowed: ['PRINCIPAL'],
    document: `mutation ($id: ID!) { endorseApplication(id: $id) ${payload} }`,
    variables: async () => ({ id: await someApplication() }),
  },
  declineEndorsement: {
    allowed: ['PRINCIPAL'],
    document: `mutation ($id: ID!, $note: String!) { declineEndorsement(id: $id, note: $note) ${payload} }`,
    variables: async () => ({
      id: await someApplication(),
      note: 'Belum memenuhi rencana pengembangan sekolah.',
    }),
  },
  undoEndorsementDecision: {
    allowed: ['PRINCIPAL'],
    document: `mutation ($id: ID!) { undoEndorsementDecision(id: $id) ${payload} }`,
    variables: async () => ({ id: await someApplication() }),
  },
  confirmSeat: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { confirmSeat(id: $id) ${payload} }`,
    variables: async () => ({ id: await someApplication() }),
  },
  declineSeat: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { declineSeat(id: $id) ${payload} }`,
    variables: async () => ({ id: await someApplication() }),
  },
  updateMyProfile: {
    allowed: ['TEACHER'],
    document: `mutation ($input: TeacherProfileInput!) { updateMyProfile(input: $input) ${payload} }`,
    variables: async () => ({
      input: {
        name: 'Sri Wahyuni',
        subject: 'Teknik Pengelasan',
        employmentStatus: 'PNS',
        teachingSince: '2012-07-16',
        birthDate: '1987-03-21',
      },
    }),
  },
  recordAttendance: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $entries: [AttendanceInput!]!) { recordAttendance(callId: $callId, entries: $entries) ${payload} }`,
    variables: async () => ({ callId: ids.openCall, entries: [] }),
  },
  recordAssessment: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($applicationId: ID!, $unitId: ID!) { recordAssessment(applicationId: $applicationId, unitId: $unitId, input: { decision: KOMPETEN }) ${payload} }`,
    variables: async () => ({
      applicationId: await someApplication(),
      unitId: '00000000-0000-4000-8000-000000000000',
    }),
  },
  importAttendance: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { importAttendance(callId: $callId, content: "", apply: false) ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  openCheckInCode: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation { openCheckInCode(dayId: "00000000-0000-4000-8000-000000000000") ${payload} }`,
    variables: async () => ({}),
  },
  checkIn: {
    allowed: signedIn,
    document: `mutation { checkIn(token: "not-a-code") ${payload} }`,
    variables: async () => ({}),
  },
  decideCheckIns: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { decideCheckIns(callId: $callId, entries: [], confirm: true) ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  recordAssessmentsInBulk: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { recordAssessmentsInBulk(callId: $callId, applicationIds: [], decision: KOMPETEN) ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  submitResults: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { submitResults(callId: $callId) ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  saveAchievement: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!, $input: AchievementInput!) { saveAchievement(callId: $callId, input: $input) ${payload} }`,
    variables: async () => ({ callId: ids.openCall, input: achievementInput }),
  },
  returnResults: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { returnResults(callId: $callId, reason: "Hari kedua belum dicatat.") ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  approveResults: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($callId: ID!) { approveResults(callId: $callId) ${payload} }`,
    variables: async () => ({ callId: ids.openCall }),
  },
  proposeAmendment: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($applicationId: ID!) { proposeAmendment(applicationId: $applicationId, input: { reason: "Koreksi kehadiran hari kedua." }) ${payload} }`,
    variables: async () => ({ applicationId: await someApplication() }),
  },
  decideAmendment: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { decideAmendment(id: $id, approve: false) ${payload} }`,
    variables: async () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  revokeCredential: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Dicabut untuk uji hak akses.") ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  suspendCredential: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { suspendCredential(id: $id, reason: "Ditangguhkan untuk uji hak akses.") ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  reinstateCredential: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { reinstateCredential(id: $id) ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  updateMyPublicProfile: {
    allowed: ['TEACHER'],
    document: `mutation ($input: PublicProfileSettingsInput!) { updateMyPublicProfile(input: $input) ${payload} }`,
    variables: async () => ({ input: { isPublished: false } }),
  },
  // The holder only: other teachers are refused on the record (NotAllowedError), see profile.db.test.ts.
  setCredentialVisibility: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { setCredentialVisibility(id: $id, isPublic: true) ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  // The credential's holder only (others get NotFound on the record, see after-training.db.test.ts).
  rateTraining: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { rateTraining(credentialId: $id, input: { stars: 4 }) ${payload} }`,
    variables: async () => ({
      id: Buffer.from('Credential:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  setSkillAreaJobLinks: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { setSkillAreaJobLinks(skillAreaId: $id, links: [{ name: "Karirhub", url: "https://karirhub.kemnaker.go.id", descriptionId: "Lowongan kerja.", descriptionEn: "Job vacancies." }]) ${payload} }`,
    variables: async () => ({ id: ids.welding }),
  },
  // A teacher's own contacts (another teacher's are NotFound, see after-training.db.test.ts).
  createIndustryContact: {
    allowed: ['TEACHER'],
    document: `mutation { createIndustryContact(input: { companyName: "PT Uji Matriks" }) ${payload} }`,
    variables: async () => ({}),
  },
  updateIndustryContact: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { updateIndustryContact(id: $id, input: { companyName: "PT Uji Matriks" }) ${payload} }`,
    variables: async () => ({
      id: Buffer.from('IndustryContact:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  deleteIndustryContact: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { deleteIndustryContact(id: $id) ${payload} }`,
    variables: async () => ({
      id: Buffer.from('IndustryContact:00000000-0000-4000-8000-000000000000').toString('base64'),
    }),
  },
  // Provider staff for their own organization only (checked on the record, see profile.db.test.ts).
  updateCertificateSignatory: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { updateCertificateSignatory(organizationId: $id, input: { signatoryName: "Ir. Hadi Purnomo, M.T.", signatoryPosition: "Direktur Pelatihan (contoh)" }) ${payload} }`,
    variables: async () => ({ id: ids.unggul }),
  },
  removeCertificateBrandingImage: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { removeCertificateBrandingImage(organizationId: $id, slot: SIGNATURE) ${payload} }`,
    variables: async () => ({ id: ids.unggul }),
  },
  rotateIssuerKey: {
    allowed: ['ADMIN'],
    document: `mutation ($id: ID!) { rotateIssuerKey(organizationId: $id) ${payload} }`,
    variables: async () => ({ id: ids.unggul }),
  },
  retryFailedIssuance: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { retryFailedIssuance(callId: $id) ${payload} }`,
    variables: async () => ({ id: ids.openCall }),
  },
  markNotificationsRead: {
    allowed: signedIn,
    document: `mutation { markNotificationsRead }`,
    variables: async () => ({}),
  },
  createPathway: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($issuer: ID!, $content: PathwayContentInput!, $definition: String!, $code: String!) {
      createPathway(code: $code, issuerId: $issuer, content: $content, definition: $definition) ${payload} }`,
    variables: async () => {
      counter++;
      return { ...(await pathwayArgs()), code: `JALUR-MATRIKS-${counter}` };
    },
  },
  savePathwayDraft: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($pathway: ID!, $content: PathwayContentInput!, $definition: String!) {
      savePathwayDraft(pathwayId: $pathway, content: $content, definition: $definition) ${payload} }`,
    variables: async () => {
      const { issuer: _issuer, ...args } = await pathwayArgs();
      const pathway = await api.database.prisma.pathway.findUniqueOrThrow({
        where: { code: 'JALUR-OTOMASI-ROBOTIKA' },
      });
      return { ...args, pathway: globalId('Pathway', pathway.id) };
    },
  },
  publishPathway: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { publishPathway(versionId: $id) ${payload} }`,
    variables: async () => ({ id: await draftPathwayVersion() }),
  },
  retirePathway: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { retirePathway(versionId: $id) ${payload} }`,
    variables: async () => ({ id: await draftPathwayVersion() }),
  },
  decidePathwayAwardReview: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { decidePathwayAwardReview(id: $id, decision: KEEP, reason: "Tetap berlaku setelah ditinjau.") ${payload} }`,
    variables: async () => ({ id: globalId('PathwayAwardReview', '01940000-0000-7000-8000-000000000000') }),
  },
  importCredential: {
    allowed: ['TEACHER'],
    document: `mutation { importCredential(document: "{}") ${payload} }`,
    variables: async () => ({}),
  },
  // RPL: a university's catalogue, rules and overrides are its staff's (admins too); the national
  // profile is the program managers'; applications are teachers'.
  createStudyProgramme: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($input: StudyProgrammeInput!) { createStudyProgramme(input: $input) ${payload} }`,
    variables: async () => {
      counter++;
      return { input: { ...studyProgrammeInput, code: `S1-UJI-${counter}` } };
    },
  },
  updateStudyProgramme: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!, $input: StudyProgrammeInput!) { updateStudyProgramme(id: $id, input: $input) ${payload} }`,
    variables: async () => ({
      id: (await rplRecords()).programme,
      input: { ...studyProgrammeInput, code: 'S1-PTM' },
    }),
  },
  createRplIntake: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!, $input: RplIntakeInput!) { createRplIntake(programmeId: $id, input: $input) ${payload} }`,
    variables: async () => {
      counter++;
      return {
        id: (await rplRecords()).programme,
        input: {
          code: `RPL-UJI-${counter}`,
          nameId: 'RPL uji',
          nameEn: 'RPL test',
          opensAt: '2027-01-01T00:00:00Z',
          closesAt: '2027-02-01T00:00:00Z',
          cutoffDate: '2027-02-01',
          startsOn: '2027-03-01',
        },
      };
    },
  },
  saveRegulationProfile: {
    allowed: ['RPL_REVIEWER', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { saveRegulationProfile(layer: PROGRAMME, programmeId: $id, input: { citation: "Keputusan prodi (uji)", effectiveFrom: "2024-01-01", limits: "{}" }) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).programme }),
  },
  saveEquivalenceRuleDraft: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!, $input: EquivalenceRuleInput!) { saveEquivalenceRuleDraft(programmeId: $id, code: "PTM-MATRIKS", input: $input) ${payload} }`,
    variables: async () => {
      const records = await rplRecords();
      return {
        id: records.programme,
        input: {
          courseId: records.course,
          requirements: '[{"kind":"ACHIEVEMENT","achievementCode":"kmg25-robot-las"}]',
          coveredOutcomes: ['CPMK1', 'CPMK2'],
          coverage: '{"kind":"DEFAULT"}',
          sks: 2,
          rationaleId: 'Baris matriks hak akses.',
          effectiveFrom: '2024-08-01',
        },
      };
    },
  },
  approveEquivalenceRule: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { approveEquivalenceRule(versionId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).draftRule }),
  },
  retireEquivalenceRule: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { retireEquivalenceRule(versionId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).draftRule }),
  },
  discardEquivalenceRuleDraft: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { discardEquivalenceRuleDraft(versionId: $id) ${payload} }`,
    variables: async () => ({
      id: globalId('EquivalenceRuleVersion', '01940000-0000-7000-8000-000000000000'),
    }),
  },
  startRplApplication: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { startRplApplication(intakeId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).intake }),
  },
  saveRplDraft: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { saveRplDraft(applicationId: $id, input: { credentialIds: [], externalCredentialIds: [], selfEvaluations: [] }) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  submitRplApplication: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { submitRplApplication(applicationId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  withdrawRplApplication: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { withdrawRplApplication(applicationId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  requestRplEvidence: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { requestRplEvidence(applicationId: $id, message: "Mohon unggah sertifikat yang berlaku.") ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  // RPL review (issue 11): every step is the university's staff's (admins too), which role may take
  // it the case checks; appealing is the teacher's. On a draft no staff member sees, each allowed
  // role gets NotFoundError as data.
  acceptRplCase: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { acceptRplCase(applicationId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  returnRplCaseToTeacher: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { returnRplCaseToTeacher(applicationId: $id, missingItems: ["Sertifikat BNSP yang berlaku"]) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  assignRplAssessors: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { assignRplAssessors(applicationIds: [$id], roundRobin: true) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  saveRplAssessment: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { saveRplAssessment(applicationId: $id, courses: [], submit: false) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  completeRplAssessment: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { completeRplAssessment(applicationId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  decideRplCase: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { decideRplCase(applicationId: $id, decisions: []) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  validateRplCase: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { validateRplCase(applicationId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  returnRplCaseToCommittee: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { returnRplCaseToCommittee(applicationId: $id, reason: "Alasan belum merujuk bukti.") ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  issueRplDecree: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!) { issueRplDecree(applicationId: $id) ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  appealRplCase: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { appealRplCase(applicationId: $id, reason: "Mohon ditinjau kembali keputusan ini.") ${payload} }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  proposeRplPrecedent: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($id: ID!, $course: ID!) { proposeRplPrecedent(applicationId: $id, courseId: $course) ${payload} }`,
    variables: async () => {
      const records = await rplRecords();
      return { id: records.application, course: records.course };
    },
  },
  // The university admin's (a NotAllowedError, as data, for other staff); a teacher is no staff
  // member to give roles to, so nothing changes.
  setRplStaffRoles: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation ($userId: String!) { setRplStaffRoles(userId: $userId, roles: [{ role: ACADEMIC_ASSESSOR, programmeIds: [] }]) ${payload} }`,
    variables: async () => ({
      userId: (await api.database.prisma.user.findUniqueOrThrow({ where: { email: demo.teacher } })).id,
    }),
  },
  // A numbering pattern without its sequence is refused before anything is saved.
  saveRplUniversitySettings: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `mutation { saveRplUniversitySettings(input: {
      decreeNumberPattern: "RPL/{year}", decreeScope: CASE, authority: RECTOR,
      letterhead: { address: ["Kampus uji"], contacts: [] }, signatories: [{ name: "Rektor Uji", positionId: "Rektor" }],
      place: "Semarang", appealDays: 14, workingDays: false, holidays: [], autoAssign: true }) ${payload} }`,
    variables: async () => ({}),
  },
  // Dissemination reports: record-level refusals (another teacher, another school's principal)
  // are in dissemination.db.test.ts.
  createDisseminationReport: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!, $input: DisseminationReportInput!) { createDisseminationReport(applicationId: $id, input: $input) ${payload} }`,
    variables: async () => ({ id: globalId('Application', NO_RECORD), input: disseminationInput }),
  },
  updateDisseminationReport: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!, $input: DisseminationReportInput!) { updateDisseminationReport(id: $id, input: $input) ${payload} }`,
    variables: async () => ({ id: globalId('DisseminationReport', NO_RECORD), input: disseminationInput }),
  },
  deleteDisseminationDraft: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { deleteDisseminationDraft(id: $id) ${payload} }`,
    variables: async () => ({ id: globalId('DisseminationReport', NO_RECORD) }),
  },
  submitDisseminationReport: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { submitDisseminationReport(id: $id) ${payload} }`,
    variables: async () => ({ id: globalId('DisseminationReport', NO_RECORD) }),
  },
  verifyDisseminationReport: {
    allowed: ['PRINCIPAL'],
    document: `mutation ($id: ID!) { verifyDisseminationReport(id: $id) ${payload} }`,
    variables: async () => ({ id: globalId('DisseminationReport', NO_RECORD) }),
  },
  returnDisseminationReport: {
    allowed: ['PRINCIPAL'],
    document: `mutation ($id: ID!) { returnDisseminationReport(id: $id, note: "Lengkapi daftar hadir kegiatan.") ${payload} }`,
    variables: async () => ({ id: globalId('DisseminationReport', NO_RECORD) }),
  },
  updateDisseminationExpectation: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `mutation ($id: ID!) { updateDisseminationExpectation(programmeId: $id, input: { minActivities: 2, withinMonths: 6 }) ${payload} }`,
    variables: async () => ({ id: ids.currentProgramme }),
  },
  withdrawApplication: {
    allowed: ['TEACHER'],
    document: `mutation ($id: ID!) { withdrawApplication(id: $id) ${payload} }`,
    variables: async () => {
      const application = await api.database.prisma.application.findFirstOrThrow();
      return { id: Buffer.from(`Application:${application.id}`).toString('base64') };
    },
  },
};

const achievementInput = {
  achievementType: 'CertificateOfCompletion',
  nameId: 'Sertifikat Pelatihan Robot Las',
  nameEn: 'Welding Robot Training Certificate',
  descriptionId: 'Menyelesaikan pelatihan pemrograman robot las lanjutan.',
  descriptionEn: 'Completed the advanced welding-robot programming training.',
  criteriaId: 'Hadir minimal 80% hari pelatihan.',
  criteriaEn: 'Attended at least 80% of training days.',
  kkniLevel: 4,
  assessmentMethod: 'Kehadiran dan praktik',
  qualityAssurance: 'Program diawasi Direktorat SMK',
  assessmentKind: 'TRAINING',
  minAttendancePercent: 80,
};

const studyProgrammeInput = {
  nameId: 'S1 Pendidikan Teknik Mesin',
  nameEn: 'Bachelor of Mechanical Engineering Education',
  degree: 'S1',
  mode: 'HYBRID',
  accreditation: 'UNGGUL',
  accreditationExpiresOn: '2029-03-31',
  totalSks: 144,
  semesters: 8,
  rplOffered: true,
};

/** Global ids of the seeded RPL records the matrix acts on (UNNES's S1-PTM). */
async function rplRecords() {
  const prisma = api.database.prisma;
  const programme = await prisma.studyProgramme.findFirstOrThrow({ where: { code: 'S1-PTM' } });
  const intake = await prisma.rplIntake.findFirstOrThrow({ where: { programmeId: programme.id } });
  const course = await prisma.course.findFirstOrThrow({
    where: { code: 'PTM310', curriculum: { programmeId: programme.id } },
  });
  const draft = await prisma.equivalenceRuleVersion.findFirstOrThrow({
    where: { rule: { code: 'PTM-FABRIKASI' } },
  });
  const teacher = await prisma.user.findUniqueOrThrow({ where: { email: demo.teacher } });
  const application =
    (await prisma.rplApplication.findFirst({ where: { teacherId: teacher.id, intakeId: intake.id } })) ??
    (await prisma.rplApplication.create({
      data: { teacherId: teacher.id, intakeId: intake.id, programmeId: programme.id },
    }));
  return {
    programme: globalId('StudyProgramme', programme.id),
    intake: globalId('RplIntake', intake.id),
    course: globalId('Course', course.id),
    draftRule: globalId('EquivalenceRuleVersion', draft.id),
    application: globalId('RplApplication', application.id),
  };
}

async function someApplication(): Promise<string> {
  const application = await api.database.prisma.application.findFirstOrThrow({
    where: { status: 'SUBMITTED' },
  });
  return Buffer.from(`Application:${application.id}`).toString('base64');
}

const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  api = await startTestApi();
  ids = await seededIds(api);
  for (const [role, email] of Object.entries(roles) as [Role, string | null][]) {
    clients.set(role, email ? await api.signIn(email) : api.client());
  }
});
afterAll(() => api?.close());

describe('the authorization matrix', () => {
  it('has a row for every mutation in the schema', () => {
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(Object.keys(matrix).sort()).toEqual(mutations);
  });

  const cases = Object.entries(matrix).flatMap(([name, row]) =>
    (Object.keys(roles) as Role[]).map((role) => [name, role, row.allowed.includes(role)] as const),
  );

  it.each(cases)('%s as %s: allowed=%s', async (name, role, allowed) => {
    const row = matrix[name] as Case;
    const result = await (clients.get(role) as TestClient).gql(row.document, await row.variables());
    const code = result.errors?.[0]?.extensions?.code;
    if (allowed) {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    } else {
      expect(code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(result.data?.[name as never] ?? null).toBeNull();
    }
  });
});

describe('record-level checks', () => {
  it('refuses a program manager whose organization does not run the programme', async () => {
    const university = await api.database.prisma.organization.findUniqueOrThrow({ where: { code: 'unnes' } });
    const user = await api.database.prisma.user.create({
      data: {
        name: 'Manajer Lain',
        email: 'manajer.lain@example.id',
        roles: ['PROGRAM_MANAGER'],
        organizationId: university.id,
      },
    });
    await api.database.prisma.account.create({
      data: {
        userId: user.id,
        accountId: user.id,
        providerId: 'credential',
        password: await hashPassword('kata-sandi-panjang'),
      },
    });
    const outsider = await api.signIn('manajer.lain@example.id', { password: 'kata-sandi-panjang' });
    const created = await outsider.data(
      `mutation ($input: TrainingCallInput!) { createTrainingCall(input: $input) { __typename ... on Error { code } } }`,
      { input: callInput(ids) },
    );
    expect(created.createTrainingCall).toEqual({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const closed = await outsider.data(
      `mutation ($id: ID!) { closeTrainingCall(id: $id) { __typename ... on Error { code } } }`,
      {
        id: ids.openCall,
      },
    );
    expect(closed.closeTrainingCall).toEqual({ __typename: 'NotAllowedError', code: 'FORBIDDEN' });
    const draft = await outsider.data(`mutation ($id: ID!) { publishTrainingCall(id: $id) { __typename } }`, {
      id: ids.openCallInlastekDraft,
    });
    expect(draft.publishTrainingCall.__typename).toBe('NotFoundError');
  });
});

describe('reading draft calls', () => {
  // A draft is seen by those who run its programme or provider, and by admins; by nobody else.
  const sees: Record<Role, boolean> = {
    anonymous: false,
    TEACHER: false,
    PRINCIPAL: false,
    PROVIDER_STAFF: false, // the draft is Inlastek's; this provider staff works for another provider
    PROGRAM_MANAGER: true,
    SELECTION_REVIEWER: false,
    RPL_REVIEWER: false,
    ADMIN: true,
  };

  it.each(Object.entries(sees) as [Role, boolean][])('as %s: sees the draft=%s', async (role, allowed) => {
    const client = clients.get(role) as TestClient;
    const one = await client.data(`query ($id: ID!) { trainingCall(id: $id) { id status } }`, {
      id: ids.openCallInlastekDraft,
    });
    expect(one.trainingCall?.id ?? null).toBe(allowed ? ids.openCallInlastekDraft : null);
    const list = await client.data(
      `query { trainingCalls(first: 100, filter: { statuses: [DRAFT] }) { totalCount edges { node { id } } } }`,
    );
    const listed = list.trainingCalls.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(listed.includes(ids.openCallInlastekDraft)).toBe(allowed);
    if (!allowed && role !== 'PROVIDER_STAFF') expect(list.trainingCalls.totalCount).toBe(0);
  });

  it('lets an admin see every call, draft or published', async () => {
    const admin = clients.get('ADMIN') as TestClient;
    const total = await api.database.prisma.trainingCall.count();
    const list = await admin.data(`query { trainingCalls(first: 1) { totalCount } }`);
    expect(list.trainingCalls.totalCount).toBe(total);
  });
});

const everyone = Object.keys(roles) as Role[];

type QueryCase = { allowed: Role[]; document: string; variables?: () => Promise<Record<string, unknown>> };

const queryMatrix: Record<string, QueryCase> = {
  trainingCalls: { allowed: everyone, document: `query { trainingCalls(first: 5) { totalCount } }` },
  trainingCall: {
    allowed: everyone,
    document: `query ($id: ID!) { trainingCall(id: $id) { id } }`,
    variables: async () => ({ id: ids.openCall }),
  },
  application: {
    allowed: everyone,
    document: `query ($id: ID!) { application(id: $id) { id } }`,
    variables: async () => ({ id: await someApplication() }),
  },
  myApplications: {
    allowed: ['TEACHER'],
    document: `query { myApplications(first: 5) { edges { cursor } } }`,
  },
  schoolApplications: {
    allowed: ['PRINCIPAL'],
    document: `query { schoolApplications(first: 5) { edges { cursor } } }`,
  },
  reviewAssignments: { allowed: ['SELECTION_REVIEWER'], document: `query { reviewAssignments { id } }` },
  selectionReviewers: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `query { selectionReviewers { id } }`,
  },
  users: { allowed: ['ADMIN'], document: `query { users(first: 5) { totalCount } }` },
  me: { allowed: everyone, document: `query { me { id } }` },
  notifications: { allowed: signedIn, document: `query { notifications(first: 5) { edges { cursor } } }` },
  unreadNotificationCount: { allowed: signedIn, document: `query { unreadNotificationCount }` },
  organizations: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `query { organizations(kind: SCHOOL) { id } }`,
  },
  programmes: { allowed: everyone, document: `query { programmes { id isManagedByViewer } }` },
  providers: { allowed: everyone, document: `query { providers { id } }` },
  provinces: { allowed: everyone, document: `query { provinces { code } }` },
  skillAreas: { allowed: everyone, document: `query { skillAreas { id } }` },
  schoolByNpsn: { allowed: everyone, document: `query { schoolByNpsn(npsn: "20328921") { id } }` },
  myCredentials: { allowed: ['TEACHER'], document: `query { myCredentials { id } }` },
  credentialById: {
    allowed: everyone,
    document: `query ($id: String!) { credentialById(id: $id) { id } }`,
    variables: async () => ({ id: (await api.database.prisma.credential.findFirstOrThrow()).id }),
  },
  verifyCredential: {
    allowed: everyone,
    document: `query ($id: String!) { verifyCredential(id: $id) { valid } }`,
    variables: async () => ({ id: (await api.database.prisma.credential.findFirstOrThrow()).id }),
  },
  issuer: { allowed: everyone, document: `query { issuer(slug: "pt-unggul-semesta") { name } }` },
  skkniUnit: { allowed: everyone, document: `query { skkniUnit(code: "C.250000.010.01") { code } }` },
  pathways: { allowed: everyone, document: `query { pathways { code status } }` },
  pathwayVersion: {
    allowed: everyone,
    document: `query ($id: ID!) { pathwayVersion(id: $id) { code } }`,
    variables: async () => {
      const version = await api.database.prisma.pathwayVersion.findFirstOrThrow({
        where: { status: 'PUBLISHED' },
      });
      return { id: globalId('PathwayVersion', version.id) };
    },
  },
  myPathways: { allowed: ['TEACHER'], document: `query { myPathways { isComplete } }` },
  myImportedCredentials: { allowed: ['TEACHER'], document: `query { myImportedCredentials { id } }` },
  pathwayPublicationPreview: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `query ($id: ID!) { pathwayPublicationPreview(versionId: $id) { wouldReceive } }`,
    variables: async () => ({ id: await draftPathwayVersion() }),
  },
  pathwayAwardReviews: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `query { pathwayAwardReviews(open: true) { id } }`,
  },
  pathwayAchievementOptions: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN', 'RPL_REVIEWER'],
    document: `query { pathwayAchievementOptions(search: "robot") { code } }`,
  },
  skkniUnitOptions: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN', 'RPL_REVIEWER'],
    document: `query { skkniUnitOptions(search: "las") { code } }`,
  },
  studyProgrammes: { allowed: everyone, document: `query { studyProgrammes { id code } }` },
  studyProgramme: {
    allowed: everyone,
    document: `query ($id: ID!) { studyProgramme(id: $id) { id } }`,
    variables: async () => ({ id: (await rplRecords()).programme }),
  },
  managedStudyProgrammes: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `query { managedStudyProgrammes { id } }`,
  },
  nationalRegulationProfiles: {
    allowed: ['PROGRAM_MANAGER', 'RPL_REVIEWER', 'ADMIN'],
    document: `query { nationalRegulationProfiles { version } }`,
  },
  rplEstimate: {
    allowed: ['TEACHER'],
    document: `query ($id: ID!) { rplEstimate(programmeId: $id) { __typename } }`,
    variables: async () => ({ id: (await rplRecords()).programme }),
  },
  myRplApplications: { allowed: ['TEACHER'], document: `query { myRplApplications { id } }` },
  rplApplication: {
    allowed: signedIn,
    document: `query ($id: ID!) { rplApplication(id: $id) { id } }`,
    variables: async () => ({ id: (await rplRecords()).application }),
  },
  rplApplications: { allowed: ['RPL_REVIEWER', 'ADMIN'], document: `query { rplApplications { id } }` },
  rplProspects: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `query ($id: ID!) { rplProspects(programmeId: $id) { __typename } }`,
    variables: async () => ({ id: (await rplRecords()).programme }),
  },
  rplQueue: { allowed: ['RPL_REVIEWER', 'ADMIN'], document: `query { rplQueue(view: OPEN) { isOverdue } }` },
  rplMyStaffRoles: { allowed: ['RPL_REVIEWER', 'ADMIN'], document: `query { rplMyStaffRoles }` },
  rplStaff: { allowed: ['RPL_REVIEWER', 'ADMIN'], document: `query { rplStaff { userId } }` },
  rplUniversitySettings: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `query { rplUniversitySettings { appealDays } }`,
  },
  rplCanAdministerUniversity: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `query { rplCanAdministerUniversity }`,
  },
  rplDecrees: { allowed: ['RPL_REVIEWER', 'ADMIN'], document: `query { rplDecrees { number } }` },
  rplReport: { allowed: ['RPL_REVIEWER', 'ADMIN'], document: `query { rplReport { rows { totalSks } } }` },
  rplProgrammeFigure: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `query { rplProgrammeFigure { totalSks } }`,
  },
  // The dashboard: managers see their programmes, provider staff their own calls (dashboard.db.test.ts
  // checks whose numbers); principals their school's summary only.
  dashboard: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `query { dashboard { scope funnel { count } } }`,
  },
  dashboardOptions: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `query { dashboardOptions { years } }`,
  },
  schoolFigures: { allowed: ['PRINCIPAL'], document: `query { schoolFigures { count } }` },
  dashboardFiguresAsOf: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN', 'PRINCIPAL'],
    document: `query { dashboardFiguresAsOf }`,
  },
  // A published profile is public; the settings are the teacher's own.
  publicProfile: { allowed: everyone, document: `query { publicProfile(slug: "sri-wahyuni") { name } }` },
  myPublicProfile: { allowed: ['TEACHER'], document: `query { myPublicProfile { slug } }` },
  myDisseminationTrainings: {
    allowed: ['TEACHER'],
    document: `query { myDisseminationTrainings { callTitle progress { summary } } }`,
  },
  // Filtered per record (the teacher's own, the principal's school, admins): others read null.
  disseminationReport: {
    allowed: signedIn,
    document: `query ($id: ID!) { disseminationReport(id: $id) { id } }`,
    variables: async () => ({ id: globalId('DisseminationReport', NO_RECORD) }),
  },
  schoolDisseminationReports: {
    allowed: ['PRINCIPAL'],
    document: `query { schoolDisseminationReports(first: 5) { edges { node { id status } } } }`,
  },
  myIndustryContacts: { allowed: ['TEACHER'], document: `query { myIndustryContacts { companyName } }` },
  provinceTrainingFigures: {
    allowed: ['PROGRAM_MANAGER', 'ADMIN'],
    document: `query { provinceTrainingFigures { provinceCode trainedPerThousand } }`,
  },
  brandableOrganizations: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `query { brandableOrganizations { signatoryName } }`,
  },
  certificateBranding: {
    allowed: ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'],
    document: `query ($id: ID!) { certificateBranding(organizationId: $id) { signatoryName } }`,
    variables: async () => ({ id: ids.unggul }),
  },
  // A decree's public page, like a credential's.
  rplPublicDecree: {
    allowed: everyone,
    document: `query { rplPublicDecree(id: "01940000-0000-7000-8000-000000000000") { number } }`,
  },
  ruleWhatIf: {
    allowed: ['RPL_REVIEWER', 'ADMIN'],
    document: `query ($id: ID!) { ruleWhatIf(versionId: $id) { __typename } }`,
    variables: async () => ({ id: (await rplRecords()).draftRule }),
  },
};

describe('the query matrix', () => {
  it('has a row for every query field in the schema', () => {
    const fields = Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();
    expect(Object.keys(queryMatrix).sort()).toEqual(fields);
  });

  const cases = Object.entries(queryMatrix).flatMap(([name, row]) =>
    everyone.map((role) => [name, role, row.allowed.includes(role)] as const),
  );

  it.each(cases)('%s as %s: allowed=%s', async (name, role, allowed) => {
    const row = queryMatrix[name] as QueryCase;
    const result = await (clients.get(role) as TestClient).gql(row.document, (await row.variables?.()) ?? {});
    if (allowed) {
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    } else {
      expect(result.errors?.[0]?.extensions?.code).toBe(
        role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      );
      expect(result.data?.[name as never] ?? null).toBeNull();
    }
  });
});

/**
 * What a role gets of a field: the value (`reads`), a refusal naming the field (`refused`), or
 * nothing at all because the record itself is not theirs to see (`hidden`: filtered out, no error).
 */
type Outcome = 'reads' | 'refused' | 'hidden';

type FieldCase = {
  outcomes: Record<Role, Outcome>;
  document: string;
  variables: () => Record<string, unknown>;
  /** The record the field is read on, from the response (null when hidden). */
  record: (data: Record<string, any>) => unknown;
  /** The field a refusal names (its path's last segment). */
  refusedAt: string;
};

/** The record the type matrix reads: Sri Wahyuni's application to the 2025 welding-robot training. */
let sample: { application: string; call: string; draft: string; programme: string };

const onRecord =
  (sees: Role[]) =>
  (readers: Role[]): Record<Role, Outcome> =>
    Object.fromEntries(
      everyone.map((role) => [
        role,
        !sees.includes(role) ? 'hidden' : readers.includes(role) ? 'reads' : 'refused',
      ]),
    ) as Record<Role, Outcome>;
/** The application is seen by the teacher, their principal, the call's deliverers and reviewers, admins. */
const seesApplication: Role[] = [
  'TEACHER',
  'PRINCIPAL',
  'PROVIDER_STAFF',
  'PROGRAM_MANAGER',
  'SELECTION_REVIEWER',
  'ADMIN',
];
const onApplication = onRecord(seesApplication);
/** The call is published: everyone sees it. */
const onCall = onRecord(everyone);
const deliverers: Role[] = ['PROVIDER_STAFF', 'PROGRAM_MANAGER', 'ADMIN'];

function applicationField(selection: string, refusedAt: string, readers: Role[]): FieldCase {
  return {
    outcomes: onApplication(readers),
    document: `query ($id: ID!) { application(id: $id) { id ${selection} } }`,
    variables: () => ({ id: sample.application }),
    record: (data) => data.application,
    refusedAt,
  };
}

function pathwayField(selection: string, refusedAt: string): FieldCase {
  return {
    outcomes: onRecord(everyone)(['PROGRAM_MANAGER', 'ADMIN']),
    document: `query { pathways(status: PUBLISHED) { code ${selection} } }`,
    variables: () => ({}),
    record: (data) => (data.pathways as unknown[] | undefined)?.[0],
    refusedAt,
  };
}

function callField(selection: string, refusedAt: string, readers: Role[]): FieldCase {
  return {
    outcomes: onCall(readers),
    document: `query ($id: ID!) { trainingCall(id: $id) { id ${selection} } }`,
    variables: () => ({ id: sample.call }),
    record: (data) => data.trainingCall,
    refusedAt,
  };
}

const fieldMatrix: Record<string, FieldCase> = {
  // A published pathway is everyone's to read; who was awarded it is for those who manage pathways.
  'PathwayVersion.awardCount': pathwayField('awardCount', 'awardCount'),
  'PathwayVersion.awards': pathwayField('awards(first: 5) { totalCount }', 'awards'),
  // Types with their own check, read where each role may reach them.
  TrainingCall: {
    outcomes: onRecord(['PROGRAM_MANAGER', 'ADMIN'])(['PROGRAM_MANAGER', 'ADMIN']),
    document: `query ($id: ID!) { trainingCall(id: $id) { id title } }`,
    variables: () => ({ id: sample.draft }),
    record: (data) => data.trainingCall,
    refusedAt: 'trainingCall',
  },
  Application: applicationField('status', 'application', seesApplication),
  User: applicationField('teacher { name }', 'teacher', seesApplication),
  Notification: {
    outcomes: { ...onRecord(everyone)(signedIn) },
    document: `query { notifications(first: 5) { edges { node { title } } } }`,
    variables: () => ({}),
    record: (data) => data.notifications,
    refusedAt: 'notifications',
  },
  // Sensitive fields read with their record: whoever sees the application reads them.
  'Application.motivation': applicationField('motivation', 'motivation', seesApplication),
  'Application.endorsementNote': applicationField('endorsementNote', 'endorsementNote', seesApplication),
  'User.email': applicationField('teacher { email }', 'email', seesApplication),
  'TeacherProfile.nuptk': applicationField(
    'teacher { teacherProfile { nuptk birthDate } }',
    'nuptk',
    seesApplication,
  ),
  'Evidence.url': applicationField('assessments { evidence { name url } }', 'url', seesApplication),
  'Credential.document': applicationField('credentials { document }', 'document', seesApplication),
  'Application.viewerReview': applicationField('viewerReview { total }', 'viewerReview', seesApplication),
  // Staff-side records of an application: for those who deliver the call.
  'Application.reviews': applicationField(
    'reviews { total comment reviewer { name } }',
    'reviews',
    deliverers,
  ),
  'Application.reviewSummary': applicationField('reviewSummary { count meanScore }', 'reviewSummary', [
    ...deliverers,
    'SELECTION_REVIEWER',
  ]),
  'Application.history': applicationField('history { action }', 'history', deliverers),
  // The principal of the teacher's school reads the endorsement decisions, besides the deliverers.
  'Application.endorsementHistory': applicationField('endorsementHistory { action }', 'endorsementHistory', [
    'PRINCIPAL',
    ...deliverers,
  ]),
  'Application.attendance': applicationField('attendance { present }', 'attendance', deliverers),
  'Application.amendments': applicationField('amendments { reason }', 'amendments', deliverers),
  'Application.issuanceError': applicationField('issuanceError', 'issuanceError', deliverers),
  // A published call's staff side.
  'TrainingCall.applications': callField('applications(first: 5) { totalCount }', 'applications', [
    ...deliverers,
    'SELECTION_REVIEWER',
  ]),
  'TrainingCall.participants': callField('participants(first: 5) { totalCount }', 'participants', deliverers),
  'TrainingCall.trainingDays': callField('trainingDays { date }', 'trainingDays', deliverers),
  'TrainingCall.checkIns': callField('checkIns { id }', 'checkIns', deliverers),
  'TrainingCall.resultsHistory': callField('resultsHistory { action }', 'resultsHistory', deliverers),
  'TrainingCall.issuanceProgress': callField('issuanceProgress { total }', 'issuanceProgress', deliverers),
  'TrainingCall.reviewers': callField('reviewers { name }', 'reviewers', deliverers),
  'TrainingCall.reviewProgress': callField('reviewProgress { endorsed }', 'reviewProgress', [
    ...deliverers,
    'SELECTION_REVIEWER',
  ]),
  'TrainingCall.selectionPreview': callField('selectionPreview { kind }', 'selectionPreview', deliverers),
  // Where reviewers disagree most: for those who manage the call.
  'TrainingCall.reviewDisagreements': callField('reviewDisagreements { spread }', 'reviewDisagreements', [
    'PROGRAM_MANAGER',
    'ADMIN',
  ]),
  // What each score means: for those who deliver the call and its assigned reviewers.
  'RubricCriterion.levels': callField('rubric { key levels { score } }', 'levels', [
    ...deliverers,
    'SELECTION_REVIEWER',
  ]),
  // A teacher's industry contacts are theirs alone (the seeded one is the demo teacher's).
  IndustryContact: {
    outcomes: { ...onRecord(everyone)(['TEACHER']) },
    document: `query { myIndustryContacts { companyName email } }`,
    variables: () => ({}),
    record: (data) => (data.myIndustryContacts as unknown[] | undefined)?.[0],
    refusedAt: 'myIndustryContacts',
  },
  // A provider's rating in full (any count): staff of the console; teachers read `providerRating`.
  'Organization.ratingSummary': callField(
    'provider { ratingSummary { count } }',
    'ratingSummary',
    deliverers,
  ),
  // How many applications an intake has is for the university's staff and admins.
  'RplIntake.applicationCount': {
    outcomes: onRecord(everyone)(['RPL_REVIEWER', 'ADMIN']),
    document: `query ($id: ID!) { studyProgramme(id: $id) { intakes { applicationCount } } }`,
    variables: () => ({ id: sample.programme }),
    record: (data) => data.studyProgramme,
    refusedAt: 'applicationCount',
  },
};

/** Every type and field that checks access itself (root fields have their own matrices). */
function checkedTypesAndFields(): string[] {
  const checked = (extensions: unknown) =>
    (extensions as { pothosOptions?: { authScopes?: unknown } } | undefined)?.pothosOptions?.authScopes !==
    undefined;
  const roots = new Set(['Query', 'Mutation']);
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => !type.name.startsWith('__') && !roots.has(type.name))
    .flatMap((type) => [
      ...(checked(type.extensions) ? [type.name] : []),
      ...Object.values(type.getFields())
        .filter((field) => checked(field.extensions))
        .map((field) => `${type.name}.${field.name}`),
    ])
    .sort();
}

describe('the type and field matrix', () => {
  beforeAll(async () => {
    const prisma = api.database.prisma;
    const teacher = await prisma.user.findUniqueOrThrow({ where: { email: demo.teacher } });
    const reviewer = await prisma.user.findUniqueOrThrow({ where: { email: demo.selectionReviewer } });
    const provider = await prisma.user.findUniqueOrThrow({ where: { email: demo.provider } });
    const call = await prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg25-robot-las' } });
    const application = await prisma.application.findUniqueOrThrow({
      where: { callId_teacherId: { callId: call.id, teacherId: teacher.id } },
      include: { assessments: { take: 1 } },
    });
    // The selection reviewer is assigned to the call and scored the application; the assessor kept
    // a link as evidence.
    await prisma.callReviewer.create({ data: { callId: call.id, userId: reviewer.id } });
    await prisma.review.create({
      data: {
        applicationId: application.id,
        reviewerId: reviewer.id,
        scores: { motivation: 4 },
        total: 8000,
      },
    });
    const assessment = application.assessments[0];
    if (!assessment) throw new Error('the seeded participant has no unit assessment');
    await prisma.evidence.create({
      data: {
        assessmentId: assessment.id,
        kind: 'LINK',
        name: 'Video uji praktik',
        url: 'https://contoh.id/video/uji',
        uploadedById: provider.id,
      },
    });
    sample = {
      application: globalId('Application', application.id),
      call: globalId('TrainingCall', call.id),
      draft: ids.openCallInlastekDraft,
      programme: (await rplRecords()).programme,
    };
  });

  it('has a row for every type and field that checks access itself', () => {
    const rows = new Set(Object.keys(fieldMatrix));
    expect(checkedTypesAndFields().filter((name) => !rows.has(name))).toEqual([]);
  });

  const cases = Object.entries(fieldMatrix).flatMap(([name, row]) =>
    everyone.map((role) => [name, role, row.outcomes[role]] as const),
  );

  it.each(cases)('%s as %s: %s', async (name, role, outcome) => {
    const row = fieldMatrix[name] as FieldCase;
    const result = await (clients.get(role) as TestClient).gql(row.document, row.variables());
    const errors = result.errors ?? [];
    if (outcome === 'refused') {
      expect(errors.length, JSON.stringify(result)).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        expect(error.path?.at(-1)).toBe(row.refusedAt);
      }
      return;
    }
    expect(errors, JSON.stringify(errors)).toEqual([]);
    const record = row.record(result.data ?? {});
    if (outcome === 'hidden') expect(record ?? null).toBeNull();
    else expect(record, JSON.stringify(result.data)).toBeTruthy();
  });
});

describe("lists of a call's applications", () => {
  let callId: string;

  beforeAll(async () => {
    const prisma = api.database.prisma;
    const call = await prisma.trainingCall.findUniqueOrThrow({ where: { code: 'kmg-seleksi-mekatronika' } });
    const teacher = await prisma.user.findUniqueOrThrow({
      where: { email: demo.teacher },
      include: { teacherProfile: true },
    });
    // One application still waiting for its principal: not the reviewers' to read yet.
    await prisma.application.create({
      data: {
        callId: call.id,
        teacherId: teacher.id,
        schoolId: teacher.teacherProfile?.schoolId ?? null,
        motivation: MOTIVATION,
        status: 'SUBMITTED',
      },
    });
    callId = globalId('TrainingCall', call.id);
  });

  const LIST = `query ($id: ID!, $status: ApplicationStatus) { trainingCall(id: $id) {
    applications(first: 50, status: $status) { totalCount edges { node { status } } } } }`;

  it('gives an assigned reviewer, asking without a status, the endorsed ones: filtered, not refused', async () => {
    const reviewer = clients.get('SELECTION_REVIEWER') as TestClient;
    const { trainingCall } = await reviewer.data(LIST, { id: callId });
    const statuses = trainingCall.applications.edges.map((edge: any) => edge.node.status);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses).not.toContain('SUBMITTED');
    expect(trainingCall.applications.totalCount).toBe(statuses.length);
    const submitted = await reviewer.data(LIST, { id: callId, status: 'SUBMITTED' });
    expect(submitted.trainingCall.applications).toEqual({ totalCount: 0, edges: [] });
  });

  it('gives those who deliver the call every application, the waiting one included', async () => {
    const reviewerView = await (clients.get('SELECTION_REVIEWER') as TestClient).data(LIST, { id: callId });
    for (const role of ['PROGRAM_MANAGER', 'ADMIN'] as const) {
      const { trainingCall } = await (clients.get(role) as TestClient).data(LIST, { id: callId });
      const statuses = trainingCall.applications.edges.map((edge: any) => edge.node.status);
      expect(statuses, role).toContain('SUBMITTED');
      expect(trainingCall.applications.totalCount, role).toBe(
        reviewerView.trainingCall.applications.totalCount + 1,
      );
    }
  });
});

describe('RPL applications, record by record', () => {
  let submitted: string;

  beforeAll(async () => {
    const prisma = api.database.prisma;
    const programme = await prisma.studyProgramme.findFirstOrThrow({ where: { code: 'S1-PTM' } });
    const intake = await prisma.rplIntake.findFirstOrThrow({ where: { programmeId: programme.id } });
    const yohanes = await prisma.user.findUniqueOrThrow({ where: { email: 'yohanes.tanaem@kmg.demo' } });
    const row = await prisma.rplApplication.create({
      data: {
        teacherId: yohanes.id,
        intakeId: intake.id,
        programmeId: programme.id,
        status: 'SUBMITTED',
        submittedAt: new Date(),
        proposedSks: 0,
      },
    });
    submitted = globalId('RplApplication', row.id);
  });

  const READ = `query ($id: ID!) { rplApplication(id: $id) { id status } }`;
  const ASK = `mutation ($id: ID!) { requestRplEvidence(applicationId: $id, message: "Mohon unggah sertifikat yang berlaku.") {
    __typename ... on RequestRplEvidenceSuccess { data { status } } } }`;
  const EDIT = `mutation ($id: ID!) { saveRplDraft(applicationId: $id, input: { credentialIds: [], externalCredentialIds: [], selfEvaluations: [] }) { __typename } }`;

  it('keeps a teacher out of another teacher’s application', async () => {
    const other = clients.get('TEACHER') as TestClient;
    expect((await other.data(READ, { id: submitted })).rplApplication).toBeNull();
    expect((await other.data(EDIT, { id: submitted })).saveRplDraft.__typename).toBe('NotFoundError');
    const owner = await api.signIn('yohanes.tanaem@kmg.demo');
    expect((await owner.data(READ, { id: submitted })).rplApplication).toMatchObject({ status: 'SUBMITTED' });
  });

  it('keeps another university’s staff out; the programme’s university reads and asks for evidence', async () => {
    const polman = await api.signIn('asesor.polman@kmg.demo');
    expect((await polman.data(READ, { id: submitted })).rplApplication).toBeNull();
    expect((await polman.data(ASK, { id: submitted })).requestRplEvidence.__typename).toBe('NotFoundError');
    expect((await polman.data(`{ rplApplications { id } }`)).rplApplications).toEqual([]);
    const unnes = clients.get('RPL_REVIEWER') as TestClient;
    expect((await unnes.data(READ, { id: submitted })).rplApplication).toMatchObject({ status: 'SUBMITTED' });
    expect((await unnes.data(ASK, { id: submitted })).requestRplEvidence).toEqual({
      __typename: 'RequestRplEvidenceSuccess',
      data: { status: 'EVIDENCE_REQUESTED' },
    });
  });

  it('shows the university no draft', async () => {
    const draft = (await rplRecords()).application;
    const unnes = clients.get('RPL_REVIEWER') as TestClient;
    expect((await unnes.data(READ, { id: draft })).rplApplication).toBeNull();
    const listed = (await unnes.data(`{ rplApplications { id } }`)).rplApplications.map(
      (row: { id: string }) => row.id,
    );
    expect(listed).toContain(submitted);
    expect(listed).not.toContain(draft);
  });
});

describe('dissemination reports, record by record', () => {
  /** Who reads the demo teacher's submitted report: she, her school's principal, admins. */
  const readers: Role[] = ['TEACHER', 'PRINCIPAL', 'ADMIN'];

  it.each(everyone)('the submitted demo report as %s', async (role) => {
    const report = await api.database.prisma.disseminationReport.findFirstOrThrow({
      where: { status: 'SUBMITTED', teacher: { email: demo.teacher } },
    });
    const result = await (clients.get(role) as TestClient).gql(
      `query ($id: ID!) { disseminationReport(id: $id) { id evidence { url } } }`,
      { id: globalId('DisseminationReport', report.id) },
    );
    if (role === 'anonymous') {
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    expect(result.errors).toBeUndefined();
    expect(result.data?.disseminationReport ? 'reads' : 'hidden').toBe(
      readers.includes(role) ? 'reads' : 'hidden',
    );
  });
});
