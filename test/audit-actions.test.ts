import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS as APPLICATION_ACTIONS } from '../src/applications/state-machine.js';
import { ACTIONS as COMPLAINT_ACTIONS } from '../src/complaints/state-machine.js';
import { ACTIONS as CONSULTATION_ACTIONS } from '../src/consultation/state-machine.js';

// Issue 13 item 5: the audit log names every action in words and links to the object changed. The
// actions are read from the server's source (every `recordAudit` call), so a new action without words
// fails here rather than showing its code to an admin.
// The web tree is type-checked by its own tsconfig; here it is loaded by URL, untyped by the server's.
type Entry = { action: string; targetType: string; targetId: string | null; mppId: string | null; after: unknown; before: unknown };
let web: {
  ACTION_NAMES: Record<string, { id: string; en: string }>;
  TARGET_NAMES: Record<string, { id: string; en: string }>;
  targetLink(e: Entry): { to: string; label?: string } | null;
  changeDetail(e: Pick<Entry, 'before' | 'after'>): string;
};

const SRC = path.resolve(import.meta.dirname, '../src');
/** The actions built from a template, each with the values it takes (a new template must be listed here). */
const TEMPLATES: Record<string, readonly string[]> = {
  'complaint.${action}': COMPLAINT_ACTIONS.map((a) => `complaint.${a}`),
  'application.${action}': APPLICATION_ACTIONS.map((a) => `application.${a}`),
  'consultation.${action}': CONSULTATION_ACTIONS.map((a) => `consultation.${a}`),
  // setCounterStatus: open, paused or closed.
  'queue.counter_${to}': ['queue.counter_open', 'queue.counter_paused', 'queue.counter_closed'],
  'catalog.imported': ['catalog.imported'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return d.name.endsWith('.ts') && !/\.test(-helpers)?\.ts$|test-helpers\.ts$/.test(d.name) ? [p] : [];
  });
}

/** Every action and target kind the server writes to the audit log, by reading its `recordAudit` calls. */
function recorded(): { actions: Set<string>; targets: Set<string>; unknown: string[] } {
  const actions = new Set<string>();
  const targets = new Set<string>();
  const unknown: string[] = [];
  for (const file of sourceFiles(SRC).filter((f) => readFileSync(f, 'utf8').includes('recordAudit('))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction: (`[^`]*`|'[^']*'(?: : '[^']*')?|[a-z][\w.]* \? '[^']*' : '[^']*')/g)) {
      const expr = m[1]!;
      if (expr.startsWith('`')) {
        const values = TEMPLATES[expr.slice(1, -1)];
        if (values) values.forEach((v) => actions.add(v));
        else unknown.push(`${path.relative(SRC, file)}: ${expr}`);
      } else for (const v of expr.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(v[1]!);
    }
    for (const m of text.matchAll(/\btargetType: '([a-z_]+)'/g)) targets.add(m[1]!);
  }
  return { actions, targets, unknown };
}

beforeAll(async () => {
  web = (await import(new URL('../web/src/audit/actions.ts', import.meta.url).href)) as typeof web;
});

describe('the audit log in words', () => {
  const found = recorded();

  it('reads the actions from the source (a template it does not know fails the test)', () => {
    expect(found.unknown).toEqual([]);
    // A sanity floor: the reader really found the calls.
    expect(found.actions.size).toBeGreaterThan(90);
    expect(found.actions).toContain('service.booking_settings_updated');
    expect(found.actions).toContain('complaint.verify');
    expect(found.actions).toContain('mobile_unit.created');
  });

  it('names every action the server records, in Bahasa Indonesia and English', () => {
    const missing = [...found.actions].filter((a) => !web.ACTION_NAMES[a]?.id || !web.ACTION_NAMES[a]?.en).sort();
    expect(missing).toEqual([]);
  });

  it('names every kind of target', () => {
    const missing = [...found.targets].filter((x) => !web.TARGET_NAMES[x]).sort();
    expect(missing).toEqual([]);
  });

  it('links each target to the screen that shows it, opening the very agency, counter or service', () => {
    const e = (action: string, targetType: string, targetId: string | null = 'x-1', after: unknown = null): Entry => ({ action, targetType, targetId, mppId: 'm-1', after, before: null });
    expect(web.targetLink(e('tenant.updated', 'tenant', 't-1', { name: 'SAMSAT' }))).toEqual({ to: '/staf/katalog?tab=instansi&pilih=t-1', label: 'SAMSAT' });
    expect(web.targetLink(e('counter.updated', 'counter', 'c-1'))?.to).toBe('/staf/antrean?tab=loket&pilih=c-1');
    expect(web.targetLink(e('queue.counter_setup', 'counter', 'c-1'))?.to).toBe('/staf/antrean?tab=per-loket&pilih=c-1');
    expect(web.targetLink(e('queue.counter_paused', 'counter', 'c-1'))?.to).toBe('/staf/lantai');
    expect(web.targetLink(e('service.booking_settings_updated', 'service', 's-1'))?.to).toBe('/staf/aturan-booking?pilih=s-1');
    expect(web.targetLink(e('service.updated', 'service', 's-1'))?.to).toBe('/staf/katalog/m-1/layanan/s-1');
    expect(web.targetLink(e('queue.pause_reason_created', 'pause_reason'))?.to).toBe('/staf/antrean?tab=alasan-jeda');
    expect(web.targetLink(e('wallet.document_offered', 'wallet_offer', 'o-1', { applicationId: 'a-1' }))?.to).toBe('/staf/permohonan/a-1');
    // Nothing on a staff screen shows a sign-in or a citizen's wallet grant.
    expect(web.targetLink(e('auth.login', 'user'))?.to).toBe('/staf/pengguna');
    expect(web.targetLink(e('wallet.granted', 'wallet_grant'))).toBeNull();
    // Every link goes to a screen in the staff menu's tree.
    const unlinked = [...found.targets].filter((x) => !['ticket', 'wallet_grant', 'wallet_document', 'wallet_offer'].includes(x) && !web.targetLink(e('x.y', x)));
    expect(unlinked).toEqual([]);
  });

  it('shows what changed without a raw id', () => {
    const text = web.changeDetail({ before: { tenantId: '0b8a3a57-1c2d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Loket 1' }, after: { tenantId: '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a', name: 'Loket Samsat' } });
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(JSON.parse(text)).toEqual({ before: { tenantId: '…', name: 'Loket 1' }, after: { tenantId: '…', name: 'Loket Samsat' } });
  });
});
