import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { useI18n } from '../i18n';
import { alertHolder, pushSupported, subscribeThisBrowser } from './browser';
import './citizen.css';

type Field = 'phone' | 'email' | 'consent';

/**
 * On the ticket's status page: with the holder's consent, tell them by SMS/WhatsApp, email or a
 * notification on this phone when the turn is near, when called and after service. While the page
 * is open, the phone also vibrates and sounds when the turn is near and when called.
 */
export function FollowTicket({ statusToken, status, peopleAhead }: { statusToken: string; status: string; peopleAhead: number | null }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const key = ['/api/citizen', 'follow', statusToken];
  const follow = useQuery({ queryKey: key, queryFn: () => unwrap(client.GET('/api/citizen/tickets/{statusToken}/follow', { params: { path: { statusToken } } })) });
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [push, setPush] = useState(false);
  const [threshold, setThreshold] = useState(3);
  const [consent, setConsent] = useState(false);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const [focusTick, setFocusTick] = useState(0);

  const save = useMutation({
    mutationFn: async () => {
      const sub = push ? await subscribeThisBrowser() : undefined;
      if (push && !sub && !phone.trim() && !email.trim()) throw new ApiError(400, 'push_refused', t('Browser tidak mengizinkan notifikasi; isi nomor ponsel atau email.', 'The browser did not allow notifications; give a mobile number or email.'));
      return unwrap(client.PUT('/api/citizen/tickets/{statusToken}/follow', {
        params: { path: { statusToken } },
        body: { phone: phone.trim() || undefined, email: email.trim() || undefined, push: sub, nearThreshold: threshold, lang, consent: true as const },
      }));
    },
    onSuccess: (view) => {
      queryClient.setQueryData(key, view);
      setOpen(false);
    },
    onSettled: () => setFocusTick((n) => n + 1),
  });
  const stop = useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/citizen/tickets/{statusToken}/follow', { params: { path: { statusToken } } })),
    onSuccess: () => queryClient.setQueryData(key, null),
  });

  const server: Partial<Record<Field, string>> = {};
  let formError: string | null = null;
  if (save.error instanceof ApiError) {
    for (const f of save.error.errors) {
      const name = f.path.replace(/^body\./, '') as Field;
      if (['phone', 'email', 'consent'].includes(name)) server[name] ??= f.message;
    }
    if (!Object.keys(server).length) formError = save.error.message;
  }
  const fields = { ...server, ...local };
  useEffect(() => {
    if (!focusTick) return;
    const first = (['phone', 'email', 'consent'] as const).find((f) => fields[f]);
    if (first) document.getElementById(`follow-${first}`)?.focus();
  }, [focusTick]);

  // While the page is open: vibrate and sound once when the turn gets near, and when called.
  const alerted = useRef<{ near: boolean; called: boolean }>({ near: false, called: false });
  const nearAt = follow.data?.nearThreshold ?? 3;
  useEffect(() => {
    if (status === 'waiting' && peopleAhead !== null && peopleAhead <= nearAt && !alerted.current.near) {
      alerted.current.near = true;
      alertHolder();
    }
    if (status === 'called' && !alerted.current.called) {
      alerted.current.called = true;
      alertHolder();
    }
  }, [status, peopleAhead, nearAt]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!phone.trim() && !email.trim() && !push) problems.phone = t('Isi nomor ponsel, email, atau izinkan notifikasi.', 'Give a mobile number, an email, or allow notifications.');
    if (!consent) problems.consent = t('Centang persetujuan agar kami boleh mengirim pesan.', 'Tick the consent so we may send you messages.');
    setLocal(problems);
    if (Object.keys(problems).length) {
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate();
  }

  if (status !== 'waiting' && status !== 'called') return null;
  if (follow.isPending) return null;
  const current = follow.data;
  if (current && !open)
    return (
      <section className="card follow" aria-labelledby="follow-title" data-testid="follow-on">
        <h2 id="follow-title">{t('Pemberitahuan aktif', 'Notifications on')}</h2>
        <p>
          {t(`Kami kabari saat tersisa ${current.nearThreshold} orang di depan Anda dan saat dipanggil`, `We tell you when ${current.nearThreshold} people are ahead of you and when you are called`)}
          {': '}
          {[current.phone && `0${current.phone.slice(3)}`, current.email, current.push && t('notifikasi ponsel ini', 'this phone')].filter(Boolean).join(', ')}.
        </p>
        <div className="button-row">
          <button type="button" onClick={() => setOpen(true)}>{t('Ubah', 'Change')}</button>
          <button type="button" onClick={() => stop.mutate()} disabled={stop.isPending}>{t('Berhenti & hapus kontak', 'Stop & delete my contact')}</button>
        </div>
      </section>
    );
  if (!open)
    return (
      <section className="card follow">
        <button type="button" className="primary" onClick={() => setOpen(true)} data-testid="follow-open">
          {t('Beri tahu saya saat giliran dekat', 'Tell me when my turn is near')}
        </button>
      </section>
    );

  const describe = (f: Field, help?: string) => (fields[f] ? `follow-${f}-error` : help);
  return (
    <section className="card follow" aria-labelledby="follow-title">
      <h2 id="follow-title">{t('Beri tahu saya', 'Tell me')}</h2>
      <form onSubmit={submit} noValidate>
        <label htmlFor="follow-phone">{t('Nomor ponsel (SMS/WhatsApp)', 'Mobile number (SMS/WhatsApp)')}</label>
        <input id="follow-phone" type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} aria-invalid={!!fields.phone} aria-describedby={describe('phone')} />
        {fields.phone && <small id="follow-phone-error" className="error">{fields.phone}</small>}
        <label htmlFor="follow-email">{t('Email (boleh kosong)', 'Email (optional)')}</label>
        <input id="follow-email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={!!fields.email} aria-describedby={describe('email')} />
        {fields.email && <small id="follow-email-error" className="error">{fields.email}</small>}
        {pushSupported() && (
          <label className="check">
            <input type="checkbox" checked={push} onChange={(e) => setPush(e.target.checked)} />
            <span>{t('Notifikasi di ponsel ini, juga saat halaman tertutup', 'A notification on this phone, even with the page closed')}</span>
          </label>
        )}
        <label htmlFor="follow-threshold">{t('Kabari saat orang di depan saya tinggal', 'Tell me when the people ahead of me are down to')}</label>
        <select id="follow-threshold" value={threshold} onChange={(e) => setThreshold(Number(e.target.value))}>
          {[1, 2, 3, 5, 10].map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
        <label className="check">
          <input id="follow-consent" type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} aria-invalid={!!fields.consent} aria-describedby={describe('consent', 'follow-consent-help')} />
          <span>{t('Saya setuju nomor/email ini dipakai hanya untuk pesan tentang tiket ini, lalu dihapus.', 'I agree this number/email is used only for messages about this ticket, then deleted.')}</span>
        </label>
        {fields.consent ? <small id="follow-consent-error" className="error">{fields.consent}</small> : <small id="follow-consent-help" className="muted">{t('Anda bisa berhenti kapan saja.', 'You can stop at any time.')}</small>}
        {formError && <p className="error" role="alert">{formError}</p>}
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.isPending}>{t('Aktifkan pemberitahuan', 'Turn on notifications')}</button>
          <button type="button" onClick={() => setOpen(false)}>{t('Batal', 'Cancel')}</button>
        </div>
      </form>
    </section>
  );
}
