import { html, nothing, type TemplateResult } from 'lit';

/**
 * A placeholder with the shape of the answer form, field for field (the answer, title, credit,
 * email, consent, Send), shown while its call loads so that the page does not move when the
 * form arrives. Its height is the `min-height` the README's reserve style gives the tag.
 */
export function formSkeleton(loading: string): TemplateResult {
  // Classes, not style attributes: a site's Content-Security-Policy may forbid inline styles.
  const field = (hint = false) =>
    html`<div class="line short"></div>
      <div class="box"></div>
      ${hint ? html`<div class="line long"></div>` : nothing}`;
  return html`<div class="loading skeleton" aria-busy="true">
    <span class="visually-hidden">${loading}</span>
    <div aria-hidden="true">
      <div class="line short"></div>
      <div class="box answer-box"></div>
      ${field()} ${field(true)} ${field(true)}
      <div class="line long"></div>
      <div class="line long"></div>
      <div class="line mid"></div>
      <div class="box button-box"></div>
    </div>
  </div>`;
}
