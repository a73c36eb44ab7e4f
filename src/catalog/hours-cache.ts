import type { Db } from '../platform/db.js';
import { computeOpeningStatus, loadHoursSource, localParts, type HoursSource, type OpeningStatus } from './hours.js';

/** Sent by the triggers of migration 0270 with the MPP's id ('' for a national calendar day). */
export const HOURS_CHANGED_CHANNEL = 'hours_changed';
/**
 * Belt and braces: an entry is reloaded after this long even without a notification, which bounds
 * the staleness while this node's LISTEN connection is down and has not been noticed yet.
 */
const MAX_AGE_MS = 60_000;

interface Entry {
  src: HoursSource & { from: string };
  loadedAt: number;
}

/**
 * One node's memory of each MPP's hours, special days and calendar (three statements a load): they
 * change a few times a year but were read on every ticket issued. Forgotten when the database says
 * they changed (NOTIFY from triggers, so every app node hears of every writer), when this node's
 * LISTEN connection comes back, at local midnight (the entry covers dates from its day on) and after
 * MAX_AGE_MS. A load that overlaps a change notification is used once but not kept.
 */
class HoursCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private allGeneration = 0;
  private listening: Promise<boolean> | undefined;

  constructor(private readonly db: Db) {}

  private listen(): Promise<boolean> {
    this.listening ??= this.db
      .listen(HOURS_CHANGED_CHANNEL, (mppId) => this.forget(mppId))
      .then(() => {
        this.db.onListenRestored(() => this.forget(''));
        return true;
      })
      .catch(() => {
        // Not listening (the database is away): serve uncached and try again next time.
        this.listening = undefined;
        return false;
      });
    return this.listening;
  }

  forget(mppId: string): void {
    if (mppId === '') {
      this.allGeneration++;
      this.entries.clear();
    } else {
      this.generations.set(mppId, (this.generations.get(mppId) ?? 0) + 1);
      this.entries.delete(mppId);
    }
  }

  async source(mppId: string, at: Date): Promise<HoursSource> {
    if (!(await this.listen())) return loadHoursSource(this.db, mppId, at);
    const hit = this.entries.get(mppId);
    if (hit && Date.now() - hit.loadedAt < MAX_AGE_MS && localParts(at, hit.src.timezone).date === hit.src.from) return hit.src;
    const all = this.allGeneration;
    const mine = this.generations.get(mppId) ?? 0;
    const src = await loadHoursSource(this.db, mppId, at);
    if (all === this.allGeneration && mine === (this.generations.get(mppId) ?? 0)) this.entries.set(mppId, { src, loadedAt: Date.now() });
    return src;
  }
}

const caches = new WeakMap<Db, HoursCache>();

/**
 * `openingStatus` from this node's memory (see HoursCache): for the hot paths (every ticket issued).
 * A change committed on another node is seen as soon as its NOTIFY arrives (milliseconds).
 * @throws AppError not_found when the MPP does not exist.
 */
export async function cachedOpeningStatus(db: Db, mppId: string, at: Date): Promise<OpeningStatus> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new HoursCache(db)));
  return computeOpeningStatus(mppId, await cache.source(mppId, at), at);
}
