import { useState } from 'react';
import { LoadState, WriteError } from '../api/hooks';
import { useI18n } from '../i18n';
import type { Grant } from '../session';
import { ROLE_NAMES } from '../shell/roles';
import { DisableButton, useLastAdmins } from './AccountGuards';
import { NewUser, RolesEditor } from './UserPanels';
import { useUsers, type UserRow } from './use-users';

const PAGE = 20;

/** Staff accounts of the current MPP: search, add, disable, reset a password, give and take roles. */
export function UsersPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const data = useUsers(query);
  const { user, mppId, mpp, users, tenants, tenantChoices, may } = data;
  const [shown, setShown] = useState(PAGE);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const lastAdmins = useLastAdmins(mppId);

  // The page's one alert shows the refusal of the last write tried: starting a write clears the others'.
  const writes = [data.update, data.resetPassword, data.create, data.addGrant, data.removeGrant];
  const error = writes.find((w) => w.error)?.error ?? null;
  const starting = (write: (typeof writes)[number]) => writes.forEach((w) => w !== write && w.reset());

  const roleText = (g: Grant) => {
    const role = t(ROLE_NAMES[g.role]);
    if (g.role === 'national_admin') return role;
    if (g.tenantId) return `${role} · ${tenants.find((x) => x.id === g.tenantId)?.name ?? t('instansi lain', 'another agency')}`;
    return g.mppId === mppId ? `${role} · ${mpp?.name ?? 'MPP'}` : `${role} · ${t('MPP lain', 'another MPP')}`;
  };

  function toggle(u: UserRow) {
    starting(data.update);
    data.update.mutate({ params: { path: { userId: u.id } }, body: { status: u.status === 'active' ? 'disabled' : 'active' } });
  }

  function reset(u: UserRow) {
    const password = window.prompt(t('Kata sandi sementara baru (minimal 10 karakter):', 'New temporary password (at least 10 characters):'));
    if (!password) return;
    starting(data.resetPassword);
    data.resetPassword.mutate({ params: { path: { userId: u.id } }, body: { password } }, { onSuccess: () => setMessage(t(`Kata sandi ${u.name} diatur ulang.`, `${u.name}'s password was reset.`)) });
  }

  const list = users.data ?? [];
  const chosen = list.find((u) => u.id === selected);
  return (
    <section className="users-page">
      <h1>{t('Pengguna', 'Users')}</h1>
      {message && <p className="notice" role="status">{message}</p>}
      <WriteError error={error} />
      <label className="search-line">{t('Cari nama atau email', 'Search name or email')}
        <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); setShown(PAGE); }} />
      </label>
      <LoadState query={users}>
        {(rows) => (
          <>
            <table className="data">
              <thead>
                <tr><th>{t('Nama', 'Name')}</th><th>Email</th><th>{t('Peran', 'Roles')}</th><th>{t('Status', 'Status')}</th><th /></tr>
              </thead>
              <tbody>
                {rows.slice(0, shown).map((u) => (
                  <tr key={u.id} className={u.id === selected ? 'selected' : undefined}>
                    <td>{u.name}{u.id === user?.id && <span className="muted"> ({t('Anda', 'you')})</span>}</td>
                    <td>{u.email}</td>
                    <td>{u.grants.map(roleText).join('; ')}</td>
                    <td>{u.status === 'active' ? t('Aktif', 'Active') : t('Nonaktif', 'Disabled')}{u.lockedUntil && new Date(u.lockedUntil) > new Date() ? ` · ${t('terkunci', 'locked')}` : ''}</td>
                    <td className="actions">
                      <button type="button" onClick={() => setSelected(u.id === selected ? null : u.id)}>{t('Peran', 'Roles')}</button>
                      <DisableButton account={u} self={u.id === user?.id} lastAdmin={lastAdmins.has(u.id)} onToggle={() => toggle(u)} />
                      {u.id !== user?.id && <button type="button" onClick={() => reset(u)}>{t('Atur ulang sandi', 'Reset password')}</button>}
                    </td>
                  </tr>
                ))}
                {rows.length === 0 && <tr><td colSpan={5} className="muted">{t('Tidak ada pengguna yang cocok.', 'No user matches.')}</td></tr>}
              </tbody>
            </table>
            {rows.length > shown && (
              <p>
                {t(`Menampilkan ${shown} dari ${rows.length}.`, `Showing ${shown} of ${rows.length}.`)}{' '}
                <button type="button" onClick={() => setShown(shown + PAGE)}>{t('Tampilkan lebih banyak', 'Show more')}</button>
              </p>
            )}
          </>
        )}
      </LoadState>
      {chosen && mppId && (
        <RolesEditor
          key={chosen.id}
          target={chosen}
          isSelf={chosen.id === user?.id}
          lastAdmin={lastAdmins.has(chosen.id) && chosen.status === 'active'}
          may={may}
          tenants={tenantChoices}
          mppId={mppId}
          roleText={roleText}
          onAdd={(grant) => {
            starting(data.addGrant);
            data.addGrant.mutate({ params: { path: { userId: chosen.id } }, body: grant });
          }}
          onRemove={(grantId) => {
            starting(data.removeGrant);
            data.removeGrant.mutate({ params: { path: { userId: chosen.id, grantId } } });
          }}
        />
      )}
      {may.roles.length > 0 && mppId && (
        <NewUser
          may={may}
          tenants={tenantChoices}
          mppId={mppId}
          onCreate={(body, created) => {
            starting(data.create);
            data.create.mutate({ body }, {
              onSuccess: (u) => {
                if (u) setMessage(t(`Akun ${u.name} dibuat. Berikan kata sandi sementara kepada pemiliknya.`, `Account ${u.name} created. Give the temporary password to its owner.`));
                created();
              },
            });
          }}
        />
      )}
    </section>
  );
}
