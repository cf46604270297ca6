/** The Configure workspace: Recommended / current, the side-by-side grid, plan, apply. */
import { useEffect } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import { SettingsGrid } from './settings-grid';
import { PlanPanel } from './plan-panel';
import { ApplyPanel } from './apply-panel';
import { GroupConfigureView } from '../group/group-configure-view';
import { RecommendReasons } from './recommend-reasons';

const useStyles = makeStyles({ bar: { display: 'flex', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM } });

export function ConfigureView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const source = useFerry((s) => s.source);
  const destination = useFerry((s) => s.destination);
  const desired = useFerry((s) => s.desired);
  const hasFacts = useFerry((s) => s.source !== null && s.facts[s.source.toUpperCase()]?.settings !== undefined);

  const scope = useFerry((s) => s.scope);

  useEffect(() => {
    // Show the hosts as they are until the admin picks Recommended or edits.
    if (!desired && hasFacts && scope === 'pair') actions.startFromCurrent();
  }, [desired, hasFacts, scope, actions]);

  if (scope === 'group') return <GroupConfigureView />;
  if (!source || !destination) {
    return (
      <div data-testid="workspace-configure">
        <p>{t('configure.pickPair')}</p>
        <Button onClick={() => actions.setWorkspace('discover')}>{t('nav.discover')}</Button>
      </div>
    );
  }
  return (
    <div data-testid="workspace-configure">
      <h2>{t('configure.title', { source, destination })}</h2>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => actions.applyRecommended()} data-testid="recommended">
          {t('configure.recommended')}
        </Button>
        <Button onClick={() => actions.startFromCurrent()} data-testid="reset-current">
          {t('configure.fromCurrent')}
        </Button>
        <Button onClick={() => void actions.readFacts([source, destination])} data-testid="refresh-facts">
          {t('configure.refresh')}
        </Button>
      </div>
      <RecommendReasons />
      <SettingsGrid />
      <PlanPanel />
      <ApplyPanel />
    </div>
  );
}
