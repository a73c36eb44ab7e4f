import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { client, unwrap, type ApiData } from '../api/client';
import { MyApplicationsList } from '../applications/MyApplicationsList';
import { MyConsultationsList } from '../consultation/MyConsultationsList';
import { ApiError } from '../api/problem';
import { useI18n, type Bilingual, type Translate } from '../i18n';
import { PublicHeader } from '../shell/Home';
import { dateTimeWithZone } from '../time';
import { citizenCsrf, pushSupported, subscribeThisBrowser } from './browser';
import './citizen.css';
import { SignInForm } from './SignInForm';

type Citizen = ApiData<'/api/citizen/session'>;
type Item = ApiData<'/api/citizen/me/items'>['items'][number];

const KIND: Record<Item['kind'], Bilingual> = {
  booking: { id: 'Booking', en: 'Booking' },
  ticket: { id: 'Antrean hari ini', en: "Today's ticket" },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  survey: { id: 'Survei kepuasan', en: 'Satisfaction survey' },
};

const OPEN: Record<Item['kind'], Bilingual> = {
  booking: { id: 'Ubah atau batalkan', en: 'Move or cancel' },
  ticket: { id: 'Lihat status langsung', en: 'See the live status' },
  complaint: { id: 'Lihat pengaduan', en: 'Open the complaint' },
  survey: { id: 'Isi survei', en: 'Fill in the survey' },
};

/** Ticket and booking states in words (complaints and surveys arrive already worded). */
const STATE: Record<string, Bilingual> = {
  waiting: { id: 'Menunggu', en: 'Waiting' },
  called: { id: 'Dipanggil', en: 'Called' },
  serving: { id: 'Sedang dilayani', en: 'Being served' },
  served: { id: 'Selesai dilayani', en: 'Served' },
  no_show: { id: 'Tidak hadir', en: 'Missed' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  booked: { id: 'Terjadwal', en: 'Booked' },
  checked_in: { id: 'Sudah check-in', en: 'Checked in' },
  open: { id: 'Belum diisi', en: 'Not filled in yet' },
};
const stateText = (i: Item, t: Translate) => (i.kind === 'complaint' || !STATE[i.status] ? i.status : t(STATE[i.status]!));

/** The signed-in citizen, or null (401 means simply "not signed in"). */
function useCitizen() {
  return useQuery({
    queryKey: ['/api/citizen', 'session'],
    queryFn: async (): Promise<Citizen | null> => {
      try {
        return await unwrap(client.GET('/api/citizen/session'));
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
  });
}

/**
 * "Layanan saya" (issue 11): sign in with a one-time code, then bookings, today's tickets with their
 * live status, complaints and survey invitations in one list, each with what it needs next. The
 * account part lets the citizen add or remove a contact, choose the language of messages, allow
 * notifications on this phone, sign out or delete the account.
 */
export function MyServicesPage() {
  const { t } = useI18n();
  const citizen = useCitizen();
  return (
    <>
      <PublicHeader />
      <main id="main" className="public-main my-services">
        <h1>{t('Layanan saya', 'My services')}</h1>
        {citizen.isPending && <p>{t('Memuat…', 'Loading…')}</p>}
        {citizen.error && <p className="error" role="alert">{citizen.error.message}</p>}
        {citizen.data === null && (
          <>
            <p>{t('Lihat booking, antrean hari ini, pengaduan dan undangan survei Anda di satu tempat.', 'See your bookings, today\'s tickets, complaints and survey invitations in one place.')}</p>
            <section className="card">
              <SignInForm />
            </section>
            <p className="muted">{t('Tanpa akun pun Anda tetap bisa booking, mengambil antrean dan mengadu seperti biasa.', 'Without an account you can still book, take a number and complain as usual.')}</p>
          </>
        )}
        {citizen.data && <SignedIn citizen={citizen.data} />}
      </main>
    </>
  );
}

function SignedIn({ citizen }: { citizen: Citizen }) {
  const { t, lang } = useI18n();
  const items = useQuery({
    queryKey: ['/api/citizen', 'items', lang],
    queryFn: () => unwrap(client.GET('/api/citizen/me/items')),
    // Tickets move while the page is open.
    refetchInterval: 15_000,
  });
  return (
    <>
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t('Yang perlu Anda lakukan', 'What needs you')}</h2>
        {items.isPending && <p>{t('Memuat…', 'Loading…')}</p>}
        {items.error && <p className="error" role="alert">{items.error.message}</p>}
        {items.data && items.data.items.length === 0 && (
          <p data-testid="my-empty">
            {t('Belum ada booking, antrean, pengaduan atau survei dengan nomor atau email ini (30 hari terakhir).', 'No bookings, tickets, complaints or surveys under this number or email yet (last 30 days).')}{' '}
            <Link to="/">{t('Ke beranda', 'To the home page')}</Link>
          </p>
        )}
        {items.data && items.data.items.length > 0 && (
          <ul className="my-items" data-testid="my-items">
            {items.data.items.map((i) => (
              <li key={`${i.kind}-${i.id}`} className={`card my-item my-${i.kind}`} data-testid={`my-${i.kind}`}>
                <p className="my-kind">{t(KIND[i.kind])} · <strong>{i.reference}</strong></p>
                <h3>{i.title}</h3>
                <p className="muted">{i.mppName} · {dateTimeWithZone(i.at, lang, i.timezone)}</p>
                <p>{t('Status', 'Status')}: {stateText(i, t)}{i.counter ? ` · ${i.counter}` : ''}</p>
                {i.next.text && <p className={`my-next my-next-${i.next.action}`}>{i.next.text}</p>}
                {i.answer && (
                  <div className="my-answer">
                    <p><strong>{t('Jawaban', 'Answer')}</strong></p>
                    <p data-testid="my-answer">{i.answer}</p>
                  </div>
                )}
                {i.link && <Link to={i.link} className="button-link">{t(OPEN[i.kind])}</Link>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <MyApplicationsList />
      <MyConsultationsList />
      <p className="card">
        <Link to="/dokumen-saya" data-testid="my-wallet-link">{t('Dokumen saya dan permohonan: simpan persyaratan, bagikan ke instansi, lihat siapa yang membukanya', 'My documents and applications: keep requirements, share them with an agency, see who opened them')}</Link>
      </p>
      <Account citizen={citizen} />
    </>
  );
}

function Account({ citizen }: { citizen: Citizen }) {
  const { t, lang, setLang } = useI18n();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [pushState, setPushState] = useState<'idle' | 'on' | 'refused'>('idle');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api/citizen'] });

  const remove = useMutation({
    mutationFn: (c: { kind: 'phone' | 'email'; value: string }) =>
      unwrap(client.DELETE('/api/citizen/me/contacts/{kind}/{value}', { params: { path: c }, headers: citizenCsrf() })),
    onSuccess: refresh,
  });
  const language = useMutation({
    mutationFn: (l: 'id' | 'en') => unwrap(client.PUT('/api/citizen/me', { body: { lang: l }, headers: citizenCsrf() })),
    onSuccess: (_c, l) => {
      setLang(l);
      void refresh();
    },
  });
  const signOut = useMutation({ mutationFn: () => unwrap(client.DELETE('/api/citizen/session', { headers: citizenCsrf() })), onSuccess: refresh });
  const erase = useMutation({ mutationFn: () => unwrap(client.DELETE('/api/citizen/me', { headers: citizenCsrf() })), onSuccess: refresh });
  const push = useMutation({
    mutationFn: async () => {
      const sub = await subscribeThisBrowser();
      if (!sub) return false;
      await unwrap(client.POST('/api/citizen/me/push', { body: sub, headers: citizenCsrf() }));
      return true;
    },
    onSuccess: (ok) => setPushState(ok ? 'on' : 'refused'),
  });
  const error = remove.error ?? language.error ?? signOut.error ?? erase.error ?? push.error;

  return (
    <section className="card my-account" aria-labelledby="account-title">
      <h2 id="account-title">{t('Akun Anda', 'Your account')}</h2>
      <h3>{t('Nomor dan email terverifikasi', 'Verified numbers and emails')}</h3>
      <ul className="my-contacts">
        {citizen.contacts.map((c) => (
          <li key={`${c.kind}-${c.value}`}>
            <span>{c.kind === 'phone' ? `0${c.value.slice(3)}` : c.value}</span>
            {citizen.contacts.length > 1 && (
              <button type="button" onClick={() => remove.mutate({ kind: c.kind, value: c.value })} disabled={remove.isPending}
                aria-label={t(`Hapus ${c.value} dari akun`, `Remove ${c.value} from the account`)}>
                {t('Hapus', 'Remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <SignInForm adding onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>{t('Tambah nomor ponsel atau email', 'Add a mobile number or email')}</button>
      )}

      <h3>{t('Bahasa pesan', 'Language of messages')}</h3>
      <div className="button-row" role="group" aria-label={t('Bahasa pesan', 'Language of messages')}>
        <button type="button" aria-pressed={citizen.lang === 'id'} onClick={() => language.mutate('id')}>Bahasa Indonesia</button>
        <button type="button" aria-pressed={citizen.lang === 'en'} onClick={() => language.mutate('en')}>English</button>
      </div>

      {pushSupported() && (
        <>
          <h3>{t('Notifikasi di ponsel ini', 'Notifications on this phone')}</h3>
          <p className="muted">{t('Kami beri tahu saat pengaduan Anda dijawab, meski halaman ini tertutup.', 'We tell you when your complaint is answered, even with this page closed.')}</p>
          <button type="button" onClick={() => push.mutate()} disabled={push.isPending || pushState === 'on'}>
            {pushState === 'on' ? t('Notifikasi aktif', 'Notifications on') : t('Izinkan notifikasi', 'Allow notifications')}
          </button>
          {pushState === 'refused' && <p className="error" role="alert">{t('Browser tidak mengizinkan notifikasi. Ubah izinnya di pengaturan browser.', 'The browser did not allow notifications. Change it in the browser settings.')}</p>}
        </>
      )}

      {error && <p className="error" role="alert">{error.message}</p>}
      <div className="button-row my-leave">
        <button type="button" onClick={() => signOut.mutate()}>{t('Keluar', 'Sign out')}</button>
        {confirmDelete ? (
          <div className="st-confirm" role="group" aria-labelledby="delete-q">
            <p id="delete-q">
              {t('Hapus akun? Nomor, email, notifikasi dan pemberitahuan antrean Anda dihapus. Booking dan pengaduan tetap ada di MPP.', 'Delete the account? Your numbers, emails, notifications and ticket alerts are deleted. Bookings and complaints stay with the MPP.')}
            </p>
            <button type="button" className="danger" onClick={() => erase.mutate()} disabled={erase.isPending}>{t('Ya, hapus akun', 'Yes, delete the account')}</button>
            <button type="button" onClick={() => setConfirmDelete(false)}>{t('Batal', 'Cancel')}</button>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>{t('Hapus akun', 'Delete the account')}</button>
        )}
      </div>
      {lang !== citizen.lang && <p className="muted">{t('Pesan dikirim dalam bahasa yang dipilih di atas.', 'Messages are sent in the language chosen above.')}</p>}
    </section>
  );
}
