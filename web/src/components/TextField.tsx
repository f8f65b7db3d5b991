import { type Component, type JSX, Show } from 'solid-js';

export interface TextFieldProps {
  id: string;
  label: string;
  name: string;
  type: 'text' | 'email' | 'password' | 'url';
  autocomplete?: JSX.HTMLAutocomplete;
  value: string;
  onInput(value: string): void;
  /** Shown under the input, which is then marked invalid and described by it. */
  error?: string;
  ref?: HTMLInputElement | ((element: HTMLInputElement) => void);
}

/** A labelled input with its validation message wired for screen readers. */
export const TextField: Component<TextFieldProps> = (props) => {
  const errorId = () => `${props.id}-error`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        ref={props.ref}
        id={props.id}
        name={props.name}
        type={props.type}
        autocomplete={props.autocomplete}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={Boolean(props.error)}
        aria-describedby={props.error ? errorId() : undefined}
      />
      <Show when={props.error}>
        <p class="field__error" id={errorId()}>
          {props.error}
        </p>
      </Show>
    </div>
  );
};
