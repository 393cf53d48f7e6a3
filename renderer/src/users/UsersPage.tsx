import AddIcon from '@mui/icons-material/PersonAddAlt1';
import MoreVert from '@mui/icons-material/MoreVert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import type { GridColDef } from '@mui/x-data-grid';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../../shared/contract/methods/users';
import { useApi } from '../api/context';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { useFormat } from '../components/format';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserDialog } from './UserDialog';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserRecord }
  | { kind: 'reset'; user: UserRecord }
  | { kind: 'disable' | 'enable' | 'signOut' | 'resetTotp'; user: UserRecord }
  | null;

export function UsersPage() {
  const { t } = useTranslation();
  const api = useApi();
  const format = useFormat();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.call('users.list', {}) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; user: UserRecord } | null>(null);
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const close = () => {
    setDialog(null);
    reload();
  };

  const columns: GridColDef<UserRecord>[] = [
    { field: 'displayName', headerName: t('users.displayName'), flex: 1.2, minWidth: 160 },
    { field: 'username', headerName: t('signIn.username'), flex: 0.8, minWidth: 110 },
    { field: 'agency', headerName: t('users.agency'), flex: 0.9, minWidth: 120, valueGetter: (_v, row) => t(`agencies.${row.agency}`) },
    { field: 'roles', headerName: t('users.roles'), flex: 1.3, minWidth: 160, sortable: false, valueGetter: (_v, row) => row.roles.map((r) => t(`roles.${r}`)).join(', ') },
    {
      field: 'status',
      headerName: t('users.status'),
      flex: 1.3,
      minWidth: 200,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" sx={{ alignItems: 'center', minHeight: 36, py: 0.5, flexWrap: 'wrap', gap: 0.5 }}>
          {row.disabled ? <Chip size="small" label={t('users.disabled')} /> : <Chip size="small" color="success" variant="outlined" label={t('users.active')} />}
          {row.lockedUntil && <Chip size="small" color="warning" label={t('users.lockedUntil', { time: format.time(row.lockedUntil) })} />}
          {row.mustChangePassword && <Chip size="small" variant="outlined" label={t('users.mustChange')} />}
          {row.totpEnabled && <Chip size="small" variant="outlined" label={t('users.totp')} />}
        </Stack>
      ),
    },
    {
      field: 'actions',
      headerName: '',
      width: 130,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" sx={{ alignItems: 'center', height: '100%' }}>
          <Button size="small" onClick={() => setDialog({ kind: 'edit', user: row })} aria-label={t('users.editTitle', { name: row.displayName })}>
            {t('users.edit')}
          </Button>
          <IconButton size="small" aria-label={t('users.more', { name: row.displayName })} onClick={(event) => setMenu({ anchor: event.currentTarget, user: row })}>
            <MoreVert fontSize="small" />
          </IconButton>
        </Stack>
      ),
    },
  ];

  const act = (kind: 'reset' | 'disable' | 'enable' | 'signOut' | 'resetTotp') => {
    if (menu) setDialog({ kind, user: menu.user });
    setMenu(null);
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.new')}
          </Button>
        }
      />
      <QueryState query={users}>
        {(rows) => <DataTable rows={rows} columns={columns} aria-label={t('users.title')} getRowHeight={() => 'auto'} />}
      </QueryState>
      <Menu anchorEl={menu?.anchor} open={Boolean(menu)} onClose={() => setMenu(null)}>
        <MenuItem onClick={() => act('reset')}>{t('users.resetPassword')}</MenuItem>
        <MenuItem onClick={() => act('signOut')}>{t('users.signOutEverywhere')}</MenuItem>
        {menu?.user.totpEnabled && <MenuItem onClick={() => act('resetTotp')}>{t('users.resetTotp')}</MenuItem>}
        {menu?.user.disabled ? <MenuItem onClick={() => act('enable')}>{t('users.enable')}</MenuItem> : <MenuItem onClick={() => act('disable')}>{t('users.disable')}</MenuItem>}
      </Menu>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserDialog user={dialog.kind === 'edit' ? dialog.user : null} onClose={() => setDialog(null)} onSaved={close} />
      )}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} onDone={close} />}
      {(dialog?.kind === 'disable' || dialog?.kind === 'enable') && (
        <ConfirmDialog
          title={t(dialog.kind === 'disable' ? 'users.disableTitle' : 'users.enableTitle', { name: dialog.user.displayName })}
          body={t(dialog.kind === 'disable' ? 'users.disableBody' : 'users.enableBody')}
          confirm={t(dialog.kind === 'disable' ? 'users.disable' : 'users.enable')}
          onClose={close}
          action={() => api.call('users.setDisabled', { userId: dialog.user.id, disabled: dialog.kind === 'disable', version: dialog.user.version })}
        />
      )}
      {dialog?.kind === 'signOut' && (
        <ConfirmDialog
          title={t('users.signOutEverywhereTitle', { name: dialog.user.displayName })}
          body={t('users.signOutEverywhereBody')}
          confirm={t('users.signOutEverywhere')}
          onClose={close}
          action={() => api.call('users.signOutEverywhere', { userId: dialog.user.id })}
        />
      )}
      {dialog?.kind === 'resetTotp' && (
        <ConfirmDialog
          title={t('users.resetTotpTitle', { name: dialog.user.displayName })}
          body={t('users.resetTotpBody')}
          confirm={t('users.resetTotp')}
          onClose={close}
          action={() => api.call('users.resetTotp', { userId: dialog.user.id })}
        />
      )}
    </>
  );
}
