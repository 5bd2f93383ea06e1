import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '@kmg/db';
import { describe, expect, it } from 'vitest';
import { readApiConfig, readHttpWorkers } from '#config.ts';

const memory: DatabaseConfig = { kind: 'pglite', dataDir: 'memory://' };
const read = (env: NodeJS.ProcessEnv) => readApiConfig(env, memory);

describe('readApiConfig', () => {
  it('uses the defaults for settings left unset', () => {
    expect(read({})).toMatchObject({
      port: 4000,
      trustProxy: false,
      signInAttemptsPerMinute: 300,
      signInFailuresBeforeDelay: 5,
    });
  });

  it.each([
    [{ PORT: '8080' }, { port: 8080, publicUrl: 'http://localhost:8080' }],
    [{ PORT: ' 65535 ' }, { port: 65_535 }],
    [{ KMG_TRUST_PROXY: 'true' }, { trustProxy: true }],
    [{ KMG_TRUST_PROXY: 'false' }, { trustProxy: false }],
    [{ KMG_SIGN_IN_ATTEMPTS_PER_MINUTE: '30' }, { signInAttemptsPerMinute: 30 }],
    [{ KMG_SIGN_IN_FAILURES_BEFORE_DELAY: '1' }, { signInFailuresBeforeDelay: 1 }],
    [{ KMG_SIGN_IN_FAILURES_BEFORE_DELAY: '1000' }, { signInFailuresBeforeDelay: 1000 }],
    [{ KMG_DB_POOL_SIZE: '40', KMG_DEMO_DATA: 'false', KMG_S3_FORCE_PATH_STYLE: 'true' }, {}],
  ])('reads %j', (env, expected) => {
    expect(read(env)).toMatchObject(expected);
  });

  const wholeNumber = (name: string, range: string, fallback: number) =>
    new RegExp(`^${name} must be a whole number from ${range} \\(default ${fallback}\\), got `);
  const trueOrFalse = (name: string, fallback: boolean) =>
    new RegExp(`^${name} must be true or false \\(default ${fallback}\\), got `);

  it.each([
    [
      'KMG_SIGN_IN_ATTEMPTS_PER_MINUTE',
      '',
      wholeNumber('KMG_SIGN_IN_ATTEMPTS_PER_MINUTE', '1 to 10000', 300),
    ],
    [
      'KMG_SIGN_IN_ATTEMPTS_PER_MINUTE',
      '0',
      wholeNumber('KMG_SIGN_IN_ATTEMPTS_PER_MINUTE', '1 to 10000', 300),
    ],
    [
      'KMG_SIGN_IN_ATTEMPTS_PER_MINUTE',
      'ten',
      wholeNumber('KMG_SIGN_IN_ATTEMPTS_PER_MINUTE', '1 to 10000', 300),
    ],
    [
      'KMG_SIGN_IN_FAILURES_BEFORE_DELAY',
      '',
      wholeNumber('KMG_SIGN_IN_FAILURES_BEFORE_DELAY', '1 to 1000', 5),
    ],
    [
      'KMG_SIGN_IN_FAILURES_BEFORE_DELAY',
      '-1',
      wholeNumber('KMG_SIGN_IN_FAILURES_BEFORE_DELAY', '1 to 1000', 5),
    ],
    [
      'KMG_SIGN_IN_FAILURES_BEFORE_DELAY',
      '2.5',
      wholeNumber('KMG_SIGN_IN_FAILURES_BEFORE_DELAY', '1 to 1000', 5),
    ],
    [
      'KMG_SIGN_IN_FAILURES_BEFORE_DELAY',
      '1001',
      wholeNumber('KMG_SIGN_IN_FAILURES_BEFORE_DELAY', '1 to 1000', 5),
    ],
    ['PORT', '', wholeNumber('PORT', '1 to 65535', 4000)],
    ['PORT', '0', wholeNumber('PORT', '1 to 65535', 4000)],
    ['PORT', '65536', wholeNumber('PORT', '1 to 65535', 4000)],
    ['PORT', '4000abc', wholeNumber('PORT', '1 to 65535', 4000)],
    ['PORT', '1e3', wholeNumber('PORT', '1 to 65535', 4000)],
    ['KMG_DB_POOL_SIZE', '', wholeNumber('KMG_DB_POOL_SIZE', '1 to 1000', 10)],
    ['KMG_DB_POOL_SIZE', '0', wholeNumber('KMG_DB_POOL_SIZE', '1 to 1000', 10)],
    ['KMG_TRUST_PROXY', '', trueOrFalse('KMG_TRUST_PROXY', false)],
    ['KMG_TRUST_PROXY', 'yes', trueOrFalse('KMG_TRUST_PROXY', false)],
    ['KMG_TRUST_PROXY', '1', trueOrFalse('KMG_TRUST_PROXY', false)],
    ['KMG_TRUST_PROXY', 'TRUE', trueOrFalse('KMG_TRUST_PROXY', false)],
    ['KMG_DEMO_DATA', 'ya', trueOrFalse('KMG_DEMO_DATA', true)],
    ['KMG_S3_FORCE_PATH_STYLE', '', trueOrFalse('KMG_S3_FORCE_PATH_STYLE', false)],
  ])('refuses %s=%j, naming the variable and what it takes', (name, value, message) => {
    expect(() => read({ [name]: value })).toThrow(message);
  });
});

describe('main', () => {
  it('refuses to start on a bad setting: the message alone, no stack trace, a non-zero exit', () => {
    const dataRoot = mkdtempSync(join(tmpdir(), 'kmg-config-'));
    try {
      const result = spawnSync(process.execPath, [fileURLToPath(new URL('./main.ts', import.meta.url))], {
        env: {
          PATH: process.env.PATH,
          KMG_DATA_DIR: join(dataRoot, 'pglite'),
          KMG_SIGN_IN_ATTEMPTS_PER_MINUTE: '',
        },
        encoding: 'utf8',
        timeout: 25_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(
        'KMG cannot start: KMG_SIGN_IN_ATTEMPTS_PER_MINUTE must be a whole number from 1 to 10000 (default 300), got ""',
      );
      expect(result.stdout).toBe('');
    } finally {
      rmSync(dataRoot, { recursive: true, force: true });
    }
  });
});

describe('readHttpWorkers', () => {
  const server: DatabaseConfig = { kind: 'postgres', url: 'postgresql://localhost/kmg' };

  it('runs one HTTP worker per core on a PostgreSQL server, one on the embedded database', () => {
    expect(readHttpWorkers({}, server)).toBe(availableParallelism());
    expect(readHttpWorkers({}, memory)).toBe(1);
    expect(readHttpWorkers({ KMG_HTTP_WORKERS: '3' }, server)).toBe(3);
  });

  it('refuses more than one on the embedded database, and numbers out of range', () => {
    expect(() => readHttpWorkers({ KMG_HTTP_WORKERS: '2' }, memory)).toThrow(
      /KMG_HTTP_WORKERS must be 1 on the embedded database/,
    );
    expect(() => readHttpWorkers({ KMG_HTTP_WORKERS: '0' }, server)).toThrow(/^KMG_HTTP_WORKERS must be/);
  });
});
