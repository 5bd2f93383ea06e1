export { schema } from '#schema/index.ts';
