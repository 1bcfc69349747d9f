import { useState } from 'react';
import { FieldError, describedBy } from './Field';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
  errors?: string[];
};

/** A password input with a "Show password" toggle, its hint and its errors. */
export function PasswordField({ id, label, value, onChange, autoComplete, hint, errors }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="password-row">
        <input
          id={id}
          name={id}
          type={shown ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(hint && `${id}-hint`, errors?.length ? `${id}-error` : undefined)}
        />
        <button
          type="button"
          className="ghost show-password"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown((was) => !was)}
        >
          Show password
        </button>
      </div>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
