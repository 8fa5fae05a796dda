/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  postcss: true,
  tailwind: false,
  // Packages with native code or WASM must stay external to the server bundle.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: with lazy discovery, a fetcher to a not-yet-discovered resource route
    // (the live similar-demands lookup) that overlaps a revalidation can resolve
    // to our catch-all `$` route and show the 404 page in place of the form
    // (remix-run/remix#10263, react-router#15326). The whole manifest of our
    // ~100 routes is small enough to send up front.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: false,
  },
};
