import { callText, isolated } from '../../core/call-content.js';
import { html, nothing, type TemplateResult } from 'lit';
import { characterCount } from '../../api/accepts.js';
import type { Call } from '../../api/types.js';
import type { Formats } from '../../core/format.js';
import type { UploaderWords } from '../words/words.js';
import type { AnswerErrors, AnswerField, AnswerValues } from '../checks.js';

/** What every field of the form reads and writes. */
export interface FieldsContext {
  values: AnswerValues;
  errors: AnswerErrors;
  words: UploaderWords;
  formats: Formats;
  setValue<K extends keyof AnswerValues>(field: K, value: AnswerValues[K]): void;
}

/** A field's error, with the id its input is described by. */
export function errorFor(errors: AnswerErrors, field: AnswerField): TemplateResult | typeof nothing {
  const message = errors[field];
  return message ? html`<p class="error" part="error" id="${field}-error">${message}</p>` : nothing;
}

/** The ids that describe a field's input: its hints, and its error when it has one. */
export function describedBy(errors: AnswerErrors, field: AnswerField, ...others: string[]): string {
  return [...others, errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
}

/** A one-line field: its label, the input, a hint, and its error, wired together for screen readers. */
export function inputField(
  c: FieldsContext,
  field: 'title' | 'creditName' | 'email',
  options: { type: 'text' | 'email'; label: string; hint?: string; optional?: boolean; maxlength?: number },
): TemplateResult {
  const hintId = options.hint ? `${field}-hint` : '';
  return html`<div class="field" part="field">
    <label for=${field}
      >${options.label} ${options.optional ? html`<span class="optional">${c.words.optional}</span>` : nothing}</label
    >
    <input
      id=${field}
      part="input"
      type=${options.type}
      autocomplete=${field === 'email' ? 'email' : field === 'creditName' ? 'name' : 'off'}
      maxlength=${options.maxlength ?? 320}
      ?required=${!options.optional}
      .value=${c.values[field]}
      aria-invalid=${c.errors[field] ? 'true' : 'false'}
      aria-describedby=${describedBy(c.errors, field, hintId)}
      @input=${(e: Event) => c.setValue(field, (e.target as HTMLInputElement).value)}
    />
    ${options.hint ? html`<p class="hint" id=${hintId}>${options.hint}</p>` : nothing} ${errorFor(c.errors, field)}
  </div>`;
}

/** The text of a text contribution, with its character count when the call has a limit. */
export function textField(c: FieldsContext, call: Call): TemplateResult {
  const max = call.accepts.find((a) => a.kind === 'text')?.maxLength;
  const count = characterCount(c.values.text);
  return html`<div class="field" part="field">
    <label for="text">${c.words.textLabel}</label>
    <textarea
      id="text"
      part="input"
      rows="4"
      .value=${c.values.text}
      aria-invalid=${c.errors.text ? 'true' : 'false'}
      aria-describedby=${describedBy(c.errors, 'text', max ? 'text-count' : '')}
      @input=${(e: Event) => c.setValue('text', (e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${
      max
        ? html`<p id="text-count" class="hint count ${count > max ? 'over' : ''}">
            ${c.words.characterCount(c.formats.count(count), c.formats.count(max))}
          </p>`
        : nothing
    }
    ${errorFor(c.errors, 'text')}
  </div>`;
}

/** Title, credit, email, the contribution's language (when the call has several) and consent to the terms. */
export function aboutFields(c: FieldsContext, call: Call): TemplateResult {
  const s = c.words;
  return html`${inputField(c, 'title', { type: 'text', label: s.titleLabel, optional: true, maxlength: 300 })}
    ${inputField(c, 'creditName', { type: 'text', label: s.creditLabel, hint: s.creditHint, maxlength: 200 })}
    ${inputField(c, 'email', { type: 'email', label: s.emailLabel, hint: s.emailHint, optional: true })}
    ${
      call.languages.length > 1
        ? html`<div class="field" part="field">
            <label for="language">${s.languageLabel}</label>
            <select
              id="language"
              part="input"
              @change=${(e: Event) => c.setValue('language', (e.target as HTMLSelectElement).value)}
            >
              ${call.languages.map(
                (l) => html`<option value=${l} ?selected=${l === c.values.language}>${c.formats.language(l)}</option>`,
              )}
            </select>
          </div>`
        : nothing
    }
    <div class="field consent" part="field">
      <div class="choice">
        <input
          type="checkbox"
          id="consent"
          .checked=${c.values.consent}
          aria-invalid=${c.errors.consent ? 'true' : 'false'}
          aria-describedby=${describedBy(c.errors, 'consent', 'terms')}
          @change=${(e: Event) => c.setValue('consent', (e.target as HTMLInputElement).checked)}
        />
        <label for="consent">${s.consent(isolated(callText(call, 'title', c.formats.locale)))}</label>
      </div>
      <p class="hint" id="terms">
        <a href=${call.terms.url} target="_blank" rel="noopener noreferrer">${s.termsLink(call.terms.version)}</a>
        ${call.terms.license ? s.license(call.terms.license) : nothing}
      </p>
      ${errorFor(c.errors, 'consent')}
    </div>`;
}

/** Text or files, for a call that takes both. */
export function modeChoice(
  words: UploaderWords,
  mode: 'text' | 'files',
  choose: (mode: 'text' | 'files') => void,
): TemplateResult {
  return html`<fieldset class="field" part="field">
    <legend>${words.answerWith}</legend>
    ${(['text', 'files'] as const).map(
      (m) =>
        html`<label class="choice"
          ><input type="radio" name="mode" .checked=${mode === m} @change=${() => choose(m)} />${
            m === 'text' ? words.answerWithText : words.answerWithFiles
          }</label
        >`,
    )}
  </fieldset>`;
}

/** Why the contribution could not be sent, above the form, with "Send again". */
export function formProblem(message: string, words: UploaderWords, retry: () => void): TemplateResult {
  return html`<div class="form-error" part="error" role="alert" tabindex="-1">
    <p>${message}</p>
    <button type="button" class="retry" @click=${retry}>${words.retrySubmit}</button>
  </div>`;
}
