// Entry of the single-file bundle a blogger pastes: defines every element.
import './config/define.js';
import './call-for-contributions/define.js';
