/**
 * The warnings the host planner (build-plan.ts) and the delegation planner (delegation/plan.ts)
 * give, as a code + params, the way refused group requests are (core/group/group-issue.ts): the
 * English message for the CLI and logs comes from the one table below; the window says the code
 * in its language (`planWarning.*` in renderer/src/i18n, key from `planWarningKey`: a code with
 * several reasons is keyed by its `reason` param). `{{target}}` is the warning's target.
 */
import type { PlanWarning } from '../model';
import { fillPlaceholders } from '../text/fill-placeholders';

const ENGLISH = {
  'invalid-host-name': 'Host name refused: {{problem}}',
  'duplicate-host': '{{target}} is listed twice; planned once.',
  'host-unreadable': {
    error: '{{target}} could not be read ({{status}}: {{detail}}); no steps planned for it.',
    'no-detail': '{{target}} could not be read ({{status}}); no steps planned for it.',
  },
  'unparsable-network': '{{target}} reports a migration network Ferry cannot parse; it is left alone. Remove it by hand if it should go.',
  'unconstrained-delegation':
    "{{target}} is trusted for delegation to any service (unconstrained). Ferry leaves that setting alone; consider turning it off in the account's Delegation tab.",
  'cross-domain':
    '{{target}} ({{fromDomain}}) and {{to}} ({{toDomain}}) are in different domains: constrained delegation entries do not work there, so Ferry plans none. Set resource-based delegation on {{to}} (msDS-AllowedToActOnBehalfOfOtherIdentity) instead.',
  'missing-spn':
    '{{target}} registers no "Microsoft Virtual System Migration Service" SPN; the delegation is written but Kerberos cannot find the service until Hyper-V registers it (setspn -s "Microsoft Virtual System Migration Service/<FQDN>" {{target}}).',
  'flag-kept': {
    'still-delegates': '{{target}} keeps "Use any authentication protocol": it still delegates to {{count}} other service(s).',
    'not-set-by-ferry': '{{target}} keeps "Use any authentication protocol": the audit log does not show that Ferry set it.',
  },
} as const satisfies Readonly<Record<string, string | Readonly<Record<string, string>>>>;

type PlanWarningCode = keyof typeof ENGLISH;
type Params = Readonly<Record<string, string | number>>;

/** Every window key the table words (`planWarning.<code>` or `planWarning.<code>.<reason>`), for the tests that hold each to an English and a German text. */
export const PLAN_WARNING_KEYS: readonly string[] = Object.entries(ENGLISH).flatMap(([code, entry]) =>
  typeof entry === 'string' ? [`planWarning.${code}`] : Object.keys(entry).map((reason) => `planWarning.${code}.${reason}`),
);

/** The warning for `code` about `target` (a host, an account), its English filled from the table. */
export function planWarning(code: PlanWarningCode, target: string | undefined, params: Params = {}): PlanWarning {
  const entry: string | Readonly<Record<string, string>> = ENGLISH[code];
  const template = typeof entry === 'string' ? entry : entry[String(params.reason)];
  // A code with reasons needs one of them: a planner bug, not something a host or directory can cause.
  if (template === undefined) throw new Error(`plan warning ${code}: no reason ${String(params.reason)}`);
  const fill: Params = { ...params, ...(target !== undefined ? { target } : {}) };
  const message = fillPlaceholders(template, fill);
  return { code, ...(target !== undefined ? { target } : {}), ...(Object.keys(params).length > 0 ? { params } : {}), message };
}
