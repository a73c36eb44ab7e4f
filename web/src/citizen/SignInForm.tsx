import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { client, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { useI18n } from '../i18n';

type FieldErrors = Partial<Record<'destination' | 'code', string>>;

/** Field errors of a refused call, keyed by field; the rest is a message for the form. */
function errorsOf(e: unknown): { fields: FieldErrors; form: string | null } {
  if (!(e instanceof ApiError)) return { fields: {}, form: e ? String(e) : null };
  const fields: FieldErrors = {};
  for (const f of e.errors) {
    const name = f.path.replace(/^body\./, '');
    if (name === 'destination' || name === 'code') fields[name] ??= f.message;
  }
  // A wrong, expired or used code is the code field's problem: said under it, and it takes the focus.
  if (e.code === 'code_invalid') fields.code ??= e.message;
  return { fields, form: Object.keys(fields).length ? null : e.message };
}

/**
 * Sign in (or add a phone number or email to the signed-in account) with a one-time code: give the
 * destination, receive the code by SMS/WhatsApp or email, type it. No password.
 */
export function SignInForm({ adding = false, onDone }: { adding?: boolean; onDone?: () => void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [destination, setDestination] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<{ sentTo: string; expiresInMinutes: number } | null>(null);
  const [local, setLocal] = useState<FieldErrors>({});
  const formError = useRef<HTMLParagraphElement>(null);
  const prefix = adding ? 'add-' : '';

  const ask = useMutation({
    mutationFn: () => unwrap(client.POST('/api/citizen/codes', { body: { destination: destination.trim(), lang } })),
    onSuccess: (sent) => setSentTo(sent),
  });
  const enter = useMutation({
    mutationFn: () => unwrap(client.POST('/api/citizen/session', { body: { destination: destination.trim(), code: code.trim() } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/citizen'] });
      setCode('');
      setSentTo(null);
      if (adding) setDestination('');
      onDone?.();
    },
  });
  const server = errorsOf(sentTo ? enter.error : ask.error);
  const fields: FieldErrors = { ...server.fields, ...local };

  // After a refused submit, the first field with a problem gets the focus; else the form's message.
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (!focusTick) return;
    const first = (['destination', 'code'] as const).find((f) => fields[f]);
    if (first) document.getElementById(`${prefix}${first}`)?.focus();
    else if (server.form) formError.current?.focus();
  }, [focusTick, ask.error, enter.error]);

  function submitDestination(e: FormEvent) {
    e.preventDefault();
    if (!destination.trim()) {
      setLocal({ destination: t('Isi nomor ponsel atau alamat email.', 'Give a mobile number or an email address.') });
      setFocusTick((n) => n + 1);
      return;
    }
    setLocal({});
    ask.mutate(undefined, { onSettled: () => setFocusTick((n) => n + 1) });
  }

  function submitCode(e: FormEvent) {
    e.preventDefault();
    if (!/^[0-9]{6}$/.test(code.trim())) {
      setLocal({ code: t('Tulis 6 angka kode yang kami kirim.', 'Type the 6-digit code we sent.') });
      setFocusTick((n) => n + 1);
      return;
    }
    setLocal({});
    enter.mutate(undefined, { onSettled: () => setFocusTick((n) => n + 1) });
  }

  const described = (name: 'destination' | 'code', help: string) => (fields[name] ? `${prefix}${name}-error` : `${prefix}${name}-help ${help}`.trim());

  if (!sentTo)
    return (
      <form className="citizen-signin" onSubmit={submitDestination} noValidate aria-labelledby={`${prefix}signin-title`}>
        <h2 id={`${prefix}signin-title`}>{adding ? t('Tambah nomor ponsel atau email', 'Add a mobile number or email') : t('Masuk dengan kode sekali pakai', 'Sign in with a one-time code')}</h2>
        <label htmlFor={`${prefix}destination`}>{t('Nomor ponsel atau email', 'Mobile number or email')}</label>
        <input
          id={`${prefix}destination`}
          name="destination"
          inputMode="email"
          autoComplete="username"
          value={destination}
          onChange={(e) => setDestination(e.target.value)}
          aria-invalid={!!fields.destination}
          aria-describedby={described('destination', '')}
        />
        {fields.destination ? (
          <small id={`${prefix}destination-error`} className="error">{fields.destination}</small>
        ) : (
          <small id={`${prefix}destination-help`} className="muted">
            {t('Nomor atau email yang Anda pakai saat booking, mengambil antrean, atau mengadu. Tanpa kata sandi.', 'The number or email you used to book, take a number or complain. No password.')}
          </small>
        )}
        {server.form && <p className="error" role="alert" tabIndex={-1} ref={formError}>{server.form}</p>}
        <button type="submit" className="primary" disabled={ask.isPending}>{ask.isPending ? t('Mengirim…', 'Sending…') : t('Kirim kode', 'Send the code')}</button>
      </form>
    );

  return (
    <form className="citizen-signin" onSubmit={submitCode} noValidate aria-labelledby={`${prefix}code-title`}>
      <h2 id={`${prefix}code-title`}>{t('Masukkan kode', 'Enter the code')}</h2>
      <p role="status">
        {t(`Kode dikirim ke ${sentTo.sentTo}; berlaku ${sentTo.expiresInMinutes} menit.`, `The code went to ${sentTo.sentTo}; valid for ${sentTo.expiresInMinutes} minutes.`)}
      </p>
      <label htmlFor={`${prefix}code`}>{t('Kode 6 angka', '6-digit code')}</label>
      <input
        id={`${prefix}code`}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        aria-invalid={!!fields.code}
        aria-describedby={fields.code ? `${prefix}code-error` : undefined}
      />
      {fields.code && <small id={`${prefix}code-error`} className="error">{fields.code}</small>}
      {server.form && <p className="error" role="alert" tabIndex={-1} ref={formError}>{server.form}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={enter.isPending}>{enter.isPending ? t('Memeriksa…', 'Checking…') : t('Masuk', 'Sign in')}</button>
        <button type="button" onClick={() => { setSentTo(null); setCode(''); setLocal({}); enter.reset(); }}>
          {t('Ganti nomor / kirim ulang', 'Change number / send again')}
        </button>
      </div>
    </form>
  );
}
