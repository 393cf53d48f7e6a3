import { createTheme, type Theme } from '@mui/material/styles';
import { bgBG, enUS, roRO } from '@mui/material/locale';
import type { Language } from './i18n';

const muiLocales = { en: enUS, ro: roRO, bg: bgBG } satisfies Record<Language, unknown>;

/** Calm and legible: long sessions of careful reading, often on ordinary office screens. */
export function buildTheme(language: Language): Theme {
  return createTheme(
    {
      palette: {
        primary: { main: '#1d5c73' },
        secondary: { main: '#b8651b' },
        background: { default: '#f4f6f8' },
      },
      shape: { borderRadius: 8 },
      typography: { fontFamily: 'Roboto, system-ui, sans-serif' },
      components: {
        MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
        MuiAppBar: { defaultProps: { elevation: 0 } },
      },
    },
    muiLocales[language],
  );
}
