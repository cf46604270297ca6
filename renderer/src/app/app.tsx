import { useEffect, useState } from 'react';
import { FluentProvider, webLightTheme, Title1, Badge } from '@fluentui/react-components';
import { ferry } from '../ferry-api';

/** Placeholder shell; the workspaces replace it. */
export function App() {
  const [labMode, setLabMode] = useState<boolean | null>(null);
  useEffect(() => {
    void ferry()
      .appInfo({})
      .then((r) => setLabMode(r.ok ? r.data.labMode : null));
  }, []);
  return (
    <FluentProvider theme={webLightTheme}>
      <header>
        <Title1 as="h1">Ferry</Title1>
        {labMode ? <Badge data-testid="lab-mode">Lab mode</Badge> : null}
      </header>
    </FluentProvider>
  );
}
