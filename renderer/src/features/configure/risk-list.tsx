/** The risks of a desired value, under its editor: the same in the pair's and the group's grid. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  risk: { color: tokens.colorPaletteRedForeground1, margin: 0, paddingLeft: '1.2em' },
});

export function RiskList(props: { readonly risks: readonly string[]; readonly testId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (props.risks.length === 0) return null;
  return (
    <ul className={styles.risk} data-testid={props.testId}>
      {props.risks.map((k) => (
        <li key={k}>{t(k)}</li>
      ))}
    </ul>
  );
}
