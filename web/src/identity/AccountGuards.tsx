import { useEffect, useState } from 'react';
import { client, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import type { Grant } from '../session';

interface Account {
  id: string;
  status: 'active' | 'disabled';
  grants: Grant[];
}

/**
 * The accounts that are the last active MPP admin of `mppId`: the server refuses to disable them or to
 * take that role away (identity `last_admin`), so the screen says so before anyone tries. Read from the
 * whole list of the MPP, not the searched one; `changed` (the page's list) reloads it after an edit.
 */
export function useLastAdmins(mppId: string | null, changed: unknown): Set<string> {
  const [last, setLast] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!mppId) return;
    let live = true;
    void unwrap(client.GET('/api/users', { params: { query: { mppId } } })).then(
      (all: Account[]) => {
        const admins = all.filter((u) => u.status === 'active' && u.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId));
        if (live) setLast(new Set(admins.length === 1 ? [admins[0]!.id] : []));
      },
      () => live && setLast(new Set()),
    );
    return () => {
      live = false;
    };
  }, [mppId, changed]);
  return last;
}

/** Why this account cannot be disabled from here, in words; null when it can. */
export function disableBlock(account: Account, { self, lastAdmin }: { self: boolean; lastAdmin: boolean }, t: (id: string, en: string) => string): string | null {
  if (account.status !== 'active') return null;
  if (self) return t('Akun Anda sendiri: minta admin lain menonaktifkannya.', 'Your own account: ask another admin to disable it.');
  if (lastAdmin) return t('Admin MPP aktif terakhir: tambahkan admin lain dulu.', 'The last active MPP admin: add another admin first.');
  return null;
}

/** Disable/enable, or, when the server would refuse, the button greyed out with the reason beside it. */
export function DisableButton({ account, self, lastAdmin, onToggle }: { account: Account; self: boolean; lastAdmin: boolean; onToggle(): void }) {
  const { t } = useI18n();
  const blocked = disableBlock(account, { self, lastAdmin }, t);
  const label = account.status === 'active' ? t('Nonaktifkan', 'Disable') : t('Aktifkan', 'Enable');
  if (!blocked) return <button type="button" onClick={onToggle}>{label}</button>;
  const reasonId = `disable-block-${account.id}`;
  return (
    <>
      <button type="button" disabled aria-describedby={reasonId}>{label}</button>
      <span id={reasonId} className="muted small guard-reason">{blocked}</span>
    </>
  );
}
