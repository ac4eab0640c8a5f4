// Stands in for the `url-parse` package inside tus-js-client in the CDN bundle. tus-js-client
// only resolves an upload's Location against the endpoint (`new URL(link, origin).toString()`),
// which every browser's own URL does, without the package and its two dependencies.
export default globalThis.URL;
