import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { apiQuery, client, unwrap, type ApiData } from '../api/client';
import { ApiError } from '../api/problem';
import { useI18n, type Bilingual } from '../i18n';
import './catalog.css';

type Synonym = ApiData<'/api/catalog/search-synonyms'>[number];
type Kind = Synonym['kind'];

const KINDS: Record<Kind, { label: Bilingual; help: Bilingual }> = {
  word: {
    label: { id: 'Kata lain', en: 'Other word' },
    help: { id: 'Kata sehari-hari, nama lama, ejaan lain atau kata Inggris; dicari juga sebagai kata-kata ini.', en: 'An everyday word, old name, other spelling or English word; also searched as these words.' },
  },
  abbreviation: {
    label: { id: 'Singkatan', en: 'Abbreviation' },
    help: { id: 'Ditulis ke teks pencarian setiap layanan yang memuat salah satu bentuknya (mis. sim = surat izin mengemudi).', en: 'Written into the search text of each service holding either form (e.g. sim = surat izin mengemudi).' },
  },
  filler: {
    label: { id: 'Kata pengisi (diabaikan)', en: 'Filler (ignored)' },
    help: { id: 'Dibuang dari pertanyaan (mis. "mau", "tolong").', en: 'Dropped from the query (e.g. "mau", "tolong").' },
  },
};

/**
 * The search vocabulary as data a national admin extends (issue 11): colloquial and English words,
 * abbreviations, fillers. A try-out box shows what citizens would find with a change.
 */
const WORDS_PAGE = 30;

export function SearchWordsPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const list = useQuery(apiQuery('/api/catalog/search-synonyms'));
  const [kind, setKind] = useState<Kind | ''>('');
  const [filter, setFilter] = useState('');
  const [form, setForm] = useState<{ term: string; kind: Kind; expansion: string }>({ term: '', kind: 'word', expansion: '' });
  const [saved, setSaved] = useState<string | null>(null);
  const [tryQ, setTryQ] = useState('');
  const [tried, setTried] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api/catalog/search-synonyms'] });

  const put = useMutation({
    mutationFn: (s: { term: string; kind: Kind; expansion: string }) =>
      unwrap(client.PUT('/api/catalog/search-synonyms/{kind}/{term}', { params: { path: { kind: s.kind, term: s.term } }, body: { expansion: s.expansion } })),
    onSuccess: (s) => {
      setSaved(t(`"${s.term}" disimpan.`, `"${s.term}" saved.`));
      setForm({ term: '', kind: form.kind, expansion: '' });
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ['/api/public/search'] });
    },
  });
  const remove = useMutation({
    mutationFn: (s: Synonym) => unwrap(client.DELETE('/api/catalog/search-synonyms/{kind}/{term}', { params: { path: { kind: s.kind, term: s.term } } })),
    onSuccess: (_r, s) => {
      setSaved(t(`"${s.term}" dihapus.`, `"${s.term}" removed.`));
      void refresh();
      void queryClient.invalidateQueries({ queryKey: ['/api/public/search'] });
    },
  });
  const search = useQuery({ ...apiQuery('/api/public/search', { params: { query: { q: tried, limit: 5 } } }), enabled: tried.length >= 2 });

  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (list.data ?? []).filter((s) => (!kind || s.kind === kind) && (!f || s.term.includes(f) || s.expansion.includes(f)));
  }, [list.data, kind, filter]);
  // Some hundred words: 30 a page keeps the list within a few screens.
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(shown.length / WORDS_PAGE));
  const at = Math.min(page, pages - 1);

  const fieldError = (name: string) => (put.error instanceof ApiError ? put.error.errors.find((e) => e.path.endsWith(name))?.message : undefined);
  const termError = fieldError('term');
  const expansionError = fieldError('expansion') ?? (put.error instanceof ApiError && put.error.code === 'synonym_expansion_required' ? put.error.message : undefined);
  const formError = put.error && !termError && !expansionError ? put.error.message : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    put.mutate({ term: form.term.trim().toLowerCase(), kind: form.kind, expansion: form.kind === 'filler' ? '' : form.expansion });
  }

  return (
    <div className="search-words">
      <h1>{t('Kata pencarian', 'Search words')}</h1>
      <p className="muted">{t('Kata yang dipakai warga untuk mencari layanan. Berlaku untuk semua MPP; perubahan terasa dalam satu menit.', 'The words citizens search with. They apply to every MPP; a change takes effect within a minute.')}</p>

      <form className="card" onSubmit={submit} noValidate aria-labelledby="sw-add">
        <h2 id="sw-add">{t('Tambah atau ubah kata', 'Add or change a word')}</h2>
        <label htmlFor="sw-kind">{t('Jenis', 'Kind')}</label>
        <select id="sw-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })} aria-describedby="sw-kind-help">
          {(Object.keys(KINDS) as Kind[]).map((k) => <option key={k} value={k}>{t(KINDS[k].label)}</option>)}
        </select>
        <small id="sw-kind-help" className="muted">{t(KINDS[form.kind].help)}</small>
        <label htmlFor="sw-term">{t('Kata yang diketik warga', 'Word citizens type')}</label>
        <input id="sw-term" value={form.term} onChange={(e) => setForm({ ...form, term: e.target.value })} maxLength={40} aria-invalid={!!termError} aria-describedby={termError ? 'sw-term-error' : 'sw-term-help'} />
        {termError ? <small id="sw-term-error" className="error">{termError}</small> : <small id="sw-term-help" className="muted">{t('Satu kata, huruf kecil dan angka (mis. bikin, ektp, renew).', 'One word, lower-case letters and digits (e.g. bikin, ektp, renew).')}</small>}
        {form.kind !== 'filler' && (
          <>
            <label htmlFor="sw-expansion">{form.kind === 'abbreviation' ? t('Kepanjangan', 'Stands for') : t('Dicari juga sebagai', 'Also searched as')}</label>
            <input id="sw-expansion" value={form.expansion} onChange={(e) => setForm({ ...form, expansion: e.target.value })} maxLength={200} aria-invalid={!!expansionError} aria-describedby={expansionError ? 'sw-expansion-error' : undefined} />
            {expansionError && <small id="sw-expansion-error" className="error">{expansionError}</small>}
          </>
        )}
        {formError && <p className="error" role="alert">{formError}</p>}
        {saved && <p role="status">{saved}</p>}
        <button type="submit" className="primary" disabled={put.isPending}>{t('Simpan', 'Save')}</button>
      </form>

      <form className="card" role="search" onSubmit={(e) => { e.preventDefault(); setTried(tryQ.trim()); }} aria-labelledby="sw-try">
        <h2 id="sw-try">{t('Coba pencarian', 'Try a search')}</h2>
        <label htmlFor="sw-try-q">{t('Pertanyaan warga', "A citizen's query")}</label>
        <div className="home-search-row">
          <input id="sw-try-q" type="search" value={tryQ} onChange={(e) => setTryQ(e.target.value)} />
          <button type="submit">{t('Cari', 'Search')}</button>
        </div>
        {search.data && (
          <ol data-testid="sw-try-results">
            {search.data.length === 0 && <li>{t('Tidak ada hasil.', 'No results.')}</li>}
            {search.data.map((h) => <li key={`${h.mppSlug}/${h.serviceCode}`}>{h.serviceName} — {h.tenantName} · {h.mppName}</li>)}
          </ol>
        )}
      </form>

      <section aria-labelledby="sw-list">
        <h2 id="sw-list">{t('Daftar kata', 'The words')} ({shown.length})</h2>
        <div className="grid-form">
          <label htmlFor="sw-filter-kind">{t('Jenis', 'Kind')}</label>
          <select id="sw-filter-kind" value={kind} onChange={(e) => { setKind(e.target.value as Kind | ''); setPage(0); }}>
            <option value="">{t('Semua', 'All')}</option>
            {(Object.keys(KINDS) as Kind[]).map((k) => <option key={k} value={k}>{t(KINDS[k].label)}</option>)}
          </select>
          <label htmlFor="sw-filter">{t('Saring', 'Filter')}</label>
          <input id="sw-filter" type="search" value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} />
        </div>
        {list.error && <p className="error" role="alert">{list.error.message}</p>}
        {remove.error && <p className="error" role="alert">{remove.error.message}</p>}
        <table className="data">
          <thead>
            <tr><th scope="col">{t('Kata', 'Word')}</th><th scope="col">{t('Jenis', 'Kind')}</th><th scope="col">{t('Dicari sebagai', 'Searched as')}</th><th scope="col">{t('Tindakan', 'Actions')}</th></tr>
          </thead>
          <tbody>
            {shown.slice(at * WORDS_PAGE, at * WORDS_PAGE + WORDS_PAGE).map((s) => (
              <tr key={`${s.kind}:${s.term}`}>
                <td>{s.term}</td>
                <td>{t(KINDS[s.kind].label)}</td>
                <td>{s.kind === 'filler' ? '—' : s.expansion}</td>
                <td className="actions">
                  <button type="button" onClick={() => setForm({ term: s.term, kind: s.kind, expansion: s.kind === 'filler' ? '' : s.expansion })} aria-label={t(`Ubah ${s.term}`, `Change ${s.term}`)}>{t('Ubah', 'Change')}</button>
                  <button type="button" className="danger" onClick={() => { if (window.confirm(t(`Hapus "${s.term}"?`, `Remove "${s.term}"?`))) remove.mutate(s); }} aria-label={t(`Hapus ${s.term}`, `Remove ${s.term}`)}>{t('Hapus', 'Remove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {pages > 1 && (
          <div className="pager">
            <button type="button" disabled={at === 0} onClick={() => setPage(at - 1)}>{t('Sebelumnya', 'Previous')}</button>
            <span>{t(`Halaman ${at + 1} dari ${pages}`, `Page ${at + 1} of ${pages}`)}</span>
            <button type="button" disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>{t('Berikutnya', 'Next')}</button>
          </div>
        )}
      </section>
    </div>
  );
}
