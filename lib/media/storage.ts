/** One stored file, opened for reading: its bytes come as a stream so a large image is never held whole. */
export interface StoredFile {
  body: ReadableStream<Uint8Array>;
  /** Null when the storage did not say. */
  size: number | null;
  modified: Date;
}

/**
 * Where uploaded images live: a local folder, or an S3-compatible bucket that every app instance
 * shares. Names are content hashes checked by the caller, so a storage never sees a path of a reader's choosing.
 */
export interface ImageStorage {
  /** Stores the bytes under the name; storing the same name again changes nothing, as the name is the content. */
  put(name: string, bytes: Buffer, type: string): Promise<void>;
  /** The file, or null when there is none by that name; throws when the storage cannot be asked (down, refusing our keys). */
  get(name: string): Promise<StoredFile | null>;
  exists(name: string): Promise<boolean>;
  /** The address readers load the image from. */
  url(name: string): string;
}
