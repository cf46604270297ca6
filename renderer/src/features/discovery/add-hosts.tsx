/** Add hosts by name: validated inline as typed, then resolved against the directory. */
import { useState } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { useActions, useFerry } from '../../app/store-context';
import { parseHostNames, typedNameProblem } from '../../store/host-list';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end' } });

export function AddHosts() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const results = useFerry((s) => s.addResults);
  const [text, setText] = useState('');
  const firstProblem = parseHostNames(text)
    .map(typedNameProblem)
    .find((p) => p !== null);

  return (
    <section aria-labelledby="add-heading">
      <h2 id="add-heading">{t('discover.add.title')}</h2>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void actions.addHosts(text).then(() => setText(''));
        }}
      >
        <Field
          label={t('discover.add.label')}
          validationState={firstProblem ? 'error' : 'none'}
          validationMessage={firstProblem ? t(firstProblem.key, firstProblem.params) : undefined}
          style={{ flexGrow: 1 }}
        >
          <Input value={text} onChange={(_, d) => setText(d.value)} data-testid="add-hosts-input" />
        </Field>
        <Button type="submit" disabled={text.trim().length === 0 || firstProblem !== undefined} data-testid="add-hosts-submit">
          {t('discover.add.submit')}
        </Button>
        <Busy op="resolve" label={t('ops.resolve')} />
      </form>
      {results.length > 0 ? (
        <ul aria-live="polite" data-testid="add-results">
          {results.map((r) => (
            <li key={r.name}>
              {r.problemKey ? t(r.problemKey, { ...r.problemParams, name: r.name }) : t('discover.add.added', { name: r.name })}
              {r.detail ? ` — ${r.detail}` : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
