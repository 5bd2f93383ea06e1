import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  buildStatusEntry,
  buildStatusListCredential,
  createStatusList,
  MIN_STATUS_LIST_LENGTH,
  readStatus,
  setStatus,
  statusListCredentialUrl,
  statusListLength,
} from '#status.ts';

const listUrl = 'https://kmg.example.id/issuers/pt-unggul-semesta/status/revocation-1';

describe('createStatusList', () => {
  it('encodes an all-clear list of 131,072 entries as multibase base64url of GZIP', async () => {
    const encodedList = await createStatusList();
    expect(encodedList.startsWith('u')).toBe(true);
    expect(encodedList.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/);
    const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
    expect(bits.length * 8).toBe(MIN_STATUS_LIST_LENGTH);
    expect(bits.every((byte) => byte === 0)).toBe(true);
  });

  it.each([8, 131_071, 131_080 + 4])('refuses a length of %i', async (length) => {
    await expect(createStatusList({ length })).rejects.toThrow(RangeError);
  });
});

describe('setStatus', () => {
  it('sets and clears bits that readStatus then reads back', async () => {
    let encodedList = await createStatusList();
    encodedList = await setStatus({
      encodedList,
      updates: [
        { index: 0, value: true },
        { index: 40_123, value: true },
        { index: 131_071, value: true },
      ],
    });
    const read = (index: number) => readStatus({ encodedList, index });
    expect(await Promise.all([0, 1, 40_122, 40_123, 131_071].map(read))).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    encodedList = await setStatus({ encodedList, updates: [{ index: 40_123, value: false }] });
    expect(await read(40_123)).toBe(false);
    expect(await read(0)).toBe(true);
  });

  it('puts index 0 in the most significant bit of the first byte, as the spec orders bits', async () => {
    const encodedList = await setStatus({
      encodedList: await createStatusList(),
      updates: [{ index: 0, value: true }],
    });
    const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
    expect(bits[0]).toBe(0b1000_0000);
  });

  it('round-trips through its encoding without changing length or bits', async () => {
    const encodedList = await setStatus({
      encodedList: await createStatusList(),
      updates: [{ index: 77, value: true }],
    });
    const again = await setStatus({ encodedList, updates: [] });
    expect(await statusListLength(again)).toBe(MIN_STATUS_LIST_LENGTH);
    expect(await readStatus({ encodedList: again, index: 77 })).toBe(true);
  });

  it.each([-1, 131_072, 1.5])('refuses the index %d', async (index) => {
    await expect(
      setStatus({ encodedList: await createStatusList(), updates: [{ index, value: true }] }),
    ).rejects.toThrow(RangeError);
  });
});

describe('buildStatusEntry', () => {
  it('points at a position of the list with a decimal-string index', () => {
    expect(
      buildStatusEntry({
        statusListCredential: listUrl,
        statusListIndex: 94567,
        statusPurpose: 'suspension',
      }),
    ).toEqual({
      id: `${listUrl}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
      statusListIndex: '94567',
      statusListCredential: listUrl,
    });
  });
});

describe('buildStatusListCredential', () => {
  it('wraps the encoded list in an unsigned BitstringStatusListCredential of the issuer', async () => {
    const encodedList = await createStatusList();
    expect(
      buildStatusListCredential({
        id: listUrl,
        issuerId: 'did:web:kmg.example.id:issuers:pt-unggul-semesta',
        statusPurpose: 'revocation',
        encodedList,
        validFrom: '2025-11-01T00:00:00Z',
      }),
    ).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: 'did:web:kmg.example.id:issuers:pt-unggul-semesta',
      validFrom: '2025-11-01T00:00:00Z',
      credentialSubject: {
        id: `${listUrl}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList,
      },
    });
  });
});

describe('statusListCredentialUrl', () => {
  it('serves lists under the issuer', () => {
    expect(
      statusListCredentialUrl({
        publicBaseUrl: 'http://localhost:4000/',
        slug: 'inlastek',
        listId: 'revocation-1',
      }),
    ).toBe('http://localhost:4000/issuers/inlastek/status/revocation-1');
  });
});
