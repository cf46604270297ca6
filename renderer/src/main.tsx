import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { ferry } from './ferry-api';
import { createFerryStore } from './store/store';

const root = document.getElementById('root');
if (root) {
  const api = ferry();
  const store = createFerryStore(api);
  createRoot(root).render(
    <StrictMode>
      <App store={store} api={api} />
    </StrictMode>,
  );
}
