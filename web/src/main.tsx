import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getAuthState, refreshSession } from './lib/auth';
import './styles.css';

// A refresh token kept from earlier in this tab brings the session back after a reload.
if (getAuthState().status === 'restoring') void refreshSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
