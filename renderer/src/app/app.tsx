/**
 * The root: store, i18n and Fluent theme (light/dark from the OS), then the shell. Language
 * changes in the store are pushed into i18next and the document's `lang`.
 */
import { useEffect, useMemo } from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';
import { connectEvents, type FerryStore } from '../store/store';
import { useStore } from 'zustand';
import { Shell } from './shell';
import { StoreProvider } from './store-context';
import { useDarkMode } from './use-dark-mode';
import type { FerryApi } from '../../../electron/preload/api';

export function App(props: { readonly store: FerryStore; readonly api: FerryApi }) {
  const { store, api } = props;
  const language = useStore(store, (s) => s.language);
  const i18n = useMemo(() => createI18n(store.getState().language), [store]);
  const dark = useDarkMode();

  useEffect(() => {
    const off = connectEvents(store, api);
    void store.getState().loadInfo();
    return off;
  }, [store, api]);

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);

  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
        <StoreProvider store={store}>
          <Shell />
        </StoreProvider>
      </FluentProvider>
    </I18nextProvider>
  );
}
