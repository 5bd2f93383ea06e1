import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildOpenBadgeCredential,
  type Credential,
  createIdentitySalt,
  hashNuptk,
  isCredentialFor,
  type OpenBadgeInput,
  readMicroCredentialTags,
} from '#credential.ts';
import { trainingCertificateInput, weldingRobotAchievement, weldingRobotCredentialInput } from '#fixtures.ts';
import { validateOpenBadgeSchema } from '#schema.ts';
import { buildStatusEntry } from '#status.ts';

const base = weldingRobotCredentialInput;

const variants: Array<[string, OpenBadgeInput]> = [
  ['a micro-credential', base],
  ['a training certificate', trainingCertificateInput],
  ['a certification', { ...base, achievement: { ...base.achievement, achievementType: 'Certification' } }],
  [
    'a credential with a Belum Kompeten unit',
    {
      ...base,
      achievement: {
        ...base.achievement,
        skkniUnits: base.achievement.skkniUnits.map((unit, index) =>
          index === 1 ? { ...unit, result: 'BK' } : unit,
        ),
      },
    },
  ],
  [
    'a credential with a status entry, image and Date inputs',
    {
      ...base,
      validFrom: new Date('2025-11-07T10:00:00Z'),
      validUntil: new Date('2028-11-07T10:00:00Z'),
      achievement: {
        ...base.achievement,
        image: { id: 'https://kmg.example.id/lencana/las.png', caption: 'Lencana' },
      },
      credentialStatus: buildStatusEntry({
        statusListCredential: 'https://kmg.example.id/issuers/pt-unggul-semesta/status/revocation-1',
        statusListIndex: 40123,
        statusPurpose: 'revocation',
      }),
    },
  ],
  ['a credential without activity dates or evidence', { ...base, activity: undefined, evidence: undefined }],
];

function remove(credential: Credential, path: string): Credential {
  const copy = structuredClone(credential);
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node: Record<string, unknown> = copy;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  delete node[last];
  return copy;
}

describe('buildOpenBadgeCredential', () => {
  it.each(variants)('builds %s that validates against the official 1EdTech schema', (_name, input) => {
    expect(validateOpenBadgeSchema(buildOpenBadgeCredential(input))).toEqual({ ok: true });
  });

  it.each([
    '@context',
    'type',
    'issuer',
    'issuer.id',
    'validFrom',
    'credentialSubject',
    'credentialSubject.achievement',
    'credentialSubject.achievement.name',
    'credentialSubject.achievement.description',
    'credentialSubject.achievement.criteria',
    'credentialSubject.achievement.id',
  ])('yields a credential the schema rejects once %s is removed', (path) => {
    const result = validateOpenBadgeSchema(remove(buildOpenBadgeCredential(base), path));
    expect(result.ok).toBe(false);
  });

  it('rejects an identifier without its hash, and a result without its type', () => {
    const credential = buildOpenBadgeCredential(base) as {
      credentialSubject: Record<string, Array<Record<string, unknown>>>;
    };
    const withoutHash = structuredClone(credential);
    delete withoutHash.credentialSubject.identifier?.[0]?.identityHash;
    expect(validateOpenBadgeSchema(withoutHash).ok).toBe(false);
    const withoutType = structuredClone(credential);
    delete withoutType.credentialSubject.result?.[0]?.type;
    expect(validateOpenBadgeSchema(withoutType).ok).toBe(false);
  });

  it('identifies the teacher by a salted SHA-256 of the NUPTK and never carries it in clear', () => {
    const credential = buildOpenBadgeCredential(base);
    const expectedHash = createHash('sha256')
      .update(`${base.learner.nuptk}${base.learner.salt}`)
      .digest('hex');
    expect(credential.credentialSubject).toMatchObject({
      type: ['AchievementSubject'],
      name: 'Siti Nurhaliza Rahmawati',
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'ext:NUPTK',
          hashed: true,
          identityHash: `sha256$${expectedHash}`,
          salt: base.learner.salt,
        },
        {
          type: 'IdentityObject',
          identityType: 'name',
          hashed: false,
          identityHash: 'Siti Nurhaliza Rahmawati',
        },
      ],
    });
    expect(JSON.stringify(credential)).not.toContain(base.learner.nuptk);
  });

  it('carries every EU micro-credential element, in OB terms where they exist and as mc: tags otherwise', () => {
    const credential = buildOpenBadgeCredential(base) as Record<string, any>;
    const { achievement } = credential.credentialSubject;
    expect(credential.issuer).toMatchObject({
      name: 'PT Unggul Semesta',
      address: { addressCountry: 'Indonesia', addressCountryCode: 'ID', addressRegion: 'Jawa Barat' },
      parentOrg: { type: ['Profile'], name: expect.stringContaining('Direktorat Sekolah Menengah Kejuruan') },
    });
    expect(credential.validFrom).toBe('2025-11-07T17:00:00+07:00');
    expect(credential.awardedDate).toBe('2025-11-07T17:00:00+07:00');
    expect(achievement).toMatchObject({
      achievementType: 'MicroCredential',
      name: 'Pengoperasian Robot Las Industri',
      inLanguage: 'id',
      creditsAvailable: 1,
      fieldOfStudy: 'Teknik Pengelasan',
      humanCode: 'KMG-2025-LAS-01',
    });
    expect(achievement.description).toContain('Industrial Welding Robot Operation');
    expect(achievement.alignment).toContainEqual(
      expect.objectContaining({
        targetFramework: 'KKNI',
        targetCode: '4',
        targetUrl: 'https://kmg.example.id/referensi/kkni/4',
      }),
    );
    expect(
      achievement.alignment.filter((a: { targetFramework: string }) => a.targetFramework === 'SKKNI'),
    ).toHaveLength(3);
    for (const text of [
      'Capaian pembelajaran',
      'Learning outcomes',
      '40 jam (1 SKS)',
      'Luring',
      'BNSP',
      'Penjaminan mutu',
    ]) {
      expect(achievement.criteria.narrative).toContain(text);
    }
    expect(readMicroCredentialTags(achievement.tag)).toEqual({
      workloadHours: 40,
      credits: 1,
      level: 'KKNI-4',
      participation: 'onsite',
      assessment: 'competency-test',
      qualityAssurance: 'ministry-curriculum-review',
      country: 'ID',
    });
    expect(achievement.tag).toContain('robot las');
  });

  it('records one K/BK result per SKKNI unit, linked to a result description on the achievement', () => {
    const input: OpenBadgeInput = {
      ...base,
      achievement: {
        ...base.achievement,
        skkniUnits: base.achievement.skkniUnits.map((unit, index) =>
          index === 2 ? { ...unit, result: 'BK' } : unit,
        ),
      },
    };
    const { credentialSubject } = buildOpenBadgeCredential(input) as Record<string, any>;
    expect(credentialSubject.result.map((result: { value: string }) => result.value)).toEqual([
      'Kompeten',
      'Kompeten',
      'Belum Kompeten',
    ]);
    const descriptionIds = credentialSubject.achievement.resultDescription.map((rd: { id: string }) => rd.id);
    expect(
      credentialSubject.result.map((result: { resultDescription: string }) => result.resultDescription),
    ).toEqual(descriptionIds);
    expect(credentialSubject.achievement.resultDescription[0]).toMatchObject({
      resultType: 'Result',
      allowedValue: ['Belum Kompeten', 'Kompeten'],
      requiredValue: 'Kompeten',
    });
    expect(credentialSubject.creditsEarned).toBe(0);
  });

  it('awards the full SKS when every unit is Kompeten, and for a training certificate without results', () => {
    expect(
      (buildOpenBadgeCredential(base).credentialSubject as { creditsEarned: number }).creditsEarned,
    ).toBe(1);
    const training = buildOpenBadgeCredential(trainingCertificateInput).credentialSubject as Record<
      string,
      any
    >;
    expect(training.creditsEarned).toBe(1);
    expect(training.result).toBeUndefined();
    expect(training.achievement.achievementType).toBe('CertificateOfCompletion');
  });

  it.each<[string, Partial<OpenBadgeInput>]>([
    ['a credential id that is not a urn:uuid', { id: 'https://kmg.example.id/c/1' }],
    ['a NUPTK that is not 16 digits', { learner: { ...base.learner, nuptk: '12345' } }],
    ['a short salt', { learner: { ...base.learner, salt: 'abc' } }],
    ['a validFrom without offset', { validFrom: '2025-11-07T10:00:00' }],
    [
      'a KKNI level outside 1-9',
      { achievement: { ...weldingRobotAchievement, kkni: { level: 10, url: 'https://x.example' } } },
    ],
    [
      'a malformed SKKNI code',
      {
        achievement: {
          ...weldingRobotAchievement,
          skkniUnits: [{ code: 'LAS-01', title: 'x', url: 'https://x.example', result: 'K' }],
        },
      },
    ],
    [
      'a competency unit without a result',
      {
        achievement: {
          ...weldingRobotAchievement,
          skkniUnits: [{ code: 'C.282200.001.01', title: 'x', url: 'https://x.example' }],
        },
      },
    ],
    ['a micro-credential without units', { achievement: { ...weldingRobotAchievement, skkniUnits: [] } }],
    [
      'an achievement without learning outcomes',
      { achievement: { ...weldingRobotAchievement, learningOutcomes: [] } },
    ],
  ])('refuses %s', (_name, change) => {
    expect(() => buildOpenBadgeCredential({ ...base, ...change })).toThrow(TypeError);
  });
});

describe('hashNuptk', () => {
  it('hashes the NUPTK followed by the salt, as OB IdentityHash defines', () => {
    expect(hashNuptk({ nuptk: 'a@example.com', salt: 'Kosher' })).toBe(
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
  });
});

describe('createIdentitySalt', () => {
  it('returns a fresh 32-hex-character salt each time', () => {
    const salt = createIdentitySalt();
    expect(salt).toMatch(/^[0-9a-f]{32}$/);
    expect(createIdentitySalt()).not.toBe(salt);
  });
});

describe('isCredentialFor', () => {
  it('matches the teacher whose NUPTK was hashed and no one else', () => {
    const credential = buildOpenBadgeCredential(base);
    expect(isCredentialFor({ credential, nuptk: base.learner.nuptk })).toBe(true);
    expect(isCredentialFor({ credential, nuptk: '3275014506870003' })).toBe(false);
    expect(isCredentialFor({ credential: {}, nuptk: base.learner.nuptk })).toBe(false);
  });
});

describe('readMicroCredentialTags', () => {
  it('ignores free tags and malformed mc: tags', () => {
    expect(
      readMicroCredentialTags([
        'robot',
        'mc:workload-hours=abc',
        'mc:participation=hybrid',
        'mc:level=KKNI-5',
        7,
      ]),
    ).toEqual({
      level: 'KKNI-5',
    });
  });
});
