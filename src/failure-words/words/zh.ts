import type { FailureWords } from './words.js';

export const zh: FailureWords = {
  unreachable: '无法连接征集服务。请检查网络连接，然后重试。',
  timeout: '征集加载时间过长。请稍后重试。',
  notFound: '此征集不存在，或已不再发布。',
  problem: '征集服务出现问题。请稍后重试。',
  invalid: '征集数据的格式无法被此页面读取。已在浏览器控制台中告知网站管理员。',
  noBackend: '此组件没有可连接的服务：请设置它的 api 属性（或 source 属性）。',
  notAllowed: '此网站无权显示这些征集。已在浏览器控制台中告知网站管理员。',
};
