/** Source and destination pickers (type-to-search comboboxes); the group has its own bar (features/group). */
import { useMemo } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';
import { HostPicker } from './host-picker';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap' },
});

export function PairPicker() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const hosts = useFerry((s) => s.hosts);
  const source = useFerry((s) => s.source);
  const destination = useFerry((s) => s.destination);
  const names = useMemo(() => hosts.map((h) => h.account.name), [hosts]);

  return (
    <section aria-labelledby="pair-heading">
      <h2 id="pair-heading">{t('discover.pair.title')}</h2>
      <div className={styles.row}>
        <HostPicker label={t('discover.pair.source')} names={names} value={source} onChange={actions.setSource} testId="source-picker" />
        <span aria-hidden="true">→</span>
        <HostPicker label={t('discover.pair.destination')} names={names} value={destination} onChange={actions.setDestination} testId="destination-picker" />
        <Button appearance="primary" disabled={!source || !destination} onClick={() => actions.configurePair()} data-testid="go-configure">
          {t('discover.pair.configure')}
        </Button>
      </div>
    </section>
  );
}
