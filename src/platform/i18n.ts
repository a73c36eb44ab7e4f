import type { Messages } from './errors.js';

export type Lang = 'id' | 'en';

/**
 * Picks the response language from an Accept-Language header: English only when the caller
 * prefers it over Indonesian; Bahasa Indonesia otherwise.
 */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'id';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lang: tag.split('-')[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => (r.lang === 'id' || r.lang === 'en') && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.lang === 'en' ? 'en' : 'id';
}

export function localize(messages: Messages, lang: Lang): string {
  return lang === 'en' ? messages.en : messages.id;
}

/** A zod custom message that carries both languages; the HTTP layer shows the caller's one. */
export function bilingual(id: string, en: string): { error: string } {
  return { error: JSON.stringify({ id, en }) };
}

export function parseBilingual(message: string): Messages | undefined {
  if (!message.startsWith('{')) return undefined;
  try {
    const v = JSON.parse(message) as Partial<Messages>;
    return typeof v.id === 'string' && typeof v.en === 'string' ? { id: v.id, en: v.en } : undefined;
  } catch {
    return undefined;
  }
}
