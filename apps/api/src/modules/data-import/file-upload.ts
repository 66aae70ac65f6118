import type { Operation } from '../../platform/database/operation-scope.js';
import { AppError, ErrorCode } from '../../platform/errors/app-error.js';

/** The size of one stored piece of a file. */
export const CHUNK_BYTES = 1024 * 1024;

export interface StoredFile {
  readonly byteSize: number;
  readonly chunkCount: number;
  /** Line breaks counted in the bytes: the rows a progress bar expects, before a run knows. */
  readonly lineBreaks: number;
  /** The first bytes, for detecting how the file is written. */
  readonly prefix: Buffer;
}

/** A file over the size limit, refused while it streams in (HTTP 413). */
export class FileTooLarge extends AppError {
  constructor(maxBytes: number) {
    super(ErrorCode.BadUserInput, `The file exceeds ${Math.floor(maxBytes / 1024 / 1024)} MiB`, {
      fields: [{ field: 'body', message: 'is too large', reason: 'TOO_LONG' }],
    });
  }
}

/**
 * Streams a request body into `data_import_chunk` rows of 1 MiB in the operation's
 * transaction: at most one chunk is held in memory, and a body over `maxBytes` is refused as
 * soon as it passes the limit.
 */
export async function storeChunks(
  op: Operation,
  importId: string,
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  prefixBytes: number,
): Promise<StoredFile> {
  const tenantId = await op.tenantId();
  const manager = await op.manager();
  let pieces: Buffer[] = [];
  let pending = 0;
  let byteSize = 0;
  let chunkCount = 0;
  let lineBreaks = 0;
  let prefix = Buffer.alloc(0);
  const flush = async () => {
    if (!pending) return;
    const bytes = Buffer.concat(pieces);
    pieces = [];
    pending = 0;
    await manager.query(
      'INSERT INTO data_import_chunk (tenant_id, import_id, seq, bytes) VALUES ($1, $2, $3, $4)',
      [tenantId, importId, chunkCount, bytes],
    );
    chunkCount += 1;
  };
  for await (const piece of body) {
    byteSize += piece.length;
    if (byteSize > maxBytes) throw new FileTooLarge(maxBytes);
    if (prefix.length < prefixBytes)
      prefix = Buffer.concat([prefix, piece.subarray(0, prefixBytes - prefix.length)]);
    for (let at = piece.indexOf(10); at !== -1; at = piece.indexOf(10, at + 1)) lineBreaks += 1;
    let rest = piece;
    while (rest.length) {
      const taken = rest.subarray(0, CHUNK_BYTES - pending);
      pieces.push(taken);
      pending += taken.length;
      rest = rest.subarray(taken.length);
      if (pending === CHUNK_BYTES) await flush();
    }
  }
  await flush();
  return { byteSize, chunkCount, lineBreaks, prefix };
}
