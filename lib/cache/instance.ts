/**
 * This process among the app instances on one database: its own broadcasts come back to its
 * LISTEN connection, and it has acted on them already. On globalThis, because the front server
 * and Next.js's bundle each load a copy of this module.
 */
export const INSTANCE_ID: string = ((globalThis as unknown as { agoraInstanceId?: string }).agoraInstanceId ??= crypto.randomUUID());
