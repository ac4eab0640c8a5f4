import type { AnswerRegionWords } from './words.js';

export const zh: AnswerRegionWords = {
  heading: (title) => `投稿：${title}`,
  elsewhere: '在项目网站上投稿',
  close: '关闭',
};
