import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

export interface MasterItem {
  key: string;
  /** What the person reads and searches by: a name, never an id. */
  label: string;
  /** A second, quieter line (the agency, a count). */
  detail?: string;
  /** Extra words the search matches (a code, a prefix) without showing them. */
  keywords?: string;
}

const norm = (s: string) => s.toLocaleLowerCase('id').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * A searchable list on the left and the chosen item's detail on the right: how a screen shows 159
 * services or 40 counters without growing taller than the window. The list scrolls inside itself.
 */
export function MasterList({ items, selected, onSelect, label, searchLabel, children, empty }: {
  items: MasterItem[];
  selected: string | null;
  onSelect(key: string): void;
  /** Names the list for screen readers (and tests): "Daftar loket". */
  label: string;
  searchLabel: string;
  /** The chosen item's detail. */
  children: ReactNode;
  empty?: ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = norm(query.trim());
    return q ? items.filter((i) => norm(`${i.label} ${i.detail ?? ''} ${i.keywords ?? ''}`).includes(q)) : items;
  }, [items, query]);
  // An item opened from a link may sit far down the list: bring it into the list's view.
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, items.length]);
  return (
    <div className="master-detail">
      <div className="master">
        <input type="search" aria-label={searchLabel} placeholder={`${searchLabel}…`} value={query} onChange={(e) => setQuery(e.target.value)} aria-controls={id} />
        <p className="muted small" aria-live="polite">
          {shown.length === items.length ? t(`${items.length} item`, `${items.length} items`) : t(`${shown.length} dari ${items.length}`, `${shown.length} of ${items.length}`)}
        </p>
        <ul id={id} ref={listRef} className="master-items" aria-label={label}>
          {shown.map((item) => (
            <li key={item.key}>
              <button type="button" aria-current={item.key === selected} onClick={() => onSelect(item.key)}>
                <span className="master-label">{item.label}</span>
                {item.detail && <span className="master-sub">{item.detail}</span>}
              </button>
            </li>
          ))}
          {shown.length === 0 && <li className="muted">{t('Tidak ada yang cocok.', 'Nothing matches.')}</li>}
        </ul>
      </div>
      <div className="detail">{items.length === 0 ? empty : children}</div>
    </div>
  );
}
