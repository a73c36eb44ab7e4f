import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { apiQuery } from '../api/client';
import { LoadStatus, useApiMutation, useApiQuery, WriteError } from '../api/hooks';
import type { ResponseOf } from '../api/types';
import { useCurrentMpp } from '../current-mpp';
import { useI18n, type Bilingual } from '../i18n';
import { useSession } from '../session';
import './survey.css';

type Tablet = ResponseOf<'/api/mpps/{mppId}/survey/tablets'>[number];
type Label = ResponseOf<'/api/mpps/{mppId}/services/{serviceId}/survey-labels'>[number];
/** Draft wording keyed "unsur:score"; empty fields fall back to the regulation's wording. */
type Draft = Record<string, Bilingual>;

const isUuid = (s: string) => /^[0-9a-f-]{36}$/.test(s);

/**
 * Survey settings for MPP admins: pairing kiosk devices with counters as survey tablets, and the
 * per-service wording of the four answers (the nine unsur and the 1-4 scale stay as regulated).
 * Agency admins see the wording part for their own services.
 */
export function SurveySettingsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const canPair = user?.grants.some((g) => g.role === 'national_admin' || g.role === 'mpp_admin') ?? false;
  const mppId = useCurrentMpp().mppId ?? '';
  return (
    <section className="survey-settings">
      <h1>{t('Pengaturan survei kepuasan', 'Satisfaction survey settings')}</h1>
      <p className="muted">
        <Link to="/staf/survei">← {t('Laporan SKM', 'SKM report')}</Link>
      </p>
      {isUuid(mppId) && canPair && <TabletSection mppId={mppId} />}
      {isUuid(mppId) && <WordingSection mppId={mppId} />}
    </section>
  );
}

function TabletSection({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const path = { mppId };
  const tabletList = useApiQuery('/api/mpps/{mppId}/survey/tablets', { params: { path } });
  const deviceList = useApiQuery('/api/mpps/{mppId}/devices', { params: { path } });
  const counterList = useApiQuery('/api/catalog/mpps/{mppId}/counters', { params: { path } });
  const tablets = tabletList.data ?? [];
  const kiosks = (deviceList.data ?? []).filter((x) => x.kind === 'kiosk' && !x.revokedAt);
  const counters = (counterList.data ?? []).filter((x) => x.active).sort((a, b) => a.number - b.number);
  const [deviceId, setDeviceId] = useState('');
  const [counterId, setCounterId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const invalidates = ['/api/mpps/{mppId}/survey/tablets' as const];
  const pairing = useApiMutation('put', '/api/mpps/{mppId}/survey/tablets/{deviceId}', {
    invalidates,
    onSuccess: (v) => {
      if (v) setNotice(t(`${v.deviceName} kini tablet survei Loket ${v.counterNumber}.`, `${v.deviceName} is now the survey tablet of counter ${v.counterNumber}.`));
      setDeviceId('');
    },
  });
  const unpairing = useApiMutation('delete', '/api/mpps/{mppId}/survey/tablets/{deviceId}', { invalidates });
  const queryClient = useQueryClient();

  // The section's one alert shows the refusal of the last write tried.
  function pair(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    unpairing.reset();
    pairing.mutate({ params: { path: { mppId, deviceId } }, body: { counterId } });
  }

  function unpair(x: Tablet) {
    if (!window.confirm(t(`Lepaskan ${x.deviceName} dari Loket ${x.counterNumber}?`, `Unpair ${x.deviceName} from counter ${x.counterNumber}?`))) return;
    setNotice(null);
    pairing.reset();
    // A refused unpairing (another admin was quicker, say) still reloads the list.
    unpairing.mutate({ params: { path: { mppId, deviceId: x.deviceId } } }, { onError: () => void queryClient.invalidateQueries({ queryKey: invalidates }) });
  }

  return (
    <section className="card settings-card" aria-labelledby="tablet-survei">
      <h2 id="tablet-survei">{t('Tablet survei di loket', 'Survey tablets at counters')}</h2>
      <p className="muted">
        {t(
          'Perangkat kios yang dipasangkan ke loket menampilkan survei untuk tiket yang baru selesai dilayani di loket itu. Token perangkat dibuat di halaman Perangkat.',
          'A kiosk device paired with a counter shows the survey for the ticket just finished at that counter. Device tokens are issued on the Devices page.',
        )}
      </p>
      <WriteError error={pairing.error ?? unpairing.error} />
      {notice && <p className="notice" role="status">{notice}</p>}
      <LoadStatus queries={[tabletList, deviceList, counterList]} />
      {!tabletList.isSuccess ? null : tablets.length === 0 ? (
        <p>{t('Belum ada tablet survei yang dipasangkan.', 'No survey tablet is paired yet.')}</p>
      ) : (
        <table className="data">
          <thead><tr><th>{t('Perangkat', 'Device')}</th><th>{t('Loket', 'Counter')}</th><th /></tr></thead>
          <tbody>
            {tablets.map((x) => (
              <tr key={x.deviceId}>
                <td>{x.deviceName}</td>
                <td>{t('Loket', 'Counter')} {x.counterNumber} · {x.counterName}</td>
                <td><button type="button" onClick={() => unpair(x)}>{t('Lepaskan', 'Unpair')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="pair-form" onSubmit={pair}>
        <div className="field">
          <label htmlFor="survey-tablet-device">{t('Perangkat kios', 'Kiosk device')}</label>
          <select id="survey-tablet-device" value={deviceId} onChange={(e) => setDeviceId(e.target.value)} required>
            <option value="">{t('— pilih —', '— choose —')}</option>
            {kiosks.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="survey-tablet-counter">{t('Loket', 'Counter')}</label>
          <select id="survey-tablet-counter" value={counterId} onChange={(e) => setCounterId(e.target.value)} required>
            <option value="">{t('— pilih —', '— choose —')}</option>
            {counters.map((c) => <option key={c.id} value={c.id}>{`${c.number} · ${c.name} (${c.tenantCode})`}</option>)}
          </select>
        </div>
        <button type="submit" className="primary" disabled={!deviceId || !counterId}>{t('Pasangkan', 'Pair')}</button>
      </form>
    </section>
  );
}

function WordingSection({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const [serviceId, setServiceId] = useState('');
  const [draft, setDraft] = useState<Draft>({});
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const serviceList = useApiQuery('/api/catalog/mpps/{mppId}/services', { params: { path: { mppId } } });
  const questionnaire = useApiQuery('/api/survey/questionnaire', undefined, { staleTime: Infinity });
  const services = serviceList.data ?? [];
  const unsur = questionnaire.data ?? [];
  const labelsInit = { params: { path: { mppId, serviceId } } };
  // The wording being edited must not be replaced by a refetch on window focus.
  const wording = useApiQuery('/api/mpps/{mppId}/services/{serviceId}/survey-labels', serviceId ? labelsInit : null, { refetchOnWindowFocus: false });

  const toDraft = (list: Label[]): Draft => Object.fromEntries(list.map((l) => [`${l.unsur}:${l.score}`, { id: l.labelId, en: l.labelEn }]));
  // The form starts from each newly loaded (or saved) wording of the chosen service.
  const [seeded, setSeeded] = useState<Label[] | undefined>(undefined);
  if (wording.data !== seeded) {
    setSeeded(wording.data);
    setDraft(wording.data ? toDraft(wording.data) : {});
  }

  const set = (key: string, lang: 'id' | 'en', value: string) => setDraft((d) => ({ ...d, [key]: { id: d[key]?.id ?? '', en: d[key]?.en ?? '', [lang]: value } }));

  // The saved wording is put in the cache as is: nothing else needs reloading.
  const saving = useApiMutation('put', '/api/mpps/{mppId}/services/{serviceId}/survey-labels', { invalidates: [] });

  function save(labels: Label[]) {
    setNotice(null);
    saving.mutate({ params: { path: { mppId, serviceId } }, body: labels }, {
      onSuccess: (saved) => {
        if (!saved) return;
        queryClient.setQueryData(apiQuery('/api/mpps/{mppId}/services/{serviceId}/survey-labels', labelsInit).queryKey, saved);
        setNotice(labels.length === 0 ? t('Kata-kata jawaban kembali seperti peraturan.', 'The answers are worded as in the regulation again.') : t(`${saved.length} label jawaban disimpan.`, `${saved.length} answer labels saved.`));
      },
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const labels: Label[] = [];
    unsur.forEach((u, i) =>
      u.answers.forEach((a, s) => {
        const d = draft[`${i + 1}:${s + 1}`];
        const id = d?.id.trim() ?? '';
        const en = d?.en.trim() ?? '';
        // Only what differs from the regulation is stored; a blank field keeps its default wording.
        if ((id && id !== a.id) || (en && en !== a.en)) labels.push({ unsur: i + 1, score: s + 1, labelId: id || a.id, labelEn: en || a.en });
      }),
    );
    save(labels);
  }

  return (
    <section className="card settings-card" aria-labelledby="kata-jawaban">
      <h2 id="kata-jawaban">{t('Kata-kata jawaban per layanan', 'Answer wording per service')}</h2>
      <p className="muted">
        {t(
          'Sembilan unsur dan skala 1-4 ditetapkan PermenPANRB 14/2017 dan tidak dapat diubah; yang dapat disesuaikan hanya kata-kata keempat jawaban agar cocok dengan layanannya. Kolom kosong memakai kata-kata bawaan.',
          'The nine elements and the 1-4 scale are fixed by PermenPANRB 14/2017; only the wording of the four answers can be adapted to the service. An empty field keeps the default wording.',
        )}
      </p>
      <div className="field">
        <label htmlFor="survey-wording-service">{t('Layanan', 'Service')}</label>
        <select id="survey-wording-service" value={serviceId} onChange={(e) => {
          setNotice(null);
          setServiceId(e.target.value);
        }}>
          <option value="">{t('— pilih layanan —', '— choose a service —')}</option>
          {services.map((s) => <option key={s.id} value={s.id}>{`${s.name} · ${s.tenant.name}`}</option>)}
        </select>
      </div>
      <WriteError error={saving.error} />
      {notice && <p className="notice" role="status">{notice}</p>}
      <LoadStatus queries={[serviceList, questionnaire, wording]} />
      {serviceId && unsur.length > 0 && (
        <form onSubmit={submit}>
          {/* Closed until the chosen service's wording has loaded, so nothing typed is replaced when it arrives. */}
          <fieldset className="wording-fields" disabled={!wording.data}>
          {unsur.map((u, i) => (
            <fieldset key={u.code} className="wording-unsur">
              <legend>{u.code} · {t(u.name)}</legend>
              <p className="muted small">{t(u.question)}</p>
              <table className="data wording-table">
                <thead><tr><th>{t('Nilai', 'Score')}</th><th>Bahasa Indonesia</th><th>English</th></tr></thead>
                <tbody>
                  {u.answers.map((a, s) => {
                    const key = `${i + 1}:${s + 1}`;
                    return (
                      <tr key={key}>
                        <td className="wording-score">{s + 1}</td>
                        <td><input aria-label={`${u.code} ${t('nilai', 'score')} ${s + 1} (Indonesia)`} placeholder={a.id} value={draft[key]?.id ?? ''} maxLength={120} onChange={(e) => set(key, 'id', e.target.value)} /></td>
                        <td><input aria-label={`${u.code} ${t('nilai', 'score')} ${s + 1} (English)`} placeholder={a.en} value={draft[key]?.en ?? ''} maxLength={120} onChange={(e) => set(key, 'en', e.target.value)} /></td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </fieldset>
          ))}
          <div className="wording-actions">
            <button type="submit" className="primary">{t('Simpan kata-kata jawaban', 'Save answer wording')}</button>
            <button type="button" onClick={() => save([])}>{t('Kembalikan ke bawaan', 'Restore defaults')}</button>
          </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}
