import { useMemo } from 'react';
import { useApiQuery } from '../api/hooks';
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
 * whole list of the MPP, not the searched one; every write to /api/users reloads it (useUsers).
 * While it loads or when it fails nobody is marked: the server still refuses.
 */
export function useLastAdmins(mppId: string | null): Set<string> {
  const all = useApiQuery('/api/users', mppId ? { params: { query: { mppId } } } : null).data;
  return useMemo(() => {
    const admins = (all ?? []).filter((u: Account) => u.status === 'active' && u.grants.some((g) => g.role === 'mpp_admin' && g.mppId === mppId));
    return new Set(admins.length === 1 ? [admins[0]!.id] : []);
  }, [all, mppId]);
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
