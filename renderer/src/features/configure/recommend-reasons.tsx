/** Why Recommended chose what it chose, for a pair and for a group alike. */
import { useTranslation } from 'react-i18next';
import { useFerry } from '../../app/store-context';

export function RecommendReasons() {
  const { t } = useTranslation();
  const reasons = useFerry((s) => s.reasons);
  if (reasons.length === 0) return null;
  return (
    <ul data-testid="recommend-reasons">
      {reasons.map((r) => (
        <li key={r.key}>{t(r.key, r.values ?? {})}</li>
      ))}
    </ul>
  );
}
