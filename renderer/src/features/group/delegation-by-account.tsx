/** Under the group's plan: per computer account, the delegation values it gets or loses. */
import { useMemo } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFerry } from '../../app/store-context';
import { delegationByAccount } from '../../store/delegation-by-account';

const useStyles = makeStyles({
  values: { margin: 0, paddingLeft: '1.2em', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export function DelegationByAccount() {
  const { t } = useTranslation();
  const styles = useStyles();
  const plan = useFerry((s) => s.plan);
  const accounts = useMemo(() => delegationByAccount(plan?.steps ?? []), [plan]);
  if (accounts.length === 0) return null;
  return (
    <section aria-labelledby="by-account-heading" data-testid="delegation-by-account">
      <h3 id="by-account-heading">{t('group.configure.byAccount')}</h3>
      {accounts.map((a) => (
        <details key={a.account} data-testid={`account-changes-${a.account}`}>
          <summary>
            {a.adds.length > 0 ? t('group.configure.adds', { account: a.account, count: a.adds.length }) : null}
            {a.adds.length > 0 && a.removes.length > 0 ? '; ' : null}
            {a.removes.length > 0 ? t('group.configure.removes', { account: a.account, count: a.removes.length }) : null}
            {a.adds.length === 0 && a.removes.length === 0 ? a.account : null}
            {a.flag ? ` (${t('configure.anyProtocol')})` : null}
          </summary>
          <ul className={styles.values}>
            {a.adds.map((v) => (
              <li key={`+${v}`}>+ {v}</li>
            ))}
            {a.removes.map((v) => (
              <li key={`-${v}`}>− {v}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
