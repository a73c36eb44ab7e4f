import { useI18n, type Bilingual } from '../../i18n';

/** One numeric setting: its label in both languages, its bounds, whether empty means "no limit". */
export interface NumberSpec<K extends string> {
  key: K;
  label: Bilingual;
  hint?: Bilingual;
  min: number;
  max: number;
  nullable?: boolean;
}

export type Draft = Record<string, string>;

export const toDraft = (stored: Record<string, unknown>, specs: NumberSpec<string>[]): Draft =>
  Object.fromEntries(specs.map((s) => [s.key, stored[s.key] === null || stored[s.key] === undefined ? '' : String(stored[s.key])]));

/** The fields whose value differs from what is stored: a form sends only what the admin changed. */
export function changedNumbers(draft: Draft, stored: Record<string, unknown>, specs: NumberSpec<string>[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const s of specs) {
    const raw = (draft[s.key] ?? '').trim();
    const value = raw === '' ? (s.nullable ? null : NaN) : Number(raw);
    if (Number.isNaN(value)) continue;
    if (value !== stored[s.key]) out[s.key] = value;
  }
  return out;
}

export function NumberFields({ specs, draft, onChange, disabled }: { specs: NumberSpec<string>[]; draft: Draft; onChange(d: Draft): void; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="grid-form rules-fields">
      {specs.map((s) => (
        <label key={s.key}>
          {t(s.label)}
          <input
            type="number"
            inputMode="numeric"
            min={s.min}
            max={s.max}
            required={!s.nullable}
            disabled={disabled}
            placeholder={s.nullable ? t('tanpa batas', 'no limit') : undefined}
            value={draft[s.key] ?? ''}
            onChange={(e) => onChange({ ...draft, [s.key]: e.target.value })}
          />
          {s.hint && <span className="field-hint">{t(s.hint)}</span>}
        </label>
      ))}
    </div>
  );
}
