import AccountCircle from '@mui/icons-material/AccountCircle';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import FolderSharedOutlined from '@mui/icons-material/FolderSharedOutlined';
import GroupOutlined from '@mui/icons-material/GroupOutlined';
import HomeOutlined from '@mui/icons-material/HomeOutlined';
import CalendarMonthOutlined from '@mui/icons-material/CalendarMonthOutlined';
import MeetingRoomOutlined from '@mui/icons-material/MeetingRoomOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import NotificationsActiveOutlined from '@mui/icons-material/NotificationsActiveOutlined';
import LockOutlined from '@mui/icons-material/LockOutlined';
import Logout from '@mui/icons-material/Logout';
import PersonOutline from '@mui/icons-material/PersonOutlineOutlined';
import SecurityOutlined from '@mui/icons-material/SecurityOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import BackupOutlined from '@mui/icons-material/BackupOutlined';
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
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { isGranted, type Permission } from '../../../shared/permissions';
import { AccountPage } from '../account/AccountPage';
import { useApi, useSession } from '../api/context';
import { AuditPage } from '../audit/AuditPage';
import { BackupsPage } from '../backups/BackupsPage';
import { AttentionPage } from '../attention/AttentionPage';
import { CasePage } from '../cases/CasePage';
import { IntakePage } from '../cases/IntakePage';
import { CasesPage } from '../cases/CasesPage';
import { LanguageMenu } from '../components/LanguageMenu';
import { setCentreZone, useCentreZoneKnown, useFormat } from '../components/format';
import { VerifyPage } from '../documents/VerifyPage';
import { SecurityPage } from '../security/SecurityPage';
import { UsersPage } from '../users/UsersPage';
import { CalendarPage } from '../schedule/CalendarPage';
import { InterviewPage } from '../interviews/InterviewPage';
import { MeetingPage } from '../meetings/MeetingPage';
import { MeetingsPage } from '../meetings/MeetingsPage';
import { TasksPage } from '../meetings/TasksPage';
import { ScheduleSettingsPage } from '../schedule/ScheduleSettingsPage';
import { CentreSettingsPage } from './CentreSettingsPage';
import { HomePage } from './HomePage';
import { UserText } from '../components/UserText';

const DRAWER_WIDTH = 248;

export function AppShell() {
  const { t } = useTranslation();
  const api = useApi();
  const { session } = useSession();
  const centre = useQuery({ queryKey: ['centre'], queryFn: () => api.call('centre.get', {}) });
  // The centre's zone (in its scheduling rules) is the one clock every time on screen is shown and typed in.
  const resources = useQuery({ queryKey: ['resources'], queryFn: () => api.call('resources.list', {}) });
  const timeZone = resources.data?.rules.timeZone;
  const failed = resources.isError;
  useEffect(() => {
    if (timeZone !== undefined || failed) setCentreZone(timeZone ?? null);
  }, [timeZone, failed]);
  const zoneKnown = useCentreZoneKnown();
  const { otherZone } = useFormat();
  const may = (permission: Permission) => isGranted(permission, session.user.roles);

  const nav: { to: string; label: string; icon: ReactNode; show: boolean }[] = [
    { to: '/', label: t('shell.home'), icon: <HomeOutlined />, show: true },
    { to: '/attention', label: t('attention.title'), icon: <NotificationsActiveOutlined />, show: may('cases.read') },
    { to: '/tasks', label: t('meetings.tasks.title'), icon: <TaskAltOutlined />, show: may('cases.read') },
    { to: '/cases', label: t('shell.cases'), icon: <FolderSharedOutlined />, show: may('cases.read') },
    { to: '/calendar', label: t('calendar.title'), icon: <CalendarMonthOutlined />, show: may('cases.read') },
    { to: '/meetings', label: t('meetings.tab'), icon: <GroupsOutlined />, show: may('cases.read') },
    { to: '/documents/verify', label: t('documents.verify.nav'), icon: <VerifiedOutlined />, show: may('cases.read') },
    { to: '/schedule-settings', label: t('scheduleSettings.title'), icon: <MeetingRoomOutlined />, show: may('schedule.manage') },
    { to: '/users', label: t('shell.users'), icon: <GroupOutlined />, show: may('users.manage') },
    { to: '/audit', label: t('shell.audit'), icon: <FactCheckOutlined />, show: may('audit.read') },
    { to: '/security', label: t('shell.security'), icon: <SecurityOutlined />, show: may('security.manage') },
    { to: '/centre', label: t('shell.centre'), icon: <SettingsOutlined />, show: may('centre.manage') },
    { to: '/backups', label: t('backups.nav'), icon: <BackupOutlined />, show: may('backups.manage') },
    { to: '/account', label: t('shell.myAccount'), icon: <PersonOutline />, show: true },
  ];

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Typography>
          <Typography data-testid="centre-name" sx={{ opacity: 0.85, flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {centre.data?.name}
          </Typography>
          {otherZone && (
            <Typography data-testid="centre-clock" variant="body2" sx={{ opacity: 0.85, whiteSpace: 'nowrap' }}>
              {t('clock.shownIn', { zone: otherZone })}
            </Typography>
          )}
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
        {/* Pages wait for the centre's zone, so no form opens with a time on the wrong clock. */}
        {zoneKnown && (
          <Routes>
            <Route path="/" element={<HomePage centre={centre.data ?? null} />} />
            <Route path="/cases" element={<CasesPage />} />
            <Route path="/cases/new" element={<IntakePage />} />
            <Route path="/attention" element={<AttentionPage />} />
            <Route path="/cases/:caseId" element={<CasePage />} />
            <Route path="/calendar" element={<CalendarPage />} />
            <Route path="/interviews/:interviewId" element={<InterviewPage />} />
            <Route path="/meetings" element={<MeetingsPage />} />
            <Route path="/meetings/:meetingId" element={<MeetingPage />} />
            <Route path="/tasks" element={<TasksPage />} />
            <Route path="/documents/verify" element={<VerifyPage />} />
            <Route path="/schedule-settings" element={<ScheduleSettingsPage />} />
            <Route path="/users" element={<UsersPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/security" element={<SecurityPage />} />
            <Route path="/centre" element={<CentreSettingsPage centre={centre.data ?? null} onSaved={() => void centre.refetch()} />} />
            <Route path="/backups" element={<BackupsPage />} />
            <Route path="/account" element={<AccountPage />} />
          </Routes>
        )}
      </Box>
    </Box>
  );
}

function NavItem({ to, label, icon }: { to: string; label: string; icon: ReactNode }) {
  const navigate = useNavigate();
  const location = useLocation();
  const selected = to === '/' ? location.pathname === '/' : location.pathname.startsWith(to);
  return (
    <ListItemButton selected={selected} aria-current={selected ? 'page' : undefined} onClick={() => void navigate(to)}>
      <ListItemIcon>{icon}</ListItemIcon>
      <ListItemText primary={label} />
    </ListItemButton>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const { session, signOut, lock } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button color="inherit" startIcon={<AccountCircle />} aria-haspopup="menu" aria-label={t('shell.account')} onClick={(event) => setAnchor(event.currentTarget)}>
        <UserText>{session.user.displayName}</UserText>
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)}>
        <MenuItem disabled>{t('shell.signedInAs', { name: session.user.username })}</MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            lock();
          }}
        >
          <ListItemIcon>
            <LockOutlined fontSize="small" />
          </ListItemIcon>
          {t('shell.lockNow')}
        </MenuItem>
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
