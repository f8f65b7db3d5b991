import { type Component, For } from 'solid-js';

/** The account fields a person edits, in form order, with their labels. */
export const ACCOUNT_FIELDS = [
  ['team', 'Team'],
  ['businessArea', 'Business area'],
  ['vp', 'VP'],
  ['admin', 'Admin'],
  ['primaryItPartner', 'Primary IT partner'],
  ['azureDevopsLink', 'Azure DevOps link'],
  ['artifactsFolderLink', 'Artifacts folder link'],
] as const;

export type AccountValues = Record<(typeof ACCOUNT_FIELDS)[number][0], string>;

export const emptyAccount = (): AccountValues =>
  Object.fromEntries(ACCOUNT_FIELDS.map(([field]) => [field, ''])) as AccountValues;

/** Values of an account read from the api, as the form's strings. */
export const accountValues = (account: Partial<Record<string, unknown>>): AccountValues =>
  Object.fromEntries(ACCOUNT_FIELDS.map(([field]) => [field, String(account[field] ?? '')])) as AccountValues;

export interface AccountFieldsProps {
  idPrefix: string;
  values: AccountValues;
  onChange(field: keyof AccountValues, value: string): void;
}

/** The labelled inputs of an account, for the create and edit forms. */
export const AccountFields: Component<AccountFieldsProps> = (props) => (
  <For each={ACCOUNT_FIELDS}>
    {([field, label]) => (
      <div class="field">
        <label for={`${props.idPrefix}-${field}`}>{label}</label>
        <input
          id={`${props.idPrefix}-${field}`}
          name={field}
          value={props.values[field]}
          required={field === 'team' || field === 'businessArea'}
          onInput={(event) => props.onChange(field, event.currentTarget.value)}
        />
      </div>
    )}
  </For>
);
