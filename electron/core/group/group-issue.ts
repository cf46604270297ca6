/**
 * What is wrong with a group request (its hosts, pair, topology, per-host overrides), as a code +
 * params, the way refused desired settings are (settings/validate.ts): the English message for
 * the CLI and logs comes from the one table below; the window says the code in its language
 * (`groupIssue.*` in renderer/src/i18n, a refused host name `hostName.*`). Both name the field.
 */
import { hostNameIssue } from '../settings/host-name';
import { fillPlaceholders } from '../text/fill-placeholders';

export interface GroupIssue {
  /** The request field, dotted (`hosts.3`, `delegation.hubs.0`). */
  readonly field: string;
  /** English, `field: what is wrong` (CLI, logs). */
  readonly message: string;
  /** The same as an i18n key + params (`field` among them), which the window says. */
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The English words per code; `{{name}}` is a param. The CLI prints these (after the field). */
const ENGLISH = {
  'hosts-and-pair': 'give hosts, or source and destination, not both',
  'no-hosts': 'give two or more hosts, or a source and a destination',
  required: 'is required',
  'same-as-source': 'must differ from the source',
  'too-few-hosts': 'a group needs at least two hosts',
  'too-many-hosts': 'at most {{max}} hosts',
  'listed-twice': '{{host}} is listed twice',
  'given-twice': '{{host}} is given twice',
  'not-in-group': '{{host}} is not in the group',
  'no-hubs': 'choose at least one destination host',
  'hubs-need-hub': "hubs need topology 'hub'",
  'choose-settings': 'choose the settings first',
} as const satisfies Readonly<Record<string, string>>;

type GroupIssueCode = keyof typeof ENGLISH;

/** Every code, for the tests that hold each to an English and a German text. */
export const GROUP_ISSUE_CODES = Object.keys(ENGLISH) as readonly GroupIssueCode[];

type Params = Readonly<Record<string, string | number>>;

export function groupIssue(field: string, code: GroupIssueCode, params: Params = {}): GroupIssue {
  const text = fillPlaceholders(ENGLISH[code], params);
  return { field, message: `${field}: ${text}`, messageKey: `groupIssue.${code}`, params: { ...params, field } };
}

/** A refused host name in a group field, with host-name.ts's own code; null when the name is fine. */
export function hostNameGroupIssue(field: string, name: string): GroupIssue | null {
  const issue = hostNameIssue(name);
  if (issue === null) return null;
  return { field, message: `${field}: ${issue.message}`, messageKey: issue.messageKey, params: { ...issue.messageParams, field } };
}
