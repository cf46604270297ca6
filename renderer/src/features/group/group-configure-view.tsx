/** Configure for a group: Recommended / current, the group grid, the plan (with changes per account), apply. */
import { useEffect } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import { ApplyPanel } from '../configure/apply-panel';
import { PlanPanel } from '../configure/plan-panel';
import { DelegationByAccount } from './delegation-by-account';
import { GroupSettingsGrid } from './group-settings-grid';
import { RecommendReasons } from '../configure/recommend-reasons';

const useStyles = makeStyles({ bar: { display: 'flex', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM } });

export function GroupConfigureView() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const group = useFerry((s) => s.group);
  const desired = useFerry((s) => s.desired);
  const hasFacts = useFerry((s) => s.group.some((h) => s.facts[h.toUpperCase()]?.settings !== undefined));

  useEffect(() => {
    // As for a pair: the hosts as they are (the first one read) until Recommended or an edit.
    if (!desired && hasFacts) actions.startGroupFromCurrent();
  }, [desired, hasFacts, actions]);

  if (group.length < 2) {
    return (
      <div data-testid="workspace-configure">
        <p>{t('group.bar.empty')}</p>
        <Button onClick={() => actions.setWorkspace('discover')}>{t('nav.discover')}</Button>
      </div>
    );
  }
  return (
    <div data-testid="workspace-configure">
      <h2>{t('group.configure.title', { count: group.length })}</h2>
      <div className={styles.bar}>
        <Button appearance="primary" onClick={() => actions.applyGroupRecommended()} data-testid="recommended">
          {t('configure.recommended')}
        </Button>
        <Button onClick={() => actions.startGroupFromCurrent()} data-testid="reset-current">
          {t('configure.fromCurrent')}
        </Button>
        <Button onClick={() => void actions.readFacts(group)} data-testid="refresh-facts">
          {t('configure.refresh')}
        </Button>
      </div>
      <RecommendReasons />
      <GroupSettingsGrid />
      <PlanPanel />
      <DelegationByAccount />
      <ApplyPanel />
    </div>
  );
}
