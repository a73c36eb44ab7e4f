import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { useCurrentMpp } from '../current-mpp';
import { useI18n } from '../i18n';
import { PauseReasonsPanel } from './PauseReasonsPanel';
import './queue.css';
import type { CounterView } from './types';

interface SetupService {
  id: string;
  code: string;
  name: string;
  prefix: string;
  tenantId: string;
  tenantName: string;
  active: boolean;
  dailyQuota: number | null;
}
interface SetupCounter extends CounterView {
  tenantId: string;
  zone: string | null;
}
interface Setup {
  services: SetupService[];
  counters: SetupCounter[];
  mppWide: boolean;
}
interface PriorityClass {
  id: string;
  code: string;
  name: string;
  weight: number;
  active: boolean;
}
interface QueueRules {
  maxRecalls: number;
  waitingRoomCapacity: number | null;
  defaultServiceMinutes: number;
}

const WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/**
 * Queue set-up for admins: per counter the services it serves with weights, per service the daily
 * quota; for MPP admins also the priority classes and the MPP's queue rules.
 */
export function QueueSetupPage() {
  const { t } = useI18n();
  const mppId = useCurrentMpp().mppId ?? '';
  const base = `/api/mpps/${mppId}/queue`;
  const [setup, setSetup] = useState<Setup | null>(null);
  const [classes, setClasses] = useState<PriorityClass[]>([]);
  const [rules, setRules] = useState<QueueRules | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const s = await api<Setup>(`${base}/setup`);
      setSetup(s);
      if (s.mppWide) {
        setClasses(await api<PriorityClass[]>(`${base}/priority-classes`));
        setRules(await api<QueueRules>(`${base}/settings`));
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [base]);
  useEffect(() => {
    if (mppId) void load();
  }, [mppId, load]);

  async function save(label: string, path: string, method: 'PUT' | 'POST' | 'PATCH', body: unknown) {
    setError(null);
    setSaved(null);
    try {
      await api(`${base}${path}`, { method, body });
      setSaved(label);
      await load();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return false;
    }
  }

  if (!mppId) return <p>{t('Akun Anda tidak terhubung ke MPP mana pun.', 'Your account is not linked to any MPP.')}</p>;
  if (!setup) return <p className="loading">{error ?? t('Memuat…', 'Loading…')}</p>;

  return (
    <div className="queue-setup">
      <h1>{t('Pengaturan antrean', 'Queue set-up')}</h1>
      <p className="muted">
        {t(
          'Atur layanan yang dilayani tiap loket beserta bobotnya, kuota harian tiap layanan, dan (admin MPP) kelas prioritas. Perubahan berlaku untuk panggilan berikutnya.',
          'Set which services each counter serves and their weights, the daily quota of each service and (MPP admin) the priority classes. Changes apply to the next call.',
        )}
      </p>
      <div className="qs-messages" aria-live="polite">
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {saved && <p className="notice">{t('Tersimpan', 'Saved')}: {saved}</p>}
      </div>

      <section className="card">
        <h2>{t('Loket dan layanannya', 'Counters and their services')}</h2>
        <p className="muted">
          {t(
            'Bobot 1-10 mengalikan lama menunggu di loket itu: bobot 3 membuat layanan itu dipanggil lebih dulu daripada layanan berbobot 1 yang menunggu sama lama.',
            'A weight of 1-10 multiplies waiting time at that counter: weight 3 makes that service called before a weight-1 service that waited as long.',
          )}
        </p>
        {setup.counters.length === 0 && <p>{t('Belum ada loket. Tambahkan loket di katalog MPP.', 'No counters yet. Add counters in the MPP catalog.')}</p>}
        <div className="qs-counters">
          {setup.counters.map((c) => (
            <CounterEditor key={c.id} counter={c} services={setup.services.filter((s) => s.tenantId === c.tenantId)} onSave={(body) => save(c.name, `/counters/${c.id}/setup`, 'PUT', body)} />
          ))}
        </div>
      </section>

      <section className="card">
        <h2>{t('Kuota harian per layanan', 'Daily quota per service')}</h2>
        <p className="muted">{t('Kosongkan untuk tanpa batas. Kuota berlaku untuk semua kanal (kios, meja informasi, online).', 'Leave empty for no limit. The quota covers every channel (kiosk, reception, online).')}</p>
        <table className="qs-table">
          <thead>
            <tr>
              <th>{t('Instansi', 'Agency')}</th>
              <th>{t('Layanan', 'Service')}</th>
              <th>{t('Kuota harian', 'Daily quota')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {setup.services.map((s) => (
              <QuotaRow key={s.id} service={s} onSave={(q) => save(s.name, `/services/${s.id}/settings`, 'PUT', { dailyQuota: q })} />
            ))}
          </tbody>
        </table>
      </section>

      {setup.mppWide && (
        <section className="card">
          <h2>{t('Kelas prioritas', 'Priority classes')}</h2>
          <p className="muted">
            {t(
              'Bobot = menit waktu tunggu yang dikreditkan. Kelas aktif ditawarkan di kios kepada setiap orang; petugas memeriksa di loket.',
              'Weight = minutes of waiting credited. Active classes are offered at the kiosk to everyone; the officer checks at the counter.',
            )}
          </p>
          <table className="qs-table">
            <thead>
              <tr>
                <th>{t('Kode', 'Code')}</th>
                <th>{t('Nama', 'Name')}</th>
                <th>{t('Bobot (menit)', 'Weight (minutes)')}</th>
                <th>{t('Aktif', 'Active')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {classes.map((c) => (
                <ClassRow key={c.id} cls={c} onSave={(patch) => save(c.name, `/priority-classes/${c.id}`, 'PATCH', patch)} />
              ))}
              <NewClassRow onSave={(body) => save(body.name, '/priority-classes', 'POST', body)} />
            </tbody>
          </table>
        </section>
      )}

      {setup.mppWide && <PauseReasonsPanel mppId={mppId} />}
      {setup.mppWide && rules && <RulesEditor rules={rules} onSave={(r) => save(t('Aturan antrean', 'Queue rules'), '/settings', 'PUT', r)} />}
    </div>
  );
}

function CounterEditor({ counter, services, onSave }: { counter: SetupCounter; services: SetupService[]; onSave: (body: unknown) => Promise<boolean> }) {
  const { t } = useI18n();
  const initial = () => new Map(counter.services.map((s) => [s.serviceId, s.weight]));
  const [chosen, setChosen] = useState<Map<string, number>>(initial);
  useEffect(() => setChosen(initial()), [counter]);
  const toggle = (id: string, on: boolean) =>
    setChosen((m) => {
      const next = new Map(m);
      if (on) next.set(id, 1);
      else next.delete(id);
      return next;
    });
  const weigh = (id: string, w: number) => setChosen((m) => new Map(m).set(id, w));
  return (
    <form
      className="qs-counter"
      aria-label={counter.name}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ services: [...chosen].map(([serviceId, weight]) => ({ serviceId, weight })), zone: counter.zone });
      }}
    >
      <h3>
        {counter.name} <span className="muted">· {counter.tenantName}</span>
      </h3>
      {services.length === 0 && <p className="muted">{t('Instansi ini belum punya layanan.', 'This agency has no services yet.')}</p>}
      <ul>
        {services.map((s) => {
          const weight = chosen.get(s.id);
          return (
            <li key={s.id}>
              <label className="qs-check">
                <input type="checkbox" checked={weight !== undefined} onChange={(e) => toggle(s.id, e.target.checked)} />
                <span>
                  {s.name} <span className="muted">({s.prefix})</span>
                </span>
              </label>
              {weight !== undefined && (
                <label className="qs-weight">
                  {t('Bobot', 'Weight')}
                  <select value={weight} onChange={(e) => weigh(s.id, Number(e.target.value))} aria-label={`${t('Bobot', 'Weight')} ${s.name}`}>
                    {WEIGHTS.map((w) => (
                      <option key={w} value={w}>
                        {w}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </li>
          );
        })}
      </ul>
      <button type="submit">{t('Simpan loket', 'Save counter')}</button>
    </form>
  );
}

function QuotaRow({ service, onSave }: { service: SetupService; onSave: (quota: number | null) => Promise<boolean> }) {
  const { t } = useI18n();
  const [value, setValue] = useState(service.dailyQuota === null ? '' : String(service.dailyQuota));
  useEffect(() => setValue(service.dailyQuota === null ? '' : String(service.dailyQuota)), [service.dailyQuota]);
  const changed = value !== (service.dailyQuota === null ? '' : String(service.dailyQuota));
  return (
    <tr>
      <td>{service.tenantName}</td>
      <td>
        {service.name} {!service.active && <em className="muted">({t('nonaktif', 'inactive')})</em>}
      </td>
      <td>
        <input type="number" min={1} max={100000} inputMode="numeric" placeholder={t('tanpa batas', 'no limit')} value={value} onChange={(e) => setValue(e.target.value)} aria-label={`${t('Kuota harian', 'Daily quota')} ${service.name}`} />
      </td>
      <td>
        <button type="button" disabled={!changed} onClick={() => void onSave(numOrNull(value))}>
          {t('Simpan', 'Save')}
        </button>
      </td>
    </tr>
  );
}

function ClassRow({ cls, onSave }: { cls: PriorityClass; onSave: (patch: { name: string; weight: number; active: boolean }) => Promise<boolean> }) {
  const { t } = useI18n();
  const [name, setName] = useState(cls.name);
  const [weight, setWeight] = useState(String(cls.weight));
  const [active, setActive] = useState(cls.active);
  useEffect(() => {
    setName(cls.name);
    setWeight(String(cls.weight));
    setActive(cls.active);
  }, [cls]);
  const changed = name !== cls.name || weight !== String(cls.weight) || active !== cls.active;
  return (
    <tr>
      <td>
        <code>{cls.code}</code>
      </td>
      <td>
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label={`${t('Nama', 'Name')} ${cls.code}`} />
      </td>
      <td>
        <input type="number" min={0} max={240} value={weight} onChange={(e) => setWeight(e.target.value)} aria-label={`${t('Bobot', 'Weight')} ${cls.code}`} />
      </td>
      <td>
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} aria-label={`${t('Aktif', 'Active')} ${cls.code}`} />
      </td>
      <td>
        <button type="button" disabled={!changed} onClick={() => void onSave({ name, weight: Number(weight), active })}>
          {t('Simpan', 'Save')}
        </button>
      </td>
    </tr>
  );
}

function NewClassRow({ onSave }: { onSave: (body: { code: string; name: string; weight: number }) => Promise<boolean> }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [weight, setWeight] = useState('15');
  return (
    <tr className="qs-new">
      <td>
        <input value={code} placeholder="veteran" onChange={(e) => setCode(e.target.value)} aria-label={t('Kode kelas baru', 'New class code')} />
      </td>
      <td>
        <input value={name} placeholder={t('Nama kelas baru', 'New class name')} onChange={(e) => setName(e.target.value)} aria-label={t('Nama kelas baru', 'New class name')} />
      </td>
      <td>
        <input type="number" min={0} max={240} value={weight} onChange={(e) => setWeight(e.target.value)} aria-label={t('Bobot kelas baru', 'New class weight')} />
      </td>
      <td />
      <td>
        <button
          type="button"
          disabled={!code || !name}
          onClick={() =>
            void onSave({ code, name, weight: Number(weight) }).then((ok) => {
              if (ok) {
                setCode('');
                setName('');
              }
            })
          }
        >
          {t('Tambah', 'Add')}
        </button>
      </td>
    </tr>
  );
}

function RulesEditor({ rules, onSave }: { rules: QueueRules; onSave: (r: QueueRules) => Promise<boolean> }) {
  const { t } = useI18n();
  const [maxRecalls, setMaxRecalls] = useState(String(rules.maxRecalls));
  const [capacity, setCapacity] = useState(rules.waitingRoomCapacity === null ? '' : String(rules.waitingRoomCapacity));
  const [minutes, setMinutes] = useState(String(rules.defaultServiceMinutes));
  return (
    <section className="card">
      <h2>{t('Aturan antrean MPP', 'MPP queue rules')}</h2>
      <form
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          void onSave({ maxRecalls: Number(maxRecalls), waitingRoomCapacity: numOrNull(capacity), defaultServiceMinutes: Number(minutes) });
        }}
      >
        <label>
          {t('Panggil ulang paling banyak', 'Most recalls')}
          <input type="number" min={0} max={10} value={maxRecalls} onChange={(e) => setMaxRecalls(e.target.value)} />
        </label>
        <label>
          {t('Kapasitas ruang tunggu (bila profil MPP tidak mengisinya; kosong = tanpa batas)', 'Waiting-room capacity (if the MPP profile has none; empty = no limit)')}
          <input type="number" min={1} max={100000} value={capacity} onChange={(e) => setCapacity(e.target.value)} />
        </label>
        <label>
          {t('Lama layanan awal untuk perkiraan (menit)', 'Initial service minutes for estimates')}
          <input type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
        <button type="submit">{t('Simpan aturan', 'Save rules')}</button>
      </form>
    </section>
  );
}
