import { useState, type KeyboardEvent } from 'react';
import { FieldError, describedBy } from './Field';

type Props = {
  id: string;
  label: string;
  /** Singular, for the remove buttons: "Remove hobby hiking". */
  noun: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Text typed but not added yet, so a save can include it. */
  draft: string;
  onDraftChange: (draft: string) => void;
  errors?: string[];
  max?: number;
  maxLength?: number;
};

/** Adds `entry` unless it is empty or already there in any case, as the API would drop it anyway. */
export function addChip(values: string[], entry: string): string[] {
  const value = entry.trim().replace(/\s+/g, ' ');
  if (!value || values.some((existing) => existing.toLowerCase() === value.toLowerCase())) return values;
  return [...values, value];
}

export function ChipsInput({ id, label, noun, values, onChange, draft, onDraftChange, errors, max = 20, maxLength = 40 }: Props) {
  const [announcement, setAnnouncement] = useState('');
  const full = values.length >= max;
  const invalid = Boolean(errors?.length);
  const errorId = `${id}-error`;

  function add() {
    const next = addChip(values, draft);
    if (next !== values) setAnnouncement(`Added ${next[next.length - 1]}.`);
    onChange(next);
    onDraftChange('');
  }

  function remove(index: number) {
    const removed = values[index];
    onChange(values.filter((_, i) => i !== index));
    setAnnouncement(`Removed ${removed}.`);
    document.getElementById(id)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || (event.key === ',' && draft.trim())) {
      event.preventDefault();
      if (!full) add();
    } else if (event.key === 'Backspace' && !draft && values.length) {
      remove(values.length - 1);
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {values.length > 0 && (
        <ul className="chips" aria-label={`Your ${noun} list`}>
          {values.map((value, index) => (
            <li key={value} className="chip">
              <span>{value}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${noun} ${value}`} onClick={() => remove(index)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={id}
        value={draft}
        maxLength={maxLength}
        disabled={full}
        placeholder={full ? `That's ${max}, the most you can add` : `Add ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`}
        onChange={(e) => onDraftChange(e.target.value)}
        onKeyDown={onKeyDown}
        enterKeyHint="done"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(`${id}-hint`, invalid && errorId)}
      />
      <p className="hint" id={`${id}-hint`}>
        Type one and press Enter to add it. Up to {max}, {maxLength} characters each.
      </p>
      <FieldError id={errorId} messages={errors} />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
