import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createElement, type FunctionComponent, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';

// The web app's one way of showing a load's state (web/src/api/hooks.tsx), rendered as the browser
// would: "loading" while a load runs, the server's problem (title, detail, field errors) with a retry
// when it fails, never a blank page. The browser test e2e/load-errors.e2e.ts drives real pages.
// The web tree is type-checked by its own tsconfig; here it is loaded by URL, untyped by the server's.
type ApiErrorType = Error & { status: number };
type Query = Record<string, unknown>;
let hooks: { LoadStatus: FunctionComponent<{ queries: Query[] }> };
let i18n: { I18nProvider: FunctionComponent<{ children?: ReactNode }> };
let ApiError: new (status: number, code: string, message: string, errors?: { path: string; message: string }[], body?: Record<string, unknown>) => ApiErrorType;
const web = (file: string) => new URL(`../web/src/${file}`, import.meta.url).href;

beforeAll(async () => {
  // The web modules read the UI language from localStorage: Bahasa Indonesia, as on a fresh browser.
  const store = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  hooks = (await import(/* @vite-ignore */ web('api/hooks.tsx'))) as typeof hooks;
  i18n = (await import(/* @vite-ignore */ web('i18n.tsx'))) as typeof i18n;
  ({ ApiError } = (await import(/* @vite-ignore */ web('api/problem.ts'))) as { ApiError: typeof ApiError });
});

// The parts of a TanStack Query result that the load state reads.
const pending: Query = { isPending: true, isError: false, fetchStatus: 'fetching' };
const waiting: Query = { isPending: true, isError: false, fetchStatus: 'idle' };
const loaded: Query = { isPending: false, isError: false, isSuccess: true, fetchStatus: 'idle', data: [] };
const failed = (error: ApiErrorType): Query => ({ isPending: false, isError: true, fetchStatus: 'idle', error, refetch: () => undefined });

function render(node: ReactNode): string {
  return renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(i18n.I18nProvider, null, node)));
}

describe('LoadStatus', () => {
  it('says "Memuat…" once while loads run, and nothing for a load not started', () => {
    expect(render(createElement(hooks.LoadStatus, { queries: [pending, pending, loaded] }))).toBe('<p class="loading" role="status">Memuat…</p>');
    expect(render(createElement(hooks.LoadStatus, { queries: [waiting, loaded] }))).toBe('');
  });

  it("shows a failed load's problem title and detail in Bahasa Indonesia with a retry, instead of loading", () => {
    const error = new ApiError(503, 'db_unavailable', 'Layanan sedang tidak tersedia', [], { detail: 'Basis data tidak dapat dihubungi.' });
    const html = render(createElement(hooks.LoadStatus, { queries: [pending, failed(error)] }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Layanan sedang tidak tersedia Basis data tidak dapat dihubungi.');
    expect(html).toContain('Coba lagi');
    expect(html).not.toContain('Memuat');
  });

  it('shows every failed load and its field errors', () => {
    const a = new ApiError(404, 'not_found', 'MPP tidak ditemukan.');
    const b = new ApiError(400, 'validation_failed', 'Permintaan tidak valid.', [{ path: 'query.period', message: 'Periode tidak dikenal.' }]);
    const html = render(createElement(hooks.LoadStatus, { queries: [failed(a), loaded, failed(b)] }));
    expect(html).toContain('MPP tidak ditemukan.');
    expect(html).toContain('Permintaan tidak valid. Periode tidak dikenal.');
    expect(html.match(/role="alert"/g)).toHaveLength(2);
  });

  it('renders nothing once everything has loaded', () => {
    expect(render(createElement(hooks.LoadStatus, { queries: [loaded, loaded] }))).toBe('');
  });
});
