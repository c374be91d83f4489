/** A .wasm file as webpack's asset/inline gives it: a data URL. */
declare module '*.wasm' {
  const url: string;
  export default url;
}
