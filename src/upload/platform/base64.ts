// Stands in for the `js-base64` package inside tus-js-client in the CDN bundle: tus-js-client
// only encodes Upload-Metadata values (short: they travel in a header), as UTF-8 then Base64,
// which the browser can do itself.
export const Base64 = {
  encode: (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text))),
};
