import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiQuery, client, unwrap } from '../../api/client';
import { useI18n } from '../../i18n';
import { errorText } from './data';

const PATH = '/api/mpps/{mppId}/operations/settings';

/**
 * The MPP's target wait: the service floor flags lines waiting longer, and the statistics count who
 * was called within it. It sits with the queue rules, where an MPP admin looks for it.
 */
export function TargetWaitForm({ mppId }: { mppId: string }) {
  const { t } = useI18n();
  const settings = useQuery(apiQuery(PATH, { params: { path: { mppId } } }));
  if (settings.isPending) return <p className="loading">{t('Memuat…', 'Loading…')}</p>;
  if (settings.isError) return <p className="error" role="alert">{settings.error.message}</p>;
  return <Form key={mppId} mppId={mppId} stored={settings.data.targetWaitMinutes} />;
}

function Form({ mppId, stored }: { mppId: string; stored: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(String(stored));
  const save = useMutation({
    mutationFn: () => unwrap(client.PUT(PATH, { params: { path: { mppId } }, body: { targetWaitMinutes: Number(minutes) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [PATH] }),
  });
  return (
    <form
      className="qs-rules"
      aria-label={t('Target waktu tunggu', 'Target wait')}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>{t('Target waktu tunggu', 'Target wait')}</h2>
      <div className="grid-form">
        <label>
          {t('Dipanggil paling lama (menit setelah mengambil nomor)', 'Called within (minutes after taking a number)')}
          <input type="number" min={1} max={240} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </label>
      </div>
      <p className="muted small">{t('Lantai layanan menandai antrean yang menunggu lebih lama; statistik menghitung yang dipanggil dalam target ini.', 'The service floor flags lines waiting longer; the statistics count who was called within it.')}</p>
      <div className="qs-actions" aria-live="polite">
        <button type="submit" className="primary" disabled={save.isPending || Number(minutes) === stored}>{t('Simpan target', 'Save the target')}</button>
        {save.isSuccess && <span className="notice">{t('Tersimpan', 'Saved')}: {t('Target waktu tunggu', 'Target wait')}</span>}
        {save.isError && <span className="error" role="alert">{errorText(save.error)}</span>}
      </div>
    </form>
  );
}
