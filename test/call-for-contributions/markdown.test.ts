import { expect, fixture, html } from '@open-wc/testing';
import { renderMarkdown } from '../../src/call-for-contributions/once-shown/markdown.js';

const rendered = (source: string) => fixture(html`<div>${renderMarkdown(source)}</div>`);

describe('limited Markdown in descriptions', () => {
  it('renders paragraphs, emphasis, strong text, lists and http(s) links', async () => {
    const el = await rendered(
      'We are making a film about **dreams**.\nWrite *one* line.\n\n- English or _Malay_\n- [Read the brief](https://hitrecord.example/brief)\n\n1. Record\n2. Send',
    );
    expect(el.querySelectorAll('p')).to.have.length(1);
    expect(el.querySelector('p')!.textContent).to.equal('We are making a film about dreams. Write one line.');
    expect(el.querySelector('strong')!.textContent).to.equal('dreams');
    expect([...el.querySelectorAll('em')].map((e) => e.textContent)).to.deep.equal(['one', 'Malay']);
    expect(el.querySelectorAll('ul > li')).to.have.length(2);
    expect(el.querySelectorAll('ol > li')).to.have.length(2);
    const link = el.querySelector('a')!;
    expect([link.href, link.target, link.rel]).to.deep.equal([
      'https://hitrecord.example/brief',
      '_blank',
      'noopener noreferrer',
    ]);
  });

  it('keeps HTML as text and turns non-web links into plain words', async () => {
    const el = await rendered(
      '<img src=x onerror=alert(1)> [run](javascript:alert(1)) [mail](mailto:a@b.c) <b>bold</b> snake_case_name [wiki](https://en.wikipedia.org/wiki/Puisi_(poetry))',
    );
    expect(el.querySelectorAll('img, b, a:not([href^="https:"])')).to.have.length(0);
    expect(el.querySelector('a')!.href).to.equal('https://en.wikipedia.org/wiki/Puisi_(poetry)');
    expect(el.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(el.textContent).to.contain('run mail <b>bold</b> snake_case_name');
  });
});
