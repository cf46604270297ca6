/** Discover's group: the ticked hosts, save them under a name, open or delete a saved group, configure it. */
import { useEffect, useState } from 'react';
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { useActions, useFerry } from '../../app/store-context';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  names: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export function GroupBar() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const group = useFerry((s) => s.group);
  const saved = useFerry((s) => s.savedGroups);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    void actions.loadGroups();
  }, [actions]);
  // A deleted group leaves the choice; the first saved one takes its place.
  const current = saved.some((g) => g.name === chosen) ? chosen : (saved[0]?.name ?? '');

  return (
    <section aria-labelledby="group-heading" data-testid="group-bar">
      <h2 id="group-heading">{t('group.bar.title')}</h2>
      <p data-testid="group-count">
        {group.length === 0 ? t('group.bar.empty') : t('group.bar.count', { count: group.length })}
        {group.length > 0 ? <span className={styles.names}> ({group.join(', ')})</span> : null}
      </p>
      <div className={styles.row}>
        <Button appearance="primary" disabled={group.length < 2} onClick={() => actions.configureGroup()} data-testid="go-configure-group">
          {t('group.bar.configure')}
        </Button>
        <Button disabled={group.length === 0} onClick={() => void actions.readFacts(group)} data-testid="read-group">
          {t('discover.pair.readGroup', { count: group.length })}
        </Button>
        <Button disabled={group.length === 0} onClick={() => actions.clearGroup()} data-testid="group-clear">
          {t('group.bar.clear')}
        </Button>
      </div>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void actions.saveGroup(name).then((ok) => {
            if (ok) {
              setChosen(name.trim());
              setName('');
            }
          });
        }}
      >
        <Field label={t('group.bar.name')}>
          <Input value={name} maxLength={64} onChange={(_, d) => setName(d.value)} data-testid="group-name" />
        </Field>
        <Button type="submit" disabled={group.length < 2 || name.trim().length === 0} data-testid="group-save">
          {t('group.bar.save')}
        </Button>
        <Field label={t('group.bar.saved')}>
          <Select value={current} disabled={saved.length === 0} onChange={(_, d) => setChosen(d.value)} data-testid="group-saved">
            {saved.length === 0 ? <option value="">{t('group.bar.none')}</option> : null}
            {saved.map((g) => (
              <option key={g.name} value={g.name}>{`${g.name} (${g.hosts.length})`}</option>
            ))}
          </Select>
        </Field>
        <Button disabled={current === ''} onClick={() => actions.openGroup(current)} data-testid="group-open">
          {t('group.bar.open')}
        </Button>
        <Button disabled={current === ''} onClick={() => void actions.deleteGroup(current)} data-testid="group-delete">
          {t('group.bar.delete')}
        </Button>
        <Busy op="groups" label={t('ops.groups')} />
      </form>
    </section>
  );
}
