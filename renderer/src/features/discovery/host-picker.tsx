/**
 * One host picker: a Fluent combobox the admin types into. It lists the best matches only
 * (see `hostMatches`), so a 5,000-host directory puts 50 options in the DOM, not 5,000, and
 * the picker stays usable by keyboard and screen reader.
 */
import { useEffect, useMemo, useState } from 'react';
import { Combobox, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { hostMatches } from '../../store/host-matches';
import { formatNumber } from '../../i18n/format';
import { useFerry } from '../../app/store-context';

const useStyles = makeStyles({
  label: { display: 'flex', flexDirection: 'column', gap: '2px' },
  more: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

export interface HostPickerProps {
  readonly label: string;
  readonly names: readonly string[];
  readonly value: string | null;
  readonly onChange: (name: string | null) => void;
  readonly testId: string;
}

export function HostPicker({ label, names, value, onChange, testId }: HostPickerProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const lang = useFerry((s) => s.language);
  const [text, setText] = useState(value ?? '');
  // A host chosen elsewhere (a row's source/destination button) shows here too.
  useEffect(() => setText(value ?? ''), [value]);
  // An exact name typed in full lists everything; otherwise the text narrows the list.
  const matches = useMemo(() => hostMatches(names, text === value ? '' : text), [names, text, value]);

  return (
    <label className={styles.label}>
      {label}
      <Combobox
        clearable
        value={text}
        selectedOptions={value ? [value] : []}
        placeholder={t('discover.pair.none')}
        onChange={(e) => setText(e.target.value)}
        onOptionSelect={(_, d) => {
          const name = d.optionValue ?? null;
          setText(name ?? '');
          onChange(name);
        }}
        onOpenChange={(_, d) => {
          if (!d.open) setText(value ?? ''); // closing without a choice puts the chosen name back
        }}
        data-testid={testId}
      >
        {matches.shown.map((name) => (
          <Option key={name} value={name}>{name}</Option>
        ))}
        {matches.more > 0 ? (
          <div role="note" className={styles.more}>{t('discover.pair.more', { formatted: formatNumber(matches.more, lang) })}</div>
        ) : null}
        {matches.shown.length === 0 ? <div role="note" className={styles.more}>{t('discover.pair.noMatch')}</div> : null}
      </Combobox>
    </label>
  );
}
