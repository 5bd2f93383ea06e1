import { beforeAll, describe, expect, it } from 'vitest';
import { verifyClrCredential } from '#clr.ts';
import { type Credential, isCredentialFor } from '#credential.ts';
import {
  buildRplRecognition,
  buildRplRecognitionComponents,
  PRIOR_LEARNING_EVIDENCE_GENRE,
  RPL_DECREE_EVIDENCE_GENRE,
  RPL_RECOGNITION_ACHIEVEMENT_TYPE,
  type RplRecognitionInput,
  rplCourseAchievementId,
  rplRecognitionAchievementId,
  signRplRecognition,
} from '#recognition.ts';
import {
  priorLearning,
  singleCourseRecognitionInput,
  thirtyCourseRecognitionInput,
  universityProfile,
  universitySlug,
} from '#recognition-fixtures.ts';
import { validateClrCredential, validateOpenBadgeSchema } from '#schema.ts';
import { signCredential } from '#sign.ts';
import { createTestIssuer, type TestIssuer, withValue } from '#testing.ts';

type Subject = {
  creditsEarned: number;
  term: string;
  achievement: Record<string, unknown>;
};
const subjectOf = (credential: Credential) => credential.credentialSubject as Subject;
const embedded = (bundle: Credential) =>
  (bundle.credentialSubject as { verifiableCredential: Credential[] }).verifiableCredential;
const { nuptk } = singleCourseRecognitionInput.learner;

describe('buildRplRecognitionComponents', () => {
  const [award, ...courses] = buildRplRecognitionComponents(thirtyCourseRecognitionInput) as [
    Credential,
    ...Credential[],
  ];

  it('awards the recognition first, then each course in the decree’s order, each an OB 3.0 credential', () => {
    expect(courses.map((course) => subjectOf(course).achievement.humanCode)).toEqual(
      thirtyCourseRecognitionInput.courses.map((course) => course.code),
    );
    for (const credential of [award, ...courses]) {
      expect(validateOpenBadgeSchema(credential)).toEqual({ ok: true });
      expect(credential.issuer).toMatchObject({ id: universityProfile.id, name: universityProfile.name });
      expect(isCredentialFor({ credential, nuptk })).toBe(true);
    }
  });

  it('states each course as the programme’s, with the SKS it carries and the SKS recognised', () => {
    const welding = courses[14] as Credential;
    expect(subjectOf(welding)).toMatchObject({
      creditsEarned: 3,
      term: 'Semester Gasal 2026/2027',
      achievement: {
        id: 'https://kmg.example.id/issuers/universitas-teknik-nusantara/programmes/83209/courses/MES6215',
        type: ['Achievement'],
        achievementType: 'Course',
        name: 'Teknologi Pengelasan',
        humanCode: 'MES6215',
        creditsAvailable: 3,
        fieldOfStudy: 'Pendidikan Teknik Mesin',
      },
    });
    const partly = courses[5] as Credential;
    expect(subjectOf(partly).creditsEarned).toBe(2);
    expect(subjectOf(partly).achievement.creditsAvailable).toBe(3);
  });

  it('states a course the same way for every teacher, so its id means one thing', () => {
    const [, single] = buildRplRecognitionComponents(singleCourseRecognitionInput) as [
      Credential,
      Credential,
    ];
    expect(subjectOf(single).achievement).toEqual(subjectOf(courses[14] as Credential).achievement);
  });

  it('gives the recognition its own achievement: programme, intake, total SKS, decree and legal basis', () => {
    const { achievement, creditsEarned } = subjectOf(award);
    expect(creditsEarned).toBe(70);
    expect(achievement).toMatchObject({
      id: rplRecognitionAchievementId(thirtyCourseRecognitionInput),
      achievementType: RPL_RECOGNITION_ACHIEVEMENT_TYPE,
      name: 'Rekognisi Pembelajaran Lampau: S1 Pendidikan Teknik Mesin',
      creditsAvailable: 70,
    });
    expect(achievement.description).toContain('Pengakuan 70 SKS dari 30 mata kuliah');
    expect(achievement.description).toContain('Semester Gasal 2026/2027');
    const { narrative } = achievement.criteria as { narrative: string };
    expect(narrative).toContain('1234/UTN/KPT/2026 (Rektor Universitas Teknik Nusantara, 15 Juni 2026)');
    expect(narrative).toContain('15 June 2026');
    expect(narrative).toContain('Nomor 41 Tahun 2021 tentang Rekognisi Pembelajaran Lampau');
    expect(narrative).toContain('- MES6206 Mekanika Teknik: 2 SKS / 3 SKS');
    expect(narrative).toContain('- MES6206 Engineering Mechanics: 2 SKS / 3 SKS');
  });

  it.each([
    ['whole SKS', [3, 2], 5, '5'],
    ['fractions that floating point would smear', [0.1, 0.2], 0.3, '0,3'],
  ])('totals %s exactly, written with a decimal comma in Indonesian', (_case, recognised, total, written) => {
    const input: RplRecognitionInput = {
      ...singleCourseRecognitionInput,
      courses: recognised.map((recognisedSks, index) => ({
        code: `MK${index}`,
        name: { id: `Mata Kuliah ${index}`, en: `Course ${index}` },
        sks: 3,
        recognisedSks,
        basedOn: [priorLearning.weldingRobot.id],
      })),
    };
    const { achievement, creditsEarned } = subjectOf(buildRplRecognitionComponents(input)[0] as Credential);
    expect(creditsEarned).toBe(total);
    expect(achievement.description).toContain(`Pengakuan ${written} SKS`);
  });

  it('names everything in Indonesian first, with the English edition after it', () => {
    const { achievement } = subjectOf(courses[14] as Credential);
    expect(achievement.inLanguage).toBe('id');
    expect(achievement.description).toBe(
      'Mata kuliah MES6215 (3 SKS) Program Studi S1 Pendidikan Teknik Mesin.\n\n---\n\n' +
        'Welding Technology. Course MES6215 (3 SKS) of the S1 Mechanical Engineering Education study programme.',
    );
    expect(subjectOf(award).achievement.description).toMatch(
      /^Pengakuan .*\n\n---\n\nRecognition of Prior Learning: S1 Mechanical Engineering Education\. 70 SKS credits/,
    );
  });

  it('dates every credential from the start of the decree day in Jakarta', () => {
    for (const credential of [award, ...courses]) {
      expect(credential.validFrom).toBe('2026-06-15T00:00:00+07:00');
      expect(credential.awardedDate).toBe('2026-06-15T00:00:00+07:00');
      expect(credential).not.toHaveProperty('validUntil');
    }
  });

  it('names the decree and the credentials each course rests on as evidence, by URL', () => {
    const decree = {
      id: 'https://utn.example.ac.id/sk/1234-UTN-KPT-2026',
      type: ['Evidence'],
      name: 'Keputusan Rektor Universitas Teknik Nusantara Nomor 1234/UTN/KPT/2026',
      description: 'Ditetapkan 15 Juni 2026. Decree issued 15 June 2026.',
      genre: RPL_DECREE_EVIDENCE_GENRE,
    };
    const ids = (credential: Credential) =>
      (credential.evidence as Array<{ id: string }>).map(({ id }) => id);
    expect((award.evidence as unknown[])[0]).toEqual(decree);
    expect(ids(award)).toEqual([
      decree.id,
      ...thirtyCourseRecognitionInput.priorLearning.map(({ id }) => id),
    ]);
    expect(ids(courses[0] as Credential)).toEqual([decree.id, priorLearning.pathway.id]);
    expect(ids(courses[1] as Credential)).toEqual([
      decree.id,
      priorLearning.weldingRobot.id,
      priorLearning.weldInspection.id,
    ]);
    const [, evidence] = (courses[1] as Credential).evidence as Array<{ genre: string }>;
    expect(evidence?.genre).toBe(PRIOR_LEARNING_EVIDENCE_GENRE);
  });

  it('gives each credential a stable id of its own and the recognition’s revocation entry', () => {
    const ids = [award, ...courses].map((credential) => credential.id);
    expect(new Set(ids).size).toBe(31);
    expect(ids.every((id) => /^urn:uuid:[0-9a-f-]{36}$/.test(String(id)))).toBe(true);
    expect(buildRplRecognitionComponents(thirtyCourseRecognitionInput).map(({ id }) => id)).toEqual(ids);
    for (const credential of [award, ...courses]) {
      expect(credential.credentialStatus).toEqual(thirtyCourseRecognitionInput.credentialStatus);
    }
  });

  const course = singleCourseRecognitionInput.courses[0] as RplRecognitionInput['courses'][number];
  it.each<[string, Partial<RplRecognitionInput>, RegExp]>([
    ['an id that is not urn:uuid', { id: 'https://utn.example.ac.id/rpl/1' }, /urn:uuid/],
    ['no courses', { courses: [] }, /at least one course/],
    ['a course listed twice', { courses: [course, course] }, /MES6215 is listed twice/],
    ['more SKS than the course has', { courses: [{ ...course, recognisedSks: 4 }] }, /at most its 3 SKS/],
    ['no SKS recognised', { courses: [{ ...course, recognisedSks: 0 }] }, /above 0/],
    ['a course resting on nothing', { courses: [{ ...course, basedOn: [] }] }, /rests on no credential/],
    [
      'a course resting on a credential not listed',
      { courses: [{ ...course, basedOn: [priorLearning.pathway.id] }] },
      /not in priorLearning/,
    ],
    ['prior learning not by URL', { priorLearning: [{ id: 'urn:uuid:1', name: 'x' }] }, /by URL/],
    ['no legal basis', { legalBasis: [] }, /at least one regulation/],
    [
      'a decree date that is not a calendar date',
      { decree: { ...singleCourseRecognitionInput.decree, date: '2026-02-30' } },
      /calendar date/,
    ],
    [
      'a suspension entry',
      {
        credentialStatus: { ...singleCourseRecognitionInput.credentialStatus, statusPurpose: 'suspension' },
      },
      /annulled, not suspended/,
    ],
  ])('refuses %s', (_case, change, message) => {
    expect(() => buildRplRecognitionComponents({ ...singleCourseRecognitionInput, ...change })).toThrow(
      message,
    );
  });
});

describe('RPL recognitions signed by the university', () => {
  const now = new Date('2026-07-01T00:00:00Z');
  let university: TestIssuer;
  let single: Credential;
  let thirty: Credential;

  const sign = (input: RplRecognitionInput) =>
    signRplRecognition({ input, key: university.signingKey, documentLoader: university.documentLoader });
  const verify = (bundle: unknown) =>
    verifyClrCredential(bundle, { documentLoader: university.documentLoader, now });

  beforeAll(async () => {
    university = await createTestIssuer({ slug: universitySlug });
    [single, thirty] = await Promise.all([
      sign(singleCourseRecognitionInput),
      sign(thirtyCourseRecognitionInput),
    ]);
  });

  describe('buildRplRecognition', () => {
    it('bundles the signed components in a ClrCredential the official CLR 2.0 schema accepts', () => {
      const unsigned = buildRplRecognition(thirtyCourseRecognitionInput, embedded(thirty));
      expect(validateClrCredential(unsigned)).toEqual({ ok: true });
      expect(unsigned.type).toEqual(['VerifiableCredential', 'ClrCredential']);
      const { proof: _proof, ...signedWithoutProof } = thirty;
      expect(unsigned).toEqual(signedWithoutProof);
    });

    it('is issued by the university, about the teacher, from the decree day, as a partial record', () => {
      expect(thirty.issuer).toMatchObject({
        id: 'did:web:kmg.example.id:issuers:universitas-teknik-nusantara',
        address: { addressCountryCode: 'ID', addressLocality: 'Kabupaten Sleman' },
        parentOrg: { name: 'Kementerian Pendidikan Tinggi, Sains, dan Teknologi' },
      });
      expect(isCredentialFor({ credential: thirty, nuptk })).toBe(true);
      expect(JSON.stringify(thirty)).not.toContain(nuptk);
      expect(thirty.validFrom).toBe('2026-06-15T00:00:00+07:00');
      expect(thirty.name).toBe('Rekognisi Pembelajaran Lampau: S1 Pendidikan Teknik Mesin');
      expect(thirty.partial).toBe(true);
      expect(thirty.credentialStatus).toEqual(thirtyCourseRecognitionInput.credentialStatus);
    });

    it('lists the recognition and each course once, the whole the parent of every course', () => {
      const subject = thirty.credentialSubject as {
        achievement: Array<{ id: string }>;
        association: Array<{ associationType: string; sourceId: string; targetId: string }>;
      };
      const whole = rplRecognitionAchievementId(thirtyCourseRecognitionInput);
      const courseIds = thirtyCourseRecognitionInput.courses.map((course) =>
        rplCourseAchievementId(thirtyCourseRecognitionInput, course.code),
      );
      expect(subject.achievement.map(({ id }) => id)).toEqual([whole, ...courseIds]);
      expect(subject.association).toHaveLength(60);
      expect(subject.association.slice(0, 2)).toEqual([
        { type: 'Association', associationType: 'isParentOf', sourceId: whole, targetId: courseIds[0] },
        { type: 'Association', associationType: 'isChildOf', sourceId: courseIds[0], targetId: whole },
      ]);
    });

    it('names the decree and every prior-learning credential as the bundle’s evidence', () => {
      expect(
        (single.evidence as Array<{ id: string; genre: string }>).map(({ id, genre }) => [id, genre]),
      ).toEqual([
        [singleCourseRecognitionInput.decree.verificationUrl, RPL_DECREE_EVIDENCE_GENRE],
        [priorLearning.weldingRobot.id, PRIOR_LEARNING_EVIDENCE_GENRE],
        [priorLearning.weldInspection.id, PRIOR_LEARNING_EVIDENCE_GENRE],
      ]);
    });

    it.each<[string, (components: Credential[]) => Credential[]]>([
      ['unsigned', (components) => components.map(({ proof: _proof, ...unsigned }) => unsigned)],
      ['out of order', (components) => [...components].reverse()],
      ['missing a course', (components) => components.slice(0, -1)],
      [
        'changed before signing',
        (components) => [components[0] as Credential, withValue(components[1] as Credential, 'name', 'Lain')],
      ],
    ])('refuses components %s', (_case, change) => {
      expect(() => buildRplRecognition(singleCourseRecognitionInput, change(embedded(single)))).toThrow(
        /not this recognition’s/,
      );
    });
  });

  describe('signRplRecognition', () => {
    it('signs a one-course and a thirty-course recognition that verify, bundle and every component', async () => {
      for (const [bundle, count] of [
        [single, 2],
        [thirty, 31],
      ] as const) {
        expect(validateClrCredential(bundle)).toEqual({ ok: true });
        const result = await verify(bundle);
        expect(result.valid).toBe(true);
        expect(result.credentials).toHaveLength(count);
        for (const verification of [result.bundle, ...result.credentials]) {
          expect(Object.values(verification.checks).every((check) => check.ok)).toBe(true);
        }
      }
    });

    it('refuses to sign for an issuer other than the key’s', async () => {
      const other = await createTestIssuer({ slug: 'universitas-lain' });
      await expect(
        signRplRecognition({
          input: singleCourseRecognitionInput,
          key: other.signingKey,
          documentLoader: other.documentLoader,
        }),
      ).rejects.toThrow(/not the key's issuer/);
    });
  });

  describe('verifyClrCredential, given a recognition', () => {
    it('fails the bundle and that course when one course’s credits earned changed', async () => {
      const tampered = withValue(
        thirty,
        'credentialSubject.verifiableCredential.6.credentialSubject.creditsEarned',
        3,
      );
      const result = await verify(tampered);
      expect(result.valid).toBe(false);
      expect(result.bundle.checks.signature.code).toBe('signature_invalid');
      expect(
        result.credentials.flatMap((verification, index) =>
          verification.checks.signature.ok ? [] : [index],
        ),
      ).toEqual([6]);
    });

    it('fails the bundle when a course credential is re-signed with other credits', async () => {
      const [award, course] = embedded(single) as [Credential, Credential];
      const { proof: _proof, ...unsigned } = withValue(course, 'credentialSubject.creditsEarned', 2);
      const resigned = await signCredential({
        credential: unsigned,
        key: university.signingKey,
        documentLoader: university.documentLoader,
      });
      const result = await verify(
        withValue(single, 'credentialSubject.verifiableCredential', [award, resigned]),
      );
      expect(result.credentials.every((verification) => verification.valid)).toBe(true);
      expect(result.bundle.checks.signature.code).toBe('signature_invalid');
    });

    it('reports the bundle and every course revoked once the university annuls the decree', async () => {
      const index = Number(singleCourseRecognitionInput.credentialStatus.statusListIndex);
      await university.setStatus({ statusPurpose: 'revocation', index, value: true });
      try {
        const result = await verify(single);
        expect([result.bundle, ...result.credentials].map(({ checks }) => checks.status.code)).toEqual([
          'revoked',
          'revoked',
          'revoked',
        ]);
        expect((await verify(thirty)).valid).toBe(true);
      } finally {
        await university.setStatus({ statusPurpose: 'revocation', index, value: false });
      }
    });

    it('is not yet valid before the decree day begins in Jakarta', async () => {
      const verifyAt = (at: string) =>
        verifyClrCredential(single, { documentLoader: university.documentLoader, now: new Date(at) });
      expect((await verifyAt('2026-06-14T16:59:59Z')).bundle.checks.validity.code).toBe('not_yet_valid');
      expect((await verifyAt('2026-06-14T17:00:00Z')).bundle.checks.validity.code).toBe('valid');
    });
  });
});
