export type { GraphqlContext } from '#builder.ts';
export { schema } from '#schema/index.ts';
