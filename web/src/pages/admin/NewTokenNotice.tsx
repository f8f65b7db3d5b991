import { type Component, createSignal } from 'solid-js';

export interface NewTokenNoticeProps {
  name: string;
  token: string;
  /** The admin confirmed they stored it; the token is then gone from the page for good. */
  onDismiss(): void;
}

/** A service token just issued: shown this once, with a copy button and a warning. */
export const NewTokenNotice: Component<NewTokenNoticeProps> = (props) => {
  const [copied, setCopied] = createSignal<string>();
  let field!: HTMLInputElement;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.token);
      setCopied('Copied to the clipboard.');
    } catch {
      // Without clipboard access (http, a denied permission) the selection lets the admin copy by hand.
      field.select();
      setCopied('Selected: press Ctrl+C (⌘C) to copy.');
    }
  };

  return (
    <div class="token-notice" role="alert" data-testid="new-token">
      <p class="token-notice__title">Token “{props.name}” created</p>
      <p>Copy it now and store it in the job's secret scope. It is shown only this once: CoP OS keeps only its hash.</p>
      <div class="token-notice__value">
        <input
          ref={field}
          readOnly
          value={props.token}
          aria-label="New service token"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="button button--primary" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p class="muted" role="status">
        {copied()}
      </p>
      <button type="button" class="button button--secondary" onClick={() => props.onDismiss()}>
        I have stored it
      </button>
    </div>
  );
};
