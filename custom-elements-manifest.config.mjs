// `npm run analyze`: custom-elements.json from the elements' JSDoc (@event @slot @csspart @cssproperty).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
