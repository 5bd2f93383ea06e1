/** One language of the learner's own strings (`messages.ts`), first screen or pages, written at build time (vite.config.ts). */
declare module 'virtual:kmg-messages/*' {
  const messages: Record<string, unknown>;
  export default messages;
}
