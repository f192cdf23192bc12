import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE, newPassphraseProblem } from '../../lib/crypto/envelope';
import { t } from '../../lib/i18n';

/**
 * A passphrase form: one field to enter an existing passphrase, or two (typed twice) for a new one. `onSubmit` gets
 * the passphrase once it is acceptable; the fields are cleared after each submit so nothing lingers in the page.
 */
export function PassphraseForm(props: {
  idPrefix: string;
  mode: 'existing' | 'new';
  submitLabel: string;
  disabled?: boolean;
  label?: string;
  onSubmit: (passphrase: string) => void;
  onCancel?: () => void;
}) {
  const [value, setValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const issue = props.mode === 'new' ? newPassphraseProblem(value, repeat) : value ? undefined : 'tooShort';
    if (issue)
      return setProblem(
        issue === 'mismatch'
          ? t('vault.passphraseMismatch')
          : t('vault.passphraseTooShort', { n: props.mode === 'new' ? MIN_PASSPHRASE : 1 }),
      );
    setProblem(null);
    setValue('');
    setRepeat('');
    props.onSubmit(value);
  };
  return (
    <form class="stack passphrase-form" onSubmit={submit} data-testid={`${props.idPrefix}-form`}>
      <div class="row">
        <label for={`${props.idPrefix}-passphrase`} class="field-label">
          {props.label ?? t('vault.passphrase')}
        </label>
        <input
          id={`${props.idPrefix}-passphrase`}
          type="password"
          autocomplete={props.mode === 'new' ? 'new-password' : 'current-password'}
          value={value}
          disabled={props.disabled}
          onInput={(e) => setValue(e.currentTarget.value)}
          data-testid={`${props.idPrefix}-passphrase`}
        />
      </div>
      {props.mode === 'new' && (
        <div class="row">
          <label for={`${props.idPrefix}-repeat`} class="field-label">
            {t('vault.passphraseRepeat')}
          </label>
          <input
            id={`${props.idPrefix}-repeat`}
            type="password"
            autocomplete="new-password"
            value={repeat}
            disabled={props.disabled}
            onInput={(e) => setRepeat(e.currentTarget.value)}
            data-testid={`${props.idPrefix}-repeat`}
          />
        </div>
      )}
      {problem && (
        <p class="banner banner-error" role="alert">
          {problem}
        </p>
      )}
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={props.disabled} data-testid={`${props.idPrefix}-submit`}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" class="btn" disabled={props.disabled} onClick={props.onCancel}>
            {t('vault.backup.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
