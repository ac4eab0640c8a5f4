// Entry of the single-file bundle a blogger pastes: defines every element. The answer form
// (and tus-js-client) is defined here too but only loads when someone starts to contribute.
import './config/define.js';
import './call-for-contributions/define.js';
