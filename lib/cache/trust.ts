/**
 * Whether this instance may serve from its caches. It hears of other instances' writes over its
 * LISTEN connection (lib/live/listener.ts); while that connection is down it cannot know what
 * changed, so pages and data are read afresh – unless the database itself is down, when nobody
 * can change anything and the cached copies are the best answer.
 */
const state = ((globalThis as unknown as { agoraCacheTrust?: { listening: boolean } }).agoraCacheTrust ??= { listening: false });

export function cachesTrusted(): boolean {
  return state.listening;
}

export function setListening(listening: boolean) {
  state.listening = listening;
}
