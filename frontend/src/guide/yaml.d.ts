// content/*.yaml files become JSON modules at build time (vite-content.ts); what they
// hold is checked by the module that reads them, so their type starts as unknown.
declare module '*.yaml' {
  const data: unknown
  export default data
}
