export { type Context, createContext, loadViewer, type Viewer } from '#context.ts';
export { AppError } from '#errors.ts';
export { schema } from '#schema/index.ts';
export { sweepDeadlines } from '#services/applications.ts';
export {
  achievementDocumentFor,
  achievementImageFor,
  type CredentialConfig,
  certificatePdf,
  configureCredentials,
  issueCredential,
  issuerDidDocumentFor,
  recordIssuanceFailure,
  statusListCredentialFor,
  verifyCredentialDocument,
} from '#services/credentials.ts';
export {
  assertMayAttachEvidence,
  attachEvidenceFile,
  evidenceFileFor,
  removeEvidence,
} from '#services/delivery.ts';
