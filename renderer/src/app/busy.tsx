/** Progress for a long operation with a Cancel that abandons waiting for it. */
import { Button, Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Op } from '../store/types';
import { useActions, useFerry } from './store-context';

export function Busy(props: { readonly op: Op; readonly label: string }) {
  const { t } = useTranslation();
  const busy = useFerry((s) => s.busy[props.op] !== undefined);
  const actions = useActions();
  if (!busy) return null;
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', gap: 8, alignItems: 'center' }} data-testid={`busy-${props.op}`}>
      <Spinner size="tiny" label={props.label} />
      <Button size="small" onClick={() => actions.abandon(props.op)} data-testid={`cancel-${props.op}`}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
