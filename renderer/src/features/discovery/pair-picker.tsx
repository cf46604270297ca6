/** Source and destination pickers (keyboard-friendly native selects) plus the group summary. */
import { Button, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from '../../app/store-context';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'end', flexWrap: 'wrap' },
  label: { display: 'flex', flexDirection: 'column', gap: '2px' },
});

export function PairPicker() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const hosts = useFerry((s) => s.hosts);
  const source = useFerry((s) => s.source);
  const destination = useFerry((s) => s.destination);
  const group = useFerry((s) => s.group);

  return (
    <section aria-labelledby="pair-heading">
      <h2 id="pair-heading">{t('discover.pair.title')}</h2>
      <div className={styles.row}>
        <label className={styles.label}>
          {t('discover.pair.source')}
          <Select value={source ?? ''} onChange={(_, d) => actions.setSource(d.value || null)} data-testid="source-picker">
            <option value="">{t('discover.pair.none')}</option>
            {hosts.map((h) => (
              <option key={h.account.name} value={h.account.name}>{h.account.name}</option>
            ))}
          </Select>
        </label>
        <span aria-hidden="true">→</span>
        <label className={styles.label}>
          {t('discover.pair.destination')}
          <Select value={destination ?? ''} onChange={(_, d) => actions.setDestination(d.value || null)} data-testid="destination-picker">
            <option value="">{t('discover.pair.none')}</option>
            {hosts.map((h) => (
              <option key={h.account.name} value={h.account.name}>{h.account.name}</option>
            ))}
          </Select>
        </label>
        <Button appearance="primary" disabled={!source || !destination} onClick={() => actions.setWorkspace('configure')} data-testid="go-configure">
          {t('discover.pair.configure')}
        </Button>
        <Button disabled={group.length === 0} onClick={() => void actions.readFacts(group)} data-testid="read-group">
          {t('discover.pair.readGroup', { count: group.length })}
        </Button>
      </div>
    </section>
  );
}
