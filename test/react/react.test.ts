import { expect } from '@open-wc/testing';
import React from 'react';
import type { CallForContributionsElement } from '../../src/call-for-contributions/call-for-contributions.js';
import type { ContributionUploaderElement } from '../../src/contribution-uploader/contribution-uploader.js';
import type { CallSelectDetail } from '../../src/core/events.js';
import { CallForContributions, ContributionUploader, OpenCallConfig } from '../../src/react/index.js';
import { backend } from '../harness/backend.js';
import { reactStage } from '../harness/react.js';
import { settled, until, words } from '../harness/dom.js';
import { listOf } from '../harness/list.js';
import { formOf } from '../harness/uploader.js';

let api: string;
before(async () => ({ api } = await backend()));

const stage = reactStage();
let container: HTMLElement;
const render = (element: ReturnType<typeof React.createElement>) => void (container = stage.render(element));

describe('React components (open-call-widgets/react)', () => {
  it('runs on React 19 and is accessible', async () => {
    expect(React.version.split('.')[0]).to.equal('19');
    render(React.createElement(CallForContributions, { api, campaign: 'this-is-malaysia' }));
    const el = container.querySelector<CallForContributionsElement>('call-for-contributions')!;
    await until(() => listOf(el).card().title);
    await expect(el).to.be.accessible();
  });

  it('hands a typed call-select event to onCallSelect, and the handler can keep the answer for itself', async () => {
    const chosen: CallSelectDetail[] = [];
    render(
      React.createElement(CallForContributions, {
        api,
        call: 'puisi-voices',
        onCallSelect: (event) => {
          // Typed: `event.detail.call` is a Call, no cast.
          chosen.push(event.detail);
          event.preventDefault();
        },
      }),
    );
    const el = container.querySelector<CallForContributionsElement>('call-for-contributions')!;
    await until(() => listOf(el).card().contributeButton);
    listOf(el).card().contribute();
    await settled(el);
    expect(chosen.map((d) => d.call.id)).to.deep.equal(['puisi-voices']);
    expect(chosen[0]?.call.accepts[0]?.kind).to.equal('audio');
    expect(listOf(el).answerForm, 'prevented: the page answers it its own way').to.not.exist;
  });

  it('passes objects as properties and shares settings through OpenCallConfig', async () => {
    render(
      React.createElement(
        OpenCallConfig,
        { api, lang: 'ms', headers: { Authorization: 'Bearer react-test' } },
        React.createElement(ContributionUploader, { call: 'astronaut-one-liner' }),
      ),
    );
    const uploader = container.querySelector<ContributionUploaderElement>('contribution-uploader')!;
    await until(() => formOf(uploader).form);
    expect(container.querySelector('open-call-config')?.headers).to.deep.equal({ Authorization: 'Bearer react-test' });
    expect(words(formOf(uploader).creditLabel)).to.match(/^Nama/);
  });
});
