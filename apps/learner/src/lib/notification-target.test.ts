import { describe, expect, it } from 'vitest';
import { type NoticeLink, notificationTarget, schoolCardId } from '#lib/notification-target.ts';

const notice = (teacherId: string, status = 'SUBMITTED', kind = 'APPLICATION_SUBMITTED'): NoticeLink => ({
  kind,
  application: { id: 'QXBw==', status, call: { id: 'Q2Fs==' }, teacher: { id: teacherId } },
});

describe('notificationTarget', () => {
  it('takes a teacher to their application on the call page', () => {
    expect(notificationTarget(notice('me'), 'me')).toBe('/pelatihan/Q2Fs%3D%3D#daftar');
  });

  it('takes a principal to the pending application in their school', () => {
    expect(notificationTarget(notice('teacher'), 'me')).toBe('/sekolah#pendaftaran-QXBw');
  });

  it('opens the decided tab when the application was decided since', () => {
    expect(notificationTarget(notice('teacher', 'ENDORSED'), 'me')).toBe(
      '/sekolah?tampil=diputuskan#pendaftaran-QXBw',
    );
  });

  it.each(['CREDENTIAL_ISSUED', 'CREDENTIAL_REVOKED', 'CREDENTIAL_SUSPENDED', 'CREDENTIAL_REINSTATED'])(
    'takes a teacher to their wallet for %s',
    (kind) => {
      expect(notificationTarget(notice('me', 'CONFIRMED', kind), 'me')).toBe('/kredensial');
    },
  );

  it('takes a teacher asked for more RPL evidence to their RPL applications', () => {
    expect(notificationTarget({ kind: 'RPL_EVIDENCE_REQUESTED', application: null }, 'me')).toBe(
      '/rpl/pengajuan',
    );
  });

  it.each([
    ['RPL_EVIDENCE_REQUESTED', '#kekurangan'],
    ['RPL_DECREED', '#hasil'],
    ['RPL_APPEAL_DECIDED', '#banding'],
    ['RPL_CASE_WAITING', ''],
  ])('opens the RPL application a %s notice is about, at its part', (kind, hash) => {
    expect(notificationTarget({ kind, application: null, rplApplication: { id: 'UnBs+Q==' } }, 'me')).toBe(
      `/rpl/pengajuan/UnBs%2BQ%3D%3D${hash}`,
    );
  });

  it('leads nowhere for a notice about no application', () => {
    expect(notificationTarget({ kind: 'CREDENTIAL_ISSUED', application: null }, 'me')).toBeNull();
  });
});

describe('schoolCardId', () => {
  it('keeps only characters that are safe in an element id and an address', () => {
    expect(schoolCardId('QXBwbGljYXRpb246MDFh+/=')).toBe('pendaftaran-QXBwbGljYXRpb246MDFh');
  });
});

describe('notificationTarget of dissemination notices', () => {
  it.each([
    ['DISSEMINATION_SUBMITTED', '/sekolah?tampil=pengimbasan'],
    ['DISSEMINATION_RETURNED', '/pengimbasan'],
    ['DISSEMINATION_VERIFIED', '/pengimbasan'],
    ['DISSEMINATION_REMINDER', '/pengimbasan'],
  ])('leads a %s notice to %s', (kind, path) => {
    expect(notificationTarget({ kind, application: null }, 'someone')).toBe(path);
  });
});
