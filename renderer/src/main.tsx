import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connection';
import { App } from './app/App';
import { styleNonce } from './app/style-nonce';
import { initI18n } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

const styles = createCache({ key: 'bd', nonce: styleNonce() });

await initI18n();
createRoot(container).render(
  <StrictMode>
    <CacheProvider value={styles}>
      <App connection={connect()} />
    </CacheProvider>
  </StrictMode>,
);
