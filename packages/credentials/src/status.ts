/// <reference path="./vendor.d.ts" />
import { BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import type { Credential } from '#credential.ts';
import { toDateTime } from '#dates.ts';
import { isIssuerSlug } from '#did.ts';
import { VC_V2_CONTEXT } from '#document-loader.ts';

/** Revocation is permanent; suspension is a reversible hold (e.g. while a complaint is examined). */
export type StatusPurpose = 'revocation' | 'suspension';

/** A W3C Bitstring Status List entry, the `credentialStatus` of a credential. */
export type StatusEntry = {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** Decimal string, as the spec requires. */
  statusListIndex: string;
  statusListCredential: string;
};

/**
 * The spec's minimum list length (16 KiB of bits): smaller lists would let an observer narrow down
 * which credential a status request is about.
 */
export const MIN_STATUS_LIST_LENGTH = 131_072;

/** Where an issuer's status list credential is served: `<base>/issuers/<slug>/status/<listId>`. */
export function statusListCredentialUrl({
  publicBaseUrl,
  slug,
  listId,
}: {
  publicBaseUrl: string;
  slug: string;
  listId: string;
}): string {
  if (!isIssuerSlug(slug) || !/^[A-Za-z0-9_-]+$/.test(listId)) {
    throw new TypeError(`Bad issuer slug or list id: ${slug} / ${listId}`);
  }
  return `${new URL(publicBaseUrl).href.replace(/\/$/, '')}/issuers/${slug}/status/${listId}`;
}

/**
 * The `credentialStatus` for position `statusListIndex` of a list. Pick indexes at random among the
 * free ones (not sequentially), so neighbouring positions say nothing about issue order.
 */
export function buildStatusEntry({
  statusListCredential,
  statusListIndex,
  statusPurpose,
}: {
  statusListCredential: string;
  statusListIndex: number;
  statusPurpose: StatusPurpose;
}): StatusEntry {
  if (!Number.isSafeInteger(statusListIndex) || statusListIndex < 0) {
    throw new TypeError(`Status list index must be a non-negative integer: ${statusListIndex}`);
  }
  return {
    id: `${statusListCredential}#${statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose,
    statusListIndex: String(statusListIndex),
    statusListCredential,
  };
}

/** An all-clear list, encoded as the spec's `encodedList` (GZIP, then multibase base64url: `u...`). */
export async function createStatusList({
  length = MIN_STATUS_LIST_LENGTH,
}: {
  length?: number;
} = {}): Promise<string> {
  if (!Number.isInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new RangeError(
      `Status list length must be a multiple of 8 and at least ${MIN_STATUS_LIST_LENGTH}.`,
    );
  }
  return new BitstringStatusList({ length }).encode();
}

async function decode(encodedList: string): Promise<BitstringStatusList> {
  return BitstringStatusList.decode({ encodedList });
}

function assertIndex(list: BitstringStatusList, index: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= list.length) {
    throw new RangeError(`Status list index ${index} outside 0..${list.length - 1}.`);
  }
}

/** Sets (true: revoked/suspended) or clears bits; returns the new encoded list. */
export async function setStatus({
  encodedList,
  updates,
}: {
  encodedList: string;
  updates: ReadonlyArray<{ index: number; value: boolean }>;
}): Promise<string> {
  const list = await decode(encodedList);
  for (const { index, value } of updates) {
    assertIndex(list, index);
    list.setStatus(index, value);
  }
  return list.encode();
}

/** The bit at `index`: true means the list's purpose applies (revoked or suspended). */
export async function readStatus({
  encodedList,
  index,
}: {
  encodedList: string;
  index: number;
}): Promise<boolean> {
  const list = await decode(encodedList);
  assertIndex(list, index);
  return list.getStatus(index);
}

/** Number of entries in an encoded list. */
export async function statusListLength(encodedList: string): Promise<number> {
  return (await decode(encodedList)).length;
}

/**
 * An unsigned `BitstringStatusListCredential`; sign it with `signCredential` using the same issuer
 * as the credentials that point at it (verifiers require the issuers to match).
 */
export function buildStatusListCredential({
  id,
  issuerId,
  statusPurpose,
  encodedList,
  validFrom,
  validUntil,
}: {
  id: string;
  issuerId: string;
  statusPurpose: StatusPurpose;
  encodedList: string;
  validFrom: Date | string;
  validUntil?: Date | string | null;
}): Credential {
  return {
    '@context': [VC_V2_CONTEXT],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerId,
    validFrom: toDateTime(validFrom),
    ...(validUntil ? { validUntil: toDateTime(validUntil) } : {}),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose,
      encodedList,
    },
  };
}
