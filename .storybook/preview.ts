import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components';
// Made from the JSDoc by `npm run analyze`, which `npm run storybook` runs first.
import manifest from '../custom-elements.json';

interface Member {
  name: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  members?: Member[];
}

/**
 * The manifest without what is not an element's public API (protected and private members such
 * as `speaks` and `settings`, statics): the controls and docs show only what a page can set.
 */
const publicOnly = {
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: (module.declarations as Declaration[] | undefined)?.map((declaration) =>
      declaration.members
        ? {
            ...declaration,
            members: declaration.members.filter((m) => !m.privacy && !m.static && !m.name.startsWith('#')),
          }
        : declaration,
    ),
  })),
};

setCustomElementsManifest(publicOnly);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
