import { useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n';

export interface PickOption {
  value: string;
  label: string;
  /** Extra words the search matches (a code, an agency name) without showing them. */
  keywords?: string;
}

const norm = (s: string) => s.toLocaleLowerCase('id').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * A choice from a list, by name: a select, with a search box above it when the list is long. The
 * value is an id the person never sees or types.
 */
export function Pick({ label, options, value, onChange, placeholder, required, name }: {
  label: string;
  options: PickOption[];
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  required?: boolean;
  name?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = norm(query.trim());
    if (!q) return options;
    return options.filter((o) => o.value === value || norm(`${o.label} ${o.keywords ?? ''}`).includes(q));
  }, [options, query, value]);
  return (
    <div className="pick">
      <label htmlFor={id}>{label}</label>
      {options.length > 8 && (
        <input
          type="search"
          className="pick-search"
          aria-label={`${t('Cari', 'Search')}: ${label}`}
          placeholder={t('Ketik untuk mencari…', 'Type to search…')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            const q = norm(e.target.value.trim());
            const first = options.find((o) => norm(`${o.label} ${o.keywords ?? ''}`).includes(q));
            if (q && first && !norm(`${options.find((o) => o.value === value)?.label ?? ''}`).includes(q)) onChange(first.value);
          }}
        />
      )}
      <select id={id} name={name} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {shown.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
