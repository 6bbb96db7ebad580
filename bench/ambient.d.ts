// The bench's type check reaches app modules written with Svelte's runes (the page's code
// imports the client's state through the sync engine); svelte-check knows them, tsc needs this.
/// <reference types="svelte" />
