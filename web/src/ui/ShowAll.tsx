import { useI18n } from '../i18n';

/** How many rows a long list shows before "Tampilkan semua". */
export const FIRST = 5;

/** "Tampilkan semua N …" under a list cut to its first FIRST rows; nothing once open or when short. */
export function ShowAll({ count, open, onOpen, what }: { count: number; open: boolean; onOpen: () => void; what: string }) {
  const { t } = useI18n();
  if (open || count <= FIRST) return null;
  return (
    <p>
      <button type="button" onClick={onOpen}>
        {t(`Tampilkan semua ${count} ${what}`, `Show all ${count} ${what}`)}
      </button>{' '}
      <span className="muted">{t(`(${FIRST} pertama ditampilkan)`, `(first ${FIRST} shown)`)}</span>
    </p>
  );
}
