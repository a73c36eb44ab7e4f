import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { BodyOf, ResponseOf } from '../api/types';

/**
 * What a crew device keeps on itself to run a stop with no network (IndexedDB through `idb`): the
 * last stop pack downloaded, the events recorded since, and the device's id and event counter.
 * Nothing here is trusted by the server: it checks every event again when they are sent.
 */
export type StopPack = ResponseOf<'/api/mpps/{mppId}/crew/stops/{stopId}/pack', 'post'>;
export type CrewEvent = BodyOf<'/api/mpps/{mppId}/crew/stops/{stopId}/sync', 'post'>['events'][number];
export type SyncResult = ResponseOf<'/api/mpps/{mppId}/crew/stops/{stopId}/sync', 'post'>;
export type Outcome = SyncResult['outcomes'][number];

export interface StoredEvent {
  stopId: string;
  event: CrewEvent;
}

interface CrewDb extends DBSchema {
  packs: { key: string; value: { stopId: string; pack: StopPack; savedAt: string } };
  events: { key: string; value: StoredEvent; indexes: { byStop: string } };
  meta: { key: string; value: { key: string; value: string | number } };
  reports: { key: string; value: { stopId: string; outcomes: Outcome[] } };
}

let opened: Promise<IDBPDatabase<CrewDb>> | undefined;
const db = () =>
  (opened ??= openDB<CrewDb>('layan-crew', 1, {
    upgrade(d) {
      d.createObjectStore('packs', { keyPath: 'stopId' });
      d.createObjectStore('events', { keyPath: 'event.id' }).createIndex('byStop', 'stopId');
      d.createObjectStore('meta', { keyPath: 'key' });
      d.createObjectStore('reports', { keyPath: 'stopId' });
    },
  }));

/** This device's id, made once and kept: the server keys number blocks and event order by it. */
export async function deviceId(): Promise<string> {
  const d = await db();
  const found = await d.get('meta', 'deviceId');
  if (found) return String(found.value);
  const id = crypto.randomUUID();
  await d.put('meta', { key: 'deviceId', value: id });
  return id;
}

export async function loadPack(stopId: string): Promise<StopPack | undefined> {
  return (await (await db()).get('packs', stopId))?.pack;
}

export async function savePack(stopId: string, pack: StopPack): Promise<void> {
  await (await db()).put('packs', { stopId, pack, savedAt: new Date().toISOString() });
}

/** Events recorded at the stop and not yet settled by the server, in the device's order. */
export async function waitingEvents(stopId: string): Promise<CrewEvent[]> {
  const rows = await (await db()).getAllFromIndex('events', 'byStop', stopId);
  return rows.map((r) => r.event).sort((a, b) => a.seq - b.seq);
}

/**
 * Records one event with the next sequence number of this device at this stop, in one transaction
 * (two taps in quick succession never share a number).
 */
export async function recordEvent(stopId: string, body: DistributiveOmit<CrewEvent, 'id' | 'seq' | 'at'>, floorSeq: number): Promise<CrewEvent> {
  const d = await db();
  const tx = d.transaction(['meta', 'events'], 'readwrite');
  const key = `seq:${stopId}`;
  const last = Math.max(Number((await tx.objectStore('meta').get(key))?.value ?? 0), floorSeq);
  const event = { ...body, id: crypto.randomUUID(), seq: last + 1, at: new Date().toISOString() } as CrewEvent;
  await tx.objectStore('meta').put({ key, value: event.seq });
  await tx.objectStore('events').put({ stopId, event });
  await tx.done;
  return event;
}

/** Forgets events the server has settled (anything but 'pending'). */
export async function forgetSettled(stopId: string, outcomes: Outcome[]): Promise<void> {
  const d = await db();
  const tx = d.transaction('events', 'readwrite');
  for (const o of outcomes) if (o.result !== 'pending') await tx.store.delete(o.eventId);
  await tx.done;
}

export async function saveReport(stopId: string, outcomes: Outcome[]): Promise<void> {
  await (await db()).put('reports', { stopId, outcomes });
}

export async function loadReport(stopId: string): Promise<Outcome[]> {
  return (await (await db()).get('reports', stopId))?.outcomes ?? [];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
