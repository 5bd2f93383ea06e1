/**
 * A CLR 2.0 bundle (`ClrCredential`): one signed credential whose subject (`ClrSubject`) embeds
 * the learner's signed credentials in `verifiableCredential[]`. What the verification page needs to
 * tell about it before, and besides, the checks: who it is for, from whom, and what it holds.
 */
export type ClrBundle = {
  name: string | null;
  issuerName: string | null;
  learnerName: string | null;
  validFrom: string | null;
  /** The embedded credentials as they are in the file (JSON objects, or compact JWT strings). */
  embedded: unknown[];
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The bundle a parsed JSON document is, or null when it is not a `ClrCredential`. */
export function readClrBundle(document: unknown): ClrBundle | null {
  if (!isObject(document)) return null;
  const types = Array.isArray(document.type) ? document.type : [document.type];
  if (!types.includes('ClrCredential')) return null;
  const subject = isObject(document.credentialSubject) ? document.credentialSubject : {};
  const issuer = isObject(document.issuer) ? document.issuer : {};
  return {
    name: text(document.name),
    issuerName: text(issuer.name),
    learnerName: text(subject.name),
    validFrom: text(document.validFrom),
    embedded: Array.isArray(subject.verifiableCredential) ? subject.verifiableCredential : [],
  };
}
