import type { AnswerRegionWords } from './words.js';

export const zh: AnswerRegionWords = {
  heading: () => '你的投稿',
  elsewhere: '在项目网站上投稿',
  loadingForm: '正在加载投稿表单…',
  close: '关闭',
};
