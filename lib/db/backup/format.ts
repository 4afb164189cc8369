import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { z } from "zod";

/**
 * An Agora backup is one gzip file: a JSON header on the first line, then each table's rows in
 * PostgreSQL's COPY text format (one row a line; newlines, tabs and backslashes in values are
 * escaped), each table ended by a line `\.`, in the header's order. `zcat file | head -1` shows
 * the header.
 */
export const BACKUP_FORMAT = "agora-backup";
export const BACKUP_VERSION = 1;

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  createdAt: z.string(),
  server: z.string(),
  /** The applied Prisma migrations, oldest first: the schema the rows belong to. */
  migrations: z.array(z.string()),
  /** In load order: a table comes after the tables its foreign keys point to. */
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.string()), rows: z.number().int().nonnegative() })),
  /** Values as text: a bigint does not fit a JSON number. */
  sequences: z.array(z.object({ name: z.string(), value: z.string(), isCalled: z.boolean() })),
});

export type BackupHeader = z.infer<typeof headerSchema>;

/** The file is not a backup, or a damaged one: nothing was written to any database. */
export class BackupFileError extends Error {}

const END_OF_TABLE = "\\.\n";
// A header line longer than this means the file is something else.
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/**
 * Writes a backup to `<file>.partial` and renames it to `file` only once it is complete and on
 * disk, so a failed backup never leaves a file that looks whole (nor replaces an older one).
 */
export class BackupWriter {
  private readonly partial: string;
  private readonly gzip = createGzip();
  /** Settles when the file is written, or with the first error of gzip or the file (disk full, no such folder). */
  private readonly written: Promise<void>;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    this.written = pipeline(this.gzip, createWriteStream(this.partial, { mode: 0o600 })).catch((error: Error) => {
      throw new Error(`Cannot write ${file}: ${error.message}`);
    });
    this.written.catch(() => {}); // awaited by write() and finish()
  }

  async write(chunk: Buffer | string): Promise<void> {
    if (!this.gzip.write(chunk)) await Promise.race([once(this.gzip, "drain"), this.written]);
  }

  writeHeader(header: BackupHeader): Promise<void> {
    return this.write(`${JSON.stringify(header)}\n`);
  }

  endTable(): Promise<void> {
    return this.write(END_OF_TABLE);
  }

  async finish(): Promise<void> {
    this.gzip.end();
    await this.written;
    const handle = await open(this.partial, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.partial, this.file);
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.written.catch(() => {});
    await rm(this.partial, { force: true });
  }
}

/** Reads a backup front to back: the header, then each table's rows in turn. */
export class BackupReader {
  private pending: Buffer = Buffer.alloc(0);
  /** Rows (lines) of the table last read by tableData(). */
  rowsRead = 0;

  private readonly input;
  private readonly gunzip = createGunzip();
  private readonly chunks: AsyncIterator<Buffer>;

  private constructor(private readonly file: string) {
    this.input = createReadStream(file);
    // Errors of the file itself (ENOENT, EISDIR) surface through the iterator, as the gunzip's.
    this.input.on("error", (error) => this.gunzip.destroy(error));
    this.chunks = this.input.pipe(this.gunzip)[Symbol.asyncIterator]();
  }

  static async open(file: string): Promise<{ reader: BackupReader; header: BackupHeader }> {
    const reader = new BackupReader(file);
    try {
      return { reader, header: await reader.readHeader() };
    } catch (error) {
      reader.close();
      throw error;
    }
  }

  /** The next chunk of the unzipped file, or null at its end. */
  private async read(where: string): Promise<Buffer | null> {
    try {
      const result = await this.chunks.next();
      return result.done ? null : result.value;
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === "Z_DATA_ERROR" && where === "header" && this.pending.length === 0) {
        throw new BackupFileError(`${this.file} is not an Agora backup (not a gzip file).`);
      }
      if (code?.startsWith("Z_")) throw new BackupFileError(`${this.file} is damaged (${message}, in ${where}); it may be truncated.`);
      if (code) throw new BackupFileError(`Cannot read ${this.file}: ${message}`);
      throw error;
    }
  }

  private async next(where: string): Promise<Buffer> {
    const chunk = await this.read(where);
    if (!chunk) throw new BackupFileError(`${this.file} ends early, in ${where}: it is truncated.`);
    return chunk;
  }

  private async readHeader(): Promise<BackupHeader> {
    let newline = -1;
    while ((newline = this.pending.indexOf(10)) === -1) {
      if (this.pending.length > MAX_HEADER_BYTES) throw new BackupFileError(`${this.file} is not an Agora backup (no header).`);
      this.pending = Buffer.concat([this.pending, await this.next("header")]);
    }
    const line = this.pending.subarray(0, newline).toString("utf8");
    this.pending = this.pending.subarray(newline + 1);
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new BackupFileError(`${this.file} is not an Agora backup (its first line is not a JSON header).`);
    }
    const version = (json as { version?: unknown } | null)?.version;
    if (typeof version === "number" && version > BACKUP_VERSION) {
      throw new BackupFileError(
        `${this.file} has backup format ${version}; this Agora reads format ${BACKUP_VERSION}. Update Agora first.`,
      );
    }
    const parsed = headerSchema.safeParse(json);
    if (!parsed.success || parsed.data.version !== BACKUP_VERSION)
      throw new BackupFileError(`${this.file} is not an Agora backup (unexpected header).`);
    return parsed.data;
  }

  /** The next table's rows as COPY text, in chunks of whole lines, up to its end line. Sets rowsRead. */
  async *tableData(table: string): AsyncGenerator<Buffer> {
    this.rowsRead = 0;
    for (;;) {
      let lineStart = 0;
      for (let newline = this.pending.indexOf(10); newline !== -1; newline = this.pending.indexOf(10, lineStart)) {
        if (newline - lineStart === 2 && this.pending[lineStart] === 0x5c && this.pending[lineStart + 1] === 0x2e) {
          const rows = this.pending.subarray(0, lineStart);
          this.pending = this.pending.subarray(newline + 1);
          if (rows.length) yield rows;
          return;
        }
        this.rowsRead++;
        lineStart = newline + 1;
      }
      const rows = this.pending.subarray(0, lineStart);
      const rest = this.pending.subarray(lineStart);
      if (rows.length) yield rows;
      const chunk = await this.next(`table ${table}`);
      this.pending = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    }
  }

  /** Nothing may follow the last table. */
  async end(): Promise<void> {
    let chunk: Buffer | null = this.pending;
    do {
      if (chunk.length) throw new BackupFileError(`${this.file} has data after its last table.`);
    } while ((chunk = await this.read("the end")));
  }

  close(): void {
    this.input.destroy();
    this.gunzip.destroy();
  }
}

/**
 * Reads the whole file and checks it against its header (gzip checksum, every table's end line
 * and row count), so that a damaged file is refused before any database is touched.
 */
export async function verifyBackupFile(file: string): Promise<BackupHeader> {
  const { reader, header } = await BackupReader.open(file);
  try {
    for (const table of header.tables) {
      for await (const chunk of reader.tableData(table.name)) void chunk;
      if (reader.rowsRead !== table.rows) {
        throw new BackupFileError(`${file} is damaged: table ${table.name} has ${reader.rowsRead} rows, its header says ${table.rows}.`);
      }
    }
    await reader.end();
  } finally {
    reader.close();
  }
  return header;
}
