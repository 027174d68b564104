// Handlebars' core build (parser, compiler, runtime) without the package entry's
// `require.extensions` hook: the same API as the package's own types describe.
declare module 'handlebars/dist/cjs/handlebars.js' {
  import Handlebars from 'handlebars';
  export default Handlebars;
}
