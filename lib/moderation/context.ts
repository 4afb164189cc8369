import type { Db, Role } from "@/lib/db/client";

import { MODERATION_REASONS, type ModerationReason } from "./policy";

/** What every moderation command starts from. */
export interface ModerationContext {
  /** The app's database unless a test or a transaction passes its own. */
  db?: Db;
  now?: Date;
  /** The public address for links in mails. */
  origin?: string;
}

export type Actor = { id: string; role: Role };

/** The longest note an editor may add to a decision or restriction. */
export const NOTE_MAX = 1000;

export const parseReason = (value: unknown): ModerationReason | undefined => MODERATION_REASONS.find((reason) => reason === value);
