import { useId, useRef, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n, type Bilingual } from '../i18n';

export interface TabDef {
  /** Kept in the address (`?tab=key`), so a tab can be linked to and survives a reload. */
  key: string;
  label: Bilingual;
}

/**
 * A row of tabs whose choice lives in the address; only the chosen panel is rendered, so a page
 * with many settings stays a few screens tall. Arrow keys move between tabs (WAI-ARIA tabs pattern).
 */
export function Tabs({ tabs, label, children, param = 'tab' }: {
  tabs: TabDef[];
  label: string;
  /** Renders the panel of the chosen tab. */
  children: (key: string) => ReactNode;
  param?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const listRef = useRef<HTMLDivElement>(null);
  const asked = params.get(param);
  const current = tabs.find((tab) => tab.key === asked)?.key ?? tabs[0]?.key ?? '';
  const choose = (key: string) =>
    setParams(
      (p) => {
        p.set(param, key);
        return p;
      },
      { replace: true },
    );
  const onKey = (e: React.KeyboardEvent, index: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    choose(next.key);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-tab="${next.key}"]`)?.focus();
  };
  return (
    <div className="ui-tabs">
      <div className="ui-tablist" role="tablist" aria-label={label} ref={listRef}>
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`${id}-${tab.key}`}
            data-tab={tab.key}
            aria-selected={tab.key === current}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === current ? 0 : -1}
            onClick={() => choose(tab.key)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <div className="ui-tabpanel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${current}`}>
        {children(current)}
      </div>
    </div>
  );
}
