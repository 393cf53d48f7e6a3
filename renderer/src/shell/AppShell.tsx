import AccountCircle from '@mui/icons-material/AccountCircle';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import Logout from '@mui/icons-material/Logout';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import type { Centre } from '../../../shared/contract/methods/centre';
import { isGranted } from '../../../shared/permissions';
import { useChangeEvents, useSession } from '../api/context';
import { LanguageMenu } from '../components/LanguageMenu';
import { CentreSettingsPage } from './CentreSettingsPage';
import { HomePage } from './HomePage';

const DRAWER_WIDTH = 248;

export function AppShell() {
  const { t } = useTranslation();
  const { connection, session } = useSession();
  const [centre, setCentre] = useState<Centre | null>(null);

  const loadCentre = useCallback(() => {
    connection.api.call('centre.get', {}).then(setCentre, () => undefined);
  }, [connection]);
  useEffect(loadCentre, [loadCentre]);
  useChangeEvents((event) => {
    if (event.entity === 'centre') loadCentre();
  });

  const canManageCentre = isGranted('centre.manage', session.user.roles);
  const nav: { to: string; label: string; icon: ReactNode; show: boolean }[] = [
    { to: '/', label: t('shell.home'), icon: <HomeOutlined />, show: true },
    { to: '/centre', label: t('shell.centre'), icon: <SettingsOutlined />, show: canManageCentre },
  ];

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography>
          <Typography data-testid="centre-name" sx={{ opacity: 0.85, flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {centre?.name}
          </Typography>
          <LanguageMenu />
          <AccountMenu />
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar />
        <Box component="nav" aria-label={t('shell.navigation')}>
          <List>
            {nav.filter((item) => item.show).map((item) => (
              <NavItem key={item.to} {...item} />
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flex: 1, p: 3, minWidth: 0 }}>
        <Toolbar />
        <Routes>
          <Route path="/" element={<HomePage centre={centre} />} />
          <Route path="/centre" element={<CentreSettingsPage centre={centre} onSaved={setCentre} />} />
        </Routes>
      </Box>
    </Box>
  );
}

function NavItem({ to, label, icon }: { to: string; label: string; icon: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const selected = location.pathname === to;
  return (
    <ListItemButton selected={selected} aria-current={selected ? 'page' : undefined} onClick={() => void navigate(to)}>
      <ListItemIcon>{icon}</ListItemIcon>
      <ListItemText primary={label} />
    </ListItemButton>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button color="inherit" startIcon={<AccountCircle />} aria-haspopup="menu" aria-label={t('shell.account')} onClick={(event) => setAnchor(event.currentTarget)}>
        {session.user.displayName}
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem disabled>{t('shell.signedInAs', { name: session.user.username })}</MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void signOut();
          }}
        >
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          {t('common.signOut')}
        </MenuItem>
      </Menu>
    </>
  );
}
