/** Title, lab indicator, language switch, workspace navigation, errors, and the workspace. */
import { Badge, Button, Select, Title1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ConfigureView } from '../features/configure/configure-view';
import { DiscoverView } from '../features/discovery/discover-view';
import { HistoryView } from '../features/history/history-view';
import { TestView } from '../features/test/test-view';
import type { Language, Workspace } from '../store/app-slice';
import { ErrorList } from './error-list';
import { useActions, useFerry } from './store-context';

const WORKSPACES: readonly Workspace[] = ['discover', 'configure', 'test', 'history'];

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1 },
  tabs: { display: 'flex', gap: tokens.spacingHorizontalXS, listStyle: 'none', margin: 0, padding: 0 },
  main: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
  lang: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function Shell() {
  const { t } = useTranslation();
  const styles = useStyles();
  const labMode = useFerry((s) => s.info?.labMode === true || s.directory?.lab === true);
  const workspace = useFerry((s) => s.workspace);
  const language = useFerry((s) => s.language);
  const actions = useActions();

  return (
    <>
      <header className={styles.header}>
        <Title1 as="h1">{t('app.title')}</Title1>
        {labMode ? (
          <Badge appearance="filled" color="warning" data-testid="lab-mode">
            {t('app.labMode')}
          </Badge>
        ) : null}
        <nav aria-label={t('app.navigation')} className={styles.grow}>
          {/* Plain buttons, not Fluent's TabList: its focus sentinels fail axe's aria-hidden-focus. */}
          <ul className={styles.tabs}>
            {WORKSPACES.map((w) => (
              <li key={w}>
                <Button
                  appearance={workspace === w ? 'primary' : 'subtle'}
                  aria-current={workspace === w ? 'page' : undefined}
                  onClick={() => actions.setWorkspace(w)}
                  data-testid={`tab-${w}`}
                  id={`tab-${w}`}
                >
                  {t(`nav.${w}`)}
                </Button>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.lang}>
          <label htmlFor="language-switch">{t('app.language')}</label>
          <Select
            id="language-switch"
            data-testid="language-switch"
            value={language}
            onChange={(_, d) => actions.setLanguage(d.value as Language)}
          >
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </Select>
        </div>
      </header>
      <main id="workspace" className={styles.main} aria-labelledby={`tab-${workspace}`}>
        <ErrorList />
        {workspace === 'discover' ? <DiscoverView /> : null}
        {workspace === 'configure' ? <ConfigureView /> : null}
        {workspace === 'test' ? <TestView /> : null}
        {workspace === 'history' ? <HistoryView /> : null}
      </main>
    </>
  );
}
