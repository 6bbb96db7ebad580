// The parents' pages (issue 17, ADR 39) are rendered on the server and send no JavaScript: they
// work on an old phone, print cleanly and need nothing of the app's offline shell.
export const ssr = true;
export const csr = false;
export const prerender = false;
