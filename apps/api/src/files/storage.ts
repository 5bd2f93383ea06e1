import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** Where uploaded evidence lives: a folder on disk by default, or any S3-compatible bucket. */
export type StorageConfig =
  | { kind: 'disk'; dir: string }
  | { kind: 's3'; bucket: string; endpoint?: string; region: string; forcePathStyle: boolean };

export type Storage = {
  put(file: { bytes: Buffer; mimeType: string; extension: string }): Promise<string>;
  /** The stored file, opened: a missing or unreadable file rejects rather than emitting 'error'. */
  get(key: string): Promise<Readable>;
  /** Deletes a stored file; a missing one is not an error. */
  delete(key: string): Promise<void>;
};

export function readStorageConfig(env: NodeJS.ProcessEnv, dataRoot: string): StorageConfig {
  if (env.KMG_S3_BUCKET) {
    return {
      kind: 's3',
      bucket: env.KMG_S3_BUCKET,
      endpoint: env.KMG_S3_ENDPOINT,
      region: env.KMG_S3_REGION ?? 'ap-southeast-3',
      forcePathStyle: env.KMG_S3_FORCE_PATH_STYLE === 'true',
    };
  }
  return { kind: 'disk', dir: env.KMG_UPLOAD_DIR ?? join(dataRoot, 'uploads') };
}

export function createStorage(config: StorageConfig): Storage {
  if (config.kind === 's3') {
    // Credentials come from the standard AWS variables (AWS_ACCESS_KEY_ID, ...), as for any S3 client.
    const client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
    });
    return {
      async put(file) {
        const key = `evidence/${randomUUID()}.${file.extension}`;
        await client.send(
          new PutObjectCommand({
            Bucket: config.bucket,
            Key: key,
            Body: file.bytes,
            ContentType: file.mimeType,
          }),
        );
        return key;
      },
      async get(key) {
        const object = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
        return object.Body as Readable;
      },
      async delete(key) {
        await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
      },
    };
  }
  const root = resolve(config.dir);
  const pathOf = (key: string) => {
    const path = resolve(root, key);
    if (!path.startsWith(`${root}/`)) throw new Error('storage key escapes the upload folder');
    return path;
  };
  return {
    async put(file) {
      const key = `evidence/${randomUUID()}.${file.extension}`;
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      try {
        await writeFile(path, file.bytes);
      } catch (error) {
        // A full disk leaves half a file: nothing refers to it, so it goes.
        await rm(path, { force: true }).catch(() => {});
        throw error;
      }
      return key;
    },
    async get(key) {
      const stream = createReadStream(pathOf(key));
      // A missing file fails here, for the caller to handle, not later as an 'error' event.
      await once(stream, 'ready');
      return stream;
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
