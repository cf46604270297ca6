/** Errors as "what happened, on which host, what to do" — the message from main, never a stack. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useActions, useFerry } from './store-context';

export function ErrorList() {
  const { t } = useTranslation();
  const errors = useFerry((s) => s.errors);
  const actions = useActions();
  if (errors.length === 0) return null;
  return (
    <div role="alert" data-testid="errors">
      {errors.map((e, i) => (
        <MessageBar key={`${e.op}-${i}`} intent="error" layout="multiline" data-testid={`error-${e.op}`}>
          <MessageBarBody>
            <MessageBarTitle>{t(`ops.${e.op}`)}</MessageBarTitle>
            {e.target ? `${t('errors.onHost', { host: e.target })} ` : null}
            {e.messageKey ? t(e.messageKey, { ...e.params, defaultValue: e.message }) : e.message} {e.field ? t('errors.field', { field: e.field }) : null}
            <div>{t(e.hintKey)}</div>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => actions.dismissError(i)}>
              {t('common.dismiss')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
