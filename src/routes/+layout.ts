// Lekeplan renders on the client only: its data lives in the tablet's IndexedDB, and the
// service worker serves the same shell for every route while offline (docs/adr/0001).
export const ssr = false;
export const prerender = false;
