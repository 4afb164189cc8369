// @ts-check
const LOG_TARGET = "schema_engine::logger";

/**
 * Logs as the native engine does: JSON lines on stderr, which Prisma's CLI reads.
 * @param {"INFO" | "WARN" | "ERROR"} level @param {string} message @param {Record<string, unknown>} [extra]
 */
export function log(level, message, extra = {}) {
  process.stderr.write(`${JSON.stringify({ level, target: LOG_TARGET, fields: { message, ...extra } })}\n`);
}
