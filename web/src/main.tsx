import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './App';
import { client } from './lib/client';
import { getAuthState, refreshSession } from './lib/auth';
import './styles.css';

// A browser that logged in before gets its session back from the refresh cookie: a reload or a new tab stays in.
if (getAuthState().status === 'restoring') void refreshSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
