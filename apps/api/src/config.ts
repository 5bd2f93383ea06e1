import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '@kmg/db';
import type { ApiConfig } from '#app.ts';
import { readStorageConfig } from '#files/storage.ts';
import type { MailConfig } from '#jobs/mail.ts';

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

export function readApiConfig(
  env: NodeJS.ProcessEnv,
  database: DatabaseConfig,
): ApiConfig & { port: number } {
  const isProduction = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 4000);
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
    trustProxy: env.KMG_TRUST_PROXY === 'true',
    signInAttemptsPerMinute: Number(env.KMG_SIGN_IN_ATTEMPTS_PER_MINUTE ?? 10),
    storage: readStorageConfig(env, dataRootOf(database)),
  };
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
