// A fresh nonce for a webview page's Content-Security-Policy. Web Crypto and btoa exist in
// both extension hosts (Node >= 20 and the web worker), so no node:crypto is needed.

/** 18 random bytes (144 bits) from the platform's CSPRNG, base64-encoded: 24 characters. */
export function newNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}
