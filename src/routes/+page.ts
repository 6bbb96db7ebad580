// The shell at / is prerendered so the service worker can precache it as the offline fallback.
export const prerender = true;
