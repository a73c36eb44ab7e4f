import { useCallback, useEffect, useRef, useState } from 'react';
import { client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { localQueue, type LocalQueue } from './local-queue';
import * as store from './offline-store';

/** Ask for another block while online when fewer numbers than this are left. */
const LOW_ON_NUMBERS = 20;
const RETRY_MS = 15_000;

export interface StopSync {
  pack: store.StopPack | undefined;
  queue: LocalQueue | undefined;
  waiting: number;
  online: boolean;
  syncing: boolean;
  /** The device could not reach the server the last time it tried (even if the browser says online). */
  unreachable: boolean;
  error: string | null;
  report: store.Outcome[];
  lastSyncAt: string | null;
  record(body: Parameters<typeof store.recordEvent>[1]): Promise<void>;
  syncNow(): Promise<void>;
}

const deviceLabel = (id: string) => `${/Mobi/.test(navigator.userAgent) ? 'Ponsel' : 'Tablet'} ${id.slice(0, 4).toUpperCase()}`;

/**
 * Runs one stop on this device: loads what is kept offline, records events locally, and whenever
 * the network is there sends the waiting events (in the device's order) and downloads a fresh pack.
 */
export function useStopSync(mppId: string, stopId: string): StopSync {
  const [pack, setPack] = useState<store.StopPack>();
  const [events, setEvents] = useState<store.CrewEvent[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [unreachable, setUnreachable] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<store.Outcome[]>([]);
  const [lastSyncAt, setLastSyncAt] = useState<string | null>(null);
  const running = useRef<Promise<void> | null>(null);

  const reload = useCallback(async () => {
    const [p, e, r] = await Promise.all([store.loadPack(stopId), store.waitingEvents(stopId), store.loadReport(stopId)]);
    if (p) setPack(p);
    setEvents(e);
    setReport(r);
    return p;
  }, [stopId]);

  const syncOnce = useCallback(async () => {
    if (!navigator.onLine) return;
    setSyncing(true);
    try {
      const deviceId = await store.deviceId();
      const waiting = await store.waitingEvents(stopId);
      const params = { path: { mppId, stopId } };
      if (waiting.length > 0) {
        const res = await unwrap(client.POST('/api/mpps/{mppId}/crew/stops/{stopId}/sync', { params, body: { deviceId, events: waiting.slice(0, 1000) } }));
        const outcomes = [...res.outcomes, ...res.settled];
        await store.forgetSettled(stopId, outcomes);
        const worth = outcomes.filter((o) => o.result !== 'applied' && o.result !== 'duplicate');
        if (worth.length) await store.saveReport(stopId, [...worth, ...(await store.loadReport(stopId))].slice(0, 50));
      }
      const kept = await store.loadPack(stopId);
      const low = kept ? localQueue(kept, await store.waitingEvents(stopId)).numbersLeft < LOW_ON_NUMBERS : false;
      const fresh = await unwrap(client.POST('/api/mpps/{mppId}/crew/stops/{stopId}/pack', { params, body: { deviceId, label: deviceLabel(deviceId), reserveBlock: low } }));
      await store.savePack(stopId, fresh);
      setUnreachable(false);
      setError(null);
      setLastSyncAt(new Date().toISOString());
    } catch (err) {
      if (err instanceof ApiError && err.status !== 0) setError(err.message);
      else setUnreachable(true);
    } finally {
      await reload();
      setSyncing(false);
    }
  }, [mppId, stopId, reload]);

  const syncNow = useCallback(async () => {
    // One sync at a time; a tap during a sync waits for it and runs again.
    while (running.current) await running.current;
    running.current = syncOnce().finally(() => (running.current = null));
    await running.current;
  }, [syncOnce]);

  useEffect(() => {
    void reload().then(() => syncNow());
    const up = () => {
      setOnline(true);
      void syncNow();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = setInterval(() => {
      if (!navigator.onLine) return;
      void store.waitingEvents(stopId).then((w) => {
        if (w.length > 0) void syncNow();
      });
    }, RETRY_MS);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearInterval(timer);
    };
  }, [reload, syncNow, stopId]);

  const record = useCallback(
    async (body: Parameters<typeof store.recordEvent>[1]) => {
      const current = pack ?? (await store.loadPack(stopId));
      await store.recordEvent(stopId, body, current?.device.lastSeq ?? 0);
      setEvents(await store.waitingEvents(stopId));
      if (navigator.onLine) void syncNow();
    },
    [pack, stopId, syncNow],
  );

  const queue = pack ? localQueue(pack, events) : undefined;
  const waiting = pack ? events.filter((e) => e.seq > pack.device.lastSeq).length : events.length;
  return { pack, queue, waiting, online, syncing, unreachable, error, report, lastSyncAt, record, syncNow };
}
