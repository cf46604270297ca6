/** Directory connection (password held only in this form until sent, then cleared) or the lab. */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Busy } from '../../app/busy';
import { useActions, useFerry } from '../../app/store-context';

const useStyles = makeStyles({
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', marginTop: tokens.spacingVerticalS },
});

export function ConnectForm() {
  const { t } = useTranslation();
  const styles = useStyles();
  const actions = useActions();
  const directory = useFerry((s) => s.directory);
  const [url, setUrl] = useState('');
  const [startTls, setStartTls] = useState(false);
  const [baseDn, setBaseDn] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');

  // Prefill the base DN with the naming context the directory's RootDSE announced, so the
  // admin sees (and can narrow) where the host search runs.
  const namingContext = directory?.connected ? directory.defaultNamingContext : undefined;
  useEffect(() => {
    if (namingContext) setBaseDn((current) => (current === '' ? namingContext : current));
  }, [namingContext]);

  const submit = async () => {
    const pw = password;
    setPassword(''); // never kept after the attempt
    await actions.connect({ url, startTls, bindUser: user, password: pw, ...(baseDn ? { baseDn } : {}) });
  };
  const canConnect = url.length > 0 && user.length > 0 && password.length > 0;

  return (
    <section aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('discover.connect.title')}</h2>
      {directory?.connected ? (
        <p data-testid="directory-status">
          {directory.lab ? t('discover.connect.connectedLab') : t('discover.connect.connected', { url: directory.url ?? '', base: directory.defaultNamingContext ?? '' })}
        </p>
      ) : null}
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          if (canConnect) void submit();
        }}
      >
        <Field label={t('discover.connect.url')} hint={t('discover.connect.urlHint')}>
          <Input value={url} onChange={(_, d) => setUrl(d.value)} data-testid="connect-url" />
        </Field>
        <Field label={t('discover.connect.baseDn')} hint={t('discover.connect.baseDnHint')}>
          <Input value={baseDn} onChange={(_, d) => setBaseDn(d.value)} data-testid="connect-basedn" />
        </Field>
        <Field label={t('discover.connect.user')}>
          <Input value={user} onChange={(_, d) => setUser(d.value)} autoComplete="username" data-testid="connect-user" />
        </Field>
        <Field label={t('discover.connect.password')} hint={t('discover.connect.passwordHint')}>
          <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="off" data-testid="connect-password" />
        </Field>
        <Checkbox checked={startTls} onChange={(_, d) => setStartTls(d.checked === true)} label={t('discover.connect.startTls')} />
        <Button type="submit" appearance="primary" disabled={!canConnect} data-testid="connect-submit">
          {t('discover.connect.submit')}
        </Button>
      </form>
      <div className={styles.row}>
        <Button onClick={() => void actions.openLab()} data-testid="use-lab">
          {t('discover.connect.useLab')}
        </Button>
        <Busy op="connect" label={t('ops.connect')} />
        <Busy op="lab" label={t('ops.lab')} />
        <Busy op="discover" label={t('ops.discover')} />
        <Busy op="read" label={t('ops.read')} />
      </div>
    </section>
  );
}
