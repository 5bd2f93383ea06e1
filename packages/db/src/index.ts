export * from '#client.ts';
export * from '#generated/prisma/client.ts';
export {
  createQueue,
  enqueueInTransaction,
  jobQueue,
  jobsInsertStatement,
  type QueueName,
  queueNames,
  startQueue,
  useQueue,
} from '#queue.ts';
export { DEMO_PASSWORD, users as demoUsers } from '#seed/data.ts';
