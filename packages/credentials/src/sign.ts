/// <reference path="./vendor.d.ts" />
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import type { Credential } from '#credential.ts';
import type { DocumentLoader } from '#document-loader.ts';
import type { SigningKey } from '#keys.ts';

/**
 * Adds a Data Integrity proof (`eddsa-rdfc-2022`, `proofPurpose: assertionMethod`) made with the
 * issuer's key; returns a new object and leaves `credential` untouched. The credential's issuer
 * must be the key's issuer, or verifiers would reject the proof.
 */
export async function signCredential({
  credential,
  key,
  documentLoader,
  now = new Date(),
}: {
  credential: Credential;
  key: SigningKey;
  documentLoader: DocumentLoader;
  /** Proof `created` time. */
  now?: Date;
}): Promise<Credential> {
  const issuer = credential.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id;
  if (issuerId !== key.issuerId) {
    throw new TypeError(`Credential issuer ${String(issuerId)} is not the key's issuer ${key.issuerId}.`);
  }
  const suite = new DataIntegrityProof({ signer: key.signer, date: now, cryptosuite });
  const signed = await vc.issue({ credential: structuredClone(credential), suite, documentLoader, now });
  // The 1EdTech schema requires `proof` to be an array; one proof or a one-element set is the same
  // JSON-LD graph, so the signature is unaffected.
  return Array.isArray(signed.proof) ? signed : { ...signed, proof: [signed.proof] };
}
