// Modules the build makes from content/ (vite-content.ts). A content/*.yaml file becomes a
// JSON module whose contents the module reading it checks, so its type starts as unknown.
declare module '*.yaml' {
  const data: unknown
  export default data
}

// The guide, checked and rendered by the build; src/guide/content.ts gives it its types
// (an ambient declaration cannot import them from vite-content.ts).
declare module 'virtual:ippo-guide' {
  const index: unknown
  export default index
}

declare module 'virtual:ippo-guide/*' {
  const texts: Record<string, string>
  export default texts
}
