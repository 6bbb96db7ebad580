// The shell at / is prerendered so the service worker can precache it as the offline fallback
// (ADR 1): with ssr off it is the same empty shell for every route.
export const prerender = true;
