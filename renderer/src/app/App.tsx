import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkstationStatus } from '../../../shared/workstation';
import { ConnectionProvider, type Session } from '../api/context';
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
import { buildTheme } from '../theme';
import { SignedIn } from './SignedIn';

type Stage =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'workstation-setup'; status: WorkstationStatus }
  | { kind: 'unlock' }
  | { kind: 'first-run' }
  | { kind: 'sign-in'; centreName: string | null; username?: string; notice?: SignInNotice }
  | { kind: 'signed-in'; session: Session; locked: boolean };

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
    () => ({
      ...raw,
      api: guardSession(raw.api, {
        onSessionEnded: () => advance({ notice: 'session-ended' }),
        onLocked: () => setStage((stage) => (stage.kind === 'signed-in' ? { ...stage, locked: true } : stage)),
      }),
    }),
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
          onSignedIn={(session) => setStage({ kind: 'signed-in', session, locked: false })}
        />
      );
      break;
    case 'signed-in':
      screen = (
        <SignedIn
          connection={connection}
          initial={stage.session}
          locked={stage.locked}
          onLockedChange={(locked) => setStage((current) => (current.kind === 'signed-in' ? { ...current, locked } : current))}
          onSignedOut={(notice) => restart({ notice })}
        />
      );
      break;
  }

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <ConnectionProvider connection={connection}>{screen}</ConnectionProvider>
    </ThemeProvider>
  );
}
