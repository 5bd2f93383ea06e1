import type { RplCaseRole } from '@kmg/domain';
import { describe, expect, it } from 'vitest';
import { rplAdminAccess, seesRplProgrammeFigure } from '#lib/rpl-admin-access.ts';

describe('rplAdminAccess', () => {
  it.each<[string, readonly RplCaseRole[], boolean, ReturnType<typeof rplAdminAccess>]>([
    [
      'a university admin who also sits on the committee',
      ['COMMITTEE', 'UNIVERSITY_ADMIN'],
      true,
      { staff: true, settings: true, decrees: true, issueDecrees: true, reports: true },
    ],
    [
      'an assessor who is also the officer',
      ['ACADEMIC_ASSESSOR', 'ADMIN_OFFICER'],
      false,
      { staff: false, settings: false, decrees: true, issueDecrees: false, reports: true },
    ],
    [
      'a platform admin (keeps every university, holds no role at one)',
      [],
      true,
      { staff: true, settings: true, decrees: true, issueDecrees: false, reports: true },
    ],
    [
      'an RPL account given no role yet',
      [],
      false,
      { staff: false, settings: false, decrees: false, issueDecrees: false, reports: false },
    ],
  ])('offers %s what they may use', (_who, roles, canAdminister, expected) => {
    expect(rplAdminAccess({ roles, canAdminister })).toEqual(expected);
  });
});

describe('seesRplProgrammeFigure', () => {
  it.each([
    [['PROGRAM_MANAGER'], true],
    [['ADMIN'], true],
    [['RPL_REVIEWER'], false],
    [['PROVIDER_STAFF'], false],
  ] as const)('%j: %s', (roles, expected) => {
    expect(seesRplProgrammeFigure({ roles })).toBe(expected);
  });
});
