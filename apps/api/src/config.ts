import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '@kmg/db';
import type { ApiConfig } from '#app.ts';
import { DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE, DEFAULT_SIGN_IN_FAILURES_BEFORE_DELAY } from '#auth.ts';
import { readStorageConfig } from '#files/storage.ts';
import type { MailConfig } from '#jobs/mail.ts';

/** A whole number from `min` to `max`; unset gives `fallback`, anything else (even empty) is refused. */
function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  { fallback, min, max }: { fallback: number; min: number; max: number },
): number {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || value < min || value > max) {
    throw new Error(
      `${name} must be a whole number from ${min} to ${max} (default ${fallback}), got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

/** `true` or `false` exactly; unset gives `fallback`, anything else (even empty) is refused. */
function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') {
    throw new Error(`${name} must be true or false (default ${fallback}), got ${JSON.stringify(raw)}`);
  }
  return raw === 'true';
}

/** Where the admin and learner builds live: beside this bundle (apps/api/dist) or this source file. */
function findWebRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = join(here, '..', '..');
  return existsSync(join(candidate, 'learner')) ? candidate : null;
}

/**
 * The session-signing secret: BETTER_AUTH_SECRET in production. On the embedded database a random
 * one is kept beside the data, so sessions survive restarts without any setup.
 */
function readSecret(env: NodeJS.ProcessEnv, database: DatabaseConfig, isProduction: boolean): string {
  const configured = env.BETTER_AUTH_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters');
    return configured;
  }
  if (isProduction) throw new Error('Set BETTER_AUTH_SECRET (32+ random characters) in production');
  if (database.kind === 'pglite' && database.dataDir !== 'memory://') {
    const file = join(dirname(database.dataDir), 'auth-secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(dirname(file), { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  return randomBytes(32).toString('base64url');
}

/**
 * The API's settings from the environment. Every number and switch is checked here, so a bad value
 * (an empty `KMG_SIGN_IN_ATTEMPTS_PER_MINUTE=` would otherwise be 0) stops start-up with an error
 * naming the variable, instead of quietly running with something else.
 */
export function readApiConfig(
  env: NodeJS.ProcessEnv,
  database: DatabaseConfig,
): ApiConfig & { port: number } {
  const isProduction = env.NODE_ENV === 'production';
  const port = readInteger(env, 'PORT', { fallback: 4000, min: 1, max: 65_535 });
  // Read where they are used (packages/db quietly falls back to 10 pool connections, main.ts and
  // the storage config take anything but "true" as false): checked here so a typo stops start-up.
  readInteger(env, 'KMG_DB_POOL_SIZE', { fallback: 10, min: 1, max: 1_000 });
  readBoolean(env, 'KMG_DEMO_DATA', database.kind === 'pglite');
  readBoolean(env, 'KMG_S3_FORCE_PATH_STYLE', false);
  const publicUrl = (env.KMG_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    publicUrl,
    isProduction,
    secret: readSecret(env, database, isProduction),
    trustedOrigins: (
      env.KMG_TRUSTED_ORIGINS ?? (isProduction ? '' : 'http://localhost:5173,http://localhost:5174')
    )
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    webRoot: env.KMG_WEB_ROOT ?? findWebRoot(),
    trustProxy: readBoolean(env, 'KMG_TRUST_PROXY', false),
    signInAttemptsPerMinute: readInteger(env, 'KMG_SIGN_IN_ATTEMPTS_PER_MINUTE', {
      fallback: DEFAULT_SIGN_IN_ATTEMPTS_PER_MINUTE,
      min: 1,
      max: 10_000,
    }),
    signInFailuresBeforeDelay: readInteger(env, 'KMG_SIGN_IN_FAILURES_BEFORE_DELAY', {
      fallback: DEFAULT_SIGN_IN_FAILURES_BEFORE_DELAY,
      min: 1,
      max: 1_000,
    }),
    storage: readStorageConfig(env, dataRootOf(database)),
  };
}

/**
 * HTTP worker processes (KMG_HTTP_WORKERS): on a PostgreSQL server one per core by default; the
 * embedded database belongs to one process, so there it is always one.
 */
export function readHttpWorkers(env: NodeJS.ProcessEnv, database: DatabaseConfig): number {
  const cores = availableParallelism();
  const workers = readInteger(env, 'KMG_HTTP_WORKERS', {
    fallback: database.kind === 'pglite' ? 1 : cores,
    min: 1,
    max: 256,
  });
  if (database.kind === 'pglite' && workers > 1)
    throw new Error('KMG_HTTP_WORKERS must be 1 on the embedded database (set DATABASE_URL for more)');
  return workers;
}

/** The folder beside the embedded database (or ./data on a server) for mail, uploads and secrets. */
export function dataRootOf(database: DatabaseConfig): string {
  return database.kind === 'pglite' && database.dataDir !== 'memory://'
    ? dirname(database.dataDir)
    : join(process.cwd(), 'data');
}

/** Email: an SMTP server (KMG_SMTP_URL), else .eml files in KMG_MAIL_DIR (default: data/mail). */
export function readMailConfig(env: NodeJS.ProcessEnv, database: DatabaseConfig): MailConfig {
  const from = env.KMG_MAIL_FROM ?? 'KMG <no-reply@kmg.local>';
  if (env.KMG_SMTP_URL) return { kind: 'smtp', url: env.KMG_SMTP_URL, from };
  const dataRoot =
    database.kind === 'pglite' && database.dataDir !== 'memory://'
      ? dirname(database.dataDir)
      : join(process.cwd(), 'data');
  return { kind: 'folder', dir: env.KMG_MAIL_DIR ?? join(dataRoot, 'mail'), from };
}

/**
 * Key-encryption keys that seal issuers' signing keys: KMG_KEY_ENCRYPTION_KEY (32 bytes, base64)
 * with its id KMG_KEY_ENCRYPTION_KEY_ID; earlier ones in KMG_PREVIOUS_KEY_ENCRYPTION_KEYS
 * ("id:base64,id:base64") so keys sealed under them still open. On the embedded database a key
 * is generated once and kept beside the data; in production one must be given.
 */
export function readKeyEncryptionKeys(
  env: NodeJS.ProcessEnv,
  database: DatabaseConfig,
  isProduction: boolean,
) {
  const decode = (id: string, value: string) => {
    const key = Buffer.from(value, 'base64');
    if (key.length !== 32) throw new Error(`Key-encryption key ${id} must be 32 bytes (base64)`);
    return { id, key: new Uint8Array(key) };
  };
  const previous = (env.KMG_PREVIOUS_KEY_ENCRYPTION_KEYS ?? '')
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const [id, value] = entry.split(':');
      return decode(id ?? '', value ?? '');
    });
  if (env.KMG_KEY_ENCRYPTION_KEY) {
    return [decode(env.KMG_KEY_ENCRYPTION_KEY_ID ?? 'kek-1', env.KMG_KEY_ENCRYPTION_KEY), ...previous];
  }
  if (isProduction) throw new Error('Set KMG_KEY_ENCRYPTION_KEY (32 random bytes, base64) in production');
  const file = join(dataRootOf(database), 'key-encryption-key');
  if (database.kind === 'pglite' && database.dataDir === 'memory://')
    return [{ id: 'kek-memory', key: new Uint8Array(randomBytes(32)) }];
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `kek-local:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  const [id, value] = readFileSync(file, 'utf8').trim().split(':');
  return [decode(id ?? 'kek-local', value ?? ''), ...previous];
}
