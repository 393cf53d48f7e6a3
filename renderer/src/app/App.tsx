import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import type { ChangeEvent } from '../../../shared/events';
import type { WorkstationStatus } from '../../../shared/workstation';
import { ConnectionProvider, SessionProvider, type Session } from '../api/context';
import type { Connection } from '../api/connection';
import { guardSession } from '../api/guarded-client';
import { EntryLayout } from '../components/EntryLayout';
import { Loading } from '../components/Centered';
import { currentLanguage } from '../i18n';
import { errorMessage } from '../i18n/messages';
import { FirstRunScreen } from '../screens/FirstRunScreen';
import { SignInScreen, type SignInNotice } from '../screens/SignInScreen';
import { UnlockScreen } from '../screens/UnlockScreen';
import { WorkstationSetupScreen } from '../screens/WorkstationSetupScreen';
import { AppShell } from '../shell/AppShell';
import { buildTheme } from '../theme';

type Stage =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'workstation-setup'; status: WorkstationStatus }
  | { kind: 'unlock' }
  | { kind: 'first-run' }
  | { kind: 'sign-in'; centreName: string | null; username?: string; notice?: SignInNotice }
  | { kind: 'signed-in'; session: Session };

interface StageOptions {
  status?: WorkstationStatus;
  notice?: SignInNotice;
  username?: string;
}

/** Where to start: the desktop app may first need a workstation set up or unlocked; then first run or sign-in. */
async function nextStage(connection: Connection, options: StageOptions = {}): Promise<Stage> {
  if (connection.workstation) {
    const status = options.status ?? (await connection.workstation.call('workstation.status', {}));
    if (status.mode === 'unconfigured') return { kind: 'workstation-setup', status };
    if (status.locked) return { kind: 'unlock' };
  }
  const setup = await connection.api.call('setup.status', {});
  if (!setup.initialized) return { kind: 'first-run' };
  return {
    kind: 'sign-in',
    centreName: setup.centreName,
    ...(options.notice ? { notice: options.notice } : {}),
    ...(options.username ? { username: options.username } : {}),
  };
}

export function App({ connection: raw }: { connection: Connection }) {
  const { t, i18n } = useTranslation();
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const theme = useMemo(() => buildTheme(currentLanguage()), [i18n.language]); // eslint-disable-line react-hooks/exhaustive-deps

  const advance = useCallback(
    (options: StageOptions = {}) => {
      nextStage(raw, options).then(setStage, (error: unknown) => setStage({ kind: 'failed', error }));
    },
    [raw],
  );

  const connection = useMemo<Connection>(
    () => ({ ...raw, api: guardSession(raw.api, () => advance({ notice: 'session-ended' })) }),
    [raw, advance],
  );

  useEffect(() => advance(), [advance]);

  const restart = (options: StageOptions = {}) => {
    setStage({ kind: 'loading' });
    advance(options);
  };

  let screen;
  switch (stage.kind) {
    case 'loading':
      screen = <Loading />;
      break;
    case 'failed':
      screen = (
        <EntryLayout title={t('app.name')}>
          <Alert severity="error" role="alert">
            {errorMessage(t, stage.error)}
          </Alert>
          <Button sx={{ mt: 2 }} variant="outlined" onClick={() => restart()}>
            {t('common.retry')}
          </Button>
        </EntryLayout>
      );
      break;
    case 'workstation-setup':
      screen = <WorkstationSetupScreen status={stage.status} onDone={(status) => restart({ status })} />;
      break;
    case 'unlock':
      screen = <UnlockScreen onDone={(status) => restart({ status })} />;
      break;
    case 'first-run':
      screen = <FirstRunScreen onDone={(username) => restart({ notice: 'setup-done', username })} />;
      break;
    case 'sign-in':
      screen = (
        <SignInScreen
          key={stage.notice ?? 'sign-in'}
          centreName={stage.centreName}
          {...(stage.username ? { initialUsername: stage.username } : {})}
          {...(stage.notice ? { notice: stage.notice } : {})}
          onSignedIn={(session) => setStage({ kind: 'signed-in', session })}
        />
      );
      break;
    case 'signed-in':
      screen = <SignedIn connection={connection} session={stage.session} onSignedOut={(notice) => restart({ notice })} />;
      break;
  }

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ConnectionProvider connection={connection}>{screen}</ConnectionProvider>
    </ThemeProvider>
  );
}

/** Everything behind sign-in: one event subscription for the session, fanned out to the screens. */
function SignedIn({ connection, session, onSignedOut }: { connection: Connection; session: Session; onSignedOut: (notice: SignInNotice) => void }) {
  const listeners = useRef(new Set<(event: ChangeEvent) => void>());

  useEffect(() => {
    const token = connection.api.token;
    if (!token) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void connection.bridge.subscribe(token, (event) => listeners.current.forEach((listener) => listener(event))).then((unsubscribe) => {
      if (cancelled) unsubscribe();
      else stop = unsubscribe;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [connection]);

  const onChange = useCallback((listener: (event: ChangeEvent) => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const signOut = useCallback(async () => {
    try {
      await connection.api.call('auth.logout', {});
    } catch {
      // Signing out must always succeed locally, even if the host is unreachable.
    }
    connection.api.setToken(null);
    onSignedOut('signed-out');
  }, [connection, onSignedOut]);

  const value = useMemo(() => ({ connection, session, signOut, onChange }), [connection, session, signOut, onChange]);
  return (
    <SessionProvider value={value}>
      <HashRouter>
        <AppShell />
      </HashRouter>
    </SessionProvider>
  );
}
