import { css } from './css.js';

/**
 * The lines of the placeholders that hold a widget's place while its call loads, shared by the
 * list's cards and the form's fields: each element draws its own shapes from them.
 */
export const placeholders = css`
  .skeleton .line {
    height: 0.9em;
    border-radius: 0.3em;
    background: var(--_oc-subtle);
  }
  .skeleton .long {
    width: 95%;
  }
  .skeleton .mid {
    width: 65%;
  }
  .skeleton .short {
    width: 35%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (forced-colors: active) {
    .skeleton .line {
      background: GrayText;
    }
  }
`;
